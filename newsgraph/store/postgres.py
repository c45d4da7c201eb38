"""PostgreSQL store for a team server: the same interface, PostgreSQL's own text search."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import StoreError
from .sql import SQLStore


class PostgresStore(SQLStore):
    placeholder = "%s"
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("PostgreSQL support needs psycopg; "
                             "run `pip install 'newsgraph[postgres]'`") from exc
        self.url = url
        self._lock = threading.RLock()
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {_redact(url)} ({exc}); check the URL and "
                             "that the server is running") from exc
        self._migrate()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self._lock:
            if self.conn.info.transaction_status != 0:  # already inside one: join it
                yield self.conn
                return
            with self.conn.transaction():
                yield self.conn

    def _apply(self, script: str) -> None:
        self.conn.execute(script)

    def upsert(self, text: str, table: str, cols: list[str]) -> str:
        key = cols[0]  # the tables upserted into are keyed by their first column
        updates = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in cols[1:])
        return f"{text} ON CONFLICT ({key}) DO UPDATE SET {updates}"

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Ranked hits with the same \\x02 … \\x03 snippet markers as the SQLite store."""
        if not q.strip():
            return []
        return self.query(
            "SELECT id, title, published, outlet, "
            "ts_headline('english', body, plainto_tsquery('english', ?), "
            "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=8')"
            " AS snippet, -ts_rank(tsv, plainto_tsquery('english', ?)) AS rank "
            "FROM articles WHERE tsv @@ plainto_tsquery('english', ?) "
            "ORDER BY rank, id LIMIT ? OFFSET ?", (q, q, q, limit, offset))


def _redact(url: str) -> str:
    """Never print a password in an error message."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://…@{rest.split('@', 1)[1]}"
    return url
