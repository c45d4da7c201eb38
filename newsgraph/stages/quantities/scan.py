"""Table-driven recognition of amounts with units in plain text (no parse needed).

The text is cut into word / number / symbol tokens; at each token that can start an amount
the scanner reads ``[currency] number [range] [scale...] [of] [unit] [period]`` against the
tables in ``units.json``. A number without a currency, scale or unit is not a quantity, and a
four-digit year is never one unless it carries a measurement unit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

_DATA: dict[str, Any] = json.loads(
    resources.files(__package__).joinpath("units.json").read_text(encoding="utf-8"))

UNITS: dict[tuple[str, ...], dict[str, Any]] = {}
for _entry in _DATA["units"]:
    for _name in _entry["names"]:
        UNITS[tuple(_name.split())] = _entry
PREFIX_CURRENCIES: dict[str, str] = _DATA["prefix_currencies"]
CURRENCY_NAMES: dict[str, str] = _DATA["currency_names"]
SCALES: dict[str, float] = _DATA["scales"]
VAGUE_SCALES: dict[str, float] = _DATA["vague_scales"]
VAGUE_COUNTS: dict[str, float] = _DATA["vague_counts"]
NUMBER_WORDS: dict[str, float] = _DATA["number_words"]
PERIODS: dict[str, str] = _DATA["periods"]
# Scale words that are only read as scales when glued to digits ("$5m", "2bn").
_GLUED_ONLY = {"k", "m", "b"}
# Units that are ordinary words: only read after a digit, never after a spelled number.
_WORDY = {("t",), ("mt",), ("points",), ("percentage",), ("mw",), ("gw",), ("try",),
          ("gel",)}
# "for a year", "from a year earlier": a span of time, not a rate.
_NOT_RATE_BEFORE = {"for", "in", "than", "within", "over", "from", "after", "before", "since"}
_NOT_RATE_AFTER = {"earlier", "ago", "later", "before", "after", "on", "from"}
_MAX_UNIT = max(len(k) for k in UNITS)

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:[-'’][A-Za-z]+)*|[^\sA-Za-z\d]")


class Tok(NamedTuple):  # a tuple: thousands are made per article, so creation must be cheap
    start: int
    end: int
    text: str
    low: str


@dataclass(frozen=True, slots=True)
class Amount:
    start: int
    end: int
    value: float
    unit: str
    normalized_value: float | None
    normalized_unit: str | None
    kind: str
    period: str | None = None
    value_max: float | None = None
    approximate: bool = False
    unit_start: int | None = None  # the unit word(s), where the parse finds the subject
    unit_end: int | None = None


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.start(), m.end(), (g := m.group()), g.lower()) for m in TOKEN.finditer(text)]


def _digits(tok: Tok) -> float | None:
    text = tok.text
    if not text[0].isdigit():
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", text) is None:
        return None  # "12.02.2020", "1,2,3": not one number
    return float(text.replace(",", ""))


def _word_number(low: str) -> float | None:
    if low in NUMBER_WORDS:
        return NUMBER_WORDS[low]
    if "-" in low:  # "twenty-five"
        head, _, tail = low.partition("-")
        if head in NUMBER_WORDS and tail in NUMBER_WORDS and NUMBER_WORDS[tail] < 10:
            return NUMBER_WORDS[head] + NUMBER_WORDS[tail]
    return None


class Scanner:
    """One pass over the tokens of a text; ``amounts()`` yields what it recognises."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)

    def glued(self, i: int) -> bool:
        """Token i follows token i-1 with no space between."""
        return 0 < i < len(self.toks) and self.toks[i - 1].end == self.toks[i].start

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def number(self, i: int) -> tuple[float, int, bool, bool] | None:
        """(value, next index, approximate, spelled) of a number starting at token i."""
        low = self.low(i)
        value = _digits(self.toks[i]) if i < len(self.toks) else None
        if value is not None:
            return value, i + 1, False, False
        if low in ("a", "an") and self.low(i + 1) in SCALES and self.low(i + 1) not in _GLUED_ONLY:
            return 1.0, i + 1, False, True
        for phrase, count in VAGUE_COUNTS.items():
            words = phrase.split()
            if [self.low(i + k) for k in range(len(words))] == words and phrase != "some":
                nxt = self.low(i + len(words))
                if nxt in SCALES and nxt not in _GLUED_ONLY:
                    return count, i + len(words), True, True
        if low in VAGUE_SCALES and self.low(i + 1) == "of":
            return VAGUE_SCALES[low], i + 2, True, True
        spelled = _word_number(low)
        if spelled is not None and low != "half":
            return spelled, i + 1, False, True
        return None

    def scales(self, j: int, value: float) -> tuple[float, int, bool]:
        """Multiply by following scale words ("two million", "hundreds of millions of")."""
        approx = False
        while j < len(self.toks):
            low = self.low(j)
            if low == "-" and self.glued(j) and self.low(j + 1) in SCALES:
                j += 1
                continue
            if low in SCALES and (low not in _GLUED_ONLY or self.glued(j)):
                value *= SCALES[low]
                j += 1
            elif low in VAGUE_SCALES and self.low(j + 1) == "of":
                value *= VAGUE_SCALES[low]
                approx = True
                j += 2
            else:
                break
        return value, j, approx

    def unit(self, j: int, spelled: bool) -> tuple[dict[str, Any], int] | None:
        if self.low(j) == "-" and self.glued(j):  # "40-percent", "1,200-kilometer"
            j += 1
        start = j + 1 if self.low(j) == "of" else j  # "millions of dollars"
        for length in range(_MAX_UNIT, 0, -1):
            key = tuple(self.low(start + k) for k in range(length))
            entry = UNITS.get(key)
            if entry is None:
                continue
            if key in _WORDY and (spelled or not self.glued(start) and key != ("points",)):
                continue
            if start > j and entry["kind"] not in ("money", "people", "items", "ratio",
                                                    "mass", "volume"):
                continue
            return entry, start + length
        return None

    def period(self, k: int) -> tuple[str, int] | None:
        """A rate period starting at token k: "a year", "per month", "every year", "annually"."""
        low = self.low(k)
        if low in ("a", "an", "per", "each", "every", "/") and self.low(k + 1) in PERIODS:
            if self.low(k + 1) in ("annually", "yearly", "monthly", "weekly", "daily"):
                return None
            return PERIODS[self.low(k + 1)], k + 2
        if low in ("annually", "yearly", "monthly", "weekly", "daily"):
            return PERIODS[low], k + 1
        if low == "a" and self.low(k + 1) == "year" or low == "per" and self.low(k + 1) == "annum":
            return "year", k + 2
        return None

    def later_period(self, k: int) -> str | None:
        """A rate period later in the same clause ("24 million tons of oil to X every year")."""
        for m in range(k, min(k + 9, len(self.toks))):
            low = self.low(m)
            if low in (",", ".", ";", ":", ")", "(", "and", "but", "or", "which", "that"):
                return None
            if self.toks[m].text[0].isdigit():
                return None
            found = self.period(m)
            if found and self.low(m - 1) not in _NOT_RATE_BEFORE \
                    and self.low(found[1]) not in _NOT_RATE_AFTER:
                return found[0]
        return None


