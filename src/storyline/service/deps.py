"""Shared dependencies: the store, the reports, the fetcher, the API key, the write rate limit.

The getters are `async def` so that FastAPI calls them in the event loop instead of
sending each one to the thread pool.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections import deque

from fastapi import HTTPException, Request

from storyline.service._reports import Reports
from storyline.service.fetch import SafeFetcher
from storyline.service.settings import Settings
from storyline.service.store import Store


async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_reports(request: Request) -> Reports:
    reports: Reports = request.app.state.reports
    return reports


async def get_fetcher(request: Request) -> SafeFetcher:
    fetcher: SafeFetcher = request.app.state.fetcher
    return fetcher


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def require_key(request: Request) -> None:
    """With an API key set, a write needs `Authorization: Bearer KEY` (401 otherwise)."""
    settings: Settings = request.app.state.settings
    if settings.api_key is None:
        return
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), settings.api_key.encode()
    ):
        raise HTTPException(
            401, "an API key is required: Authorization: Bearer KEY", {"WWW-Authenticate": "Bearer"}
        )


class RateLimiter:
    """At most `per_min` writes per client address in any sliding minute."""

    def __init__(self, per_min: int) -> None:
        self.per_min = per_min
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        if self.per_min <= 0:
            return True
        now = time.monotonic()
        with self._lock:
            times = self._seen.setdefault(client, deque())
            while times and now - times[0] > 60:
                times.popleft()
            if len(times) >= self.per_min:
                return False
            times.append(now)
            if len(self._seen) > 10_000:  # forget idle clients: bounded memory
                for key in [k for k, v in self._seen.items() if not v or now - v[-1] > 60]:
                    del self._seen[key]
            return True


def same_origin_form(request: Request) -> None:
    """Refuse a cross-site form post (Sec-Fetch-Site, else Origin; as datasette/csrf.py)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        if site not in ("same-origin", "none"):
            raise HTTPException(403, "cross-site form posts are refused")
        return
    origin = request.headers.get("origin")
    if origin is not None and origin != "null":
        host = request.headers.get("host", "")
        if origin.split("://", 1)[-1] != host:
            raise HTTPException(403, "cross-site form posts are refused")
