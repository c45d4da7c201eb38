"""Shared fixtures. Tests build articles by hand where they can; model-backed fixtures are
session-scoped so spaCy loads once per test run."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.models import Article, SourceRef
from newsgraph.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# Markers whose tests must run, not skip (.ci/run sets "browser postgres spark"): a skip of
# such a test is reported as a failure, so a missing Chromium, server or Java cannot pass CI.
REQUIRED = frozenset(os.environ.get("NEWSGRAPH_REQUIRE", "").split())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[None]:
    outcome: Any = yield
    report = outcome.get_result()
    needed = REQUIRED & {m.name for m in item.iter_markers()}
    if report.skipped and needed and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = (f"skipped, but NEWSGRAPH_REQUIRE needs the {' '.join(sorted(needed))}"
                           f" tests to run: {report.longrepr}")


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` (third-party seeds and data); tests that need it skip without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))}


@pytest.fixture()
def fresh_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore(tmp_path / "test.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def nlp() -> object:
    from newsgraph.stages.parsing import load_nlp

    return load_nlp()


def article_of(body: str, *, published: str | None = "2020-02-12", **fields: object) -> Article:
    """A hand-built article whose cleaned body is ``body``."""
    return Article(id="t" + str(abs(hash(body)))[:15], source=SourceRef(uri="test", format="text"),
                   raw=body, body=body, published=published, language="en",
                   **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def parsed(nlp: object) -> Callable[..., Article]:
    """``parsed(body, published=...)`` → an article with ``doc`` set (shared spaCy model)."""

    def make(body: str, *, published: str | None = "2020-02-12", **fields: object) -> Article:
        article = article_of(body, published=published, **fields)
        return dataclasses.replace(article, doc=nlp(body))  # type: ignore[operator]

    return make
