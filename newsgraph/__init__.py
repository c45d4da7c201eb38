"""newsgraph: evidence-backed models of world politics from news text.

>>> import newsgraph
>>> articles = newsgraph.analyze(["examples/articles"])  # doctest: +SKIP
"""

from __future__ import annotations

from .api import RunSummary, analyze, ingest
from .errors import ExportError, InputError, NewsgraphError, PipelineError, StageError, StoreError
from .models import Actor, Article, Event, Mention, Quantity, Quote, Technique
from .store import open_store

ArticleRecord = Article

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "ArticleRecord", "Event", "ExportError", "InputError", "Mention",
    "NewsgraphError", "PipelineError", "Quantity", "Quote", "RunSummary", "StageError",
    "StoreError", "Technique", "analyze", "ingest", "open_store",
]
