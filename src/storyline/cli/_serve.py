"""The `serve` command: migrate the store, then run the HTTP service (FastAPI on uvicorn)."""

from __future__ import annotations

import argparse
import importlib
import os
from typing import Any

from storyline.cli._common import info
from storyline.errors import BackendError, Errors


def add_serve_parser(sub: Any) -> None:
    s = sub.add_parser(
        "serve",
        help="run the HTTP service: a store of stories and threads, an API and web pages",
        description="Serve a live store of stories and threads. Post articles, URLs or feeds to the API; "
        "read stories, threads, timelines and reports in a browser or as JSON (/docs).",
    )
    s.add_argument(
        "--db",
        default="storyline.db",
        help="a SQLite file (created on first run) or postgresql://user@host/db (default storyline.db)",
    )
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    s.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    s.add_argument(
        "--api-key",
        default=None,
        help="require `Authorization: Bearer KEY` on every write (default: $STORYLINE_API_KEY, else none)",
    )
    s.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="HOST",
        help="let the URL fetcher reach this host or address although it is not public (repeatable)",
    )
    s.add_argument("--feed-poll", type=float, default=600.0, metavar="S", help="seconds between feed polls")
    s.add_argument(
        "--rate-limit", type=int, default=1200, metavar="N", help="writes per client per minute (0: none)"
    )
    s.add_argument(
        "--workers",
        type=_workers,
        default=0,
        metavar="N",
        help="serve HTTP from N worker processes while this process alone clusters the posted "
        "articles, so reads do not wait on clustering (default 0: one process does both; the "
        "write rate limit then holds per worker)",
    )
    s.add_argument(
        "--migrate", action="store_true", help="only bring the database schema up to date, then exit"
    )


def _service() -> Any:
    # storyline.service sits beside cli (both at the top of the layers); loaded only by this command.
    try:
        return importlib.import_module("storyline.service")
    except ImportError as exc:
        raise BackendError(
            Errors.SL401, what=f"the service ({exc.name})", extra="'storyline[service]'"
        ) from None


def serve(args: argparse.Namespace) -> int:
    service = _service()
    settings = service.Settings(
        db_url=args.db,
        api_key=args.api_key or os.environ.get("STORYLINE_API_KEY") or None,
        allow_hosts=tuple(args.allow_host),
        feed_poll_s=args.feed_poll,
        rate_limit_per_min=args.rate_limit,
    )
    service.migrate(settings.db_url)
    if args.migrate:
        info("the store's schema is up to date")
        return 0
    import uvicorn

    where = f"http://{args.host}:{args.port}/ (store: {args.db.rsplit('@', 1)[-1]})"
    if args.workers:
        info(f"serving on {where} from {args.workers} worker process(es); clustering in this one")
        service.serve_workers(settings, host=args.host, port=args.port, workers=args.workers)
        return 0
    info(f"serving on {where}")
    uvicorn.run(service.create_app(settings), host=args.host, port=args.port, log_level="warning")
    return 0


def _port(text: str) -> int:
    """A TCP port number, checked before anything starts."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port (1-65535)")
    return port


def _workers(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of workers: {text!r}") from None
    if not 0 <= n <= 64:
        raise argparse.ArgumentTypeError(f"{n} workers: give 0 to 64")
    return n
