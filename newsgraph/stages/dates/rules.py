"""Rule-based recognition of date expressions and their resolution against a reference date.

Recognition is a table of regular expressions (one per expression shape); resolution turns a
match into an ISO value using the publication date and, where the text leaves the direction
open ("on Friday", "In December"), the tense of the governing verb.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

_LEX: dict[str, Any] = json.loads(
    resources.files(__package__).joinpath("lexicon.json").read_text(encoding="utf-8"))
MONTHS: dict[str, int] = _LEX["months"]
WEEKDAYS: dict[str, int] = _LEX["weekdays"]
SEASONS: dict[str, list[int]] = _LEX["seasons"]
NUMBERS: dict[str, int] = _LEX["numbers"]

Tense = str  # "past" | "present" | "future"


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str | None
    precision: str
    end_value: str | None = None
    anchor: str = "publication"
    day: dt.date | None = None  # the concrete day, for expressions relative to this one


_FULL_MONTH = ("January|February|March|April|May|June|July|August|September|October|November"
               "|December")
_ABBR_MONTH = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# Abbreviations only next to a day number: "Mar" or "Jan" alone are too often names.
MONTH = rf"(?P<mon>{_FULL_MONTH}|(?:{_ABBR_MONTH})\.?(?=\s*\d))"
MONTH_ONLY = rf"(?P<mon>{_FULL_MONTH})"
WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
# A year: four digits not glued to other digits, money, decimals or a unit.
YEAR = r"(?<![\d,.$€£¥₽\-/])(?P<year>1[89]\d\d|20\d\d)(?!\d|,\d|\.\d|\s*(?:%|percent|per\b))"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
UNIT = r"(?P<unit>day|week|month|year|decade)s?"
COUNT = r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of|\d{1,3})"  # noqa: E501
# A word before a bare capitalised month name that makes it a date, not a verb or a name
# ("in May", "For May"; not "May I", "Theresa May"). Checked in Python: cheaper than lookbehinds.
MONTH_CUES = frozenset({"in", "for", "since", "until", "by", "from", "to", "of", "during",
                        "early", "late", "mid", "last", "next", "this", "through", "before",
                        "after", "between", "and", "or", "till", "on"})
SEASON_CUES = ("in the", "during the", "by the", "until the", "over the", "this")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")


def cue_before(text: str, start: int) -> str:
    """The lower-cased word right before ``start`` ("" at the start of the text)."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m.group(1).lower() if m else ""


