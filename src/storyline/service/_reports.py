"""Story reports and thread timelines, computed when first asked and cached until they change."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from typing import Any

from storyline.errors import InputError
from storyline.model import Article
from storyline.pipeline import Reporter
from storyline.service.store import Store
from storyline.timelines import timeline


class Reports:
    """One `Reporter` (models load once), used by one request at a time."""

    def __init__(self, store: Store, *, embedder: str = "static") -> None:
        self.store = store
        self.embedder = embedder
        self._reporter: Reporter | None = None
        self._lock = threading.Lock()

    def _report(self, articles: Sequence[Article], cluster_id: str | None) -> dict[str, Any]:
        with self._lock:
            if self._reporter is None:
                self._reporter = Reporter()
            story = self._reporter(articles, cluster_id=cluster_id)
        result: dict[str, Any] = story.to_dict()
        return result

    def report(self, articles: Sequence[Article]) -> dict[str, Any]:
        """The report of posted documents (nothing stored)."""
        return self._report(articles, None)

    def story(self, story_id: int) -> str | None:
        """The story's report as JSON text (the same JSON as `storyline report`); None if no such story."""
        row = self.store.story(story_id)
        if row is None:
            return None
        cached = self.store.cached("story", story_id, row["version"])
        if cached is not None:
            return cached
        articles = self.store.articles_of(story=story_id)
        report = self._report(articles, str(story_id))
        body = json.dumps(report, ensure_ascii=False)
        summary = report.get("summary") or []
        line = summary[0].get("text") if summary and isinstance(summary[0], dict) else None
        disagrees = any(bool(c.get("disagreement")) for c in report.get("claims") or [])
        self.store.cache("story", story_id, row["version"], body, disagrees=disagrees, summary_line=line)
        return body

    def thread(self, thread_id: int) -> dict[str, Any] | None:
        """The thread, its stories (newest first) and its timeline."""
        row = self.store.thread(thread_id)
        if row is None:
            return None
        cached = self.store.cached("thread", thread_id, row["version"])
        if cached is not None:
            result: dict[str, Any] = json.loads(cached)
            return result
        stories = self.store.list_stories(thread=thread_id, limit=200)
        articles = self.store.articles_of(thread=thread_id)
        note = None
        try:
            with self._lock:
                found = timeline(articles, embedder=self.embedder)
            dates = found.to_dict()
        except InputError as exc:
            dates, note = None, str(exc)
        body = {"thread": row, "stories": stories, "timeline": dates, "timeline_note": note}
        self.store.cache("thread", thread_id, row["version"], json.dumps(body, ensure_ascii=False))
        return body
