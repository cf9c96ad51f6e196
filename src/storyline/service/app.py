"""`create_app(settings)`: the FastAPI application over one store. Nothing is created at import time."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline import __version__
from storyline.service._feeds import poll_feed
from storyline.service._reports import Reports
from storyline.service._writer import RemoteWriter
from storyline.service.deps import RateLimiter
from storyline.service.errors import error_body, install_handlers
from storyline.service.fetch import SafeFetcher
from storyline.service.routers import api_articles, api_stories, pages
from storyline.service.settings import Settings
from storyline.service.store import Store

log = logging.getLogger("storyline.service")
HERE = Path(__file__).parent
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# /docs is Swagger UI served from the swagger-ui-bundle package (nothing from a CDN); its
# page starts the UI with one inline script, so only that page allows one.
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'"
)
DOCS_ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png")
FEED_TICK_S = 15.0
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def create_app(settings: Settings, *, writer: RemoteWriter | None = None) -> FastAPI:
    """The app; its lifespan opens the store (which must be migrated to head) and polls feeds.

    With `writer` (a worker of `storyline serve --workers N`), article writes go to the
    process that clusters (storyline.service._writer); everything else goes to the store.
    """

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = await run_in_threadpool(
            functools.partial(
                Store,
                settings.db_url,
                snapshot_every=settings.snapshot_every,
                forward_to=None if writer is None else writer.add_articles,
            )
        )
        app.state.store = store
        reports = Reports(store, embedder=settings.embedder, workers=settings.report_workers)
        app.state.reports = reports
        poller = asyncio.create_task(_poll_feeds(app)) if settings.feed_poll_s > 0 else None
        try:
            yield
        finally:
            if poller is not None:
                poller.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await poller
            await run_in_threadpool(reports.close)
            await run_in_threadpool(store.close)
            if writer is not None:
                writer.close()

    app = FastAPI(
        title="storyline",
        version=__version__,
        description="A live store of news stories and threads: post articles, read cited reports.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape on
    app.state.fetcher = SafeFetcher(
        allow_hosts=frozenset(settings.allow_hosts),
        timeout_s=settings.fetch_timeout_s,
        max_bytes=settings.fetch_max_bytes,
    )
    app.state.limiter = RateLimiter(settings.rate_limit_per_min)
    install_handlers(app)
    app.include_router(api_articles.router)
    app.include_router(api_stories.router)
    app.include_router(pages.router)
    css = (HERE / "static" / "style.css").read_bytes()

    @app.get("/static/style.css", include_in_schema=False)
    def style() -> Response:
        return Response(css, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})

    _add_docs(app)

    @app.get(
        "/healthz",
        tags=["read"],
        summary="Liveness, the number of stored articles and of reports this process computed",
    )
    def healthz(request: Request) -> dict[str, object]:
        store: Store = request.app.state.store
        reports: Reports = request.app.state.reports
        return {
            "status": "ok",
            "articles": store.count_articles(),
            "version": __version__,
            "reports_computed": reports.computed,
        }

    app.add_middleware(Guard, settings=settings)
    return app


class Guard:
    """Write limits (body size, rate) and the security headers on every response.

    A plain ASGI middleware: Starlette's `BaseHTTPMiddleware` (`@app.middleware`) runs each
    request through extra tasks and streams, which cost more than a cached read itself.
    """

    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] == "/docs"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = DOCS_CSP if docs else CSP
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
            await send(message)

        refused = self._refused(scope) if scope["method"] in WRITE_METHODS else None
        if refused is not None:
            await refused(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _refused(self, scope: Scope) -> Response | None:
        request_headers = Headers(scope=scope)
        limit = self.settings.max_body_bytes
        length = request_headers.get("content-length")
        if length is None and request_headers.get("transfer-encoding"):
            return _refusal(411, "HTTP411", "send a Content-Length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return _refusal(413, "HTTP413", f"body over {limit} bytes")
        client = scope["client"][0] if scope.get("client") else "?"
        limiter: RateLimiter = scope["app"].state.limiter
        if not limiter.allow(client):
            return _refusal(429, "HTTP429", "too many writes; wait a minute", {"Retry-After": "60"})
        return None


def _refusal(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def _add_docs(app: FastAPI) -> None:
    """OpenAPI docs at /docs, with Swagger UI's files served from this server."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from swagger_ui_bundle import swagger_ui_path

    assets = {name: (Path(swagger_ui_path) / name).read_bytes() for name in DOCS_ASSETS}
    types = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="storyline API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )

    @app.get("/docs-assets/{name}", include_in_schema=False)
    def docs_asset(name: str) -> Response:
        if name not in assets:
            return JSONResponse(error_body("HTTP404", "no such file"), status_code=404)
        headers = {"Cache-Control": "public, max-age=86400"}
        return Response(assets[name], media_type=types[Path(name).suffix], headers=headers)


async def _poll_feeds(app: FastAPI) -> None:
    settings: Settings = app.state.settings
    while True:
        await asyncio.sleep(min(FEED_TICK_S, settings.feed_poll_s))
        store: Store = app.state.store
        try:
            for feed_id, url in await run_in_threadpool(store.feeds_due, every_s=settings.feed_poll_s):
                await run_in_threadpool(poll_feed, store, app.state.fetcher, feed_id, url)
        except Exception as exc:  # keep polling; the reason is logged without article text
            log.error("feed polling failed: %s", type(exc).__name__)