# (kind, pattern); earlier entries win over later ones covering the same characters.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b")),
    ("mdy", re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}")),
    ("dmy", re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}")),
    ("year_range", re.compile(
        r"\b(?:between\s+(?P<y1>1[89]\d\d|20\d\d)\s+and|(?:from\s+)?(?P<y3>1[89]\d\d|20\d\d)"
        r"\s*(?:-|–|to|until|through))\s*(?P<y2>1[89]\d\d|20\d\d|\d\d)\b(?!\d|,\d)")),
    ("season_year", re.compile(
        rf"\b(?:the\s+)?{SEASON}\s+(?:of\s+)?{YEAR}", re.I)),
    ("month_year", re.compile(rf"\b(?:(?:early|mid|late)[- ])?{MONTH_ONLY},?\s+(?:of\s+)?{YEAR}")),
    ("year_part", re.compile(
        r"\b(?P<part>early|mid|late)[- ](?P<year>1[89]\d\d|20\d\d)\b(?!['’]?s)", re.I)),
    ("md", re.compile(rf"\b{MONTH}\s+{DAY}\b(?![,.]?\s*\d)")),
    ("dm", re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}\b")),
    ("quarter", re.compile(
        r"\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+quarter\s+of\s+"
        r"(?:(?P<rel>this|last|next)\s+year|" + YEAR + r")", re.I)),
    ("part_of_year", re.compile(
        r"\b(?:the\s+)?(?P<part>beginning|start|end|middle|first half|second half)\s+of\s+"
        r"(?:the|this|(?P<rel>last|next))\s+year\b", re.I)),
    ("edge_year", re.compile(
        r"\b(?P<part>early|late|earlier|later)\s+(?P<rel>this|last|next)\s+year\b", re.I)),
    ("decade", re.compile(
        r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[- ])?(?P<dec>1[89]\d0|20\d0)['’]?s\b")),
    ("recent", re.compile(
        # "the last year of his term" is no period, so "last" needs a count: "the last two years"
        rf"\b(?:recent\s+|the\s+past\s+(?:{COUNT}\s+)?|the\s+last\s+"
        rf"{COUNT.replace('?P<n>', '?P<n2>')}\s+)(?P<unit>day|week|month|year)s?\b", re.I)),
    ("ago", re.compile(rf"\b{COUNT}\s+{UNIT}\s+ago\b", re.I)),
    ("rel_unit", re.compile(
        r"\b(?:(?P<mod>earlier|later)\s+)?(?P<rel>last|next|this|past|coming)\s+"
        r"(?P<unit>week|month|year)\b(?!['’]s\s+(?:events?|meeting|summit))?", re.I)),
    ("rel_season", re.compile(rf"\b(?P<rel>last|next|this|past|coming)\s+{SEASON}\b", re.I)),
    ("rel_weekday", re.compile(rf"\b(?P<rel>last|next|this|coming)\s+{WEEKDAY}\b", re.I)),
    ("deictic", re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight)\b", re.I)),
    ("weekday", re.compile(rf"\b{WEEKDAY}\b")),
    ("month", re.compile(rf"\b{MONTH_ONLY}\b(?![,.]?\s*\d)")),
    ("season", re.compile(rf"\b{SEASON}\b", re.I)),
    ("year", re.compile(rf"\b{YEAR}\b")),
]

def _combine(patterns: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str]:
    """One alternation of all patterns (one pass over the text instead of one per pattern).

    Group names get the kind as a prefix; at a given position the first listed pattern that
    matches wins, so the table lists longer, more specific shapes first.
    """
    parts = []
    for kind, pattern in patterns:
        src = re.sub(r"\(\?P<(\w+)>", rf"(?P<{kind}__\1>", pattern.pattern)
        src = re.sub(r"\(\?P=(\w+)\)", rf"(?P={kind}__\1)", src)
        parts.append(f"(?P<{kind}>{'(?i:' if pattern.flags & re.I else '(?:'}{src}))")
    return re.compile("|".join(parts))


COMBINED = _combine(PATTERNS)


# Words an expression can start with; the combined table is only tried at these (and at
# digits), which is what keeps recognition at about a millisecond per article.
TRIGGERS = frozenset(
    [*MONTHS, *WEEKDAYS, *SEASONS, *(w for w in NUMBERS if " " not in w), "few", "couple",
     "today", "yesterday", "tomorrow", "tonight", "last", "next", "this", "past", "coming",
     "early", "mid", "late", "earlier", "later", "between", "from", "the", "first", "second",
     "third", "fourth", "beginning", "start", "end", "middle", "recent"])
WORD = re.compile(r"[A-Za-z]+|\d+")


class Groups:
    """The named groups of one alternative of ``COMBINED``, under their own names."""

    __slots__ = ("kind", "match")

    def __init__(self, match: re.Match[str], kind: str) -> None:
        self.match, self.kind = match, kind

    def __getitem__(self, name: str) -> str | None:
        try:
            return self.match.group(f"{self.kind}__{name}")
        except IndexError:
            return None


# "a week before Friday's meeting": an offset in front of an already recognised expression.
OFFSET_BEFORE = re.compile(
    rf"\b{COUNT}\s+{UNIT}\s+(?P<dir>before|after|earlier than|later than)\s+$",
                           re.I)
POSSESSIVE_TAIL = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}?(?P<noun>meeting|summit|talks|visit|"
                             r"election|elections|vote|speech|announcement|session|deadline|"
                             r"referendum|event|events)\b")


