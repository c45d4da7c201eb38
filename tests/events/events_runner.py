"""Run the event coder over plain sentences: parse, dates, mentions (real or hand-built), events.

``real_actors()`` says whether the actors stage is implemented (its module no longer says
PLACEHOLDER); until then tests use the hand-made gazetteer in ``gazetteer.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from events_gazetteer import with_mentions

from newsgraph.models import Article, SourceRef
from newsgraph.pipeline import load_stage


def real_actors() -> bool:
    try:
        from newsgraph.stages import actors
        from newsgraph.stages.actors import ActorResolver
    except ImportError:  # the actors package is mid-rewrite
        return False
    doc = (actors.__doc__ or "") + (ActorResolver.__doc__ or "")
    return "PLACEHOLDER" not in doc and getattr(ActorResolver, "version", "0") != "0"


def article_for(text: str, published: str = "2020-02-12", ident: str = "g") -> Article:
    return Article(id=ident, source=SourceRef(uri="gold", format="text"), raw=text, body=text,
                   published=published, language="en")


class EventRunner:
    """parse -> actors (real, or the gazetteer) -> dates -> events, models loaded once."""

    def __init__(self, *, use_real_actors: bool) -> None:
        self.parse = load_stage("newsgraph.stages.parsing:Parser")
        self.actors = load_stage("newsgraph.stages.actors:ActorResolver") \
            if use_real_actors else None
        self.dates = load_stage("newsgraph.stages.dates:dates")
        self.events = load_stage("newsgraph.stages.events:EventCoder")

    def run(self, articles: Sequence[Article]) -> list[Article]:
        batch = self.parse(articles)
        # the real resolver when asked for, else the hand-made gazetteer
        batch = self.actors(batch) if self.actors is not None else [
            with_mentions(a) for a in batch]
        batch = self.dates(batch)
        return self.events(batch)

    def run_texts(self, texts: Sequence[str], **kw: Any) -> list[Article]:
        return self.run([article_for(t, ident=f"g{i}", **kw) for i, t in enumerate(texts)])


def strip_doc(article: Article) -> Article:
    return dataclasses.replace(article, doc=None)


FRONT = ("newsgraph.stages.extraction:extract", "newsgraph.stages.cleaning:clean",
         "newsgraph.stages.metadata:metadata", "newsgraph.stages.language:language",
         "newsgraph.stages.sentences:sentences")


def front_article(path: Any) -> Article:
    """A file through the real front stages (extraction .. sentences), ready for parsing."""
    from pathlib import Path

    from newsgraph.ingest.readers import read_file
    from newsgraph.models import RawDocument
    from newsgraph.pipeline import new_article

    raw = next(d for d in read_file(Path(path)) if isinstance(d, RawDocument))
    batch = [new_article(raw)]
    for ref in FRONT:
        batch = load_stage(ref)(batch)
    return batch[0]
