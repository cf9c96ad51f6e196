"""`storyline serve --workers N` (one process clusters, N serve HTTP) and the snapshot path."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from _service_fixtures import gone, running_server, web_server, workers_of
from test_service_api import example_articles

from storyline.errors import BackendError
from storyline.model import Article
from storyline.service import Store, migrate
from storyline.service._clustering import LiveClusterer, scratch_dir
from storyline.service._writer import RemoteWriter, WriterServer
from storyline.service.store import Stored

FIRE = "A fire destroyed the Norvane fertiliser warehouse in Kessport on Saturday; four workers died."
BUDGET = "Varnia's parliament passed the 2026 budget after a night-long debate on Tuesday."


def test_writer_round_trip_keeps_every_field_and_reports_errors(tmp_path: Path) -> None:
    received: list[Article] = []

    def add(batch: Sequence[Article]) -> list[Stored]:
        if any(a.id == "boom" for a in batch):
            raise RuntimeError("secret article text")
        received.extend(batch)
        return [Stored(a.id, 7, 3, True) for a in batch]

    address = str(tmp_path / "w.sock")
    server = WriterServer(add, address=address, key=b"k" * 32)
    server.start()
    writer = RemoteWriter(address=address, key=b"k" * 32)
    try:
        sent = [
            Article(text="día uno «quoted»", id="a", title="T", date=dt.date(2026, 3, 7), source="S"),
            Article(
                text="two", id="b", date=dt.datetime(2026, 3, 7, 8, 30, tzinfo=dt.UTC), url="https://x.org/b"
            ),
            Article(text="three", id="c"),
        ]
        assert writer.add_articles(sent) == [Stored(i, 7, 3, True) for i in "abc"]
        assert received == sent
        assert isinstance(received[1].date, dt.datetime) and not isinstance(received[0].date, dt.datetime)
        with pytest.raises(BackendError) as raised:
            writer.add_articles([Article(text="x", id="boom")])
        assert "secret" not in str(raised.value)
        # The connection is still good after an error.
        assert writer.add_articles([Article(text="four", id="d")])[0].article_id == "d"
        with pytest.raises(BackendError):
            RemoteWriter(address=address, key=b"wrong" * 8).add_articles([Article(text="x", id="e")])
        assert [a.id for a in received] == ["a", "b", "c", "d"]
    finally:
        writer.close()
        server.close()
    with pytest.raises(BackendError):
        RemoteWriter(address=str(tmp_path / "nobody.sock"), key=b"k").add_articles([Article(text="x")])


def test_snapshot_is_taken_kept_and_never_fails_a_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "store.db")
    migrate(db)
    engine = sa.create_engine(f"sqlite:///{db}")

    def snapshots() -> list[int]:
        with engine.connect() as c:
            return [r[0] for r in c.execute(sa.text("SELECT covered_seq FROM cluster_snapshots"))]

    store = Store(db, snapshot_every=2)
    first = store.add_articles([Article(text=FIRE, id="f1"), Article(text=BUDGET, id="b1")])
    assert snapshots() == [2]  # stored after the write, outside its lock
    if scratch_dir() is not None:
        assert not [p for p in Path(scratch_dir() or "").glob("storyline-snapshot-*") if p.is_dir()]

    def broken(self: LiveClusterer) -> dict[str, bytes]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(LiveClusterer, "snapshot_files", broken)
    more = store.add_articles(
        [Article(text=FIRE.replace("four", "4"), id="f2"), Article(text="x y z", id="z1")]
    )
    assert [s.created for s in more] == [True, True] and more[0].story == first[0].story
    assert snapshots() == [2]  # not taken, and the write was answered
    monkeypatch.undo()
    store.engine.dispose()  # as after a kill: the next start replays articles 3 and 4
    store = Store(db, snapshot_every=2)
    again = store.add_articles([Article(text=FIRE.replace("Saturday", "Saturday night"), id="f3")])
    assert again[0].story == first[0].story
    assert snapshots() == [5]
    store.close()
    engine.dispose()


def test_snapshot_interval_grows_with_the_store(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    migrate(db)
    store = Store(db, snapshot_every=2)
    store.add_articles([Article(text=f"{FIRE} Report {i}.", id=f"f{i}") for i in range(40)])
    assert store._since_snapshot == 0  # a snapshot after 40 new articles (at least 2)
    store.add_articles([Article(text=f"{FIRE} Late {i}.", id=f"g{i}") for i in range(3)])
    assert store._since_snapshot == 3  # 3 < 43 // 10: not yet
    store.add_articles([Article(text=f"{FIRE} Later {i}.", id=f"h{i}") for i in range(2)])
    assert store._since_snapshot == 0
    store.close()


def test_scratch_falls_back_to_the_temporary_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    live = LiveClusterer()
    live.decide([Article(text=FIRE, id="f1")])
    real = LiveClusterer._snapshot_files
    tried: list[str | None] = []

    def full_memory(self: LiveClusterer, where: str | None) -> dict[str, bytes]:
        tried.append(where)
        if where is not None:
            raise OSError(28, "No space left on device")
        return real(self, where)

    monkeypatch.setattr(LiveClusterer, "_snapshot_files", full_memory)
    files = live.snapshot_files()
    assert "state.json" in files
    assert tried == ([scratch_dir(), None] if scratch_dir() is not None else [None])
    assert LiveClusterer.from_files(files, last_seq=1).last_seq == 1


def _feed(n_items: int) -> bytes:
    items = "".join(
        f"<item><guid>feed-{i}</guid><title>Port item {i}</title><description>The port of Kessport "
        f"reopened on Saturday after the storm, harbour official {i} said.</description></item>"
        for i in range(n_items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title>{items}</channel></rss>'.encode()


def test_workers_serve_reads_and_forward_writes(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    n_items = [2]
    feed = {"/feed.xml": lambda: (200, {"Content-Type": "application/rss+xml"}, _feed(n_items[0]))}
    with (
        web_server(feed) as site,
        running_server(db, "--workers", "2", "--allow-host", "127.0.0.1", "--feed-poll", "1") as (
            base,
            process,
        ),
        httpx.Client(base_url=base, timeout=300, trust_env=False) as client,
    ):
        workers = workers_of(process.pid)
        assert len(workers) == 2
        posted = client.post("/api/articles", json=example_articles())
        assert posted.status_code == 200, posted.text
        results = posted.json()["results"]
        assert all(r["created"] for r in results) and posted.json()["n_errors"] == 0
        again = client.post("/api/articles", json=example_articles()).json()["results"]
        assert [(r["story"], r["thread"], r["created"]) for r in again] == [
            (r["story"], r["thread"], False) for r in results
        ]
        story = results[0]["story"]
        report = client.get(f"/api/stories/{story}")
        assert report.status_code == 200 and report.json()["summary"]
        listed = client.get("/api/stories").json()["stories"]
        assert story in [s["id"] for s in listed]
        bad = client.post("/api/articles", json=[{"id": "no-text"}, {"id": "ok", "text": FIRE}]).json()
        assert bad["n_errors"] == 1 and bad["results"][1]["created"] is True
        # A feed registered through a worker is stored by the clustering process, which
        # also polls it (every second here): a new entry arrives without a request.
        registered = client.post("/api/feeds", json={"url": site + "/feed.xml"}).json()
        assert registered["n_new"] == 2
        n_items[0] = 3
        n_stored = len(results) + 1 + 3
        deadline = time.monotonic() + 60
        while client.get("/healthz").json()["articles"] < n_stored and time.monotonic() < deadline:
            time.sleep(0.2)
        assert client.get("/healthz").json()["articles"] == n_stored
        process.terminate()
        assert process.wait(60) == 0
        assert gone(workers, timeout_s=60)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone() == (n_stored,)
        # Stopping wrote a snapshot of everything the clustering process held.
        assert con.execute("SELECT MAX(covered_seq) FROM cluster_snapshots").fetchone() == (n_stored,)


def test_workers_exit_when_the_clustering_process_is_killed(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    with running_server(db, "--workers", "2") as (base, process):
        workers = workers_of(process.pid)
        assert len(workers) == 2
        os.kill(process.pid, signal.SIGKILL)
        process.wait(30)
        # A worker exits within a second, or, if it was still starting (importing, on a
        # loaded machine), as soon as its app is made.
        assert gone(workers, timeout_s=60), "a worker outlived its parent"
        with pytest.raises(httpx.HTTPError):
            httpx.get(base + "/healthz", timeout=2, trust_env=False)


def test_workers_option_is_checked_before_anything_starts() -> None:
    from storyline.cli._serve import _workers

    assert [_workers(v) for v in ("0", "1", "64")] == [0, 1, 64]
    for bad in ("-1", "65", "two"):
        with pytest.raises(argparse.ArgumentTypeError):
            _workers(bad)
