"""Temporary: replaced below."""

from __future__ import annotations

from collections.abc import Sequence

from ...models import Article


class RhetoricAnalyzer:
    name = "rhetoric"
    version = "0"
    requires = frozenset({"body", "sentences"})
    provides = frozenset({"techniques", "frames", "genre", "profile"})

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        return list(articles)
