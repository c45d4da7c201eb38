"""The API over PostgreSQL: the same answers as over SQLite (thin shell, one interface)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_articles import client_for, fill

from newsgraph.store import open_store

PG = os.environ.get("NEWSGRAPH_TEST_PG")
pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg_client() -> Iterator[TestClient]:
    if not PG:
        pytest.skip("set NEWSGRAPH_TEST_PG=postgresql://… to run the PostgreSQL web tests")
    import psycopg

    schema = "w" + uuid.uuid4().hex[:10]
    with psycopg.connect(PG, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    url = f"{PG}{'&' if '?' in PG else '?'}options=-csearch_path%3D{schema}"
    try:
        store = open_store(url)
        fill(store, cross=False)
        store.close()
        with client_for(url) as client:
            yield client
    finally:
        with psycopg.connect(PG, autocommit=True) as c:
            c.execute(f"DROP SCHEMA {schema} CASCADE")


def test_api_over_postgres(pg_client: TestClient, client: TestClient) -> None:
    for path, params in (("/api/v1/articles", {}), ("/api/v1/events", {"actor": "Q184"}),
                         ("/api/v1/events", {"until": "2020-02"}),
                         ("/api/v1/articles/a1sochi000000001", {})):
        pg, lite = pg_client.get(path, params=params), client.get(path, params=params)
        assert pg.status_code == lite.status_code == 200, pg.text
        if "items" in lite.json():
            key = ("article_id", "idx") if "events" in path else ("id",)
            assert ([tuple(i[k] for k in key) for i in pg.json()["items"]]
                    == [tuple(i[k] for k in key) for i in lite.json()["items"]]), path
    hits = pg_client.get("/api/v1/search", params={"q": "Druzhba"}).json()["items"]
    assert [h["id"] for h in hits] == ["a1sochi000000001"]
    assert "<mark>" in hits[0]["snippet_html"] and "<script" not in hits[0]["snippet_html"]
    assert pg_client.get("/articles/a3hostile0000003").status_code == 200
    assert "Belarus" in pg_client.get("/actors/Q184").text
