"""The storage interface every backend implements, and the article → rows mapping they share."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..models import Article, StageRun, to_dict


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    actor: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    article_id: str | None = None
    limit: int = 100
    offset: int = 0


class Store(Protocol):
    """One interface over SQLite and PostgreSQL. All writes of one article are one transaction."""

    def stored_versions(self, article_id: str) -> str | None:
        """The stage-version signature an article was stored with, or None if absent."""

    def save(self, article: Article) -> None: ...

    def get(self, article_id: str) -> Article | None: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def list_articles(self, *, limit: int = 50, offset: int = 0, outlet: str | None = None,
                      since: str | None = None, until: str | None = None
                      ) -> list[dict[str, Any]]: ...

    def count(self, table: str = "articles") -> int: ...

    def events(self, flt: EventFilter) -> list[dict[str, Any]]: ...

    def actors(self, *, limit: int = 100, offset: int = 0,
               q: str | None = None) -> list[dict[str, Any]]: ...

    def actor(self, actor_id: str) -> dict[str, Any] | None: ...

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...


def signature(versions: Sequence[StageRun]) -> str:
    return ",".join(f"{s.name}@{s.version}" for s in versions)


def article_row(article: Article, now: str) -> dict[str, Any]:
    record = to_dict(article)
    record.pop("html", None)  # the page is re-readable from its source; keep the store lean
    return {
        "id": article.id,
        "source_uri": article.source.uri,
        "source_format": article.source.format,
        "source_id": article.source.id,
        "title": article.title,
        "published": article.published,
        "outlet": article.outlet,
        "original_outlet": article.original_outlet,
        "republished_by": article.republished_by,
        "language": article.language,
        "genre": article.genre,
        "body": article.body,
        "stage_versions": signature(article.stages),
        "record": json.dumps(record, ensure_ascii=False),
        "ingested_at": now,
    }


def child_rows(article: Article) -> dict[str, list[dict[str, Any]]]:
    """Rows of the per-article fact tables, keyed by table name."""
    aid = article.id
    rows: dict[str, list[dict[str, Any]]] = {
        "mentions": [
            {"article_id": aid, "start": m.start, "end": m.end, "text": m.text,
             "actor_id": m.actor_id, "kind": m.kind} for m in article.mentions],
        "events": [],
        "quotes": [
            {"article_id": aid, "idx": i, "start": q.start, "end": q.end, "text": q.text,
             "speaker_actor": q.speaker_actor, "speaker_text": q.speaker_text}
            for i, q in enumerate(article.quotes)],
        "quantities": [
            {"article_id": aid, "idx": i, "start": q.start, "end": q.end, "text": q.text,
             "value": q.value, "unit": q.unit, "normalized_value": q.normalized_value,
             "normalized_unit": q.normalized_unit, "period": q.period, "subject": q.subject}
            for i, q in enumerate(article.quantities)],
        "techniques": [
            {"article_id": aid, "idx": i, "start": t.start, "end": t.end,
             "technique": t.technique, "confidence": t.confidence}
            for i, t in enumerate(article.techniques)],
    }
    for i, e in enumerate(article.events):
        ev = e.evidence[0] if e.evidence else None
        rows["events"].append({
            "article_id": aid, "idx": i, "type": e.type, "mode": e.mode,
            "source_actor": e.source_actor, "target_actor": e.target_actor, "status": e.status,
            "claimed_by": e.claimed_by, "date": e.date, "date_source": e.date_source,
            "location": e.location, "trigger": e.trigger,
            "evidence_start": ev.start if ev else None, "evidence_end": ev.end if ev else None,
            "evidence_text": ev.text if ev else None, "confidence": e.confidence,
            "published": article.published, "outlet": article.outlet,
        })
    return rows


def actor_rows(article: Article) -> list[dict[str, Any]]:
    return [{"id": a.id, "name": a.name, "type": a.type, "country": a.country}
            for a in article.actors]
