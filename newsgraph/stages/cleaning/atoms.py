"""Regex building blocks shared by the cleaning table and the metadata readers.

``{DATE}``, ``{NAME}``, ``{NAMES}`` and ``{OUTLET}`` in ``patterns.tsv`` are replaced by
these atoms when the table is compiled, so the table stays readable.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib import resources


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


MONTHS: dict[str, int] = {name: int(num) for name, num in _read_tsv("months.tsv")}
_MONTH = "(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"

# A date as news sites print it; no capture groups so it can sit inside any pattern.
DATE = (
    rf"(?:(?:[A-Z][a-z]{{2,8}},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{4})"
    r"(?:\s*(?:[,|@-]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
)
# A person's name: 2-4 capitalised words, allowing initials, particles and hyphens.
# Latin Extended-A/B (Baltic, Polish, Czech, Romanian names: Kairytė, Łukasz, Ștefan) alternate
# upper and lower case code point by code point, so that range is in both classes.
_EXT = "\u0100-\u017f\u0218-\u021b"
_UP = f"A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐЎ{_EXT}"
_LOW = f"a-zß-öø-ÿа-яёіїєґў{_EXT}"
_WORD = rf"(?:[{_UP}][{_LOW}'’]+(?:-[{_UP}]?[{_LOW}'’]+)?|[{_UP}]\.|[{_UP}]{{2,}}(?=\s|$))"
_PARTICLE = r"(?:de|da|del|der|den|van|von|la|le|bin|al|el|ibn|ter|di|du)"
NAME = rf"(?-i:{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{1,3}})"
NAMES = rf"{NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){NAME})*"
# An outlet's name as written in a dateline: 1-6 capitalised words or a domain.
OUTLET = (
    rf"(?-i:[{_UP}][\w.'’&-]*(?:\s+(?:[{_UP}0-9][\w.'’&-]*|of|the|and|for|on)){{0,5}}?"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ca|ru|by|ua|info|news|co\.uk|de|fr))"
)

ATOMS = {"{DATE}": DATE, "{NAME}": NAME, "{NAMES}": NAMES, "{OUTLET}": OUTLET}


def expand(pattern: str) -> str:
    for key, value in ATOMS.items():
        pattern = pattern.replace(key, value)
    return pattern


_NAMED = re.compile(
    rf"(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon2>{_MONTH}),?\s+(?P<y2>\d{{4}})",
    re.I)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})")


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=4096)  # bounded: memory stays flat over long runs
def date_candidates(text: str) -> tuple[date, ...]:
    """Every reading of the first date in ``text``, the conventional one first.

    Numeric ``a.b.yyyy`` dates are ambiguous: both orders are returned when both are valid,
    day-first first for ``.``/``-`` (European habit) and month-first for ``/`` (US habit);
    the caller picks the one consistent with other dates in the article.
    """
    m = _NAMED.search(text)
    if m:
        mon = (m["mon"] or m["mon2"]).rstrip(".").lower()
        found = _valid(int(m["y"] or m["y2"]), MONTHS[mon], int(m["d"] or m["d2"]))
        return (found,) if found else ()
    m = _ISO.search(text)
    if m:
        found = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
        return (found,) if found else ()
    m = _NUMERIC.search(text)
    if not m:
        return ()
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    day_first, month_first = _valid(y, b, a), _valid(y, a, b)
    order = (month_first, day_first) if m["sep"] == "/" else (day_first, month_first)
    out: list[date] = []
    for d in order:
        if d and d not in out:
            out.append(d)
    return tuple(out)


def text_dates(text: str, *, limit: int = 20) -> list[date]:
    """Unambiguous dates written with a month name anywhere in ``text`` (at most ``limit``)."""
    out: list[date] = []
    for m in _NAMED.finditer(text):
        found = date_candidates(m.group())
        if found:
            out.append(found[0])
        if len(out) >= limit:
            break
    return out
