"""The `ingest` command: push files, feeds (JSONL) and URLs to a running `storyline serve`."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.cli._common import info, progress, warn
from storyline.errors import Errors, InputError
from storyline.ingest import ArticleRow, is_cluster_file, iter_articles, read_files
from storyline.model import Article

BATCH = 50
MAX_WARNINGS = 10


def add_ingest_parser(sub: Any) -> None:
    s = sub.add_parser(
        "ingest",
        help="push articles (files, JSONL feeds, URLs) to a running storyline serve",
        description="Send articles to a storyline server: .txt/.md/.html files and directories, JSONL "
        "feeds (one article per line), and http(s) URLs, which the server fetches.",
    )
    s.add_argument("inputs", nargs="+", metavar="FILE|URL")
    s.add_argument("--server", default="http://127.0.0.1:8000", help="the server's URL")
    s.add_argument("--api-key", default=None, help="the server's API key (default: $STORYLINE_API_KEY)")
    s.add_argument("--quiet", action="store_true", help="no progress bar")


def _items(inputs: list[str]) -> Iterator[dict[str, Any]]:
    files: list[Path] = []
    for raw in inputs:
        if raw.lower().startswith(("http://", "https://")):
            yield {"url": raw}
            continue
        path = Path(raw)
        if path.is_file() and is_cluster_file(path):
            for row in iter_articles(path):
                if isinstance(row, ArticleRow):
                    yield _payload(row.article)
                else:
                    warn(row.message)
        else:
            files.append(path)
    if files:
        articles, _ = read_files(files)
        yield from (_payload(a) for a in articles)


def ingest(args: argparse.Namespace) -> int:
    import httpx

    key = args.api_key or os.environ.get("STORYLINE_API_KEY")
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    server = args.server.rstrip("/")
    n_stored = n_known = n_errors = 0
    batch: list[dict[str, Any]] = []
    with httpx.Client(base_url=server, headers=headers, timeout=600, trust_env=False) as client:

        def send() -> None:
            nonlocal n_stored, n_known, n_errors
            try:
                response = client.post(
                    "/api/articles", json=[{k: v for k, v in b.items() if v} for b in batch]
                )
            except httpx.HTTPError as exc:
                reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                raise InputError(Errors.SL503, url=server, reason=reason) from None
            if response.status_code in (401, 403, 413, 429):
                raise InputError(
                    Errors.SL503, url=server, reason=f"HTTP {response.status_code}: {response.text[:200]}"
                )
            try:
                results = response.json()["results"]
            except (ValueError, KeyError, TypeError):
                raise InputError(
                    Errors.SL503, url=server, reason=f"HTTP {response.status_code}, not a storyline server"
                ) from None
            for item, result in zip(batch, results, strict=False):
                if "error" in result:
                    n_errors += 1
                    if n_errors <= MAX_WARNINGS:
                        warn(f"{item.get('id') or item.get('url')}: {result['error']['message']}")
                elif result["created"]:
                    n_stored += 1
                else:
                    n_known += 1
            batch.clear()

        with progress(args.quiet, label="ingesting") as advance:
            for item in _items(args.inputs):
                batch.append(item)
                advance()
                if len(batch) >= BATCH:
                    send()
            if batch:
                send()
    info(f"{n_stored} stored, {n_known} already there, {n_errors} refused")
    return 0 if n_errors == 0 else 2


def _payload(article: Article) -> dict[str, Any]:
    """An article as the API takes it."""
    date = article.date.isoformat() if article.date else None
    fields = {"title": article.title, "date": date, "url": article.url, "source": article.source}
    return {"id": article.id, "text": article.text, **fields}
