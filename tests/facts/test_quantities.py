from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from newsgraph.models import Article
from newsgraph.stages.dates import dates
from newsgraph.stages.quantities import extract_quantities, quantities
from newsgraph.stages.quantities.scan import scan


@pytest.mark.parametrize(("text", "value", "unit", "period"), [
    ("Kazakhstan shipped 11 million tons every year", 11e6, "tonne", "year"),
    ("or 2 million tons per month", 2e6, "tonne", "month"),
    ("only 500,000 tons.", 5e5, "tonne", None),
    ("a loss of $2.7 billion", 2.7e9, "USD", None),
    ("losing hundreds of millions of dollars a year", 1e8, "USD", "year"),
    ("roughly 1,200 kilometers of coastline", 1200, "km", None),
    ("protests of a few thousand people", 3000, "person", None),
    ("two million tonnes", 2e6, "tonne", None),
    ("55 billion cubic meters of gas", 55, "bcm", None),
    ("15,000 Belarusian rubles", 15000, "BYN", None),
    ("1.2 million barrels per day", 1.2e6, "barrel", "day"),
    ("a 40-percent cut", 40, "percent", None),
])
def test_amounts(text: str, value: float, unit: str, period: str | None) -> None:
    (amount,) = scan(text)
    assert math.isclose(amount.normalized_value or 0, value) and amount.normalized_unit == unit
    assert amount.period == period


def test_range_keeps_both_ends() -> None:
    (amount,) = scan("between 40 and 50 percent")
    assert (amount.value, amount.value_max, amount.unit) == (40, 50, "percent")


def test_vague_amount_is_flagged() -> None:
    (amount,) = scan("hundreds of millions of dollars")
    assert amount.approximate and amount.value == 1e8


@pytest.mark.parametrize("text", [
    "In 2014 and 2015 nothing changed.", "The 1st forum met in 1997.", "Post-Putin 2024",
    "one of the first states", "for a year on the job", "the 2019 people's vote",
])
def test_not_quantities(text: str) -> None:
    assert scan(text) == []


def test_subjects_from_the_parse(parsed: Callable[..., Article]) -> None:
    text = ("Each year Kazakhstan sold 11 million tons of grain to Uzbekistan. Food products "
            "make up 30 percent of the region's imports.")
    article = quantities.fn(dates.fn(parsed(text)))
    assert [(q.text, q.subject) for q in article.quantities] == [
        ("11 million tons", "grain"), ("30 percent", "the region's imports")]


def test_numbers_inside_dates_are_skipped(parsed: Callable[..., Article]) -> None:
    article = dates.fn(parsed("The talks on 12.02.2020 covered 3 million tons."))
    found = extract_quantities(article.body, article.doc, article.dates)
    assert [q.text for q in found] == ["3 million tons"]
