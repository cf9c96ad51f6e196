"""kill -9 during a long ingest: nothing acknowledged is lost, the store stays consistent.

A real `storyline serve` (SQLite file, or a PostgreSQL server this test starts) takes
batches of articles from a client thread; once some batches are acknowledged and another
is in flight, the server gets SIGKILL. After a restart on the same database every
acknowledged article is there with the story and thread it was answered with, the batch in
flight is stored whole or not at all, the story and thread rows agree with the articles,
and new articles still join the stories they belong to.
"""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from _service_fixtures import gone, postgres, running_server, workers_of

TOPICS = [
    "A fire destroyed the {w} warehouse in Kessport on Saturday; four workers died, the port authority said.",
    "Varnia's parliament passed the {w} budget after a night-long debate on Tuesday, the speaker said.",
    "Flooding on the river Lune forced {w} residents of Marrow from their homes, the county council said.",
    "Eleven miners were trapped by a collapse at the {w} copper mine in Orsk, rescuers said on Monday.",
]
WORDS = "north south east west old new upper lower inner outer".split()
BATCH = 8
ACKNOWLEDGED_BEFORE_KILL = 6  # batches


def _article(i: int) -> dict[str, str]:
    topic = i % len(TOPICS)
    return {
        "id": f"k{i}",
        "title": f"Report {i}",
        "text": TOPICS[topic].format(w=WORDS[(i // len(TOPICS)) % len(WORDS)])
        + f" Reporter {i} filed this from the scene.",
    }


@contextlib.contextmanager
def _database(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield str(tmp_path / "store.db")
    else:
        with postgres(tmp_path) as url:
            yield url


class _Ingest(threading.Thread):
    """Posts batches until stopped or the server goes away; keeps what was acknowledged."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.acknowledged: dict[str, tuple[int, int]] = {}
        self.n_batches = 0
        self.in_flight: list[str] = []
        self.failed: list[str] = []  # batches sent but not acknowledged (the server died)
        self.errors: list[str] = []
        self.stop = threading.Event()
        self.some_acknowledged = threading.Event()

    def run(self) -> None:
        i = 0
        with httpx.Client(base_url=self.base, timeout=300, trust_env=False) as client:
            while not self.stop.is_set():
                batch = [_article(k) for k in range(i, i + BATCH)]
                self.in_flight = [a["id"] for a in batch]
                try:
                    response = client.post("/api/articles", json=batch)
                except httpx.HTTPError:
                    self.failed = self.in_flight
                    return
                if response.status_code != 200:
                    self.errors.append(f"{response.status_code}: {response.text[:200]}")
                    return
                for result in response.json()["results"]:
                    self.acknowledged[result["id"]] = (result["story"], result["thread"])
                self.n_batches += 1
                if self.n_batches >= ACKNOWLEDGED_BEFORE_KILL:
                    self.some_acknowledged.set()
                i += BATCH


def _rows(db: str) -> dict[str, tuple[int, int]]:
    engine = sa.create_engine(db if "://" in db else f"sqlite:///{db}")
    try:
        with engine.connect() as c:
            return {
                r.id: (r.story, r.thread)
                for r in c.execute(sa.text("SELECT id, story, thread FROM articles"))
            }
    finally:
        engine.dispose()


def _check_consistent(db: str) -> None:
    """Story and thread rows count exactly the articles that name them; SQLite's own checks pass."""
    engine = sa.create_engine(db if "://" in db else f"sqlite:///{db}")
    try:
        with engine.connect() as c:
            per_story = dict(c.execute(sa.text("SELECT story, COUNT(*) FROM articles GROUP BY story")).all())
            stories = {r.id: (r.n_articles, r.thread) for r in c.execute(sa.text("SELECT * FROM stories"))}
            assert {k: v[0] for k, v in stories.items()} == per_story
            story_thread = dict(c.execute(sa.text("SELECT DISTINCT story, thread FROM articles")).all())
            assert {k: v[1] for k, v in stories.items()} == story_thread
            per_thread = dict(
                c.execute(sa.text("SELECT thread, COUNT(*) FROM articles GROUP BY thread")).all()
            )
            threads = dict(c.execute(sa.text("SELECT id, n_articles FROM threads")).all())
            assert threads == per_thread
    finally:
        engine.dispose()
    if "://" not in db:
        with contextlib.closing(sqlite3.connect(db)) as con:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert con.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize(
    ("kind", "extra"),
    [("sqlite", ()), ("postgresql", ()), ("sqlite", ("--workers", "2"))],
    ids=["sqlite", "postgresql", "sqlite-workers"],
)
def test_kill_9_mid_ingest_loses_nothing_acknowledged(
    tmp_path: Path, kind: str, extra: tuple[str, ...]
) -> None:
    """With `--workers 2`, the process killed is the one that clusters; its workers exit too."""
    with _database(kind, tmp_path) as db:
        with running_server(db, *extra) as (base, process):
            workers = workers_of(process.pid)
            assert len(workers) == (int(extra[1]) if extra else 0)
            ingest = _Ingest(base)
            ingest.start()
            assert ingest.some_acknowledged.wait(600), f"no batch acknowledged: {ingest.errors}"
            # Kill while the client is still posting: its next batch may be half done.
            process.send_signal(signal.SIGKILL)
            process.wait(60)
            ingest.join(300)
            assert not ingest.is_alive()
            assert gone(workers, timeout_s=60)
        assert process.returncode == -signal.SIGKILL
        # A worker whose clustering process died answers the batch in flight with a 503.
        assert all(e.startswith("503") for e in ingest.errors) if extra else ingest.errors == []
        if ingest.errors:
            ingest.failed = ingest.in_flight
        acknowledged = dict(ingest.acknowledged)
        assert len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL * BATCH

        stored = _rows(db)
        assert {k: stored.get(k) for k in acknowledged} == acknowledged  # nothing acknowledged lost
        unacknowledged = [k for k in ingest.failed if k in stored]
        assert unacknowledged in ([], ingest.failed)  # the batch in flight: whole or not at all
        assert set(stored) == set(acknowledged) | set(unacknowledged)
        _check_consistent(db)

        with (
            running_server(db, *extra) as (base, _),
            httpx.Client(base_url=base, timeout=300, trust_env=False) as client,
        ):
            # Posting what was acknowledged again changes nothing.
            again = client.post("/api/articles", json=[_article(int(k[1:])) for k in sorted(acknowledged)])
            assert again.status_code == 200
            results: list[dict[str, Any]] = again.json()["results"]
            assert all(r["created"] is False for r in results)
            assert {r["id"]: (r["story"], r["thread"]) for r in results} == acknowledged
            # New reports of the same events join the stories the killed server made.
            stories_of: dict[int, set[int]] = {}
            for k, (story, _) in acknowledged.items():
                stories_of.setdefault(int(k[1:]) % len(TOPICS), set()).add(story)
            n = 10_000  # a multiple of len(TOPICS): article n + t is on topic t
            fresh = client.post("/api/articles", json=[_article(n + t) for t in range(len(TOPICS))])
            assert fresh.status_code == 200
            for t, result in enumerate(fresh.json()["results"]):
                assert result["created"] is True
                assert result["story"] in stories_of[t], (result, stories_of)
            health = client.get("/healthz").json()
            assert health["articles"] == len(stored) + len(TOPICS)
        _check_consistent(db)
