"""Sentence splitting: the cases news text needs."""

from __future__ import annotations

import pytest

from newsgraph.models import Article, SourceRef
from newsgraph.stages.sentences import sentences, split


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Putin met Alexander G. Lukashenko in Sochi. The talks failed.",
     ["Mr. Putin met Alexander G. Lukashenko in Sochi.", "The talks failed."]),
    ("Sanctions hit the U.S. The next day prices rose.",
     ["Sanctions hit the U.S.", "The next day prices rose."]),
    ("The U.S. side said oil rose 3.5 percent. Gen. Smith spoke at 10 a.m. Monday.",
     ["The U.S. side said oil rose 3.5 percent.", "Gen. Smith spoke at 10 a.m. Monday."]),
    ('"Why?" he asked. "We will not yield," Lukashenko said.',
     ['"Why?" he asked.', '"We will not yield," Lukashenko said.']),
    ('He said: "It is over." Then he left!', ['He said: "It is over."', "Then he left!"]),
    ("Talks began on Feb. 7 in Sochi. Dr. Ivanova joined e.g. later.",
     ["Talks began on Feb. 7 in Sochi.", "Dr. Ivanova joined e.g. later."]),
    ("A Heading Without A Period\nThe paragraph starts here.\n\nAnother one.",
     ["A Heading Without A Period", "The paragraph starts here.", "Another one."]),
    ("It cost $2.7 bn... Nobody paid.", ["It cost $2.7 bn...", "Nobody paid."]),
    ("Россия и Белоруссия договорились. Москва настаивает.",
     ["Россия и Белоруссия договорились.", "Москва настаивает."]),
])
def test_split(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_stage_offsets_index_body() -> None:
    body = "  First one.  Second one?\n\nThird one"
    article = sentences.fn(Article(id="t", source=SourceRef(uri="t", format="text"), body=body))
    assert [body[s.start:s.end] for s in article.sentences] == \
        ["First one.", "Second one?", "Third one"]


def test_empty() -> None:
    assert split("") == [] and split("\n\n  \n") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Adviser H.R. McMaster spoke. Then he left.",
     ["Adviser H.R. McMaster spoke.", "Then he left."]),
    ("It backed the pro-U.S. Gen. Smith in 1954.", ["It backed the pro-U.S. Gen. Smith in 1954."]),
    ("The ministry said. … The ministry added more.",
     ["The ministry said.", "… The ministry added more."]),
])
def test_split_more(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected
