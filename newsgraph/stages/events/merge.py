"""Several mentions of one happening become one event with several evidence spans.

Two events are the same happening when they have the same type, status and claimer, the
same dyad (in either order for the symmetric types: a meeting between A and B is a meeting
between B and A) and compatible dates (equal, one a prefix of the other, or one only
publication-derived).
"""

from __future__ import annotations

from dataclasses import replace

from ...models import Event

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE", "ASSAULT"})


def _key(event: Event) -> tuple[object, ...]:
    pair: object = (event.source_actor, event.target_actor)
    if event.type in SYMMETRIC:
        pair = frozenset(x for x in (event.source_actor, event.target_actor))
    return (event.type, pair, event.status, event.claimed_by)


def _compatible(a: Event, b: Event) -> bool:
    if a.date_source == "publication" or b.date_source == "publication":
        return True
    if a.date is None or b.date is None:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _combine(a: Event, b: Event) -> Event:
    better = a
    if a.date_source == "publication" and b.date_source != "publication" or (
            a.date_source == b.date_source and len(b.date or "") > len(a.date or "")):
        better = b
    spans = a.evidence + tuple(e for e in b.evidence if e not in a.evidence)
    return replace(
        a, date=better.date, date_source=better.date_source,
        location=a.location or b.location, mode=a.mode or b.mode,
        evidence=spans,
        confidence=round(min(0.97, max(a.confidence, b.confidence) + 0.05), 2))


def merge_events(events: list[Event]) -> tuple[Event, ...]:
    merged: list[Event] = []
    groups: dict[tuple[object, ...], list[int]] = {}  # key -> positions in ``merged``
    for event in events:
        slots = groups.setdefault(_key(event), [])
        for i in slots:
            if _compatible(merged[i], event):
                merged[i] = _combine(merged[i], event)
                break
        else:
            slots.append(len(merged))
            merged.append(event)
    return tuple(merged)
