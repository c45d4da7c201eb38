"""Quantities: amounts with units, normalised, with their rate period and what they measure.

Recognition is table-driven (``scan.py`` over ``units.json``; no model), which is what makes
it fast; the subject comes from the shared spaCy parse (``subject.py``), and so do counts of
nouns the table does not list (``counted.py``). Numbers inside date expressions found by
the dates stage are never quantities.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ...models import Article, Quantity, TimeExpression
from ...pipeline import stage
from .counted import counted
from .scan import scan
from .subject import find_subject

__all__ = ["extract_quantities", "quantities"]


def extract_quantities(text: str, doc: Any = None,
                       dates: tuple[TimeExpression, ...] = ()) -> list[Quantity]:
    """Every quantity of ``text``; ``doc`` (the spaCy parse of ``text``) adds subjects."""
    out: list[Quantity] = []
    amounts = [a for a in scan(text)
               if not any(d.start <= a.start < d.end and d.precision != "decade" for d in dates)]
    if doc is not None:  # counts of nouns the unit table does not know ("300,000 reservists")
        taken = [(a.start, a.end) for a in amounts] + [(d.start, d.end) for d in dates]
        for extra in counted(doc, text, taken):
            amounts.append(extra)
            taken.append((extra.start, extra.end))
        amounts.sort(key=lambda a: a.start)
    for amount in amounts:
        subject = None
        if doc is not None:
            subject = find_subject(doc, amount.start, amount.end, amount.unit_start, amount.kind)
        if subject is None and out and out[-1].subject and (
                out[-1].normalized_unit == amount.normalized_unit
                and "." not in text[out[-1].end:amount.start]):
            subject = out[-1].subject  # "24 million tons of oil ..., or 2 million tons a month"
        out.append(Quantity(
            start=amount.start, end=amount.end, text=text[amount.start:amount.end],
            value=amount.value, unit=amount.unit, subject=subject,
            normalized_value=amount.normalized_value, normalized_unit=amount.normalized_unit,
            period=amount.period, value_max=amount.value_max, approximate=amount.approximate))
    return out


@stage("quantities", "2", requires={"body", "doc", "dates"}, provides={"quantities"})
def quantities(article: Article) -> Article:
    found = extract_quantities(article.body, article.doc, article.dates)
    return dataclasses.replace(article, quantities=tuple(found))
