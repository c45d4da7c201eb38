"""Metadata from the text: values, their evidence spans, and the republication chain."""

from __future__ import annotations

import hashlib

import pytest

from newsgraph.models import Article, FieldEvidence, SourceRef
from newsgraph.stages.cleaning import clean
from newsgraph.stages.metadata import REGISTRY, metadata

LEDE = ("Russia and Belarus failed to agree on the price of oil deliveries for the coming year,"
        " officials in Minsk said on Friday after talks in Sochi.")


def run(raw: str, **fields: object) -> Article:
    article = Article(id="t", source=SourceRef(uri="t", format="text"), raw=raw,
                      **fields)  # type: ignore[arg-type]
    return metadata.fn(clean.fn(article))


def evidence(article: Article, name: str) -> list[FieldEvidence]:
    return [e for e in article.provenance if e.field == name]


SEEDS = {  # titles as digests: the seeds' own text is not copied into the repository
    "000": dict(title="b6355859b83490cd",
                authors=("Andrew Korybko",), published="2019-05-05", outlet="Global Research",
                original_outlet="Eurasia Future", republished_by="Global Research",
                original_published=None),
    "003": dict(title="f80ac918ef9e2186",
                authors=("Clara Weiss",), published="2020-02-12", outlet="Afgazad",
                original_outlet="World Socialist Web Site", republished_by="Afgazad",
                original_published="2020-02-11"),
}


def digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_metadata(seeds: dict[str, str], seed: str) -> None:
    raw = next(text for name, text in seeds.items() if name.startswith(seed))
    article = run(raw)
    for name, want in SEEDS[seed].items():
        got = getattr(article, name)
        assert (digest(got) if name == "title" and got else got) == want, name
    for ev in article.provenance:  # every value points at the raw text it came from
        assert ev.origin == "text" and ev.start is not None and ev.end is not None
        assert ev.start < ev.end and raw[ev.start:ev.end].strip()
    title = evidence(article, "title")[0]
    assert raw[title.start:title.end] == article.title


def test_spans_point_at_values() -> None:
    raw = ("Oil talks fail\n\nBy [Jane Roe](#) and John Doe\n\n"
           f"Example Research, May 05, 2019\n\n{LEDE}")
    article = run(raw)
    assert article.authors == ("Jane Roe", "John Doe")
    assert [raw[e.start:e.end] for e in evidence(article, "authors")] == ["Jane Roe", "John Doe"]
    (pub,) = evidence(article, "published")
    assert raw[pub.start:pub.end] == "May 05, 2019" and article.published == "2019-05-05"
    assert article.outlet == "Example Research" and article.original_outlet is None


def test_originally_published_elsewhere() -> None:
    raw = (f"Oil talks fail\n\nEurasia Review, 3 March 2022\n\n{LEDE}\n\n"
           "This article was first published on [Press TV](#).")
    article = run(raw)
    assert (article.outlet, article.original_outlet, article.republished_by) == \
        ("Eurasia Review", "Press TV", "Eurasia Review")


def test_trailing_source_line_alone_is_the_outlet() -> None:
    article = run(f"Oil talks fail\n\nBy Jane Roe\n\n{LEDE}\n\nWorld Socialist 11 February 2020")
    assert article.outlet == "World Socialist Web Site" and article.original_outlet is None
    assert article.published == "2020-02-11" and article.original_published is None


@pytest.mark.parametrize(("line", "body_date", "want"), [
    ("Posted on 05/04/2022", "On April 2, 2022, the minister spoke.", "2022-04-05"),
    ("Posted on 05/04/2022", "On May 2, 2022, the minister spoke.", "2022-05-04"),
    ("Posted on 05.04.2022", "", "2022-04-05"),  # day-first with dots
    ("Posted on 04/05/2022", "", "2022-04-05"),  # month-first with slashes
    ("Posted on 14/03/2022", "", "2022-03-14"),  # only one valid reading
])
def test_ambiguous_numeric_dates(line: str, body_date: str, want: str) -> None:
    article = run(f"{line}\n\nGas imports stop\n\n{LEDE} {body_date}")
    assert article.published == want


def test_input_values_are_not_overridden() -> None:
    raw = f"Oil talks fail\n\nBy Jane Roe\n\nMay 05, 2019\n\n{LEDE}"
    article = run(raw, title="Given title", published="2019-05-06", outlet="Given Outlet")
    assert (article.title, article.published, article.outlet) == \
        ("Given title", "2019-05-06", "Given Outlet")
    assert article.authors == ("Jane Roe",)
    assert {e.field for e in article.provenance} == {"authors"}


def test_bio_author_when_no_byline() -> None:
    raw = (f"Oil talks fail\n\n{LEDE}\n\nAbout the author:\n\n"
           "Natalia Kruk is a Warsaw-based energy analyst.")
    assert run(raw).authors == ("Natalia Kruk",)


def test_nothing_found_leaves_fields_unset() -> None:
    article = run(LEDE + "\n\n" + LEDE)
    assert (article.title, article.authors, article.published, article.outlet) == \
        (None, (), None, None)


def test_registry_lookup() -> None:
    assert REGISTRY.lookup("World Socialist") == "World Socialist Web Site"
    assert REGISTRY.lookup("wsws.org") == "World Socialist Web Site"
    assert REGISTRY.lookup("the guardian") == "The Guardian"
    assert [n for n, *_ in REGISTRY.domains_in("see www.afgazad.com or a@globalresearch.ca")] \
        == ["Afgazad", "Global Research"]
    assert REGISTRY.lookup("Nowhere Gazette") is None


def test_domain_only_outlet_is_replaced_by_a_name() -> None:
    url_only = (FieldEvidence(field="outlet", value="www.globalresearch.ca", origin="url"),)
    raw = f"Oil talks fail\n\n{LEDE}\n\nThis article was originally published on Eurasia Future."
    article = run(raw, outlet="www.globalresearch.ca", provenance=url_only)
    assert (article.outlet, article.original_outlet, article.republished_by) == \
        ("Global Research", "Eurasia Future", "Global Research")
    declared = (FieldEvidence(field="outlet", value="Some Site", origin="html_meta"),)
    assert run(raw, outlet="Some Site", provenance=declared).outlet == "Some Site"


def test_unregistered_republisher_masthead() -> None:
    raw = ("Північне перехрестя — незалежні голоси\nNorthern Crossroads\nwww.crossroads.example\n\n"
           f"Oil talks fail\n\nBy Jane Roe\n\n{LEDE}\n\n"
           "This article was originally published by Atlantic Dispatch on February 1, 2020.\n\n"
           "Northern Crossroads republishes articles for educational purposes.")
    article = run(raw)
    assert article.title == "Oil talks fail" and article.body == LEDE
    assert (article.outlet, article.original_outlet, article.republished_by) == \
        ("Northern Crossroads", "Atlantic Dispatch", "Northern Crossroads")
