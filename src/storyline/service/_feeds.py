"""RSS and Atom feeds: fetched through the safe fetcher, parsed by feedparser, stored as articles."""

from __future__ import annotations

import logging
from typing import Any

from storyline.errors import InputError
from storyline.ingest import looks_like_html, parse_html
from storyline.model import Article
from storyline.service.fetch import FEED_TYPES, SafeFetcher
from storyline.service.store import Store
from storyline.text import parse_date

log = logging.getLogger("storyline.service")
MAX_ENTRIES = 500


def feed_articles(body: bytes) -> list[Article]:
    """The entries of a feed document as Articles (entries without text are left out)."""
    import feedparser  # type: ignore[import-untyped]

    parsed: Any = feedparser.parse(body)
    out = []
    for entry in list(parsed.entries)[:MAX_ENTRIES]:
        link = entry.get("link") or None
        entry_id = entry.get("id") or link
        content = entry.get("content") or []
        raw = (content[0].get("value") if content else None) or entry.get("summary") or ""
        if looks_like_html(raw) or "<" in raw:
            text = parse_html(f"<html><body><article>{raw}</article></body></html>", article_id="").text
            text = text or raw
        else:
            text = raw
        if not entry_id or not text.strip():
            continue
        out.append(
            Article(
                text=text,
                id=str(entry_id),
                title=entry.get("title") or None,
                date=parse_date(entry.get("published") or entry.get("updated")),
                url=link if link and link.startswith(("http://", "https://")) else None,
                source=parsed.feed.get("title") or None,
            )
        )
    return out


def poll_feed(store: Store, fetcher: SafeFetcher, feed_id: int, url: str) -> int:
    """Fetch a feed and store its new entries; the number of new articles. Errors are recorded."""
    try:
        fetched = fetcher.fetch(url, accept=(*FEED_TYPES, "text/html", "text/plain"))
        articles = feed_articles(fetched.body)
        stored = store.add_articles(articles) if articles else []
    except InputError as exc:
        store.feed_polled(feed_id, n_new=0, error=str(exc))
        log.warning("feed %d: %s", feed_id, exc.code)
        return 0
    n_new = sum(s.created for s in stored)
    store.feed_polled(feed_id, n_new=n_new, error=None)
    return n_new
