"""Batch back-ends: Apache Spark (phase 1, distributed) and loading its output (phase 2)."""

from __future__ import annotations

from collections.abc import Callable

from ..api import RunSummary
from ..pipeline import Failure
from ..store import Store


def load(directory: str, store: Store,
         progress: Callable[[int], None] | None = None) -> RunSummary:
    """Load `newsgraph spark analyze` Parquet output into a store (one transaction per
    article; rows already stored with the same stage versions are skipped)."""
    from ..store.base import signature
    from .spark import article_of, read_rows

    summary = RunSummary()
    for row in read_rows(directory):
        if row.get("error"):
            where, _, reason = row["error"].partition(": ")
            summary.failed.append(Failure(where, reason))
            continue
        article = article_of(row)
        if store.stored_versions(article.id) == signature(article.stages):
            summary.unchanged.append(article.id)
            continue
        store.save(article)
        summary.stored.append(article.id)
        if progress:
            progress(1)
    if summary.stored:
        from ..compare import update  # phase 2: copies, stories, incidents over what loaded

        update(store, summary.stored)
    return summary
