"""Open an HTML file in Debian's headless Chromium (via Playwright, never `playwright
install`) and collect console errors and network requests; skips when Chromium is absent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
CHARTS = ("timeline", "graph", "months", "profiles")


def open_in_chromium(path: Path, screenshot: str, *, check: Any = None) -> dict[str, list[str]]:
    """Load ``path``, wait for every dossier chart, run ``check(page)``, save a screenshot;
    returns {"errors": [...], "requests": [non-file URLs]}."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    errors: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: errors.append("dialog: " + d.message))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(path.as_uri())
            for chart in CHARTS:
                page.wait_for_selector(f"#chart-{chart} .main-svg", timeout=30_000)
            if check is not None:
                check(page)
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / screenshot), full_page=False)
        finally:
            browser.close()
    return {"errors": errors, "requests": [u for u in requests if not u.startswith("file:")]}
