"""PLOVER event coding: who did what to whom, when, where, and whether it really happened.

``EventCoder`` is the pipeline stage (``newsgraph.stages.events:EventCoder``). The knowledge it
uses is data next to this module: ``triggers.tsv`` (trigger words per PLOVER type and mode),
``cues.json`` (status cues), ``scales.json`` (CAMEO root, QuadClass, intensity). See
docs/events.md for the codebook.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ...models import Article
from .coder import code_article
from .lexicon import load

__all__ = ["EventCoder", "code_article"]


class EventCoder:
    name = "events"
    version = "8"
    requires = frozenset({"body", "doc", "mentions", "actors", "dates"})
    provides = frozenset({"events"})

    def __init__(self) -> None:
        self.lexicon = load()

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        return [dataclasses.replace(a, events=code_article(a, self.lexicon)) for a in articles]
