"""Headers, the write token, upload limits, static files and error pages."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_articles import TOKEN, client_for

from newsgraph.pipeline import INGEST_STAGES
from newsgraph.web import security, writer
from newsgraph.web.security import safe_url, token_matches

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def light_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Uploads run extraction, cleaning and metadata only (no models), in-process."""
    from newsgraph import api
    from newsgraph.store import open_store

    def runner(db: str) -> Any:
        return api.Runner(store=open_store(db), stages=INGEST_STAGES[:3])

    monkeypatch.setattr(writer, "_runner", runner)


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/api/v1/events", "/static/app.css", "/nope", "/api/v1/nope",
                 "/articles/a1sochi000000001"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_pages_have_no_inline_script(client: TestClient) -> None:
    for path in ("/", "/?q=sochi", "/articles/a1sochi000000001", "/actors/Q184", "/graph",
                 "/events", "/stories"):
        html = client.get(path).text
        for tag in html.split("<script")[1:]:
            assert tag.lstrip().startswith("src=\"/static/"), (path, tag[:80])
        assert " on" + "click=" not in html and "style=\"" not in html


def test_server_errors_hide_the_stack(web_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.web import stores

    def broken(self: object) -> object:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(stores.Readers, "acquire", broken)
    with TestClient(client_for(web_db).app, raise_server_exceptions=False) as c:
        api = c.get("/api/v1/events")
        assert api.status_code == 500
        assert api.json() == {"error": {"status": 500, "message":
                                        "Internal error; the server log has the details."}}
        page = c.get("/")
        assert page.status_code == 500 and "text/html" in page.headers["content-type"]
        for r in (api, page):
            assert "secret internal detail" not in r.text and "Traceback" not in r.text
            assert "default-src 'self'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py",
                                  "/static/..%2fapp.py", "/static/%2e%2e%2f%2e%2e%2fapi.py",
                                  "/static//etc/passwd", "/static/templates/../../app.py"])
