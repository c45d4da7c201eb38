"""Across articles: republished copies, stories, merged incidents (one timeline), the actor
graph and claims comparison, all derived from stored articles.

``update(store, article_ids)`` runs after articles are stored (``Runner.run`` calls it once
per run). The read functions return plain dicts for the CLI, exports, web app and dossier.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from typing import Any

from . import storage
from .actor_graph import build_graph, graph_rows
from .claims import incident_claims, quantity_claims
from .clustering import cluster_stories
from .duplicates import CopyLinks, link_copies
from .features import from_article, paused_gc
from .incidents import merge_incidents

__all__ = ["claims", "copies", "graph", "incident", "quantity_claims_of", "stories", "story",
           "timeline", "update"]


def update(store: Any, article_ids: Iterable[str] = ()) -> dict[str, int]:
    """Refresh the cross-article tables after ``article_ids`` were (re)stored.

    Features are computed for those articles and for any stored article still lacking them;
    copies, stories and incidents are then re-derived in one linear pass over the features
    of every stored article, so the result does not depend on the order articles arrived.
    Returns counts (articles, copy pairs, stories, incidents)."""
    todo = dict.fromkeys([*article_ids, *storage.stale_feature_ids(store)])
    fresh = []
    for article_id in todo:
        article = store.get(article_id)
        if article is not None:
            fresh.append(from_article(article))
    storage.save_features(store, fresh)
    with paused_gc():
        features = storage.load_features(store)
        links = link_copies(features)
        names: dict[str, str] = {}
        for f in features:
            names.update(f.names)
        story_records = [s.record(names) for s in cluster_stories(features, links)]
        incidents = merge_incidents(features, links)
    before = storage.previous_copy_groups(store)
    storage.replace_derived(store, pairs=links.pairs, original=links.original,
                            stories=story_records, incidents=incidents)
    _reflect_copies(store, links, before, {f.id: f.outlet for f in features})
    return {"articles": len(features), "copies": len(links.pairs),
            "stories": len(story_records), "incidents": len(incidents)}


def _reflect_copies(store: Any, links: CopyLinks, before: dict[str, str],
                    outlets: dict[str, str | None]) -> None:
    """Write ``copies`` (both ways) and the copy's ``original_outlet`` into article records,
    so every reader of an article (export, show, web) sees the links."""
    for article_id in sorted(set(before) | set(links.original)):
        article = store.get(article_id)
        if article is None:
            continue
        copies = tuple(links.copies_of(article_id))
        root = links.original.get(article_id)
        original_outlet = article.original_outlet
        if root and root != article_id and not original_outlet:
            other = outlets.get(root)
            if other and other != article.outlet:
                original_outlet = other
        if copies != article.copies or original_outlet != article.original_outlet:
            store.save(dataclasses.replace(article, copies=copies,
                                           original_outlet=original_outlet))


# ---------------------------------------------------------------- reads (plain dicts)
def stories(store: Any) -> list[dict[str, Any]]:
    """Every story: {id, title, articles[], actors[], first_date, last_date}, oldest first."""
    return storage.load_stories(store)


def story(store: Any, story_id: str) -> dict[str, Any] | None:
    """One story with its articles' summaries and the incidents its articles report."""
    found = storage.load_stories(store, story_id)
    if not found:
        return None
    record = found[0]
    original, _ = storage.copy_links(store)
    record["article_summaries"] = [
        {**row, "original_id": original.get(row["id"])}
        for row in storage.query(
            store, "SELECT id, title, published, outlet, original_outlet FROM articles "
            "WHERE id IN (SELECT article_id FROM story_articles WHERE story_id = ?) "
            "ORDER BY published, id", (story_id,))]
    record["incidents"] = storage.load_incidents(store, story_id=story_id)
    return record


def timeline(store: Any, actor: str | None = None, *, since: str | None = None,
             until: str | None = None, article_id: str | None = None) -> list[dict[str, Any]]:
    """Merged incidents in date order, each with all its evidence and ``conflicts``."""
    return storage.load_incidents(store, actor=actor, since=since, until=until,
                                  article_id=article_id)


def incident(store: Any, incident_id: str) -> dict[str, Any] | None:
    rows = storage.query(store, "SELECT record FROM incidents WHERE id = ?", (incident_id,))
    if not rows:
        return None
    record: dict[str, Any] = json.loads(rows[0]["record"])
    record["claims"] = incident_claims(record)
    return record


def graph(store: Any, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """{nodes: [...], edges: [...]}: directed dyads per month with cooperation/conflict weight."""
    return build_graph(storage.load_incidents(store), storage.actor_info(store),
                       since=since, until=until)


def copies(store: Any, article_id: str) -> dict[str, Any]:
    """{original: id or None, copies: [ids]} for one article."""
    original, _ = storage.copy_links(store)
    links = CopyLinks(original=original, pairs=[])
    return {"original": original.get(article_id), "copies": links.copies_of(article_id)}


def claims(store: Any) -> list[dict[str, Any]]:
    """Per incident reported by two or more sources: who asserts, denies or hedges it."""
    return [{"incident": i["id"], "type": i["type"], "source_actor": i["source_actor"],
             "target_actor": i["target_actor"], "date": i["date"],
             "conflicts": i["conflicts"], "sources": incident_claims(i)}
            for i in storage.load_incidents(store) if i["n_sources"] > 1 or i["conflicts"]]


def quantity_claims_of(store: Any) -> list[dict[str, Any]]:
    """Figures (unit + subject) reported by two or more sources, and whether they agree."""
    original, pairs = storage.copy_links(store)
    return quantity_claims(storage.load_features(store), CopyLinks(original, pairs))


# ---------------------------------------------------------------- export rows
def export_stories(store: Any) -> Iterator[dict[str, Any]]:
    yield from stories(store)


def export_timeline(store: Any) -> Iterator[dict[str, Any]]:
    for i in timeline(store):
        yield {"date": i["date"], "type": i["type"], "source_actor": i["source_actor"],
               "target_actor": i["target_actor"], "status": i["status"],
               "articles": i["articles"], "evidence": [
                   {k: ev[k] for k in ("article_id", "outlet", "published", "date", "status",
                                       "start", "end", "text", "copy")}
                   for ev in i["evidence"]],
               "id": i["id"], "quad": i["quad"], "location": i["location"],
               "date_source": i["date_source"], "sources": i["sources"],
               "n_sources": i["n_sources"], "outlets": i["outlets"],
               "conflicts": i["conflicts"]}


def export_graph(store: Any) -> Iterator[dict[str, Any]]:
    yield from graph_rows(graph(store))
