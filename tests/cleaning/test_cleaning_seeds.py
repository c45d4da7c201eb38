"""The two seed articles (third-party, read from ../shared at test time only)."""

from __future__ import annotations

import pytest

from newsgraph.models import Article, SourceRef
from newsgraph.stages.cleaning import clean


@pytest.fixture(scope="module")
def bodies(seeds: dict[str, str]) -> dict[str, Article]:
    return {name[:3]: clean.fn(Article(id=name, source=SourceRef(uri=name, format="text"),
                                    raw=text)) for name, text in seeds.items()}


@pytest.mark.parametrize("gone", [
    "By Andrew", "Global Research, May", "Region:", "Theme:", "](#)", "[", "\\$", "share buttons",
    "originally published", "is an American Moscow-based", "The original source", "Copyright",
    "Facebook page", "Become a Member", "Articles by", "About the author", "Disclaimer",
    "fair use", "media inquiries", "Trump Is Twisting Putin's Arm Through",
])
def test_seed_000_no_boilerplate(bodies: dict[str, Article], gone: str) -> None:
    assert gone not in bodies["000"].body


@pytest.mark.parametrize("gone", [
    "افغانستان", "AA-AA", "دشمن", "afgazad", "European Languages", "اروپائی", "By Clara",
    "12.02.2020", "Map of Belarus", "World Socialist 11", "**",
    "Russian-Belarusian energy talks fail as Minsk",
])
def test_seed_003_no_boilerplate(bodies: dict[str, Article], gone: str) -> None:
    assert gone not in bodies["003"].body


@pytest.mark.parametrize(("seed", "joined"), [
    ("003", "This would include the creation of supranational bodies"),
    ("003", "asked for a \"regular dialogue between representatives"),
    ("000", "Minsk said would cost it hundreds"),
])
def test_seed_page_breaks_rejoined(bodies: dict[str, Article], seed: str, joined: str) -> None:
    paragraphs = bodies[seed].body.split("\n\n")
    assert any(joined in p for p in paragraphs)


def test_seed_bodies_keep_text_and_headings(bodies: dict[str, Article]) -> None:
    body = bodies["000"].body
    assert body.startswith("The US has more or less succeeded")
    assert "\n\nConcluding Thoughts\n\n" in body and "$2.7 billion in tainted oil" in body
    assert bodies["003"].body.startswith("At a meeting on Friday in Sochi")
    assert bodies["003"].body.rstrip().endswith("regional stability.\"")
