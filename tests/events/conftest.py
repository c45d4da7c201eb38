"""Event-coder fixtures: ``code(text)`` parses with the session spaCy model, adds hand-built
mentions from ``events_gazetteer`` (independent of the actors stage) and the real dates stage,
then runs the event coder."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_gazetteer import with_mentions  # noqa: E402

from newsgraph.models import Article, Sentence  # noqa: E402
from newsgraph.pipeline import load_stage  # noqa: E402


@pytest.fixture(scope="session")
def coder() -> object:
    return load_stage("newsgraph.stages.events:EventCoder")


@pytest.fixture(scope="session")
def code(parsed: Callable[..., Article], coder: object) -> Callable[..., Article]:
    dates = load_stage("newsgraph.stages.dates:dates")

    def run(text: str, *, published: str = "2020-02-12", mentions: bool = True) -> Article:
        article = parsed(text, published=published)
        sentences = tuple(Sentence(start=s.start_char, end=s.end_char) for s in article.doc.sents)
        article = dataclasses.replace(article, sentences=sentences)
        if mentions:
            article = with_mentions(article)
        article = dates([article])[0]
        return coder([article])[0]  # type: ignore[operator,no-any-return]

    return run
