"""Republished copies and near-duplicates: MinHash signatures, LSH buckets, union-find.

Two articles are copies when one's text (as word 5-grams) is almost entirely contained in
the other's — a different banner, title casing, footer or line breaking does not matter.
Each group of copies has one original; only the original counts as an independent source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .features import PERMUTATIONS, Features, similarity

BANDS = 16  # 16 bands x 4 rows: pairs with Jaccard >= 0.5 share a bucket with p > 0.6
ROWS = PERMUTATIONS // BANDS
MIN_SHINGLES = 20  # shorter texts are too generic to call copies
CONTAINMENT = 0.8  # share of the shorter text found in the longer one
BUCKET_CAP = 64  # compare with at most this many earlier members of a bucket (keeps it linear)


@dataclass(frozen=True, slots=True)
class CopyLinks:
    original: dict[str, str]  # article id -> id of its group's original (only grouped ids)
    pairs: list[tuple[str, str, float]]  # (a, b, containment), a < b
    members: dict[str, list[str]] = field(init=False)  # original id -> sorted group ids

    def __post_init__(self) -> None:
        members: dict[str, list[str]] = defaultdict(list)
        for article_id, root in sorted(self.original.items()):
            members[root].append(article_id)
        object.__setattr__(self, "members", dict(members))

    def source_of(self, article_id: str) -> str:
        """The independent source an article counts as: its group's original, else itself."""
        return self.original.get(article_id, article_id)

    def copies_of(self, article_id: str) -> list[str]:
        root = self.original.get(article_id)
        if root is None:
            return []
        return [a for a in self.members[root] if a != article_id]


def containment(a: Features, b: Features) -> float:
    """Estimated |A ∩ B| / min(|A|, |B|) from the signatures' Jaccard and the set sizes."""
    j = similarity(a.signature, b.signature)
    if j == 0.0 or not a.shingles or not b.shingles:
        return 0.0
    inter = j * (a.shingles + b.shingles) / (1.0 + j)
    return min(1.0, inter / min(a.shingles, b.shingles))


def _norm_outlet(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (name or "").casefold().removeprefix("www."))


def _same_outlet(a: str | None, b: str | None) -> bool:
    x, y = _norm_outlet(a), _norm_outlet(b)
    return bool(x and y) and (x in y or y in x)


def choose_original(members: list[Features]) -> Features:
    """The outlet a copy names as its original wins; then articles not marked as
    republications; then the earliest date; then the text with the least extra chrome."""
    named = [m for m in members
             if any(_same_outlet(m.outlet, o.original_outlet) for o in members if o is not m)]
    pool = named or members
    unmarked = [m for m in pool if not m.republished_by
                and (not m.original_outlet or _same_outlet(m.original_outlet, m.outlet))]
    pool = unmarked or pool
    return min(pool, key=lambda m: (m.published is None, m.published or "", m.shingles, m.id))


def link_copies(features: Iterable[Features]) -> CopyLinks:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    by_id: dict[str, Features] = {}
    buckets: dict[bytes, list[str]] = defaultdict(list)
    pairs: list[tuple[str, str, float]] = []
    for f in features:
        if f.shingles < MIN_SHINGLES or len(f.signature) != 4 * PERMUTATIONS:
            continue
        by_id[f.id] = f
        seen: set[str] = set()
        for band in range(BANDS):
            key = bytes((band,)) + f.signature[4 * band * ROWS:4 * (band + 1) * ROWS]
            members = buckets[key]
            for other_id in members[-BUCKET_CAP:]:
                if other_id in seen:
                    continue
                seen.add(other_id)
                c = containment(f, by_id[other_id])
                if c >= CONTAINMENT:
                    a, b = sorted((f.id, other_id))
                    pairs.append((a, b, round(c, 3)))
                    parent.setdefault(a, a)
                    parent.setdefault(b, b)
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[rb] = ra
            members.append(f.id)
    groups: dict[str, list[Features]] = defaultdict(list)
    for aid in parent:
        groups[find(aid)].append(by_id[aid])
    original: dict[str, str] = {}
    for group in groups.values():
        root = choose_original(group).id
        for m in group:
            original[m.id] = root
    return CopyLinks(original=original, pairs=sorted(pairs))
