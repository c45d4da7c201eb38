"""The embedded default store: SQLite in WAL mode with FTS5 over titles and bodies."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..models import Article, from_dict
from .base import EventFilter, actor_rows, article_row, child_rows
from .migrations import MIGRATIONS

_CHILD_TABLES = ("mentions", "events", "quotes", "quantities", "techniques")


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]],
            verb: str = "INSERT") -> None:
    if not rows:
        return
    cols = list(rows[0])
    names = ", ".join('"' + c + '"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    sql = f"{verb} INTO {table} ({names}) VALUES ({marks})"
    conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


class SQLiteStore:
    """All writes go through one connection under a lock (one writer); reads may run
    concurrently from other connections thanks to WAL."""

    def __init__(self, path: str | Path = "newsgraph.db", *, readonly: bool = False) -> None:
        self.path = str(path)
        try:
            if readonly:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False,
                                            isolation_level=None, timeout=30)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.row_factory = sqlite3.Row
            self._lock = threading.RLock()
            if not readonly:
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a newsgraph SQLite store ({exc});"
                             " pass --db with a new file name") from exc

    # ------------------------------------------------------------ schema
    def _migrate(self) -> None:
        with self._lock:
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                              "(version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)")
            done = {r[0] for r in self.conn.execute("SELECT version FROM schema_migrations")}
            for number, description, sql, _pg in MIGRATIONS:
                if number in done:
                    continue
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    for statement in _split_sql(sql):
                        self.conn.execute(statement)
                    self.conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                      (number, description, _now()))
                    self.conn.execute("COMMIT")
                except Exception:
                    self.conn.execute("ROLLBACK")
                    raise

    @property
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # ------------------------------------------------------------ writes
    def transaction(self) -> _Tx:
        return _Tx(self)

    def save(self, article: Article) -> None:
        """Replace everything stored for this article in one transaction."""
        with self.transaction() as conn:
            for table in _CHILD_TABLES:
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article.id,))
            conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            _insert(conn, "articles", [article_row(article, _now())])
            _insert(conn, "actors", actor_rows(article), verb="INSERT OR REPLACE")
            for table, rows in child_rows(article).items():
                _insert(conn, table, rows)

    # ------------------------------------------------------------ reads
    def stored_versions(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT stage_versions FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def get(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        return None if row is None else from_dict(Article, json.loads(row[0]))

    def iter_articles(self) -> Iterator[Article]:
        cur = self.conn.execute("SELECT record FROM articles ORDER BY published, id")
        for row in cur:
            yield from_dict(Article, json.loads(row[0]))

    def list_articles(self, *, limit: int = 50, offset: int = 0,
                      outlet: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT id, title, published, outlet, original_outlet, language, genre, "
               "source_uri FROM articles")
        args: list[Any] = []
        if outlet:
            sql += " WHERE outlet = ?"
            args.append(outlet)
        sql += " ORDER BY published DESC, id LIMIT ? OFFSET ?"
        return [dict(r) for r in self.conn.execute(sql, (*args, limit, offset))]

    def count(self, table: str = "articles") -> int:
        if table not in ("articles", "actors", *_CHILD_TABLES):
            raise StoreError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def events(self, flt: EventFilter) -> list[dict[str, Any]]:
        where, args = [], []
        if flt.actor:
            where.append("(source_actor = ? OR target_actor = ?)")
            args += [flt.actor, flt.actor]
        for col in ("type", "status", "outlet"):
            value = getattr(flt, col)
            if value:
                where.append(f"{col} = ?")
                args.append(value)
        if flt.article_id:
            where.append("article_id = ?")
            args.append(flt.article_id)
        if flt.since:
            where.append("coalesce(date, published) >= ?")
            args.append(flt.since)
        if flt.until:
            where.append("coalesce(date, published) <= ?")
            args.append(flt.until)
        sql = "SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY coalesce(date, published), article_id, idx LIMIT ? OFFSET ?"
        return [dict(r) for r in self.conn.execute(sql, (*args, flt.limit, flt.offset))]

    def actors(self, *, limit: int = 100, offset: int = 0,
               q: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT a.id, a.name, a.type, a.country, count(m.actor_id) AS mentions, "
               "count(DISTINCT m.article_id) AS articles FROM actors a "
               "LEFT JOIN mentions m ON m.actor_id = a.id")
        args: list[Any] = []
        if q:
            sql += " WHERE a.name LIKE ?"
            args.append(f"%{q}%")
        sql += " GROUP BY a.id ORDER BY mentions DESC, a.name LIMIT ? OFFSET ?"
        return [dict(r) for r in self.conn.execute(sql, (*args, limit, offset))]

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
        return None if row is None else dict(row)

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        match = fts_query(q)
        if not match:
            return []
        sql = ("SELECT a.id, a.title, a.published, a.outlet, "
               "snippet(articles_fts, 1, '\x02', '\x03', ' … ', 16) AS snippet, "
               "bm25(articles_fts, 5.0, 1.0) AS rank "
               "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
               "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?")
        return [dict(r) for r in self.conn.execute(sql, (match, limit, offset))]

    def close(self) -> None:
        self.conn.close()


class _Tx:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` under the writer lock; rollback on any error."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store

    def __enter__(self) -> sqlite3.Connection:
        self.store._lock.acquire()
        self.store.conn.execute("BEGIN IMMEDIATE")
        return self.store.conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            self.store.conn.execute("ROLLBACK" if exc_type else "COMMIT")
        finally:
            self.store._lock.release()


def fts_query(q: str) -> str:
    """User words → a safe FTS5 query (every term quoted, so operators in input are inert)."""
    terms = re.findall(r"\w[\w'-]*", q)
    return " ".join('"' + t.replace('"', "") + '"' for t in terms)


def _split_sql(sql: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements, buf, depth = [], [], 0
    for line in sql.splitlines():
        if not line.strip():
            continue
        buf.append(line)
        upper = line.strip().upper()
        if upper.startswith("CREATE TRIGGER"):
            depth += 1
        if upper == "END;":
            depth -= 1
        if line.rstrip().endswith(";") and depth == 0:
            statements.append("\n".join(buf))
            buf = []
    if buf:
        statements.append("\n".join(buf))
    return statements


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
