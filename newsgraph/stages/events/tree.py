"""A per-document cache of each token's children: the coder walks the same few trees many
times, and spaCy builds new Token objects on every ``token.children`` call. Child positions come
from the parse's HEAD array once per document; Token objects are made only for the tokens the
coder actually visits (making one for every token of a long article costs more than the walk)."""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import HEAD

KEY = "newsgraph.events.children"


class _Children:
    def __init__(self, doc: Any) -> None:
        n = len(doc)
        heads = (numpy.arange(n, dtype=numpy.int64)
                 + doc.to_array(HEAD).astype(numpy.int64)).tolist() if n else []
        self.positions: list[list[int]] = [[] for _ in range(n)]
        for i, head in enumerate(heads):
            if head != i:
                self.positions[head].append(i)  # ascending: the order spaCy gives
        self.doc = doc
        self.made: dict[int, tuple[Any, ...]] = {}

    def of(self, i: int) -> tuple[Any, ...]:
        found = self.made.get(i)
        if found is None:
            doc = self.doc
            found = self.made[i] = tuple(doc[j] for j in self.positions[i])
        return found


def kids(tok: Any) -> tuple[Any, ...]:
    cache = tok.doc.user_data.get(KEY)
    if cache is None:
        cache = tok.doc.user_data[KEY] = _Children(tok.doc)
    return cache.of(tok.i)  # type: ignore[no-any-return]


def forget(doc: Any) -> None:
    """Drop the cache (the Doc is shared with later stages)."""
    doc.user_data.pop(KEY, None)
