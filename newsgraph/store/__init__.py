"""Storage behind one interface: SQLite (embedded default) or PostgreSQL (team server)."""

from __future__ import annotations

from .base import EventFilter, Store
from .sqlite import SQLiteStore

__all__ = ["EventFilter", "SQLiteStore", "Store", "open_store"]


def open_store(url: str = "newsgraph.db", *, readonly: bool = False) -> Store:
    """``postgresql://…`` opens PostgreSQL; anything else is a SQLite file path."""
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore  # imported lazily: psycopg is optional

        return PostgresStore(url)
    return SQLiteStore(url, readonly=readonly)
