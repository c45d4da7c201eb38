"""The events table: one row per coded event, in the layout GDELT/POLECAT users expect.

Columns (documented in docs/events.md): event_id, article_id, published, date, date_source,
source/target actor id, name and country, plover_type, mode, context, status, claimed_by,
cameo_root, quad_class, intensity, location, trigger, evidence (text, start, end, count),
outlet, url, title, confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...models import Article, Event
from .lexicon import load


def cameo_root(event: Event) -> str:
    """The trigger's CAMEO root, else the PLOVER type's (scales.json ``type_root``)."""
    scales = load().scales
    return event.cameo or scales["type_root"].get(event.type, "")


def intensity(event: Event) -> float | None:
    """Goldstein-style cooperation (+) / conflict (-) weight from type and mode."""
    scales = load().scales
    by_mode = scales["mode_intensity"].get(f"{event.type}/{event.mode}")
    if by_mode is not None:
        return float(by_mode)
    root = cameo_root(event)
    value = scales["root_goldstein"].get(root)
    return None if value is None else float(value)


def quad_class(event: Event) -> int | None:
    value = load().scales["root_quadclass"].get(cameo_root(event))
    return None if value is None else int(value)


def penta_class(event: Event) -> int | None:
    value = load().scales["root_pentaclass"].get(cameo_root(event))
    return None if value is None else int(value)


def article_event_rows(article: Article) -> Iterator[dict[str, Any]]:
    for i, event in enumerate(article.events):
        source = article.actor(event.source_actor)
        target = article.actor(event.target_actor)
        claimer = article.actor(event.claimed_by)
        first = event.evidence[0] if event.evidence else None
        yield {
            "event_id": f"{article.id}:{i}",
            "article_id": article.id,
            "published": article.published,
            "date": event.date,
            "date_source": event.date_source,
            "source_actor": event.source_actor,
            "source_name": source.name if source else None,
            "source_country": source.country if source else None,
            "target_actor": event.target_actor,
            "target_name": target.name if target else None,
            "target_country": target.country if target else None,
            "plover_type": event.type,
            "mode": event.mode,
            "context": ";".join(event.context),
            "status": event.status,
            "claimed_by": event.claimed_by,
            "claimed_by_name": claimer.name if claimer else None,
            "cameo_root": cameo_root(event),
            "quad_class": quad_class(event),
            "intensity": intensity(event),
            "location": event.location,
            "trigger": event.trigger,
            "evidence_text": first.text if first else None,
            "evidence_start": first.start if first else None,
            "evidence_end": first.end if first else None,
            "evidence_count": len(event.evidence),
            "outlet": article.outlet,
            "url": article.url,
            "title": article.title,
            "confidence": event.confidence,
        }


def event_rows(store: Any) -> Iterator[dict[str, Any]]:
    """``newsgraph export --what events``: every event of every stored article."""
    for article in store.iter_articles():
        yield from article_event_rows(article)
