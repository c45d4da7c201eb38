"""docs/web.md documents every route of the app and every setting."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from web_articles import client_for

from newsgraph.web.settings import ENVIRONMENT, Settings

DOC = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def routes(items: Iterable[object]) -> Iterator[tuple[str, str]]:
    """(method, path) of every route, through included routers and mounts."""
    for route in items:
        inner = getattr(route, "original_router", None)  # FastAPI >= 0.16x includes
        if inner is not None:
            yield from routes(inner.routes)
            continue
        path = getattr(route, "path", None)
        if path is None:
            continue
        if getattr(route, "app", None) is not None and not getattr(route, "methods", None):
            yield "GET", path.rstrip("/") + "/{path}"  # a mount, e.g. /static
            continue
        for method in sorted(set(getattr(route, "methods", None) or ()) - {"HEAD"}):
            yield method, re.sub(r":\w+}", "}", path)


def test_every_route_is_documented(web_db: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    found = sorted(set(routes(client_for(web_db).app.routes)))
    assert len(found) > 15
    missing = [f"{m} {p}" for m, p in found if f"`{m} {p}`" not in text]
    assert not missing, f"document these routes in docs/web.md: {missing}"


def test_every_setting_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name in ENVIRONMENT:
        assert f"`{name}`" in text, name
    for option in ("--db", "--host", "--port"):
        assert f"`{option}`" in text
    assert len(ENVIRONMENT) == len(Settings.__dataclass_fields__)
