"""A per-document cache of each token's children: the coder walks the same few trees many
times, and spaCy builds new Token objects on every ``token.children`` call."""

from __future__ import annotations

from typing import Any

KEY = "newsgraph.events.children"


def kids(tok: Any) -> tuple[Any, ...]:
    cache: dict[int, tuple[Any, ...]] = tok.doc.user_data.setdefault(KEY, {})
    found = cache.get(tok.i)
    if found is None:
        found = cache[tok.i] = tuple(tok.children)
    return found


def forget(doc: Any) -> None:
    """Drop the cache (the Doc is shared with later stages)."""
    doc.user_data.pop(KEY, None)