_STARTERS = frozenset({"a", "an", "us", *PREFIX_CURRENCIES, *VAGUE_SCALES, *NUMBER_WORDS,
                       *(p.split()[0] for p in VAGUE_COUNTS)})


def _is_year(tok: Tok) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", tok.text))


def scan(text: str) -> list[Amount]:
    """Every amount with a unit (or currency, or scale) in ``text``."""
    sc = Scanner(text)
    toks = sc.toks
    out: list[Amount] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not tok.text[0].isdigit() and tok.low not in _STARTERS and \
                tok.low.partition("-")[0] not in NUMBER_WORDS:
            i += 1  # most tokens cannot start an amount: skip them cheaply
            continue
        if _in_name(sc, i):
            i += 1  # "Nord Stream 1 to 20 percent": the 1 is part of a name
            continue
        amount, nxt = _amount_at(sc, i)
        if amount is None:
            i += 1
            continue
        out.append(amount)
        i = nxt
    return out


_NOT_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday"}


def _in_name(sc: Scanner, i: int) -> bool:
    """A one- or two-digit number right after a capitalised word inside a sentence is part
    of a name ("Nord Stream 2", "Minsk 2", "Brexit 2"), not an amount."""
    tok = sc.toks[i]
    if not (tok.text.isdigit() and len(tok.text) <= 2) or i < 2:
        return False
    prev, before = sc.toks[i - 1], sc.toks[i - 2]
    return (prev.text[:1].isupper() and prev.text.isalpha() and prev.low not in _NOT_NAMES
            and prev.low not in PREFIX_CURRENCIES and prev.end + 1 == tok.start
            and before.text not in ".!?\"“" and before.low[:1].isalpha())


