"""Web fixtures: a store filled with hand-built articles (no NLP) and an in-process client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_articles import TOKEN, client_for, fill

from newsgraph.store import SQLiteStore


@pytest.fixture()
def web_db(tmp_path: Path) -> str:
    path = tmp_path / "web.db"
    store = SQLiteStore(path)
    fill(store)
    store.close()
    return str(path)


@pytest.fixture()
def client(web_db: str) -> Iterator[TestClient]:
    with client_for(web_db) as c:
        yield c


@pytest.fixture()
def writer_client(web_db: str) -> Iterator[TestClient]:
    with client_for(web_db, token=TOKEN, max_upload_bytes=4096) as c:
        yield c
