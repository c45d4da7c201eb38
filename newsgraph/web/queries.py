"""Read helpers shared by the API and the pages: actor names, an actor's timeline and
relations. Only store methods are called; nothing here writes."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..models import Article
from ..store import EventFilter, Store

# PLOVER types by the quad class they belong to; REQUEST counts as verbal cooperation.
COOPERATION = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                         "RETREAT", "REQUEST"})
CONFLICT = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                      "COERCE", "ASSAULT"})
RELATION_EVENTS = 2000  # events read to build an actor's relations (bounds the page cost)


def until_bound(value: str | None) -> str | None:
    """``until`` as an inclusive upper bound for YYYY-MM-DD strings: 2020 -> 2020-12-31,
    2020-03 -> 2020-03-31 (string order; a day that does not exist is still after the
    month's last real day)."""
    if not value:
        return None
    return value + {4: "-12-31", 7: "-31"}.get(len(value), "")


class Names:
    """Actor id → display name, from the article's own actors first, then the store."""

    def __init__(self, store: Store, article: Article | None = None) -> None:
        self.store = store
        self._cache: dict[str, str] = {a.id: a.name for a in article.actors} if article else {}

    def __call__(self, actor_id: str | None) -> str:
        if not actor_id:
            return "—"
        if actor_id not in self._cache:
            row = self.store.actor(actor_id)
            self._cache[actor_id] = str(row["name"]) if row else actor_id
        return self._cache[actor_id]


def polarity(event_type: str) -> str:
    if event_type in COOPERATION:
        return "cooperation"
    if event_type in CONFLICT:
        return "conflict"
    return "other"


def relations(actor_id: str, events: list[dict[str, Any]],
              names: Names) -> list[dict[str, Any]]:
    """Counterparts of an actor with counts of cooperation and conflict events."""
    rows: dict[str, dict[str, Any]] = {}
    for e in events:
        other = e["target_actor"] if e["source_actor"] == actor_id else e["source_actor"]
        if not other or other == actor_id:
            continue
        row = rows.setdefault(other, {"actor": other, "name": names(other), "cooperation": 0,
                                      "conflict": 0, "other": 0, "total": 0,
                                      "types": Counter()})
        row[polarity(e["type"])] += 1
        row["total"] += 1
        row["types"][e["type"]] += 1
    out = sorted(rows.values(), key=lambda r: (-r["total"], r["name"]))
    for r in out:
        r["types"] = dict(r["types"].most_common())
    return out


def actor_view(store: Store, actor_id: str, *, limit: int = 100,
               offset: int = 0) -> dict[str, Any] | None:
    """An actor with one page of its events (date order) and its relations."""
    actor = store.actor(actor_id)
    if actor is None:
        return None
    names = Names(store)
    names._cache[actor_id] = str(actor["name"])
    events = store.events(EventFilter(actor=actor_id, limit=limit, offset=offset))
    for_relations = (events if offset == 0 and len(events) < limit else
                     store.events(EventFilter(actor=actor_id, limit=RELATION_EVENTS)))
    for e in events:
        e["source_name"] = names(e["source_actor"])
        e["target_name"] = names(e["target_actor"])
    return {
        "actor": dict(actor),
        "events": events,
        "relations": relations(actor_id, for_relations, names),
        "articles": list(dict.fromkeys(e["article_id"] for e in for_relations)),
        "limit": limit,
        "offset": offset,
    }


def name_incidents(incidents: Any, names: Names) -> list[dict[str, Any]]:
    """Merged incidents from compare.timeline with display names and polarity added."""
    out = []
    for i in incidents or ():
        if not isinstance(i, dict):
            continue
        row = dict(i)
        row["source_name"] = names(row.get("source_actor"))
        row["target_name"] = names(row.get("target_actor"))
        row["polarity"] = polarity(str(row.get("type") or ""))
        out.append(row)
    return out
