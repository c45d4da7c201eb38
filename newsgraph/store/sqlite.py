"""The embedded default store: SQLite in WAL mode with FTS5 over titles and bodies."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .sql import SQLStore


class SQLiteStore(SQLStore):
    """All writes go through one connection under a lock (one writer); readers on other
    connections are never blocked by a running ingest thanks to WAL."""

    def __init__(self, path: str | Path = "newsgraph.db", *, readonly: bool = False) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
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
            if not readonly:
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a newsgraph SQLite store ({exc});"
                             " pass --db with a new file name") from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` under the writer lock; rollback on any error.
        Nested use joins the outer transaction."""
        with self._lock:
            if self.conn.in_transaction:
                yield self.conn
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _apply(self, script: str) -> None:
        for statement in split_sql(script):
            self.conn.execute(statement)

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """FTS5 ranked hits; ``snippet`` marks hits with \\x02 … \\x03 (escape, then style)."""
        match = fts_query(q)
        if not match:
            return []
        return self.query(
            "SELECT a.id, a.title, a.published, a.outlet, "
            "snippet(articles_fts, 1, char(2), char(3), ' … ', 16) AS snippet, "
            "articles_fts.rank AS rank "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            # ranking through FTS5's own `rank` column sorts inside FTS5, so the join and
            # snippet() run for the returned page only, not for every match (issue 7 speed)
            "WHERE articles_fts MATCH ? AND articles_fts.rank MATCH 'bm25(5.0, 1.0)' "
            "ORDER BY articles_fts.rank LIMIT ? OFFSET ?", (match, limit, offset))


def fts_query(q: str) -> str:
    """User words → a safe FTS5 query (every term quoted, so operators in input are inert)."""
    terms = re.findall(r"\w[\w'-]*", q)
    return " ".join('"' + t.replace('"', "") + '"' for t in terms)


def split_sql(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buf: list[str] = []
    depth = 0
    for line in script.splitlines():
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