def _count(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else NUMBERS.get(text, 1)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    total = day.year * 12 + day.month - 1 + months
    return total // 12, total % 12 + 1


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _day(day: dt.date, anchor: str = "publication") -> Resolved:
    return Resolved(day.isoformat(), "day", anchor=anchor, day=day)


def _season(name: str, year: int) -> Resolved:
    first, last = SEASONS[name]
    if first > last:  # winter Y runs from December Y-1 to February Y
        return Resolved(_ym(year - 1, first), "season", _ym(year, last))
    return Resolved(_ym(year, first), "season", _ym(year, last))


def _season_of(name: str, pub: dt.date, rel: str) -> Resolved:
    """The season instance named relative to publication: this / last / next."""
    first, last = SEASONS[name]
    winter = first > last
    # The latest instance (named by its end year) that has started by the publication month.
    if winter:
        end_year = pub.year + 1 if pub.month == 12 else pub.year
        in_season = pub.month in (12, 1, 2)
    else:
        end_year = pub.year if pub.month >= first else pub.year - 1
        in_season = first <= pub.month <= last
    if rel in ("last", "past"):
        end_year = end_year - 1 if in_season else end_year
    elif rel in ("next", "coming") or not in_season:  # "this summer" said in February: coming
        end_year += 1
    return _season(name, end_year)


def _weekday(wd: int, pub: dt.date, tense: Tense, rel: str = "") -> dt.date:
    back = (pub.weekday() - wd) % 7 or 7
    fwd = (wd - pub.weekday()) % 7 or 7
    if rel == "last":
        return pub - dt.timedelta(days=back)
    if rel in ("next", "coming"):
        return pub + dt.timedelta(days=fwd)
    if rel == "this":
        return pub + dt.timedelta(days=(wd - pub.weekday()))
    if wd == pub.weekday() and tense != "future":
        return pub  # "said on Wednesday" in a Wednesday paper: that day
    if tense == "past":
        return pub - dt.timedelta(days=back)
    return pub + dt.timedelta(days=fwd)


def _month_alone(month: int, pub: dt.date, tense: Tense) -> Resolved:
    if tense == "past":
        year = pub.year if month <= pub.month else pub.year - 1
    elif tense == "future":
        year = pub.year if month >= pub.month else pub.year + 1
    else:  # present: the month of the publication year
        year = pub.year
    return Resolved(_ym(year, month), "month")


def _numeric(m: Any) -> Resolved | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    # Dots are the European day-first form; slashes are month-first unless that is impossible.
    day, month = (a, b) if m["sep"] == "." or a > 12 else (b, a)
    try:
        return _day(dt.date(year, month, day), "absolute")
    except ValueError:
        return None


def _safe_day(year: int, month: int, day: int, anchor: str) -> Resolved | None:
    try:
        return _day(dt.date(year, month, day), anchor)
    except ValueError:
        return None


def resolve(kind: str, m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    """The ISO value of one recognised expression; None when it cannot be resolved."""
    fn = _RESOLVERS[kind]
    return fn(m, pub, tense)


def _r_iso(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    return _safe_day(int(m["y"]), int(m["m"]), int(m["d"]), "absolute")


def _r_numeric(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    return _numeric(m)


def _r_mdy(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    return _safe_day(int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]),
                     "absolute")


def _r_year_range(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    y1, y2 = m["y1"] or m["y3"], m["y2"]
    if len(y2) == 2:
        y2 = y1[:2] + y2
    if int(y2) <= int(y1):
        return None
    return Resolved(y1, "range", y2, "absolute")


def _r_season_year(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    return dataclass_replace_anchor(_season(m["season"].lower(), int(m["year"])), "absolute")


def dataclass_replace_anchor(r: Resolved, anchor: str) -> Resolved:
    return Resolved(r.value, r.precision, r.end_value, anchor, r.day)


def _r_month_year(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    return Resolved(_ym(int(m["year"]), MONTHS[m["mon"].lower()]), "month", anchor="absolute")


def _r_md(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    if pub is None:
        return None
    month, day = MONTHS[m["mon"].lower().rstrip(".")], int(m["day"])
    year = pub.year
    if tense == "past" and (month, day) > (pub.month, pub.day):
        year -= 1
    elif tense == "future" and (month, day) < (pub.month, pub.day):
        year += 1
    return _safe_day(year, month, day, "publication")


def _r_quarter(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    q = ("first", "second", "third", "fourth").index(m["q"].lower()) + 1
    if m["year"]:
        year = int(m["year"])
    elif pub is None:
        return None
    else:
        year = pub.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return Resolved(f"{year:04d}-Q{q}", "quarter", None,
                    "absolute" if m["year"] else "publication")


_PARTS = {"beginning": (1, 3), "start": (1, 3), "early": (1, 3), "earlier": (1, 3),
          "middle": (5, 8), "mid": (5, 8), "end": (10, 12), "late": (10, 12), "later": (10, 12),
          "first half": (1, 6), "second half": (7, 12)}


def _r_part_of_year(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    if pub is None:
        return None
    year = pub.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    first, last = _PARTS[m["part"].lower()]
    if m["part"].lower() in ("earlier", "later"):
        first, last = (1, pub.month) if m["part"].lower() == "earlier" else (pub.month, 12)
    return Resolved(_ym(year, first), "range", _ym(year, last))


def _r_year_part(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    """ "mid-2015", "early 2020", "late 2019": months of a named year."""
    first, last = _PARTS[m["part"].lower()]
    year = int(m["year"])
    return Resolved(_ym(year, first), "range", _ym(year, last), "absolute")


def _r_decade(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    start = int(m["dec"])
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(m["mod"] or "", (0, 9))
    return Resolved(str(start + lo), "decade", str(start + hi), "absolute")


def _r_ago(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    if pub is None:
        return None
    return offset(pub, -_count(m["n"]), m["unit"].lower())


def offset(day: dt.date, n: int, unit: str, anchor: str = "publication") -> Resolved:
    """``day`` moved by ``n`` units, at the precision of the unit."""
    if unit == "day":
        return _day(day + dt.timedelta(days=n), anchor)
    if unit == "week":
        moved = day + dt.timedelta(weeks=n)
        if anchor == "relative":  # "a week before Friday": a day
            return Resolved(moved.isoformat(), "day", anchor=anchor, day=moved)
        return Resolved(_week(moved), "week", anchor=anchor, day=moved)
    if unit == "month":
        y, mth = add_months(day, n)
        return Resolved(_ym(y, mth), "month", anchor=anchor)
    if unit == "decade":
        return Resolved(str(day.year + 10 * n), "year", anchor=anchor)
    return Resolved(str(day.year + n), "year", anchor=anchor)


def _r_recent(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    """"in recent months" (taken as three), "the past two years": up to publication."""
    if pub is None:
        return None
    count = m["n"] or m["n2"]
    n = _count(count) if count else (3 if m.match.group(0).lower().startswith("recent") else 1)
    unit = m["unit"].lower()
    if unit in ("day", "week"):
        first = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
        return Resolved(first.isoformat(), "range", pub.isoformat())
    if unit == "month":
        return Resolved(_ym(*add_months(pub, -n)), "range", _ym(pub.year, pub.month))
    return Resolved(str(pub.year - n), "range", str(pub.year))


def _r_rel_unit(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    if pub is None:
        return None
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[m["rel"].lower()]
    return offset(pub, step, m["unit"].lower())


def _r_rel_season(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    if pub is None:
        return None
    return _season_of(m["season"].lower(), pub, m["rel"].lower())


def _r_rel_weekday(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    if pub is None:
        return None
    return _day(_weekday(WEEKDAYS[m["wd"].lower()], pub, tense, m["rel"].lower()))


def _r_deictic(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    if pub is None:
        return None
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["w"].lower()]
    return _day(pub + dt.timedelta(days=shift))


def _r_weekday(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    if pub is None:
        return None
    return _day(_weekday(WEEKDAYS[m["wd"].lower()], pub, tense))


def _r_month(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    if pub is None:
        return None
    return _month_alone(MONTHS[m["mon"].lower()], pub, tense)


def _r_season(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    if pub is None:
        return None
    rel = {"past": "last", "future": "next"}.get(tense, "this")
    name = m["season"].lower()
    first, last = SEASONS[name]
    in_season = first <= pub.month <= last if first <= last else pub.month in (12, 1, 2)
    return _season_of(name, pub, "this" if in_season else rel)


def _r_year(m: Any, pub: dt.date | None, tense: Tense) -> Resolved | None:
    return Resolved(m["year"], "year", anchor="absolute")


_RESOLVERS: dict[str, Callable[[Any, dt.date | None, Tense], Resolved | None]] = {
    "iso": _r_iso, "numeric": _r_numeric, "mdy": _r_mdy, "dmy": _r_mdy,
    "year_range": _r_year_range, "season_year": _r_season_year, "month_year": _r_month_year,
    "md": _r_md, "dm": _r_md, "quarter": _r_quarter, "part_of_year": _r_part_of_year,
    "year_part": _r_year_part,
    "edge_year": _r_part_of_year, "decade": _r_decade, "ago": _r_ago, "recent": _r_recent,
    "rel_unit": _r_rel_unit,
    "rel_season": _r_rel_season, "rel_weekday": _r_rel_weekday, "deictic": _r_deictic,
    "weekday": _r_weekday, "month": _r_month, "season": _r_season, "year": _r_year,
}
