"""Story reports and thread timelines, computed when first asked and cached until they change.

A read never waits for a computation when a report of the story exists: a report older
than the story is served marked stale while one fresh one is computed in the background.
Only the first read of a story (no report at all) waits, for that story's computation.

Computations run on `workers` threads of their own (one `Reporter` each, so models load
once per thread and no lock is held over a computation). Each story or thread has at
most one computation queued or running at a time; a read that finds one running joins
it. A computation somebody waits for goes before background refreshes.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import itertools
import json
import logging
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.cluster import story_title, thread_title
from storyline.errors import InputError
from storyline.model import Article
from storyline.pipeline import Reporter
from storyline.service.store import Store
from storyline.timelines import timeline

log = logging.getLogger("storyline.service")

READ_THREADS = 2
"""Threads for the lookups of reads. Few on purpose: every thread that waits for the GIL
takes turns with the writer's thread, and 32 of them (one per waiting read in the shared
thread pool) left the writer a thirty-second of the interpreter. One lookup is one
indexed query (well under a millisecond), so two threads serve thousands a second."""
MEMORY_ENTRIES = 1024
"""Rendered reports kept in memory (as bytes), newest used first; the rest are read from the store."""
WAITED = 0
"""Queue priority of a computation a request waits for (no report exists yet)."""
BACKGROUND = 1
"""Queue priority of refreshing a stale report (readers are served the old one meanwhile)."""

Key = tuple[str, int]


def body_digest(body: bytes) -> str:
    """A short digest of a report's bytes, for its ETag (made once per report held in memory)."""
    return hashlib.blake2b(body, digest_size=12).hexdigest()


@dataclass(frozen=True, slots=True)
class Served:
    """A report as served: its JSON bytes, the version it was made for, the group's version now,
    and the digest of the bytes."""

    body: bytes
    version: int
    current: int
    digest: str

    @property
    def stale(self) -> bool:
        return self.version < self.current

    @property
    def etag(self) -> str:
        """Changes when the story (or thread) changes, and when its report is replaced.

        The digest, not the report's version alone: a store made again from nothing numbers
        its stories and versions from the start again, with other articles in them.
        """
        return f'"{self.tag}"'

    @property
    def tag(self) -> str:
        """The ETag's text, unquoted."""
        return f"{self.current}-{self.digest}"

    def headers(self) -> dict[str, str]:
        """`Cache-Control: no-cache`: a client keeps the report but asks each time, with
        `If-None-Match`, and gets a 304 without the body while it has not changed."""
        return {
            "X-Report-Status": "stale" if self.stale else "fresh",
            "X-Report-Version": str(self.version),
            "Cache-Control": "no-cache",
            "ETag": self.etag,
        }


def not_modified(if_none_match: str | None, etag: str) -> bool:
    """Whether a GET's `If-None-Match` names `etag` or is `*` (weak comparison, RFC 9110 13.1.2)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == bare for tag in if_none_match.split(","))


@dataclass(frozen=True, slots=True)
class _Looked:
    """What one lookup found: the group's version, and a report (possibly older) if any."""

    current: int
    version: int | None
    body: bytes | None
    digest: str = ""


class _Job:
    def __init__(self, run: Callable[[Reporter], Any]) -> None:
        self.run = run
        self.future: concurrent.futures.Future[Any] = concurrent.futures.Future()


async def _joined(future: concurrent.futures.Future[Any]) -> Any:
    """Wait for a computation others may wait for too: a request that is cancelled (its
    client left) stops waiting without cancelling the computation."""
    return await asyncio.shield(asyncio.wrap_future(future))


