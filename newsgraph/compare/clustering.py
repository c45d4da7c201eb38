"""Stories: single-pass clustering of articles by shared actors, event dyads, text and time.

Articles are taken in date order; each joins the best-scoring story among the few stories
its heaviest actors point to (an inverted index capped per actor), or starts a new one. Each
article costs a bounded number of comparisons, so the pass is linear in the articles.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .duplicates import CopyLinks
from .features import Features, similarity

THRESHOLD = 0.35
MIN_SHARED_ACTORS = 2
KEY_ACTORS = 4  # actors of an article used to find candidate stories
STORY_TOP = 12  # a story's profile: its most frequent actors
CANDIDATES_PER_ACTOR = 32  # most recently active stories kept per actor
SIGNATURES = 3  # article signatures kept per story for text similarity
NEAR_DAYS = 60  # inside this gap time does not lower the score; beyond, it decays slowly


@dataclass
class Story:
    id: str
    title: str | None
    articles: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    actors: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    dyads: Counter[frozenset[str]] = field(default_factory=Counter)
    signatures: list[bytes] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    top: frozenset[str] = frozenset()

    def add(self, f: Features, score: float) -> None:
        self.articles.append(f.id)
        self.scores[f.id] = round(score, 3)
        for actor_id, weight in f.actors:
            self.actors[actor_id] += weight
        for d in _dyads(f):
            self.dyads[d] += 1
        if len(self.signatures) < SIGNATURES:
            self.signatures.append(f.signature)
        if f.published:
            if not self.first_date or f.published < self.first_date:
                self.first_date = f.published
            if not self.last_date or f.published > self.last_date:
                self.last_date = f.published
        if len(self.actors) > 8 * STORY_TOP:  # bounded profile keeps every update O(1)
            self.actors = defaultdict(float, _heaviest(self.actors, 4 * STORY_TOP))
        if len(self.dyads) > 8 * STORY_TOP:
            self.dyads = Counter(dict(self.dyads.most_common(4 * STORY_TOP)))
        self.top = frozenset(a for a, _ in _heaviest(self.actors, STORY_TOP))

    def record(self, names: dict[str, str]) -> dict[str, Any]:
        actors = [a for a, _ in _heaviest(self.actors, STORY_TOP)]
        return {"id": self.id, "title": self.title or " – ".join(names.get(a, a)
                                                                 for a in actors[:3]),
                "articles": list(self.articles), "actors": actors,
                "first_date": self.first_date, "last_date": self.last_date,
                "scores": dict(self.scores)}


def _heaviest(weights: dict[str, float], n: int) -> list[tuple[str, float]]:
    return heapq.nlargest(n, weights.items(), key=lambda kv: (kv[1], kv[0]))


def _dyads(f: Features) -> set[frozenset[str]]:
    return {frozenset((e["source"], e["target"])) for e in f.events
            if e.get("source") and e.get("target")}


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def _time_factor(f: Features, story: Story) -> float:
    gaps = [g for g in (_days(f.published, story.first_date), _days(f.published, story.last_date))
            if g is not None]
    gap = min(gaps) if gaps else 0
    return 1.0 if gap <= NEAR_DAYS else max(0.5, 1.0 - (gap - NEAR_DAYS) / 730)


def score(f: Features, story: Story) -> tuple[float, int]:
    """(score in 0..1, number of shared actors) of an article against a story."""
    total = sum(w for _, w in f.actors) or 1.0
    shared = [(a, w) for a, w in f.actors if a in story.top]
    actor_part = sum(w for _, w in shared) / total
    dyads = _dyads(f)
    dyad_part = (sum(1 for d in dyads if d in story.dyads) / len(dyads)) if dyads else 0.0
    text_part = max((similarity(f.signature, s) for s in story.signatures), default=0.0)
    value = 0.6 * actor_part + 0.25 * dyad_part + 0.15 * text_part
    return value * _time_factor(f, story), len(shared)


def cluster_stories(features: Iterable[Features], links: CopyLinks | None = None) -> list[Story]:
    """Stories in order of their first article; ``features`` should come in date order."""
    stories: list[Story] = []
    by_actor: dict[str, deque[int]] = defaultdict(lambda: deque(maxlen=CANDIDATES_PER_ACTOR))
    story_of: dict[str, int] = {}
    for f in features:
        chosen, best = -1, 0.0
        if links is not None:  # a copy always joins the story of its group
            group = [links.source_of(f.id), *links.copies_of(f.id)]
            chosen = next((story_of[a] for a in group if a in story_of), -1)
            best = 1.0 if chosen >= 0 else 0.0
        if chosen < 0:
            candidates = {i for a, _ in f.actors[:KEY_ACTORS] for i in by_actor.get(a, ())}
            for i in sorted(candidates):
                value, shared = score(f, stories[i])
                if shared >= MIN_SHARED_ACTORS and value >= THRESHOLD and value > best:
                    chosen, best = i, value
        if chosen < 0:
            chosen, best = len(stories), 1.0
            stories.append(Story(id="story:" + f.id, title=f.title))
        stories[chosen].add(f, best)
        story_of[f.id] = chosen
        for a, _ in f.actors[:KEY_ACTORS]:
            q = by_actor[a]
            if chosen in q:
                q.remove(chosen)
            q.append(chosen)
    return stories
