"""The cross-article tables (migration 2) behind a few small functions.

SQL is written once with ``?`` placeholders; the store's ``query``/``execute``/``insert``
(shared by SQLite and PostgreSQL) rewrite them for the backend and return plain dicts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import StoreError
from .features import VERSION, Features, from_row, to_row

DERIVED_TABLES = ("copies", "copy_groups", "story_articles", "stories", "incident_evidence",
                  "incidents")


def query(store: Any, text: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
    try:
        return store.query(text, args)  # type: ignore[no-any-return]
    except Exception as exc:
        _missing_tables(exc)
        raise


def _missing_tables(exc: Exception) -> None:
    """sqlite3.OperationalError / psycopg UndefinedTable for our tables -> a StoreError."""
    if "no such table" in str(exc) or "does not exist" in str(exc):
        raise StoreError("this store has no cross-article tables yet; open it once "
                         "writable (e.g. `newsgraph report --db FILE`) to apply "
                         "migration 2") from exc


# ---------------------------------------------------------------- features
def stale_feature_ids(store: Any) -> list[str]:
    """Stored articles without features at the current features version."""
    rows = query(store, "SELECT a.id FROM articles a LEFT JOIN compare_features f "
                 "ON f.article_id = a.id WHERE f.article_id IS NULL OR f.version <> ?",
                 (VERSION,))
    return [r["id"] for r in rows]


def save_features(store: Any, features: Iterable[Features]) -> None:
    rows = [to_row(f) for f in features]
    if not rows:
        return
    with store.transaction():
        for r in rows:
            store.execute("DELETE FROM compare_features WHERE article_id = ?", (r["article_id"],))
        store.insert("compare_features", rows)


def load_features(store: Any) -> list[Features]:
    """Features of every stored article, in date order (undated last). Rows are read a page
    at a time: only the parsed features of all articles are held, not their JSON too."""
    sql = ("SELECT f.* FROM compare_features f JOIN articles a ON a.id = f.article_id "
           "ORDER BY f.published IS NULL, f.published, f.article_id")
    try:
        return [from_row(r) for r in store.iter_query(sql)]
    except Exception as exc:
        _missing_tables(exc)
        raise


# ---------------------------------------------------------------- derived tables
def previous_copy_groups(store: Any) -> dict[str, str]:
    return {r["article_id"]: r["original_id"]
            for r in query(store, "SELECT article_id, original_id FROM copy_groups")}


def replace_derived(store: Any, *, pairs: list[tuple[str, str, float]],
                    original: dict[str, str], stories: list[dict[str, Any]],
                    incidents: list[dict[str, Any]]) -> None:
    """Rewrite every derived table in one transaction (readers never see a half state)."""
    with store.transaction():
        for table in DERIVED_TABLES:
            store.execute(f"DELETE FROM {table}")
        store.insert("copies", [
            {"article_id": x, "other_id": y, "similarity": s}
            for a, b, s in pairs for x, y in ((a, b), (b, a))])
        store.insert("copy_groups", [
            {"article_id": a, "original_id": o} for a, o in sorted(original.items())])
        store.insert("stories", [
            {"id": s["id"], "title": s["title"], "first_date": s["first_date"],
             "last_date": s["last_date"], "size": len(s["articles"]),
             "actors": json.dumps(s["actors"])} for s in stories])
        store.insert("story_articles", [
            {"story_id": s["id"], "article_id": a, "score": s["scores"].get(a)}
            for s in stories for a in s["articles"]])
        store.insert("incidents", [
            {"id": i["id"], "type": i["type"], "quad": i["quad"],
             "source_actor": i["source_actor"], "target_actor": i["target_actor"],
             "date": i["date"], "date_source": i["date_source"], "status": i["status"],
             "location": i["location"], "n_articles": len(i["articles"]),
             "n_sources": i["n_sources"], "n_conflicts": len(i["conflicts"]),
             "sort_key": i["sort_key"], "record": json.dumps(i, ensure_ascii=False)}
            for i in incidents])
        store.insert("incident_evidence", [
            {"incident_id": i["id"], "article_id": ev["article_id"],
             "event_idx": ev["event_idx"], "outlet": ev["outlet"], "published": ev["published"],
             "date": ev["date"], "status": ev["status"], "claimed_by": ev["claimed_by"],
             "evidence_start": ev["start"], "evidence_end": ev["end"],
             "evidence_text": ev["text"], "source_id": ev["source"],
             "is_copy": int(bool(ev["copy"]))}
            for i in incidents for ev in i["evidence"]])


# ---------------------------------------------------------------- reads
def load_stories(store: Any, story_id: str | None = None) -> list[dict[str, Any]]:
    where, args = ("WHERE s.id = ?", (story_id,)) if story_id else ("", ())
    stories = query(store, f"SELECT * FROM stories s {where} "
                    "ORDER BY s.first_date IS NULL, s.first_date, s.id", args)
    members: dict[str, list[str]] = {}
    sources: dict[str, set[str]] = {}
    for r in query(store, "SELECT sa.story_id, sa.article_id, g.original_id "
                   "FROM story_articles sa LEFT JOIN articles a ON a.id = sa.article_id "
                   "LEFT JOIN copy_groups g ON g.article_id = sa.article_id "
                   + ("WHERE sa.story_id = ? " if story_id else "")
                   + "ORDER BY a.published, sa.article_id", args):
        members.setdefault(r["story_id"], []).append(r["article_id"])
        # a republished copy is its original's source, never one of its own
        sources.setdefault(r["story_id"], set()).add(r["original_id"] or r["article_id"])
    return [{"id": s["id"], "title": s["title"], "articles": members.get(s["id"], []),
             "actors": json.loads(s["actors"]), "first_date": s["first_date"],
             "last_date": s["last_date"], "sources": sorted(sources.get(s["id"], ())),
             "n_sources": len(sources.get(s["id"], ()))} for s in stories]


def load_incidents(store: Any, *, actor: str | None = None, article_id: str | None = None,
                   since: str | None = None, until: str | None = None,
                   story_id: str | None = None) -> list[dict[str, Any]]:
    where, args = [], []
    if story_id:
        where.append("id IN (SELECT e.incident_id FROM incident_evidence e JOIN story_articles"
                     " sa ON sa.article_id = e.article_id WHERE sa.story_id = ?)")
        args.append(story_id)
    if actor:
        where.append("(source_actor = ? OR target_actor = ?)")
        args += [actor, actor]
    if article_id:
        where.append("id IN (SELECT incident_id FROM incident_evidence WHERE article_id = ?)")
        args.append(article_id)
    if since:
        where.append("sort_key >= ?")
        args.append(since)
    if until:
        where.append("sort_key <= ?")
        args.append(until + "~")  # '~' sorts after digits: an 'until' month keeps its days
    sql = "SELECT record FROM incidents" + (" WHERE " + " AND ".join(where) if where else "")
    return [json.loads(r["record"]) for r in query(store, sql + " ORDER BY sort_key, id", args)]


def copy_links(store: Any) -> tuple[dict[str, str], list[tuple[str, str, float]]]:
    original = previous_copy_groups(store)
    pairs = [(r["article_id"], r["other_id"], r["similarity"])
             for r in query(store, "SELECT * FROM copies WHERE article_id < other_id")]
    return original, pairs


def actor_info(store: Any) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in query(store, "SELECT id, name, type, country FROM actors")}
