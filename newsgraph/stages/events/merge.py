"""Several mentions of one happening become one event with several evidence spans.

Two events are the same happening when they have the same type, status and claimer, the
same dyad (in either order for the symmetric types: a meeting between A and B is a meeting
between B and A) and compatible dates (equal, one a prefix of the other, or one only
publication-derived). A mention that names one side less ("Pompeo's visit" after "Pompeo
visited Minsk") joins the full one.
"""

from __future__ import annotations

from dataclasses import replace

from ...models import Event

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE", "ASSAULT"})


def _key(event: Event) -> tuple[object, ...]:
    pair: object = (event.source_actor, event.target_actor)
    if event.type in SYMMETRIC:
        pair = frozenset((event.source_actor, event.target_actor))
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


def _partial(a: Event, b: Event) -> bool:
    """``b`` names one side less than ``a`` but agrees on the other ("Pompeo visited Minsk"
    ... "Pompeo's visit"): the same happening, told with less detail."""
    if (a.type, a.status, a.claimed_by) != (b.type, b.status, b.claimed_by):
        return False
    if a.source_actor is None or a.target_actor is None:
        return False
    return (b.source_actor == a.source_actor and b.target_actor is None) or (
        b.target_actor == a.target_actor and b.source_actor is None)


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
    # a mention with one side unknown joins a full one of the same happening: the first
    # compatible one in ``out`` among those sharing its (type, status, claimer) and known side
    out: list[Event] = []
    fulls: dict[tuple[object, ...], list[int]] = {}  # (type, status, claimer, side) -> in ``out``
    for event in merged:
        full = None
        if event.source_actor is None or event.target_actor is None:
            side = ("source", event.source_actor) if event.target_actor is None else (
                "target", event.target_actor)
            for i in fulls.get((event.type, event.status, event.claimed_by, side), ()):
                if _compatible(out[i], event):
                    full = i
                    break
        if full is None:
            if event.source_actor is not None and event.target_actor is not None:
                head = (event.type, event.status, event.claimed_by)
                fulls.setdefault((*head, ("source", event.source_actor)), []).append(len(out))
                fulls.setdefault((*head, ("target", event.target_actor)), []).append(len(out))
            out.append(event)
        else:
            out[full] = _combine(out[full], event)
    return tuple(out)
