"""Web pages over many articles: stories, one story, the actor graph.

They show what ``newsgraph.compare`` provides; without it they explain what is missing.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from .. import cross
from ..app import Reader, page
from ..queries import Names, name_incidents
from .api import DATE

router = APIRouter(include_in_schema=False)
STORIES_PAGE = 50
SHOWN = ("id", "title", "articles", "actors", "first_date", "last_date", "article_summaries",
         "incidents", "sources", "n_sources")


def _ids(values: Any) -> list[str]:
    """Article or actor references as ids (compare may give ids or small dicts)."""
    out = []
    for v in values or ():
        if isinstance(v, dict):
            v = v.get("id") or v.get("article_id") or v.get("actor_id")
        if v is not None:
            out.append(str(v))
    return out


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, store: Reader,
            offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> HTMLResponse:
    if not cross.available("stories"):
        return page(request, "stories.html", stories=None)
    rows = cross.plain(cross.function("stories")(store))
    shown = rows[offset:offset + STORIES_PAGE]
    prev = (str(request.url.include_query_params(offset=max(0, offset - STORIES_PAGE)))
            if offset else None)
    nxt = (str(request.url.include_query_params(offset=offset + STORIES_PAGE))
           if len(rows) > offset + STORIES_PAGE else None)
    return page(request, "stories.html", stories=shown, total=len(rows),
                pager={"prev": prev, "next": nxt})


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, store: Reader, story_id: str) -> HTMLResponse:
    if not cross.available("story"):
        return page(request, "story.html", story=None, story_id=story_id)
    found = cross.plain(cross.function("story")(store, story_id))
    if not found:
        raise HTTPException(404, "No story with this id.")
    names = Names(store)
    articles = found.get("article_summaries")
    if not isinstance(articles, list):  # older compare: ids only, look the titles up
        articles = []
        for aid in _ids(found.get("articles")):
            got = store.get(aid)
            articles.append({"id": aid, "title": got.title if got else None,
                             "outlet": got.outlet if got else None,
                             "published": got.published if got else None})
    actors = [{"id": a, "name": names(a)} for a in _ids(found.get("actors"))]
    extra = {k: json.dumps(v, ensure_ascii=False, indent=1, default=str)
             for k, v in found.items() if k not in SHOWN}
    return page(request, "story.html", story=found, story_id=story_id, articles=articles,
                actors=actors, extra=extra,
                merged=name_incidents(found.get("incidents"), names))


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request, since: Annotated[str, Query(pattern=DATE + "|^$")] = "",
          until: Annotated[str, Query(pattern=DATE + "|^$")] = "") -> HTMLResponse:
    return page(request, "graph.html", available=cross.available("graph"), since=since,
                until=until)
