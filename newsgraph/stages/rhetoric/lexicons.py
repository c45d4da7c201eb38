"""Cue lexicons (``data/lexicon.json``) compiled to one regex per category."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

CATEGORIES = ("loaded", "name_calling", "doubt", "fear", "exaggeration", "flag_waving",
              "causal", "dilemma", "authority", "slogans", "killer", "whatabout", "hedge",
              "speculation", "first_person", "reporting_verbs")
# Not counted as features: used by the analyzer to flag words outright.
EXTRA = ("strong",)


@lru_cache(maxsize=1)
def _raw() -> dict[str, list[str]]:
    text = resources.files(__package__).joinpath("data/lexicon.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    raw = _raw()
    out: dict[str, re.Pattern[str]] = {}
    for cat in CATEGORIES + EXTRA:
        # Longest first so "seemingly endless" wins over "endless" in one pass.
        words = sorted(raw[cat], key=len, reverse=True)
        alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        # The flag-outright list also takes plurals ("puppets"); the feature lists stay
        # exactly as the heads were trained on them.
        plural = "(?:s|es)?" if cat in EXTRA else ""
        out[cat] = re.compile(rf"(?<![\w'’-])(?:{alt}){plural}(?![\w'’-])", re.IGNORECASE)
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words left out of the repetition statistics."""
    return frozenset(_raw()["stopwords"])


def counts(text: str) -> list[int]:
    pats = patterns()
    return [len(pats[cat].findall(text)) for cat in CATEGORIES]


def hits(text: str, category: str) -> list[tuple[int, int]]:
    return [m.span() for m in patterns()[category].finditer(text)]
