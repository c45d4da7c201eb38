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


# A lexicon match starts and ends at the edges of these runs (the patterns' boundaries).
_WORD = re.compile(r"[\w'’-]+")
# (category number, rank in the category's alternation, words, takes plurals)
_Entry = tuple[int, int, tuple[str, ...], bool]


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[_Entry, ...]]:
    """Every entry of every category under its first word (a one-word plural entry also
    under its "s" and "es" forms), in each category's alternation order (longest first).
    Scanning word runs with it finds what ``patterns()`` finds: the entries are words
    separated by spaces, so a match starts at a run and covers whole runs; a plural entry's
    last word may end in "s" or "es"."""
    raw = _raw()
    index: dict[str, list[_Entry]] = {}
    for c, cat in enumerate(CATEGORIES + EXTRA):
        plural = cat in EXTRA
        for rank, entry in enumerate(sorted(raw[cat], key=len, reverse=True)):
            words = tuple(entry.lower().split())
            keys = [words[0]]
            if plural and len(words) == 1:
                keys += [words[0] + "s", words[0] + "es"]
            for key in keys:
                index.setdefault(key, []).append((c, rank, words, plural))
    return {k: tuple(sorted(v, key=lambda e: (e[0], e[1]))) for k, v in index.items()}


def _matches(text: str, words: list[str], spans: list[tuple[int, int]], i: int,
             entry: tuple[str, ...], plural: bool) -> bool:
    """Whether ``entry`` covers the runs from ``i`` on, separated by white space only."""
    n = len(entry)
    if i + n > len(words):
        return False
    for j in range(1, n):
        if not text[spans[i + j - 1][1]:spans[i + j][0]].isspace():
            return False
        word, want = words[i + j], entry[j]
        if word != want and not (plural and j == n - 1 and word in (want + "s", want + "es")):
            return False
    return n > 1 or not plural or words[i] in (entry[0], entry[0] + "s", entry[0] + "es")


def _scan(text: str, wanted: frozenset[int]) -> dict[int, list[tuple[int, int]]]:
    """Non-overlapping leftmost matches per category number, as ``findall`` would take
    them: at each run the category's first entry (longest) that matches wins, and the next
    match of that category starts after it."""
    index = _index()
    found: dict[int, list[tuple[int, int]]] = {c: [] for c in wanted}
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): word by word
        words = [w.lower() for w in _WORD.findall(text)]
    else:
        words = _WORD.findall(lower)
    spans: list[tuple[int, int]] = []  # read only when a run starts an entry
    free = dict.fromkeys(wanted, 0)  # the first run each category may start at
    for i, word in enumerate(words):
        entries = index.get(word)
        if entries is None:
            continue
        if not spans:
            spans = [m.span() for m in _WORD.finditer(text)]
        done = -1
        for c, _, entry, plural in entries:
            if c == done or free.get(c, len(words)) > i:
                continue
            if _matches(text, words, spans, i, entry, plural):
                found[c].append((spans[i][0], spans[i + len(entry) - 1][1]))
                free[c] = i + len(entry)
                done = c
    return found


_COUNTED = frozenset(range(len(CATEGORIES)))


def counts(text: str) -> list[int]:
    found = _scan(text, _COUNTED)
    return [len(found[c]) for c in range(len(CATEGORIES))]


def find(text: str, *categories: str) -> dict[str, list[tuple[int, int]]]:
    """The spans of each category's matches, in one scan of ``text``."""
    names = CATEGORIES + EXTRA
    found = _scan(text, frozenset(names.index(c) for c in categories))
    return {c: found[names.index(c)] for c in categories}


def hits(text: str, category: str) -> list[tuple[int, int]]:
    return find(text, category)[category]


def regex_counts(text: str) -> list[int]:
    """``counts`` by the compiled patterns (slow; kept to check the scanner against)."""
    pats = patterns()
    return [len(pats[cat].findall(text)) for cat in CATEGORIES]
