"""The compiled pattern table (``patterns.tsv``) and the script test for foreign banners."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .atoms import expand


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    zone: str  # any | head | tail
    max_chars: int
    rx: re.Pattern[str]
    needs: tuple[str, ...] = ()  # the line must contain one of these (lowercase), or YEAR


def _load() -> tuple[Rule, ...]:
    text = resources.files(__package__).joinpath("patterns.tsv").read_text(encoding="utf-8")
    rules: list[Rule] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            reason, zone, max_chars, pattern, *needs = line.split("\t")
            rules.append(Rule(reason, zone, int(max_chars), re.compile(expand(pattern), re.I),
                              tuple(needs[0].split("|")) if needs else ()))
        except (ValueError, re.error) as exc:
            raise ValueError(f"patterns.tsv line {n}: {exc}; fix the row (reason, zone,"
                             " max_chars, regex separated by tabs)") from exc
    return tuple(rules)


RULES: tuple[Rule, ...] = _load()
REASONS: frozenset[str] = frozenset(r.reason for r in RULES)

# Lines that mark the end of the article proper; after one, bios are looked for.
FOOTER_REASONS = frozenset({
    "separator", "share_prompt", "republication_note", "copyright", "fair_use", "disclaimer",
    "comment_prompt", "donation_prompt", "newsletter_prompt", "about_author", "articles_by",
    "paywall_prompt",
})
# Lines that carry metadata; the metadata stage reads them back from ``removed``.
METADATA_REASONS = frozenset({
    "title", "byline", "dateline", "articles_by", "republication_note", "author_bio",
    "copyright", "url_line", "foreign_script", "site_banner", "menu", "fair_use", "contact_line",
    "outlet_line", "disclaimer",
})


_BOUNDS = sorted({r.max_chars for r in RULES})


_YEAR = re.compile(r"\d{4}")


@cache
def _combined(zone: str, bound: int) -> tuple[re.Pattern[str] | None, tuple[int, ...]]:
    """For a line of at most ``bound`` chars in ``zone``: one alternation of the applicable
    rows without a ``needs`` column (one regex call per line instead of one per row), and the
    indexes of the rows with one, tried only when the line contains what they need."""
    rows = [i for i, r in enumerate(RULES) if r.max_chars >= bound and r.zone in ("any", zone)]
    plain = [f"(?P<r{i}>{RULES[i].rx.pattern})" for i in rows if not RULES[i].needs]
    return (re.compile("|".join(plain), re.I) if plain else None,
            tuple(i for i in rows if RULES[i].needs))


def classify(line: str, zone: str) -> str | None:
    """The reason ``line`` is boilerplate, or None. ``zone`` is head, body or tail.
    The first matching row of the table wins."""
    b = bisect_left(_BOUNDS, len(line))
    if b == len(_BOUNDS):
        return None
    rx, gated = _combined(zone, _BOUNDS[b])
    # match, not search: every row is anchored at ^, and an alternation of anchored rows
    # is not recognised as anchored, so search would retry it at every position
    m = rx.match(line) if rx is not None else None
    best = int(m.lastgroup[1:]) if m is not None and m.lastgroup else len(RULES)
    low = line.lower()
    has_year: bool | None = None
    for i in gated:
        if i >= best:
            break
        rule = RULES[i]
        if rule.needs == ("YEAR",):
            if has_year is None:
                has_year = _YEAR.search(line) is not None
            if not has_year:
                continue
        elif not any(n in low for n in rule.needs):
            continue
        if rule.rx.match(line):
            best = i
            break
    return RULES[best].reason if best < len(RULES) else None


_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("latin", re.compile(r"[A-Za-zÀ-ɏ]+")),
    ("cyrillic", re.compile(r"[Ѐ-ԯ]+")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]+")),
    ("greek", re.compile(r"[\u0370-\u03ff]+")),
    ("cjk", re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+")),
    ("georgian", re.compile(r"[\u10a0-\u10ff]+")),
    ("armenian", re.compile(r"[\u0530-\u058f]+")),
)
_NON_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f]")


def script_counts(text: str) -> dict[str, int]:
    if text.isascii():
        return {"latin": len(text)}  # close enough to decide the dominant script
    if not _NON_LATIN.search(text):
        return {"latin": sum(map(len, _SCRIPTS[0][1].findall(text)))}
    return {name: sum(map(len, rx.findall(text))) for name, rx in _SCRIPTS}


def dominant(counts: dict[str, int]) -> str | None:
    best = max(counts.items(), key=lambda kv: kv[1], default=("", 0))
    return best[0] if best[1] else None
