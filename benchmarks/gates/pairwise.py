"""Pairwise clustering scores shared by the cross-article gates (stories, incidents): two
items are a pair when one group holds both; precision, recall and F1 over those pairs."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence


def pairs(groups: Iterable[Sequence[str]], keep: set[str] | None = None) -> set[frozenset[str]]:
    """Same-group pairs; with ``keep``, only the pairs with an item in ``keep``."""
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(g), 2)
            if keep is None or keep & set(p)}


def pair_scores(gold: Iterable[Sequence[str]], got: Iterable[Sequence[str]],
                keep: set[str] | None = None) -> dict[str, float]:
    """Precision, recall and F1 of ``got``'s pairs against ``gold``'s (a side without pairs
    is vacuously right; no pair on either side scores F1 1)."""
    g, p = pairs(gold, keep), pairs(got, keep)
    tp = len(g & p)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    if not g and not p:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
