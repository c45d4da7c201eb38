"""The two seed articles (third-party, read from ../shared at test time only).

The seeds' own sentences must not be copied into the repository, so article text is checked
through digests (sha256 of the whitespace-normalised words, first 16 hex digits) and through
properties of the output; only site furniture (which the cleaner must remove) and public
facts (names, outlets, dates) are written out.
"""

from __future__ import annotations

import hashlib
import re

import pytest

from newsgraph.ingest import documents_from_texts
from newsgraph.models import Article, RawDocument
from newsgraph.pipeline import INGEST_STAGES, Pipeline, new_article


def digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


def windows(text: str, n: int) -> set[str]:
    """Digests of every run of ``n`` words inside one paragraph."""
    out = set()
    for para in text.split("\n\n"):
        words = para.split()
        out |= {digest(" ".join(words[i:i + n])) for i in range(len(words) - n + 1)}
    return out


@pytest.fixture(scope="module")
def articles(seeds: dict[str, str]) -> dict[str, Article]:
    pipeline = Pipeline(INGEST_STAGES)
    out = {}
    for name, text in seeds.items():
        (doc,) = documents_from_texts([text])
        assert isinstance(doc, RawDocument)
        article = pipeline.run([new_article(doc)])[0]
        assert isinstance(article, Article), article
        out[name[:3]] = article
    return out


METADATA = {
    "000": dict(authors=("Andrew Korybko",), published="2019-05-05", outlet="Global Research",
                original_outlet="Eurasia Future", republished_by="Global Research",
                original_published=None, language="en"),
    "003": dict(authors=("Clara Weiss",), published="2020-02-12", outlet="Afgazad",
                original_outlet="World Socialist Web Site", republished_by="Afgazad",
                original_published="2020-02-11", language="en"),
}
TITLE = {"000": "b6355859b83490cd", "003": "f80ac918ef9e2186"}
FIRST_WORDS = {"000": "4d4c7859ce9b802a", "003": "9755b31694aecb22"}  # first 6 words of body
LAST_WORDS = {"000": "e31188dd65536924", "003": "4b0861a213f405bd"}  # last 5 words


@pytest.mark.parametrize("seed", sorted(METADATA))
def test_seed_metadata_exact(articles: dict[str, Article], seed: str) -> None:
    article = articles[seed]
    for name, want in METADATA[seed].items():
        assert getattr(article, name) == want, name
    assert article.title and digest(article.title) == TITLE[seed]


@pytest.mark.parametrize("seed", sorted(METADATA))
def test_seed_body_starts_and_ends_with_the_article(articles: dict[str, Article],
                                                    seed: str) -> None:
    words = articles[seed].body.split()
    assert digest(" ".join(words[:6])) == FIRST_WORDS[seed]
    assert digest(" ".join(words[-5:])) == LAST_WORDS[seed]


@pytest.mark.parametrize("gone", [
    "By Andrew", "Global Research, May", "Region:", "Theme:", "](#)", "[", "\\$", "share buttons",
    "originally published", "The original source", "Copyright", "Facebook page",
    "Become a Member", "Articles by", "About the author", "Disclaimer", "fair use",
    "media inquiries", "globalresearch.ca",
])
def test_seed_000_no_boilerplate(articles: dict[str, Article], gone: str) -> None:
    assert gone not in articles["000"].body


@pytest.mark.parametrize("gone", [
    "افغانستان", "AA-AA", "دشمن", "afgazad", "European Languages", "اروپائی", "By Clara",
    "12.02.2020", "Map of Belarus", "World Socialist", "**",
])
def test_seed_003_no_boilerplate(articles: dict[str, Article], gone: str) -> None:
    assert gone not in articles["003"].body


@pytest.mark.parametrize("seed", sorted(METADATA))
def test_seed_title_byline_and_bio_removed_with_reasons(articles: dict[str, Article],
                                                        seed: str) -> None:
    article = articles[seed]
    reasons = {r.reason for r in article.removed}
    assert {"title", "byline"} <= reasons
    assert article.title and article.title not in article.body
    for removal in article.removed:
        assert article.raw[removal.start:removal.end] == removal.text
        if removal.reason in ("author_bio", "title", "byline", "disclaimer", "fair_use"):
            assert removal.text.strip() not in article.body
    if seed == "000":  # the bio under the article, twice (after the text and in the footer)
        bios = [r for r in article.removed if r.reason == "author_bio"]
        assert len(bios) == 2 and all(r.text.startswith(article.authors[0]) for r in bios)


@pytest.mark.parametrize(("seed", "window", "words"), [
    ("003", "37a09432270b21cc", 8),  # a sentence cut by a page break ("… / the creation …")
    ("003", "0fcf17291cb19702", 7),  # a quotation cut by a page break
    ("000", "e55cea433804ab78", 6),  # a paragraph cut by a blank line in the paste
])
def test_seed_page_breaks_rejoined(articles: dict[str, Article], seed: str, window: str,
                                   words: int) -> None:
    assert window in windows(articles[seed].body, words)


@pytest.mark.parametrize("seed", sorted(METADATA))
def test_seed_no_paragraph_cut_mid_sentence(articles: dict[str, Article], seed: str) -> None:
    """A paragraph that stops without a sentence end is followed by one that starts in
    lower case only where a page break cut a sentence; none may be left."""
    paragraphs = articles[seed].body.split("\n\n")
    for this, following in zip(paragraphs, paragraphs[1:], strict=False):
        assert this.rstrip()[-1:] in ".!?\"”’)" or following[:1].isupper(), (this[-30:],)
        assert not re.search(r"\w-$", this.rstrip())  # no hyphen left at a join


def test_seed_headings_and_escapes(articles: dict[str, Article]) -> None:
    paragraphs = articles["000"].body.split("\n\n")
    headings = [p for p in paragraphs if len(p.split()) <= 8 and p[-1:] not in ".!?:"]
    assert len(headings) >= 4  # the section headings stay, as their own paragraphs
    assert re.search(r"\$\d", articles["000"].body)  # "\$2.7" lost its markdown escape
