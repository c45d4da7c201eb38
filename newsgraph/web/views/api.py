"""REST API under /api/v1: JSON over the store and the Python API. See docs/web.md."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from ... import __version__
from ...export import article_record
from ...models import PLOVER_TYPES, STATUSES
from ...store import EventFilter
from .. import cross, render
from ..app import Reader
from ..queries import actor_view, until_bound
from ..security import token_matches
from ..settings import Settings

router = APIRouter(prefix="/api/v1", tags=["api"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=500, description="page size (1-500)")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
Date = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]


def _page(request: Request, items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """A page of items with the link to the next page (None on the last one)."""
    nxt = None
    if len(items) >= limit:
        nxt = str(request.url.include_query_params(offset=offset + limit))
    return {"items": items, "limit": limit, "offset": offset, "next": nxt}


@router.get("/status", summary="Version, counts and whether writes are enabled")
def status(request: Request, store: Reader) -> dict[str, Any]:
    settings: Settings = request.app.state.settings
    return {"version": __version__, "articles": store.count("articles"),
            "writes": settings.token is not None,
            "cross_article": {n: cross.available(n)
                              for n in ("stories", "story", "graph", "timeline")}}


@router.get("/articles", summary="List stored articles, newest first")
def articles(request: Request, store: Reader, limit: Limit = 50, offset: Offset = 0,
             outlet: str | None = None, since: Date = None,
             until: Date = None) -> dict[str, Any]:
    items = store.list_articles(limit=limit, offset=offset, outlet=outlet, since=since,
                                until=until_bound(until))
    return _page(request, items, limit, offset)


@router.get("/articles/{article_id}", summary="One article record (DESIGN.md)")
def article(request: Request, store: Reader, article_id: str) -> dict[str, Any]:
    found = store.get(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}; list ids at /api/v1/articles")
    return article_record(found)


@router.get("/actors", summary="Actors by number of mentions")
def actors(request: Request, store: Reader, limit: Limit = 100, offset: Offset = 0,
           q: str | None = Query(None, max_length=200, description="name contains")
           ) -> dict[str, Any]:
    items = store.actors(limit=limit, offset=offset, q=q)
    return _page(request, items, limit, offset)


@router.get("/actors/{actor_id:path}", summary="One actor with its events (timeline) and relations")
def actor(request: Request, store: Reader, actor_id: str, limit: Limit = 100,
          offset: Offset = 0) -> dict[str, Any]:
    view = actor_view(store, actor_id, limit=limit, offset=offset)
    if view is None:
        raise HTTPException(404, f"no actor {actor_id!r}; list ids at /api/v1/actors")
    view["timeline"] = None
    if cross.available("timeline"):
        incidents = cross.plain(cross.function("timeline")(store, actor=actor_id))
        view["timeline"] = incidents[offset:offset + limit]
    return view


def event_filter(*, actor: str | None, type: str | None, status: str | None,
                 since: str | None, until: str | None, outlet: str | None,
                 article: str | None, limit: int, offset: int) -> EventFilter:
    if type and type.upper() not in PLOVER_TYPES:
        raise HTTPException(422, f"unknown event type {type!r}; use one of "
                                 + ", ".join(PLOVER_TYPES))
    if status and status not in STATUSES:
        raise HTTPException(422, f"unknown status {status!r}; use one of "
                                 + ", ".join(STATUSES))
    return EventFilter(actor=actor or None, type=type.upper() if type else None,
                       status=status or None, since=since, until=until,
                       outlet=outlet or None, article_id=article or None,
                       limit=limit, offset=offset)


@router.get("/events", summary="Events in date order, filtered")
def events(request: Request, store: Reader, limit: Limit = 100, offset: Offset = 0,
           actor: str | None = Query(None, description="actor id, as source or target"),
           type: str | None = Query(None, description="PLOVER type, e.g. SANCTION"),
           status: str | None = Query(None, description="asserted|negated|hypothetical|planned"),
           since: Date = None, until: Date = None, outlet: str | None = None,
           article: str | None = Query(None, description="article id")) -> dict[str, Any]:
    flt = event_filter(actor=actor, type=type, status=status, since=since, until=until,
                       outlet=outlet, article=article, limit=limit, offset=offset)
    return _page(request, store.events(flt), limit, offset)


@router.get("/search", summary="Full-text search with ranking and highlighted snippets")
def search(request: Request, store: Reader, q: str = Query(..., min_length=1, max_length=500),
           limit: Annotated[int, Query(ge=1, le=100)] = 20,
           offset: Annotated[int, Query(ge=0, le=10_000)] = 0) -> dict[str, Any]:
    hits = store.search(q, limit=limit, offset=offset)
    items = [{"id": h["id"], "title": h["title"], "published": h["published"],
              "outlet": h["outlet"], "rank": h["rank"],
              "snippet": (h["snippet"] or "").replace(render.HIT_START, "")
              .replace(render.HIT_END, ""),
              "snippet_html": str(render.snippet_markup(h["snippet"]))} for h in hits]
    return {"q": q, **_page(request, items, limit, offset)}


def _cross(name: str, *args: Any, **kwargs: Any) -> Any:
    try:
        fn = cross.function(name)
    except cross.Unavailable:
        raise HTTPException(501, f"{name} is not available in this build yet (the "
                                 "cross-article analysis, newsgraph.compare)") from None
    return cross.plain(fn(*args, **kwargs))


@router.get("/stories", summary="Stories: the same happening across articles")
def stories(request: Request, store: Reader, limit: Limit = 100,
            offset: Offset = 0) -> dict[str, Any]:
    items = _cross("stories", store)
    return _page(request, items[offset:offset + limit], limit, offset)


@router.get("/stories/{story_id}", summary="One story")
def story(request: Request, store: Reader, story_id: str) -> Any:
    found = _cross("story", store, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}; list ids at /api/v1/stories")
    return found


@router.get("/graph", summary="Actor graph: nodes and dated cooperation/conflict edges")
def graph(request: Request, store: Reader, since: Date = None, until: Date = None) -> Any:
    return _cross("graph", store, since=since, until=until)


@router.get("/timeline", summary="Merged timeline of incidents, optionally for one actor")
def timeline(request: Request, store: Reader, actor: str | None = None, limit: Limit = 100,
             offset: Offset = 0) -> dict[str, Any]:
    items = _cross("timeline", store, actor=actor)
    return _page(request, items[offset:offset + limit], limit, offset)


# ---------------------------------------------------------------- writes
UPLOAD_TYPES = ("text/plain", "text/markdown", "text/html", "application/xhtml+xml",
                "application/pdf", "application/octet-stream", "application/json")
META = ("title", "published", "outlet", "url")


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it exceeds ``limit``."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"upload is over the {limit} byte limit; split the file or"
                                 " raise NEWSGRAPH_MAX_UPLOAD")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"upload is over the {limit} byte limit; split the file"
                                     " or raise NEWSGRAPH_MAX_UPLOAD")
        chunks.append(chunk)
    return b"".join(chunks)


def _authorize(request: Request, settings: Settings) -> None:
    if settings.token is None:
        raise HTTPException(403, "writes are off: start the server with NEWSGRAPH_TOKEN set"
                                 " to enable POST /api/v1/articles")
    if not token_matches(request.headers.get("authorization"), settings.token):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer "
                                 "<NEWSGRAPH_TOKEN>'", headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", status_code=201,
             summary="Upload one text, HTML or PDF article (or JSON) for analysis; needs the token",
             responses={401: {"description": "no or wrong token"},
                        403: {"description": "writes are off (no NEWSGRAPH_TOKEN)"},
                        413: {"description": "upload too large"},
                        415: {"description": "unsupported content type"},
                        422: {"description": "nothing could be analysed"}})
async def upload(request: Request,
                 title: str | None = Query(None, max_length=1000),
                 published: Date = None,
                 outlet: str | None = Query(None, max_length=200),
                 url: str | None = Query(None, max_length=4000),
                 name: str = Query("article", max_length=200,
                                   description="a name for the upload, kept as its source")
                 ) -> JSONResponse:
    settings: Settings = request.app.state.settings
    _authorize(request, settings)
    kind = request.headers.get("content-type", "application/octet-stream").split(";")[0]
    kind = kind.strip().lower()
    if kind not in UPLOAD_TYPES:
        raise HTTPException(415, f"cannot analyse {kind!r}; send the file as the body with"
                                 " Content-Type " + ", ".join(UPLOAD_TYPES))
    data = await _body(request, settings.max_upload_bytes)
    meta: dict[str, Any] = {"title": title, "published": published, "outlet": outlet,
                            "url": url}
    if kind == "application/json":
        data, meta = _from_json(data, meta)
    if not data.strip():
        raise HTTPException(400, "the upload is empty; send the article text as the body")
    result = await request.app.state.writer.submit(data, name, meta)
    done = [{"id": i, "status": status, "record": f"/api/v1/articles/{i}",
             "page": render.article_href(i)}
            for status in ("stored", "unchanged") for i in result[status]]
    if not done:
        return JSONResponse({"error": {"status": 422, "message": "nothing could be analysed",
                                       "problems": result["failed"]}}, status_code=422)
    return JSONResponse({"articles": done, "failed": result["failed"]}, status_code=201)


def _from_json(data: bytes, meta: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"body is not JSON ({exc}); send {{\"text\": ...}}") from None
    if not isinstance(doc, dict):
        raise HTTPException(400, 'send one JSON object: {"text": "...", "title": "..."}')
    body = doc.get("html") or doc.get("text")
    if not isinstance(body, str):
        raise HTTPException(400, "the JSON object needs a 'text' or 'html' string")
    for key in META:
        value = doc.get(key)
        if isinstance(value, str) and not meta.get(key):
            meta[key] = value[:4000]
    if meta.get("published") and not re.match(DATE, meta["published"]):
        raise HTTPException(400, "'published' must be YYYY, YYYY-MM or YYYY-MM-DD")
    authors = doc.get("authors")
    if isinstance(authors, list) and all(isinstance(a, str) for a in authors):
        meta["authors"] = authors
    return body.encode("utf-8"), meta
