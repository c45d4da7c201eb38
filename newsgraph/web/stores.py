"""Read connections for request handlers: one store per thread.

SQLite readers open the file read-only; in WAL mode they are never blocked by the writer
(the upload worker or a `newsgraph analyze` running beside the server). Writes never go
through these stores.
"""

from __future__ import annotations

import threading

from ..store import Store, open_store


def is_sqlite(url: str) -> bool:
    return not url.startswith(("postgresql://", "postgres://"))


def prepare(url: str) -> None:
    """Create or migrate the store once, before readers open it read-only."""
    open_store(url).close()


class Readers:
    """Hands each worker thread its own read-only store, opened on first use."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = (open_store(self.url, readonly=True) if is_sqlite(self.url)
                     else open_store(self.url))
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                try:
                    store.close()
                except Exception:  # noqa: S110 - closing at shutdown; a dead handle is fine
                    pass
            self._all.clear()
        self._local = threading.local()
