"""Read connections for request handlers: a small pool of read-only stores.

SQLite readers open the file read-only; in WAL mode they are never blocked by the writer
(the upload worker or a `newsgraph analyze` running beside the server). A request borrows
one store and hands it back, so connections are reused across worker threads and their
number stays bounded. Writes never go through these stores.
"""

from __future__ import annotations

import contextlib
import threading

from ..store import Store, open_store

IDLE = 8  # stores kept open between requests; more are opened under load and closed after


def is_sqlite(url: str) -> bool:
    return not url.startswith(("postgresql://", "postgres://"))


def prepare(url: str) -> None:
    """Create or migrate the store once, before readers open it read-only."""
    open_store(url).close()


class Readers:
    """A pool of read-only stores over one URL."""

    def __init__(self, url: str, idle: int = IDLE) -> None:
        self.url = url
        self.idle = idle
        self._free: list[Store] = []
        self._lock = threading.Lock()
        self._closed = False

    def acquire(self) -> Store:
        with self._lock:
            if self._free:
                return self._free.pop()
        if is_sqlite(self.url):
            return open_store(self.url, readonly=True)
        return open_store(self.url)

    def release(self, store: Store) -> None:
        with self._lock:
            if not self._closed and len(self._free) < self.idle:
                self._free.append(store)
                return
        with contextlib.suppress(Exception):  # a handle that died is closed anyway
            store.close()

    def close(self) -> None:
        with self._lock:
            free, self._free, self._closed = self._free, [], True
        for store in free:
            with contextlib.suppress(Exception):
                store.close()
