"""The compact per-article summary every cross-article step reads.

Computed once per article (when it is stored) and kept in ``compare_features``, so linking
stories, copies and incidents never re-reads or re-parses full article records.
"""

from __future__ import annotations

import gc
import json
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..models import Article
from .terms import topic_terms

VERSION = "3"  # 3: topic terms
SHINGLE = 5  # words per shingle: long enough that shared boilerplate phrases rarely match
PERMUTATIONS = 64
TOP_ACTORS = 10
_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = np.uint64(0xFFFFFFFF)
# Fixed seeds: signatures are stored, so the permutations must never change between runs.
_RNG = np.random.default_rng(20190505)
_A = (_RNG.integers(1, 2**32, PERMUTATIONS, dtype=np.uint64) | np.uint64(1))
_B = _RNG.integers(0, 2**32, PERMUTATIONS, dtype=np.uint64)


@dataclass(frozen=True, slots=True, kw_only=True)
class Features:
    id: str
    published: str | None = None
    outlet: str | None = None
    original_outlet: str | None = None
    republished_by: str | None = None
    title: str | None = None
    shingles: int = 0
    signature: bytes = b""  # PERMUTATIONS little-endian uint32 minima
    actors: tuple[tuple[str, float], ...] = ()  # (actor id, weight), heaviest first
    names: dict[str, str] = field(default_factory=dict)  # actor id -> display name
    events: tuple[dict[str, Any], ...] = ()
    quantities: tuple[dict[str, Any], ...] = ()
    terms: tuple[str, ...] = ()  # topic terms (terms.topic_terms), most frequent first
    term_counts: bytes = b""  # their counts, one byte each (a tuple of pairs costs 5x more)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The linear passes build millions of small containers and no reference cycles; the
    cyclic collector would rescan them again and again, so it waits until the pass ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def shingles(text: str) -> np.ndarray:
    """32-bit hashes of the word 5-grams of ``text`` (case and punctuation ignored, so a
    different banner casing or line breaking does not change them)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    return np.unique(np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint64,
                                 count=len(grams)))


def minhash(hashes: np.ndarray) -> bytes:
    """MinHash signature: per permutation the minimum of (a*x + b) mod 2^32, as bytes
    (compact: 256 bytes an article, and band slices are ready-made hash keys)."""
    if hashes.size == 0:
        return b"\xff" * (4 * PERMUTATIONS)
    values = (_A[:, None] * hashes[None, :] + _B[:, None]) & _MASK
    return values.min(axis=1).astype("<u4").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if len(a) != len(b) or not a:
        return 0.0
    same = np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4")
    return int(np.count_nonzero(same)) / PERMUTATIONS


_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]{3,}(?![\w'’-])")


_CALENDAR = frozenset((
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday"))


def keywords(text: str, top: int = TOP_ACTORS) -> Counter[str]:
    """Capitalised words that recur and do not start a sentence or a line (mostly names)."""
    counts: Counter[str] = Counter()
    for m in _NAME.finditer(text):
        before = text[max(0, m.start() - 3):m.start()].rstrip(" \t")
        if not before or before[-1] in ".!?:\n\"“”|#*>":
            continue
        word = m.group().casefold()
        if word not in _CALENDAR:
            counts[word] += 1
    return Counter({k: n for k, n in counts.most_common(top) if n >= 2})


def _sentence_of(article: Article, start: int, end: int) -> tuple[int, int]:
    for s in article.sentences:
        if s.start <= start < s.end:
            return s.start, max(s.end, end)
    return start, end


def from_article(article: Article) -> Features:
    hashes = shingles(article.body)
    weights: Counter[str] = Counter(m.actor_id for m in article.mentions)
    for e in article.events:  # actors only seen in events still identify the story
        for aid in (e.source_actor, e.target_actor):
            if aid:
                weights[aid] += 1
    if len(weights) < 2:  # actors unresolved: recurring proper names still identify a story
        weights = Counter({"kw:" + k: n for k, n in keywords(article.body).items()})
    events = []
    for i, e in enumerate(article.events):
        ev = e.evidence[0] if e.evidence else None
        lo, hi = _sentence_of(article, ev.start, ev.end) if ev else (-1, -1)
        events.append({
            "idx": i, "type": e.type, "source": e.source_actor, "target": e.target_actor,
            "status": e.status, "claimed_by": e.claimed_by, "date": e.date,
            "date_source": e.date_source, "location": e.location, "confidence": e.confidence,
            "start": ev.start if ev else None, "end": ev.end if ev else None,
            "text": ev.text if ev else "",
            "quantities": [{"value": q.normalized_value if q.normalized_value is not None
                            else q.value, "unit": q.normalized_unit or q.unit, "text": q.text}
                           for q in article.quantities if lo <= q.start and q.end <= hi],
            "techniques": sorted({t.technique for t in article.techniques
                                  if t.start < hi and t.end > lo}),
        })
    quantities = [{"value": q.normalized_value if q.normalized_value is not None else q.value,
                   "unit": q.normalized_unit or q.unit, "subject": q.subject, "text": q.text,
                   "start": q.start, "end": q.end, "period": q.period}
                  for q in article.quantities]
    terms, counts = topic_terms(article.body, ((m.start, m.end) for m in article.mentions),
                                (a.name for a in article.actors))
    return Features(
        id=article.id, published=article.published, outlet=article.outlet,
        original_outlet=article.original_outlet, republished_by=article.republished_by,
        title=article.title, shingles=int(hashes.size), signature=minhash(hashes),
        actors=tuple((a, float(w)) for a, w in weights.most_common(TOP_ACTORS)),
        names={a.id: a.name for a in article.actors},
        events=tuple(events), quantities=tuple(quantities), terms=terms, term_counts=counts,
    )


def to_row(f: Features) -> dict[str, Any]:
    return {
        "article_id": f.id, "version": VERSION, "published": f.published, "outlet": f.outlet,
        "original_outlet": f.original_outlet, "republished_by": f.republished_by,
        "title": f.title, "shingles": f.shingles,
        "signature": f.signature.hex(),
        "data": json.dumps({"actors": f.actors, "names": f.names, "events": f.events,
                            "quantities": f.quantities,
                            "terms": [list(p) for p in zip(f.terms, f.term_counts,
                                                           strict=True)]},
                           ensure_ascii=False),
    }


def from_row(row: dict[str, Any]) -> Features:
    sig = row["signature"] or ""
    data = json.loads(row["data"])
    terms = data.get("terms") or []
    return Features(
        id=row["article_id"], published=row["published"], outlet=row["outlet"],
        original_outlet=row["original_outlet"], republished_by=row["republished_by"],
        title=row["title"], shingles=int(row["shingles"] or 0),
        signature=bytes.fromhex(sig),
        actors=tuple((a, float(w)) for a, w in data["actors"]), names=data["names"],
        events=tuple(data["events"]), quantities=tuple(data["quantities"]),
        terms=tuple(sys.intern(t) for t, _ in terms), term_counts=bytes(c for _, c in terms),
    )