def test_static_has_no_traversal(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "create_app" not in r.text and "root:" not in r.text


def test_writes_off_without_token(client: TestClient) -> None:
    r = client.post("/api/v1/articles", content=b"Some text.", headers={
        **AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 403
    assert "NEWSGRAPH_TOKEN" in r.json()["error"]["message"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", "Bearer",
                                    f"Bearer {TOKEN}x"])
def test_writes_need_the_right_token(writer_client: TestClient, header: str | None) -> None:
    headers = {"Content-Type": "text/plain"}
    if header is not None:
        headers["Authorization"] = header
    r = writer_client.post("/api/v1/articles", content=b"Some text.", headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


def test_upload_limits(writer_client: TestClient) -> None:
    big = b"x" * 5000  # the fixture allows 4096 bytes
    r = writer_client.post("/api/v1/articles", content=big,
                           headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 413

    def chunks() -> Any:  # no Content-Length: the limit is enforced while streaming
        for _ in range(5):
            yield b"y" * 1000

    r = writer_client.post("/api/v1/articles", content=chunks(),
                           headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 413
    r = writer_client.post("/api/v1/articles", content=b"x",
                           headers={**AUTH, "Content-Type": "image/png"})
    assert r.status_code == 415
    r = writer_client.post("/api/v1/articles", content=b"   ",
                           headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 400


def test_upload_text_and_json(writer_client: TestClient, light_pipeline: None) -> None:
    text = "Minsk and Moscow signed a new gas agreement on Tuesday, officials said."
    r = writer_client.post("/api/v1/articles", content=text.encode(),
                           params={"title": "Gas deal", "outlet": "Upload Test",
                                   "published": "2021-05-04"},
                           headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 201, r.text
    (done,) = r.json()["articles"]
    assert done["status"] == "stored"
    record = writer_client.get(done["record"]).json()
    assert record["title"] == "Gas deal" and record["outlet"] == "Upload Test"
    assert record["published"] == "2021-05-04" and "gas agreement" in record["body"]
    assert writer_client.get(done["page"]).status_code == 200
    again = writer_client.post("/api/v1/articles", content=text.encode(),
                               headers={**AUTH, "Content-Type": "text/plain"})
    assert again.json()["articles"][0] == {**done, "status": "unchanged"}
    as_json = writer_client.post("/api/v1/articles", json={
        "text": "Warsaw protested the border closure in a note to Minsk.", "title": "Note"},
        headers=AUTH)
    assert as_json.status_code == 201
    bad = writer_client.post("/api/v1/articles", json={"title": "no text"}, headers=AUTH)
    assert bad.status_code == 400


def test_reads_continue_during_an_upload(writer_client: TestClient,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """While the writer is busy, reads answer (the upload runs off the event loop)."""
    import threading

    started, release = threading.Event(), threading.Event()

    def slow(db: str, data: bytes, name: str, meta: dict[str, Any]) -> dict[str, Any]:
        started.set()
        release.wait(10)
        return {"stored": [], "unchanged": ["a1sochi000000001"], "failed": []}

    monkeypatch.setattr(writer, "analyze_upload", slow)
    result: dict[str, Any] = {}

    def post() -> None:
        result["r"] = writer_client.post("/api/v1/articles", content=b"text",
                                         headers={**AUTH, "Content-Type": "text/plain"})

    thread = threading.Thread(target=post)
    thread.start()
    try:
        assert started.wait(10)
        assert writer_client.get("/api/v1/events", params={"limit": 1}).status_code == 200
    finally:
        release.set()
        thread.join(10)
    assert result["r"].status_code == 201


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.org/a?b=1", True), ("http://x.test", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("java\tscript:x", False),
    ("data:text/html,<b>", False), ("//evil.test/x", False), ("/relative", False),
    ("https://", False), ("https://ex ample.org", False), (None, False), (42, False),
])
def test_safe_url(url: object, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_token_matches() -> None:
    assert token_matches(f"Bearer {TOKEN}", TOKEN)
    assert token_matches(f"bearer {TOKEN}", TOKEN)
    assert not token_matches(None, TOKEN)
    assert not token_matches(f"Bearer {TOKEN[:-1]}", TOKEN)
    assert "frame-ancestors 'none'" in security.CSP


def test_reader_pool_is_bounded_and_read_only(web_db: str) -> None:
    import sqlite3

    from newsgraph.web.stores import Readers

    pool = Readers(web_db, idle=2)
    stores = [pool.acquire() for _ in range(4)]
    with pytest.raises(sqlite3.OperationalError):
        stores[0].conn.execute("DELETE FROM articles")  # type: ignore[attr-defined]
    for store in stores:
        pool.release(store)
    assert len(pool._free) == 2
    assert pool.acquire() is stores[1]  # reused (last in, first out), not reopened
    pool.close()


def test_reads_are_not_blocked_by_an_open_write(client: TestClient, web_db: str) -> None:
    """WAL: while another connection holds the write lock mid-transaction (an ingest),
    reads answer at once and see only committed articles."""
    import dataclasses

    from web_articles import eu_article

    from newsgraph.store import SQLiteStore

    writer_store = SQLiteStore(web_db)
    try:
        with writer_store.transaction():
            writer_store.save(dataclasses.replace(eu_article(), id="a4pending0000004"))
            t0 = time.perf_counter()
            r = client.get("/api/v1/articles", params={"limit": 10})
            assert r.status_code == 200 and time.perf_counter() - t0 < 2
            assert "a4pending0000004" not in {a["id"] for a in r.json()["items"]}
        r = client.get("/api/v1/articles", params={"limit": 10})
        assert "a4pending0000004" in {a["id"] for a in r.json()["items"]}
    finally:
        writer_store.close()


def test_head_answers_like_get_without_body(client: TestClient) -> None:
    r = client.head("/")
    assert r.status_code == 200 and r.content == b""
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert client.head("/nope").status_code == 404
