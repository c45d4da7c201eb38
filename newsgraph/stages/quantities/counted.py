"""Counts of things the unit table does not list ("300,000 reservists", "40 infantry fighting
vehicles", "130 of 200 seats"), read from the shared parse.

A number in digits that modifies a plural noun (``nummod``) is a count of that noun; "N of
M nouns" counts the noun too. The unit and the normalised unit are the noun as written (as
for the table's military items). Spelled numbers ("two countries") are left out, and so are
time words, percentages and years (the table and the dates stage have those).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .scan import Amount, Scanner

# Nouns that make a number a duration, a share, a rank or an idiom, not a count of things.
_NOT_COUNTED = {"year", "month", "week", "day", "hour", "minute", "second", "decade",
                "century", "time", "percent", "point", "side", "way", "term", "round",
                "stage", "phase", "degree", "step", "reason", "thing", "lot"}


def _value(text: str, start: int, end: int) -> float | None:
    sc = Scanner(text[start:end])
    if not sc.toks:
        return None
    num = sc.number(0)
    if num is None:
        return None
    value, j = num[0], num[1]
    value, j, _ = sc.scales(j, value)
    if j != len(sc.toks) or num[3]:
        return None  # not one number ("2-3"), or spelled: "two countries", "four elections"
    return value  # are figures of speech more often than figures


def _part_of(token: Any) -> Any | None:
    """The first number of "130 of 200" (the parser hangs both on the second)."""
    mods = [c for c in token.children if c.dep_ == "quantmod" and c.i < token.i]
    if any(c.lower_ == "of" for c in mods):
        return next((c for c in mods if c.like_num), None)
    return None


def _number_span(token: Any) -> tuple[int, int]:
    """Characters of the number led by ``token``, with its scale words ("two million")."""
    left = min([token.i] + [c.i for c in token.children if c.dep_ == "compound"
                            and c.i < token.i and c.like_num])
    doc = token.doc
    return doc[left].idx, token.idx + len(token.text)


def counted(doc: Any, text: str, taken: list[tuple[int, int]]) -> Iterator[Amount]:
    """Counts of plural nouns not already covered by ``taken`` (quantities and dates)."""
    for token in doc:
        if token.tag_ != "CD" or token.dep_ not in ("nummod", "dobj", "nsubj", "pobj", "attr"):
            continue
        noun = token.head if token.dep_ == "nummod" else _of_noun(token)
        if noun is None or noun.tag_ != "NNS" or noun.i < token.i or noun.i - token.i > 4:
            continue
        if noun.lemma_.lower() in _NOT_COUNTED or noun.ent_type_ in ("DATE", "TIME"):
            continue
        start, end = _number_span(token)
        part = _part_of(token)  # "130 of 200 seats": 130 seats
        if part is not None:
            start, end = part.idx, part.idx + len(part.text)
        if any(s < noun.idx + len(noun.text) and start < e for s, e in taken):
            continue
        value = _value(text, start, end)
        if value is None or (1800 <= value <= 2100 and value.is_integer()):
            continue  # a year, not a count
        # the noun as written is the unit, as for the table's military items ("tanks")
        yield Amount(start=start, end=noun.idx + len(noun.text), value=value, unit=noun.text,
                     normalized_value=value, normalized_unit=noun.lower_, kind="count",
                     unit_start=noun.idx, unit_end=noun.idx + len(noun.text))


def _of_noun(token: Any) -> Any | None:
    """ "130 of 200 seats": the plural noun the "of" phrase after the number names."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None
