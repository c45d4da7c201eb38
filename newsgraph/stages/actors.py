"""PLACEHOLDER stage module: actors."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Article


class ActorResolver:
    """PLACEHOLDER until the actors work lands: provides nothing real."""

    name = "actors"
    version = "0"
    requires = frozenset({'body', 'doc', 'published'})
    provides = frozenset({'actors', 'mentions'})

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        return list(articles)
