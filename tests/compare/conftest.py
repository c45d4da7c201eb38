"""Fixtures for the cross-article tests: hand-annotated multi-article records and a small
``feature`` builder (no NLP: articles are built directly)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsgraph.models import Actor, Article, Event, Evidence, Mention, SourceRef

ROOT = Path(__file__).resolve().parents[2]


def load_multi() -> list[Article]:
    path = ROOT / "benchmarks" / "fixtures" / "multi" / "load.py"
    spec = importlib.util.spec_from_file_location("multi_fixture_load", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load()  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def multi() -> list[Article]:
    return load_multi()


@pytest.fixture()
def make() -> Callable[..., Article]:
    """``make(id, body, events=[(type, src, dst, date, status?)], actors=[...], **fields)``."""

    def build(article_id: str, body: str, *, events: list[tuple[Any, ...]] = (),  # type: ignore[assignment]
              actors: list[str] = (), published: str | None = "2020-01-10",  # type: ignore[assignment]
              **fields: Any) -> Article:
        evs = []
        for e in events:
            type_, src, dst, day = e[:4]
            status = e[4] if len(e) > 4 else "asserted"
            evs.append(Event(type=type_, source_actor=src, target_actor=dst, date=day,
                             status=status, date_source="sentence" if day else "publication",
                             evidence=(Evidence(start=0, end=min(10, len(body)),
                                                text=body[:10]),)))
        names = sorted({*actors, *(x for e in events for x in e[1:3] if x)})
        mentions = tuple(Mention(start=0, end=1, text=body[:1], actor_id=a) for a in actors)
        return Article(id=article_id, source=SourceRef(uri=article_id, format="text"),
                       raw=body, body=body, published=published, language="en",
                       actors=tuple(Actor(id=a, name=a.upper(), type="state") for a in names),
                       mentions=mentions, events=tuple(evs), **fields)

    return build
