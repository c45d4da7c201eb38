from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Article
from newsgraph.stages.dates import dates, extract_dates


def _one(text: str, published: str = "2020-02-12") -> tuple[str | None, str, str | None]:
    (found,) = extract_dates(text, published)
    return found.value, found.precision, found.end_value


@pytest.mark.parametrize(("text", "expected"), [
    ("signed on 12.02.2020", ("2020-02-12", "day", None)),
    ("due 03/15/2021", ("2021-03-15", "day", None)),
    ("due 15/03/2021", ("2021-03-15", "day", None)),
    ("on May 05, 2019", ("2019-05-05", "day", None)),
    ("on 11 February 2020", ("2020-02-11", "day", None)),
    ("in August 2019", ("2019-08", "month", None)),
    ("since 1993", ("1993", "year", None)),
    ("between 2008 and 2012", ("2008", "range", "2012")),
    ("in the 1990s", ("1990", "decade", "1999")),
    ("in the first quarter of 2019", ("2019-Q1", "quarter", None)),
    ("Last fall", ("2019-09", "season", "2019-11")),
    ("last week", ("2020-W06", "week", None)),
    ("next month", ("2020-03", "month", None)),
    ("three days ago", ("2020-02-09", "day", None)),
    ("In recent months", ("2019-11", "range", "2020-02")),
    ("over the past two years", ("2018", "range", "2020")),
])
def test_explicit_and_relative(text: str, expected: tuple[str | None, str, str | None]) -> None:
    assert _one(text) == expected


def test_numbers_that_are_not_years() -> None:
    assert extract_dates("It shares 1,200 kilometers and $2019 of debt.", "2020-02-12") == []


def test_no_publication_date_keeps_absolute_dates_only() -> None:
    found = extract_dates("In December, and in May 2014.", None)
    assert [d.value for d in found] == ["2014-05"]


def test_tense_decides_which_weekday(parsed: Callable[..., Article]) -> None:
    past = dates.fn(parsed("The leaders met on Friday in Sochi."))
    future = dates.fn(parsed("The leaders will meet on Friday in Sochi."))
    assert past.dates[0].value == "2020-02-07"
    assert future.dates[0].value == "2020-02-14"


def test_offset_from_another_expression(parsed: Callable[..., Article]) -> None:
    article = dates.fn(parsed("Just a week before Friday's meeting, Lavrov flew to Ankara."))
    (found,) = article.dates
    assert found.text == "a week before Friday's meeting"
    assert (found.value, found.anchor) == ("2020-01-31", "relative")


def test_month_alone_follows_tense(parsed: Callable[..., Article]) -> None:
    article = dates.fn(parsed("In December, Russia cut deliveries. For May, both plan a forum."))
    assert [d.value for d in article.dates] == ["2019-12", "2020-05"]
