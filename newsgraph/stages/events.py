"""PLACEHOLDER stage module: events."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Article


class EventCoder:
    """PLACEHOLDER until the events work lands: provides nothing real."""

    name = "events"
    version = "0"
    requires = frozenset({'body', 'doc', 'mentions', 'actors', 'dates'})
    provides = frozenset({'events'})

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        return list(articles)