def _currency_at(sc: Scanner, i: int) -> tuple[str | None, int]:
    """A currency sign or code before the number ("$", "US$", "€", "EUR"), and where it ends."""
    low = sc.low(i)
    if low == "us" and sc.low(i + 1) == "$":
        return "USD", i + 2
    if low in PREFIX_CURRENCIES and (not low.isalpha() or sc.toks[i].text.isupper()):
        return PREFIX_CURRENCIES[low], i + 1
    return None, i


def _range_end(sc: Scanner, i: int, j: int, spelled: bool, currency: str | None
               ) -> tuple[float, float, int] | None:
    """The upper end of "40 to 50", "40-50", "between 40 and 50": (raw, scaled, next index)."""
    joiner = sc.low(j)
    if joiner not in ("-", "–", "to", "and") or sc.low(i - 1) == "from":
        return None  # "from 80 to 40 percent" is a change, not a range
    if joiner == "and" and sc.low(i - 1) != "between":
        return None
    k = j + 1
    if currency and sc.low(k) in PREFIX_CURRENCIES:
        k += 1
    second = sc.number(k) if k < len(sc.toks) else None
    if second is None or second[3] != spelled:
        return None
    raw, k2, _, _ = second
    scaled, k2, _ = sc.scales(k2, raw)
    return raw, scaled, k2


def _amount_at(sc: Scanner, i: int) -> tuple[Amount | None, int]:
    toks = sc.toks
    currency, j = _currency_at(sc, i)
    num = sc.number(j)
    if num is None:
        return None, i + 1
    number_at = j
    value, j, approx, spelled = num
    value, j, more_approx = sc.scales(j, value)
    approx = approx or more_approx
    scaled = any(sc.low(k) in SCALES or sc.low(k) in VAGUE_SCALES for k in range(number_at, j))
    value_max: float | None = None
    upper = _range_end(sc, i, j, spelled, currency)
    if upper is not None:
        raw, high, k2 = upper
        if not scaled and high != raw:  # "2 to 3 million": the scale covers both ends
            value *= high / raw
            scaled = True
        if high > value:
            value_max, j = high, k2
    entry: dict[str, Any] | None = None
    unit_hit = sc.unit(j, spelled)
    if unit_hit is not None:
        entry, j = unit_hit
    if currency is None and entry is None and (spelled or not scaled):
        return None, i + 1  # a bare number ("nine", "2014") measures nothing we can name
    kind = entry["kind"] if entry else None
    if currency is None and not scaled and _is_year(toks[number_at]) and kind in (
            None, "people", "items", "duration"):
        return None, i + 1  # "in 2019 people ...": a year, not a count
    if kind == "duration" and spelled and value == 1:
        return None, i + 1  # "one day he will ..."
    if kind == "money" and currency:
        entry = None  # "$5 billion dollars": the sign already says it
    unit_at = j - 1 if entry else None
    end = toks[j - 1].end
    period: str | None = entry.get("period") if entry else None
    if period is None and kind != "duration":
        adjacent = sc.period(j)
        if adjacent is not None and sc.low(adjacent[1]) not in _NOT_RATE_AFTER:
            period, j = adjacent
            end = toks[j - 1].end
        else:
            period = sc.later_period(j)
    if currency is not None:
        unit, norm, factor, kind = CURRENCY_NAMES.get(currency, currency), currency, 1.0, "money"
    elif entry is not None:
        unit = entry["unit"] if entry["unit"] != "@" else toks[unit_at or 0].low
        norm = entry["norm"] if entry["norm"] != "@" else unit
        factor, kind = float(entry["factor"]), entry["kind"]
    else:
        unit, norm, factor, kind = "count", None, 1.0, "count"
    start = toks[i - 1].start if value_max is not None and sc.low(i - 1) == "between" \
        else toks[i].start
    amount = Amount(start=start, end=end, value=float(value), unit=unit,
                    normalized_value=value * factor if norm else None, normalized_unit=norm,
                    kind=kind, period=period, value_max=value_max, approximate=approx,
                    unit_start=toks[unit_at].start if unit_at is not None else None,
                    unit_end=toks[unit_at].end if unit_at is not None else None)
    return amount, j
