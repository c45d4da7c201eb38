"""Stories: single-pass clustering of articles by shared actors, topic, event dyads, text
and time.

Articles are taken in date order; each joins the best-scoring story among the few stories
its heaviest actors point to (an inverted index capped per actor), or starts a new one. Each
article costs a bounded number of comparisons, so the pass is linear in the articles. A
first pass over the feature rows counts in how many articles each actor and topic term
occurs (IDF): an actor or word that nearly every article has (Belarus, "oil" in an energy
desk's archive) says little about which story an article belongs to.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .duplicates import CopyLinks
from .features import Features, similarity
from .terms import Profile, idf, unit_vector

THRESHOLD = 0.25
MIN_SHARED_ACTORS = 2
WEIGHTS = {"actors": 0.5, "topic": 0.2, "dyads": 0.2, "text": 0.1}
TOPIC_FULL = 0.25  # a short article rarely shares more words with its story: counts in full
# When both sides have words, an article whose topic is this far from a story's joins it only
# if it continues the story's events (the same dyads); a shared cast alone is not a story.
MIN_TOPIC = 0.05
MIN_DYADS = 0.5
KEY_ACTORS = 4  # actors of an article used to find candidate stories
STORY_TOP = 12  # a story's profile: its most frequent actors
CANDIDATES_PER_ACTOR = 32  # most recently active stories kept per actor
SIGNATURES = 3  # article signatures kept per story for text similarity
NEAR_DAYS = 60  # inside this gap time does not lower the score; beyond, it decays slowly
DECAY_DAYS = 730  # (to half after two years, so a May 2019 and a February 2020 piece meet)
# ... but the same *kind* of news months later (another oil row, another exercise, another
# round of sanctions) is a new episode: topic agreement fades out over these days.
TOPIC_DAYS = 120


@dataclass
class Story:
    id: str
    title: str | None
    articles: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    actors: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    dyads: Counter[frozenset[str]] = field(default_factory=Counter)
    signatures: list[bytes] = field(default_factory=list)
    topic: Profile = field(default_factory=Profile)
    first_date: str | None = None
    last_date: str | None = None
    top: frozenset[str] = frozenset()

    def add(self, probe: Probe, score: float) -> None:
        f = probe.features
        self.topic.add(probe.topic)
        self.articles.append(f.id)
        self.scores[f.id] = round(score, 3)
        for actor_id, weight in f.actors:
            self.actors[actor_id] += weight
        for d in probe.dyads:
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


@dataclass(slots=True)
class Probe:
    """An article as the pass compares it: actor weights scaled by IDF, its event dyads and
    its topic vector, computed once per article rather than once per candidate story."""
    features: Features
    actors: list[tuple[str, float]]
    total: float  # of the actor weights
    dyads: set[frozenset[str]]
    topic: dict[str, float]


def probes(features: Iterable[Features]) -> Iterator[Probe]:
    rows = list(features)
    actor_idf = idf([a for a, _ in f.actors] for f in rows)
    term_idf = idf(f.terms for f in rows)
    for f in rows:
        actors = [(a, w * actor_idf[a]) for a, w in f.actors]
        yield Probe(f, actors, sum(w for _, w in actors) or 1.0, _dyads(f),
                    unit_vector(f.terms, f.term_counts, term_idf))


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


def _gap(f: Features, story: Story) -> int:
    gaps = [g for g in (_days(f.published, story.first_date), _days(f.published, story.last_date))
            if g is not None]
    return min(gaps) if gaps else 0


def _fade(gap: int, days: int, floor: float) -> float:
    return 1.0 if gap <= NEAR_DAYS else max(floor, 1.0 - (gap - NEAR_DAYS) / days)


def score(p: Probe, story: Story) -> tuple[float, int]:
    """(score in 0..1, number of shared actors) of an article against a story; 0 when fewer
    than MIN_SHARED_ACTORS are shared (nothing else is computed then)."""
    top = story.top
    shared = [w for a, w in p.actors if a in top]
    if len(shared) < MIN_SHARED_ACTORS:
        return 0.0, len(shared)
    dyads = sum(1 for d in p.dyads if d in story.dyads) / len(p.dyads) if p.dyads else 0.0
    text = max((similarity(p.features.signature, s) for s in story.signatures), default=0.0)
    gap = _gap(p.features, story)
    w = WEIGHTS
    value = w["actors"] * sum(shared) / p.total + w["dyads"] * dyads + w["text"] * text
    if p.topic and story.topic.norm2:
        topic = story.topic.cosine(p.topic)
        if topic < MIN_TOPIC and dyads < MIN_DYADS:
            return 0.0, len(shared)
        value += w["topic"] * min(1.0, topic / TOPIC_FULL) * _fade(gap, TOPIC_DAYS, 0.0)
    else:  # no words to compare (an empty or very short text): judge by the rest alone
        value /= 1.0 - w["topic"]
    return value * _fade(gap, DECAY_DAYS, 0.5), len(shared)


def cluster_stories(features: Iterable[Features], links: CopyLinks | None = None) -> list[Story]:
    """Stories in order of their first article; ``features`` should come in date order."""
    stories: list[Story] = []
    by_actor: dict[str, deque[int]] = defaultdict(lambda: deque(maxlen=CANDIDATES_PER_ACTOR))
    story_of: dict[str, int] = {}
    for p in probes(features):
        f = p.features
        chosen, best = -1, 0.0
        if links is not None:  # a copy always joins the story of its group
            group = [links.source_of(f.id), *links.copies_of(f.id)]
            chosen = next((story_of[a] for a in group if a in story_of), -1)
            best = 1.0 if chosen >= 0 else 0.0
        if chosen < 0:
            candidates = {i for a, _ in f.actors[:KEY_ACTORS] for i in by_actor.get(a, ())}
            for i in sorted(candidates):
                value, shared = score(p, stories[i])
                if shared >= MIN_SHARED_ACTORS and value >= THRESHOLD and value > best:
                    chosen, best = i, value
        if chosen < 0:
            chosen, best = len(stories), 1.0
            stories.append(Story(id="story:" + f.id, title=f.title))
        stories[chosen].add(p, best)
        story_of[f.id] = chosen
        for a, _ in f.actors[:KEY_ACTORS]:
            q = by_actor[a]
            if chosen in q:
                q.remove(chosen)
            q.append(chosen)
    return stories
