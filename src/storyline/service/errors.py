"""Errors to responses: one JSON shape under /api/, an HTML page elsewhere (STYLE.md §4, §9)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.errors import BackendError, ConfigError, InputError, StorylineError

log = logging.getLogger("storyline.service")

STATUS_CODES = {InputError: 422, ConfigError: 422, BackendError: 503}


def error_body(code: str, message: str) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"error": {"code": code, "message": message}}


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/healthz":
        return JSONResponse(error_body(code, message), status_code=status)
    templates = request.app.state.templates
    response: Response = templates.TemplateResponse(
        request, "error.html", {"status": status, "code": code, "message": message}, status_code=status
    )
    return response


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(StorylineError)
    async def _storyline(request: Request, exc: StorylineError) -> Response:
        status = next((s for kind, s in STATUS_CODES.items() if isinstance(exc, kind)), 500)
        if status == 500:
            log.error("error %s on %s %s", exc.code, request.method, request.url.path)
            return error_response(request, 500, exc.code, "internal error")
        return error_response(request, status, exc.code, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        response = error_response(request, exc.status_code, f"HTTP{exc.status_code}", str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()[:10]
        )
        return error_response(request, 422, "HTTP422", problems or "invalid request")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # A code, never str(exc): it may hold article text or a key.
        log.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path)
        return error_response(request, 500, "HTTP500", "internal error")


def html_error(status: int) -> HTMLResponse:  # pragma: no cover - used by middleware before routing
    return HTMLResponse(f"<!doctype html><title>{status}</title><p>{status}</p>", status_code=status)
