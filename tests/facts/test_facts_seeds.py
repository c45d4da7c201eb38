"""The two seed articles through the real pipeline (up to the quotations stage).

Checks what an analyst would list from each seed: the figures, the dates and the quotes with
their speakers. Skips without ../shared. Actor ids are only checked by name when the actors
stage is in place (while it is a placeholder the speaker phrase is checked instead).
"""

from __future__ import annotations

import math

import pytest

from newsgraph.ingest import documents_from_texts
from newsgraph.models import Article, Quote
from newsgraph.pipeline import STAGES, Pipeline, new_article

REFS = STAGES[:STAGES.index("newsgraph.stages.quotations:quotations") + 1]


@pytest.fixture(scope="module")
def analysed(seeds: dict[str, str]) -> dict[str, Article]:
    pipeline = Pipeline(REFS)
    out = {}
    for name, text in seeds.items():
        docs = [d for d in documents_from_texts([text]) if not isinstance(d, Exception)]
        (article,) = pipeline.run([new_article(d) for d in docs])
        assert isinstance(article, Article), article
        out[name[:3]] = article
    return out


def _quantity(article: Article, text: str):  # type: ignore[no-untyped-def]
    hits = [q for q in article.quantities if q.text.startswith(text)]
    assert hits, f"{text!r} not in {[q.text for q in article.quantities]}"
    return hits[0]


@pytest.mark.parametrize(("seed", "text", "value", "unit", "period", "subject"), [
    ("003", "24 million tons", 24e6, "tonne", "year", "oil"),
    ("003", "2 million tons per month", 2e6, "tonne", "month", "oil"),
    ("003", "500,000 tons", 5e5, "tonne", None, None),
    ("003", "80 percent", 80, "percent", None, "imports"),
    ("003", "40 percent", 40, "percent", None, None),
    ("003", "two hours", 2 / 24, "day", None, None),
    ("003", "100 percent", 100, "percent", None, "oil"),
    ("003", "a few thousand people", 3000, "person", None, None),
    ("003", "1,200 kilometers", 1200, "km", None, "border"),
    ("000", "hundreds of millions of dollars", 1e8, "USD", "year", None),
    ("000", "$2.7 billion", 2.7e9, "USD", None, "oil"),
])
def test_seed_figures(analysed: dict[str, Article], seed: str, text: str, value: float,
                      unit: str, period: str | None, subject: str | None) -> None:
    q = _quantity(analysed[seed], text)
    assert math.isclose(q.normalized_value or 0, value) and q.normalized_unit == unit
    assert q.period == period
    if subject:
        assert q.subject and subject in q.subject


def test_seed_has_no_year_quantities(analysed: dict[str, Article]) -> None:
    for article in analysed.values():
        assert not [q.text for q in article.quantities if q.text.strip().isdigit()]


@pytest.mark.parametrize(("seed", "text", "value", "precision"), [
    ("003", "Friday", "2020-02-07", "day"),
    ("003", "December", "2019-12", "month"),
    ("003", "January", "2020-01", "month"),
    ("003", "January 30", "2020-01-30", "day"),
    ("003", "Last fall", "2019-09", "season"),
    ("003", "August 2019", "2019-08", "month"),
    ("003", "1993", "1993", "year"),
    ("003", "1994", "1994", "year"),
    ("003", "May 2014", "2014-05", "month"),
    ("003", "a week before Friday's meeting", "2020-01-31", "day"),
    ("003", "Sunday", "2020-02-09", "day"),
    ("000", "the beginning of the year", "2019-01", "range"),
    ("000", "next week", "2019-W19", "week"),
    ("000", "Thursday", "2019-05-02", "day"),
])
def test_seed_dates(analysed: dict[str, Article], seed: str, text: str, value: str,
                    precision: str) -> None:
    found = [(d.value, d.precision) for d in analysed[seed].dates if d.text == text]
    assert (value, precision) in found, [(d.text, d.value) for d in analysed[seed].dates]


def _speaker(article: Article, quote: Quote) -> str:
    actor = article.actor(quote.speaker_actor)
    return actor.name if actor else (quote.speaker_text or "")


@pytest.mark.parametrize(("seed", "start", "speaker"), [
    ("003", "stand ready to deliver 100 percent", "Pompeo"),
    ("003", "crying", "Lukashenko"),
    ("003", "If Trump comes tomorrow", "Lukashenko"),
    ("003", "dangerous precedent", "Lukashenko"),
    ("003", "is interested in maintaining", "Belarus"),
    ("003", "Allies recognize", "Kravchenko"),
    ("003", "Belarus can play a useful role", "Kravchenko"),
    ("003", "Although the authoritarian", "Foreign Affairs"),
    ("000", "there are no market barriers", "European Union"),
])
def test_seed_quotes(analysed: dict[str, Article], seed: str, start: str, speaker: str) -> None:
    article = analysed[seed]
    hits = [q for q in article.quotes if q.text.startswith(start)]
    assert hits, [q.text[:30] for q in article.quotes]
    if not article.actors:  # the actors stage is not in place yet
        assert hits[0].speaker_text
        return
    assert speaker in _speaker(article, hits[0]), hits[0]


@pytest.mark.parametrize(("seed", "words"), [
    ("003", "union state"), ("003", "made in Belarus"), ("000", "defect"),
    ("000", "damage control"),
])
def test_seed_scare_quotes(analysed: dict[str, Article], seed: str, words: str) -> None:
    article = analysed[seed]
    assert words in [article.body[s.start:s.end] for s in article.scare_quotes]
    assert not [q for q in article.quotes if q.text == words]


def test_seed_name_in_quotes_is_a_scare_quote(analysed: dict[str, Article]) -> None:
    """A state's name put in quotation marks by the writer is distancing, not speech."""
    article = analysed["000"]
    assert not [q for q in article.quotes if q.text == "Israel"]
    assert "Israel" in [article.body[s.start:s.end] for s in article.scare_quotes]


def test_seed_relative_day_inside_a_quote_is_not_anchored(analysed: dict[str, Article]) -> None:
    """ "tomorrow" inside Lukashenko's quote was said days before publication: no value."""
    article = analysed["003"]
    quoted = [(q.start, q.end) for q in article.quotes]
    inside = [d for d in article.dates if any(s <= d.start < e for s, e in quoted)]
    relative = [d for d in inside if d.anchor != "absolute"]
    assert [d.text for d in relative] == ["tomorrow"]
    assert relative[0].value is None and relative[0].anchor == "speech"
    assert all(d.value for d in inside if d.anchor == "absolute")  # "in 2014" keeps its year
