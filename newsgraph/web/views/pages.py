"""Web pages over one article or actor: home and search, article, actors, actor, events,
upload."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ...export import article_record
from ...models import PLOVER_TYPES, STATUSES
from .. import cross, render
from ..app import Reader, page
from ..queries import Names, actor_view, name_incidents, polarity, until_bound
from ..settings import Settings
from ..stores import is_sqlite
from .api import DATE, event_filter

router = APIRouter(include_in_schema=False)
PAGE = 25
MERGED_SHOWN = 200  # merged incidents on an actor page; the API pages through all of them
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def _pager(request: Request, count: int, limit: int, offset: int) -> dict[str, Any]:
    prev = (str(request.url.include_query_params(offset=max(0, offset - limit)))
            if offset > 0 else None)
    nxt = (str(request.url.include_query_params(offset=offset + limit))
           if count >= limit else None)
    return {"prev": prev, "next": nxt}


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: Reader, q: str = Query("", max_length=500),
         outlet: str = Query("", max_length=200),
         since: Annotated[str, Query(pattern=DATE + "|^$")] = "",
         until: Annotated[str, Query(pattern=DATE + "|^$")] = "",
         offset: Offset = 0) -> HTMLResponse:
    q = q.strip()
    if q:
        hits = store.search(q, limit=PAGE, offset=offset)
        return page(request, "search.html", q=q, hits=hits, offset=offset,
                    pager=_pager(request, len(hits), PAGE, offset))
    recent = store.list_articles(limit=PAGE, offset=offset, outlet=outlet or None,
                                 since=since or None, until=until_bound(until))
    return page(request, "home.html", q="", articles=recent, total=store.count("articles"),
                events=store.count("events"), actors=store.count("actors"),
                form={"outlet": outlet, "since": since, "until": until},
                pager=_pager(request, len(recent), PAGE, offset))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, store: Reader, article_id: str) -> HTMLResponse:
    found = store.get(article_id)
    if found is None:
        raise HTTPException(404, "No article with this id.")
    names = Names(store, found)
    record = article_record(found)
    for e in record["events"]:
        e["source_name"] = names(e["source_actor"])
        e["target_name"] = names(e["target_actor"])
        e["claimed_name"] = names(e["claimed_by"]) if e.get("claimed_by") else None
        e["polarity"] = polarity(e["type"])
    for quote in record["quotes"]:
        quote["speaker_name"] = (names(quote["speaker_actor"]) if quote.get("speaker_actor")
                                 else quote.get("speaker_text"))
    body = render.highlighted_body(found.body, render.highlights(found, names))
    return page(request, "article.html", article=record, body=body)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, store: Reader, q: str = Query("", max_length=200),
           offset: Offset = 0) -> HTMLResponse:
    rows = store.actors(limit=PAGE * 2, offset=offset, q=q.strip() or None)
    return page(request, "actors.html", q=q, actors=rows,
                pager=_pager(request, len(rows), PAGE * 2, offset))


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor(request: Request, store: Reader, actor_id: str, offset: Offset = 0) -> HTMLResponse:
    view = actor_view(store, actor_id, limit=100, offset=offset)
    if view is None:
        raise HTTPException(404, "No actor with this id.")
    for e in view["events"]:
        e["polarity"] = polarity(e["type"])
    merged = None
    if cross.available("timeline"):
        incidents = cross.plain(cross.function("timeline")(store, actor=actor_id))
        merged = name_incidents(incidents[:MERGED_SHOWN], Names(store))
    return page(request, "actor.html", **view, merged=merged,
                pager=_pager(request, len(view["events"]), 100, offset))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, store: Reader, actor: str = "", type: str = "", status: str = "",
           since: Annotated[str, Query(pattern=DATE + "|^$")] = "",
           until: Annotated[str, Query(pattern=DATE + "|^$")] = "",
           outlet: str = "", offset: Offset = 0) -> HTMLResponse:
    flt = event_filter(actor=actor, type=type, status=status, since=since or None,
                       until=until or None, outlet=outlet, article=None, limit=PAGE * 2,
                       offset=offset)
    rows = store.events(flt)
    names = Names(store)
    for e in rows:
        e["source_name"] = names(e["source_actor"])
        e["target_name"] = names(e["target_actor"])
        e["polarity"] = polarity(e["type"])
    form = {"actor": actor, "type": type, "status": status, "since": since, "until": until,
            "outlet": outlet}
    return page(request, "events.html", events=rows, form=form, types=PLOVER_TYPES,
                statuses=STATUSES, actor_name=names(actor) if actor else None,
                pager=_pager(request, len(rows), PAGE * 2, offset))


@router.get("/upload", response_class=HTMLResponse)
def upload(request: Request) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    return page(request, "upload.html", writes=settings.token is not None,
                max_mb=max(1, settings.max_upload_bytes // 2**20),
                db_name=Path(settings.db).name if is_sqlite(settings.db) else "URL")