class Reports:
    """Cached reports of stored stories and threads, and reports of posted documents."""

    def __init__(self, store: Store, *, embedder: str = "static", workers: int = 1) -> None:
        self.store = store
        self.embedder = embedder
        self._queue: queue.PriorityQueue[tuple[int, int, _Job | None]] = queue.PriorityQueue()
        self._order = itertools.count()
        # `_guard` protects the dicts below; it is never held over a computation or a query.
        self._guard = threading.Lock()
        self._memory: OrderedDict[Key, tuple[int, bytes, str]] = OrderedDict()
        self._running: dict[Key, tuple[int, concurrent.futures.Future[tuple[int, bytes]]]] = {}
        self._wanted: dict[Key, int] = {}
        self._readers = concurrent.futures.ThreadPoolExecutor(
            READ_THREADS, thread_name_prefix="storyline-read"
        )
        self.computed = 0
        """Reports computed by this process (stories and threads), for tests and logs."""
        self._threads = [
            threading.Thread(target=self._work, name=f"storyline-report-{n}", daemon=True)
            for n in range(max(1, workers))
        ]
        for thread in self._threads:
            thread.start()

    def close(self) -> None:
        """Stop the workers after the computation each one is running; drop the queued ones."""
        while True:
            try:
                _, _, job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job.future.cancel()
        for _ in self._threads:
            self._queue.put((-1, next(self._order), None))
        for thread in self._threads:
            thread.join(timeout=60)
        self._readers.shutdown(wait=True)

    # -- the workers ---------------------------------------------------------------------
    def _work(self) -> None:
        reporter: Reporter | None = None
        while True:
            _, _, job = self._queue.get()
            if job is None:
                return
            if not job.future.set_running_or_notify_cancel():
                continue
            try:
                if reporter is None:
                    reporter = Reporter()
                job.future.set_result(job.run(reporter))
            except BaseException as exc:  # handed to whoever waits; the worker goes on
                job.future.set_exception(exc)

    def _submit(self, run: Callable[[Reporter], Any], priority: int) -> concurrent.futures.Future[Any]:
        job = _Job(run)
        self._queue.put((priority, next(self._order), job))
        return job.future

    # -- posted documents ----------------------------------------------------------------
    async def report(self, articles: Sequence[Article]) -> dict[str, Any]:
        """The report of posted documents (nothing stored)."""

        def run(reporter: Reporter) -> dict[str, Any]:
            result: dict[str, Any] = reporter(articles, cluster_id=None).to_dict()
            return result

        result: dict[str, Any] = await _joined(self._submit(run, WAITED))
        return result

    # -- stored stories and threads --------------------------------------------------------
    async def story(self, story_id: int) -> Served | None:
        """The story's report (the same JSON as `storyline report`); None if no such story."""
        return await self._serve(("story", story_id))

    async def thread(self, thread_id: int) -> Served | None:
        """The thread, its stories (newest first) and its timeline, as JSON."""
        return await self._serve(("thread", thread_id))

    async def _serve(self, key: Key) -> Served | None:
        looked = await asyncio.get_running_loop().run_in_executor(self._readers, self._lookup, key)
        if looked is None:
            return None
        if looked.body is not None and looked.version is not None:
            if looked.version < looked.current:
                self._refresh(key, looked.current, BACKGROUND)
            return Served(looked.body, looked.version, looked.current, looked.digest)
        version, body = await _joined(self._refresh(key, looked.current, WAITED))
        return Served(body, version, max(version, looked.current), body_digest(body))

    def _lookup(self, key: Key) -> _Looked | None:
        """One indexed query (the group's version and its report's); the body from memory if there."""
        kind, group_id = key
        versions = self.store.report_versions(kind, group_id)
        if versions is None:
            return None
        current, version = versions
        if version is None:
            return _Looked(current, None, None)
        with self._guard:
            held = self._memory.get(key)
            if held is not None and held[0] == version:
                self._memory.move_to_end(key)
                return _Looked(current, version, held[1], held[2])
        cached = self.store.cached_report(kind, group_id)
        if cached is None:  # removed in between: compute it
            return _Looked(current, None, None)
        version, text = cached
        body = text.encode()
        return _Looked(current, version, body, self._remember(key, version, body))

    def _remember(self, key: Key, version: int, body: bytes) -> str:
        """Hold `body` in memory (unless a newer report is held); its digest."""
        digest = body_digest(body)
        with self._guard:
            held = self._memory.get(key)
            if held is not None and held[0] > version:
                return digest
            self._memory[key] = (version, body, digest)
            self._memory.move_to_end(key)
            while len(self._memory) > MEMORY_ENTRIES:
                self._memory.popitem(last=False)
        return digest

    def _refresh(self, key: Key, current: int, priority: int) -> concurrent.futures.Future[tuple[int, bytes]]:
        """The computation of `key` queued or running (started now if none is)."""
        with self._guard:
            self._wanted[key] = max(self._wanted.get(key, 0), current)
            running = self._running.get(key)
            if running is not None:
                return running[1]
            future: concurrent.futures.Future[tuple[int, bytes]] = self._submit(
                lambda reporter: self._compute(key, reporter), priority
            )
            self._running[key] = (current, future)
        future.add_done_callback(lambda done: self._finished(key, done))
        return future

    def _finished(self, key: Key, done: concurrent.futures.Future[tuple[int, bytes]]) -> None:
        """Forget the computation; start another if a newer version was asked for meanwhile."""
        again = None
        with self._guard:
            if self._running.get(key, (0, None))[1] is done:
                del self._running[key]
            wanted = self._wanted.get(key, 0)
            if done.cancelled():
                self._wanted.pop(key, None)
            elif done.exception() is None:
                version = done.result()[0]
                if version < wanted:
                    again = wanted
                else:
                    del self._wanted[key]
            else:
                log.error("computing %s %d failed: %s", key[0], key[1], type(done.exception()).__name__)
                self._wanted.pop(key, None)
        if again is not None:
            self._refresh(key, again, BACKGROUND)

    def _compute(self, key: Key, reporter: Reporter) -> tuple[int, bytes]:
        """Compute and store the report of `key` as it is now; its version and JSON bytes."""
        kind, group_id = key
        if kind == "story":
            version, body, disagrees, line, title = self._story_report(group_id, reporter)
            self.store.cache(
                kind, group_id, version, body.decode(), disagrees=disagrees, summary_line=line, title=title
            )
        else:
            version, body, title = self._thread_report(group_id)
            self.store.cache(kind, group_id, version, body.decode(), title=title)
        self._remember(key, version, body)
        with self._guard:
            self.computed += 1
        return version, body

    def _story_report(self, story_id: int, reporter: Reporter) -> tuple[int, bytes, bool, str | None, str]:
        version, articles = self.store.story_articles(story_id)
        report: dict[str, Any] = reporter(articles, cluster_id=str(story_id)).to_dict()
        body = json.dumps(report, ensure_ascii=False).encode()
        summary = report.get("summary") or []
        line = summary[0].get("text") if summary and isinstance(summary[0], dict) else None
        disagrees = any(
            bool(c.get("disagreement") and c.get("confident")) for c in report.get("claims") or []
        )
        return version, body, disagrees, line, story_title(articles)

    def _thread_report(self, thread_id: int) -> tuple[int, bytes, str]:
        row, stories, articles = self.store.thread_contents(thread_id)
        # The topic, from the titles and summaries of its stories (the newest 200), as the store makes it.
        title = thread_title([[Article(text=s["summary"] or "", title=s["title"])] for s in stories])
        row = {**row, "title": title}
        note = None
        try:
            dates = timeline(articles, embedder=self.embedder).to_dict()
        except InputError as exc:
            dates, note = None, str(exc)
        body = {"thread": row, "stories": stories, "timeline": dates, "timeline_note": note}
        return int(row["version"]), json.dumps(body, ensure_ascii=False).encode(), title
