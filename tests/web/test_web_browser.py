"""Real headless Chromium against `newsgraph serve` on a free localhost port.

Debian's /usr/bin/chromium, driven by Playwright (never `playwright install`). Skipped when
Chromium or Playwright is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_articles import HOSTILE_TITLE, fill

from newsgraph.store import SQLiteStore

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
                       reason="needs Debian chromium at /usr/bin/chromium (apt install chromium)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(db: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """`newsgraph serve` on a free port; returns the process and its base URL once up."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from newsgraph.cli.main import main; raise SystemExit(main())",
         "serve", "--db", str(db), "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/api/v1/status", timeout=1).read()
            return proc, base
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.terminate()
                err = proc.stderr.read().decode() if proc.stderr else ""
                pytest.fail(f"newsgraph serve did not start: {err[-2000:]}")
            time.sleep(0.1)


@pytest.fixture(scope="module")
def web_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("browser") / "web.db"
    store = SQLiteStore(db)
    fill(store)
    store.close()
    return db


@pytest.fixture(scope="module")
def server(web_db_file: Path) -> Iterator[str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_TOKEN"}
    proc, base = start(web_db_file, env)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def token_server(web_db_file: Path) -> Iterator[str]:
    """Writes on (thread writer: no worker process, nothing is analysed by these tests)."""
    env = {**os.environ, "NEWSGRAPH_TOKEN": "right-token", "NEWSGRAPH_WRITER": "thread"}
    proc, base = start(web_db_file, env)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]

    def on_dialog(dialog: Any) -> None:
        pg.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


def test_search_article_highlights_actor_timeline(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.fill("input[name=q]", "Druzhba")
    page.click("form.search button")
    page.wait_for_selector("ol.hits")
    assert page.inner_text("ol.hits mark") == "Druzhba"
    page.click("ol.hits a.title")
    page.wait_for_selector("#body")
    assert page.inner_text("h1.article-title") == "Putin and Lukashenko meet in Sochi"
    actor = page.locator('#body a[class="hl hl-actor"]').first  # a mention in no other span
    assert actor.is_visible()
    colour = actor.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the highlight is painted
    for kind in ("event", "quote", "technique", "quantity"):
        assert page.locator(f"#body .hl-{kind}").first.is_visible(), kind
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-article.png"), full_page=True)
    # the layer toggle (static JS) hides the actor highlight
    page.click("button[data-layer=actor]")
    assert "show-actor" not in (page.get_attribute("#body", "class") or "")
    assert actor.evaluate("el => getComputedStyle(el).backgroundColor") in (
        "rgba(0, 0, 0, 0)", "transparent")
    page.click("#actors a.actor-link:text('Alexander Lukashenko')")
    page.wait_for_selector("h1.actor-name")
    assert page.inner_text("h1.actor-name") == "Alexander Lukashenko"
    items = page.locator("#timeline ol.timeline li")
    assert items.count() == 2 and items.first.is_visible()
    assert "CONSULT" in items.first.inner_text()
    assert page.locator("#relations a:text('Vladimir Putin')").is_visible()
    page.screenshot(path=str(ARTIFACTS / "web-actor.png"), full_page=True)
    assert page.errors == [] and page.dialogs == []


def test_hostile_article_stays_inert(server: str, page: Any) -> None:
    response = page.goto(server + "/articles/a3hostile0000003")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    page.wait_for_selector("#body")
    assert page.inner_text("h1.article-title") == HOSTILE_TITLE  # markup shown as text
    assert "<img src=x onerror=" in page.inner_text("#body")
    assert page.locator("#body img, #body script, main script, main img").count() == 0
    assert page.locator("a[href^='javascript' i]").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-hostile.png"), full_page=True)
    page.locator("#body a.hl-actor").first.hover()
    page.click("text=click", timeout=2000)  # the would-be link is plain text now
    page.goto(server + "/?q=pipeline")
    page.goto(server + "/actors/" + "local%3A%3Cb%3Egomel%3C%2Fb%3E%22onmouseover%3Dalert%281%29")
    assert "<script>" in page.inner_text("h1.actor-name")
    page.hover("h1.actor-name")
    page.goto(server + "/events?actor=local:x")
    page.goto(server + "/stories")
    page.goto(server + "/stories/story:a3hostile0000003")
    page.goto(server + "/graph")
    page.wait_for_timeout(300)
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.dialogs == [], page.dialogs
    assert page.errors == []


def test_graph_page(server: str, page: Any) -> None:
    page.goto(server + "/graph")
    if page.locator("#graph-unavailable").count():
        assert page.locator("#graph-unavailable").is_visible()
        return
    page.wait_for_selector("#graph svg, #graph .empty", timeout=10_000)
    if page.locator("#graph svg").count():
        assert page.locator("#graph svg circle").count() >= 2
        page.screenshot(path=str(ARTIFACTS / "web-graph.png"), full_page=True)
    assert page.errors == [] and page.dialogs == []


def test_upload_page(server: str, token_server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/upload")
    assert page.locator("#writes-off").is_visible()
    page.goto(token_server + "/upload")
    upload = tmp_path / "<img src=x onerror=alert(1)>.txt"
    upload.write_text("Minsk and Moscow agreed on gas prices.", encoding="utf-8")
    page.set_input_files("input[name=file]", str(upload))
    page.fill("input[name=token]", "wrong-token")
    page.click("form#upload button")
    page.wait_for_function(
        "() => document.getElementById('upload-status').textContent.startsWith('Failed')")
    assert "401" in page.inner_text("#upload-status")
    assert page.errors == [] and page.dialogs == []
