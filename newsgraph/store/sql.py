"""What SQLite and PostgreSQL share: every query, written once with ``?`` placeholders.

A backend supplies the connection, the placeholder style, the transaction, the migration
runner and full-text search; everything else lives here so both stores answer alike.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from ..errors import StoreError
from ..models import Article, from_dict
from .base import EventFilter, actor_rows, article_row, child_rows
from .migrations import MIGRATIONS

CHILD_TABLES = ("mentions", "events", "quotes", "quantities", "techniques")


class SQLStore:
    """Shared queries. Subclasses set ``conn``, ``placeholder`` and ``dialect``."""

    placeholder = "?"
    dialect = "sqlite"
    conn: Any
    _lock: threading.RLock

    # ------------------------------------------------------------ plumbing
    def sql(self, text: str) -> str:
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    def execute(self, text: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement with ``?`` placeholders on this backend."""
        with self._lock:
            return self.conn.execute(self.sql(text), tuple(args))

    def query(self, text: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a ``?``-placeholder query as dicts."""
        with self._lock:
            cur = self.conn.execute(self.sql(text), tuple(args))
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def iter_query(self, text: str, args: Sequence[Any] = (), page: int = 1000
                   ) -> Iterator[dict[str, Any]]:
        """Rows of a query as dicts, fetched ``page`` at a time, so a caller that builds
        something smaller from each row never holds every row at once."""
        with self._lock:
            cur = self.conn.cursor()
            cur.execute(self.sql(text), tuple(args))
            names = [d[0] for d in cur.description or ()]
            while rows := cur.fetchmany(page):
                for row in rows:
                    yield dict(zip(names, row, strict=True))

    def insert(self, table: str, rows: list[dict[str, Any]], *, replace: bool = False) -> None:
        if not rows:
            return
        cols = list(rows[0])
        names = ", ".join('"' + c + '"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        text = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        if replace:
            text = self.upsert(text, table, cols)
        with self._lock:
            cur = self.conn.cursor()
            cur.executemany(self.sql(text), [tuple(r[c] for c in cols) for r in rows])

    def upsert(self, text: str, table: str, cols: list[str]) -> str:
        return text.replace("INSERT INTO", "INSERT OR REPLACE INTO", 1)

    def transaction(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def _apply(self, script: str) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _migrate(self) -> None:
        with self._lock:
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                              "(version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)")
            done = {r["version"] for r in self.query("SELECT version FROM schema_migrations")}
            for number, description, sqlite_sql, pg_sql in MIGRATIONS:
                if number in done:
                    continue
                with self.transaction():
                    self._apply(sqlite_sql if self.dialect == "sqlite" else pg_sql)
                    self.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                 (number, description, now()))

    @property
    def schema_version(self) -> int:
        rows = self.query("SELECT max(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    # ------------------------------------------------------------ writes
    def save(self, article: Article) -> None:
        """Replace everything stored for this article in one transaction."""
        with self.transaction():
            for table in CHILD_TABLES:
                self.execute(f"DELETE FROM {table} WHERE article_id = ?", (article.id,))
            self.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            self.insert("articles", [article_row(article, now())])
            self.insert("actors", actor_rows(article), replace=True)
            for table, rows in child_rows(article).items():
                self.insert(table, rows)

    # ------------------------------------------------------------ reads
    def stored_versions(self, article_id: str) -> str | None:
        rows = self.query("SELECT stage_versions FROM articles WHERE id = ?", (article_id,))
        return str(rows[0]["stage_versions"]) if rows else None

    def get(self, article_id: str) -> Article | None:
        rows = self.query("SELECT record FROM articles WHERE id = ?", (article_id,))
        return from_dict(Article, json.loads(rows[0]["record"])) if rows else None

    def iter_articles(self, batch: int = 200) -> Iterator[Article]:
        """All articles in (published, id) order, fetched in pages (bounded memory)."""
        last: tuple[str, str] | None = None
        while True:
            if last is None:
                rows = self.query("SELECT record, coalesce(published, '') AS p, id FROM articles "
                                  "ORDER BY p, id LIMIT ?", (batch,))
            else:
                rows = self.query(
                    "SELECT record, coalesce(published, '') AS p, id FROM articles "
                    "WHERE coalesce(published, '') > ? OR (coalesce(published, '') = ? AND id > ?)"
                    " ORDER BY p, id LIMIT ?", (last[0], last[0], last[1], batch))
            for r in rows:
                yield from_dict(Article, json.loads(r["record"]))
            if len(rows) < batch:
                return
            last = (rows[-1]["p"], rows[-1]["id"])

    def list_articles(self, *, limit: int = 50, offset: int = 0, outlet: str | None = None,
                      since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        where: list[str] = []
        args: list[Any] = []
        for cond, value in (("outlet = ?", outlet), ("published >= ?", since),
                            ("published <= ?", until)):
            if value:
                where.append(cond)
                args.append(value)
        text = ("SELECT id, title, published, outlet, original_outlet, language, genre, "
                "source_uri FROM articles")
        text += (" WHERE " + " AND ".join(where) if where else "")
        text += " ORDER BY published DESC, id LIMIT ? OFFSET ?"
        return self.query(text, (*args, limit, offset))

    def count(self, table: str = "articles") -> int:
        if table not in ("articles", "actors", *CHILD_TABLES):
            raise StoreError(f"unknown table {table!r}; use articles, actors or "
                             + ", ".join(CHILD_TABLES))
        return int(self.query(f"SELECT count(*) AS n FROM {table}")[0]["n"])

    def events(self, flt: EventFilter) -> list[dict[str, Any]]:
        where: list[str] = []
        args: list[Any] = []
        if flt.actor:
            where.append("(source_actor = ? OR target_actor = ?)")
            args += [flt.actor, flt.actor]
        for col in ("type", "status", "outlet", "article_id"):
            value = getattr(flt, col)
            if value:
                where.append(f"{col} = ?")
                args.append(value)
        if flt.since:
            where.append("coalesce(date, published) >= ?")
            args.append(flt.since)
        if flt.until:
            # "2020" and "2020-02" sort before "2020-02-07": compare on the bound's own length
            where.append("substr(coalesce(date, published), 1, ?) <= ?")
            args += [len(flt.until), flt.until]
        text = "SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        text += " ORDER BY coalesce(date, published), article_id, idx LIMIT ? OFFSET ?"
        return self.query(text, (*args, flt.limit, flt.offset))

    def actors(self, *, limit: int = 100, offset: int = 0,
               q: str | None = None) -> list[dict[str, Any]]:
        # counts are aggregated per actor_id first (one pass over the covering index
        # mentions(actor_id, article_id)), then joined: 5x faster than grouping the join
        text = ("SELECT a.id, a.name, a.type, a.country, coalesce(m.n, 0) AS mentions, "
                "coalesce(m.docs, 0) AS articles FROM actors a LEFT JOIN ("
                "SELECT actor_id, count(*) AS n, count(DISTINCT article_id) AS docs "
                "FROM mentions GROUP BY actor_id) m ON m.actor_id = a.id")
        args: list[Any] = []
        if q:
            text += " WHERE lower(a.name) LIKE ?"
            args.append(f"%{q.lower()}%")
        text += " ORDER BY mentions DESC, a.name LIMIT ? OFFSET ?"
        return self.query(text, (*args, limit, offset))

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM actors WHERE id = ?", (actor_id,))
        return rows[0] if rows else None

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        raise NotImplementedError  # pragma: no cover - each backend has its own text search

    def close(self) -> None:
        self.conn.close()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
