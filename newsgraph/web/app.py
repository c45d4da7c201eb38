"""The app factory: FastAPI with the REST API under /api/v1 and server-rendered pages.

A thin shell: handlers call the store and the Python API, nothing else. See docs/web.md.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import NewsgraphError
from ..store import Store
from . import render
from .security import add_headers, safe_url
from .settings import Settings
from .stores import Readers, prepare
from .writer import Writer

HERE = Path(__file__).parent
log = logging.getLogger(__name__)


class SecurityHeaders:
    """Adds the security headers to every response, static files and errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                add_headers(MutableHeaders(scope=message))
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers HEAD like GET without the body (monitors and `curl -I` use it)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(actor_href=render.actor_href, article_href=render.article_href,
                       safe_url=safe_url, version=__version__)
    env.filters["snippet"] = render.snippet_markup
    env.filters["seg"] = lambda value: quote(str(value), safe="")  # one URL path segment
    return env


async def reader(request: Request) -> AsyncIterator[Store]:
    """A read-only store borrowed from the pool for one request, then handed back.
    Async so borrowing costs no thread hop (it never blocks: a pop, or opening a file)."""
    readers: Readers = request.app.state.readers
    store = readers.acquire()
    try:
        yield store
    finally:
        readers.release(store)


# Handlers declare ``store: Reader`` to get their read connection.
Reader = Annotated[Store, Depends(reader)]


def page(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
    env: Environment = request.app.state.templates
    html = env.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=code)


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for one store. ``settings`` default to the environment (docs/web.md)."""
    settings = settings or Settings.from_env()
    prepare(settings.db)
    readers = Readers(settings.db)
    writer = Writer(settings.db, settings.writer)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.token:  # uploads are possible: have the models ready for the first one
            writer.warm()
        yield
        writer.close()
        readers.close()

    app = FastAPI(title="newsgraph", version=__version__, lifespan=lifespan,
                  description="Evidence-backed models of world politics from news text.",
                  openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.readers = readers
    app.state.writer = writer
    app.state.templates = templates()
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    # StaticFiles resolves paths inside its directory only (no traversal, no symlinks out)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from .views import api, cross_pages, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(cross_pages.router)
    _errors(app)
    return app


def _errors(app: FastAPI) -> None:
    """JSON errors for the API, HTML error pages elsewhere; never a stack trace."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if is_api(request):
            return JSONResponse({"error": {"status": exc.status_code, "message": message}},
                                status_code=exc.status_code, headers=exc.headers)
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no page at this address."
        return page(request, "error.html", exc.status_code, status=exc.status_code,
                    message=message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg")}
                    for e in exc.errors()]
        if is_api(request):
            return JSONResponse({"error": {"status": 422, "message": "invalid parameters",
                                           "problems": problems}}, status_code=422)
        text = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        return page(request, "error.html", 400, status=400, message=f"Invalid request: {text}")

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, exc: NewsgraphError) -> Response:
        log.warning("request failed: %s", exc)
        if is_api(request):
            return JSONResponse({"error": {"status": 503, "message": str(exc)}}, status_code=503)
        return page(request, "error.html", 503, status=503, message=str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        # the traceback goes to the server log only; the client learns nothing internal
        log.exception("unhandled error on %s", request.url.path)
        message = "Internal error; the server log has the details."
        response: Response
        if is_api(request):
            response = JSONResponse({"error": {"status": 500, "message": message}},
                                    status_code=500)
        else:
            response = page(request, "error.html", 500, status=500, message=message)
        add_headers(response.headers)  # this handler runs outside the header middleware
        return response
