"""The state directory: data only (never a pickle), versioned, locked, resumable from any kill point."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import pickle
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from storyline.cluster import ClusterOptions, _rethread, _state, cluster_articles, read_assignments
from storyline.cluster._online import OnlineClusterer
from storyline.errors import ConfigError
from storyline.model import Article

TOPICS = [
    "flood river marrow rain residents evacuated lune banks storm shelter",
    "election vessa mayor korhaan votes green party council ballot count",
    "mine orsk copper miners trapped tunnel collapse rescuers shaft underground",
    "treaty geneva seabed mining negotiators royalties ratified parliaments talks",
    "vaccine trial hospital patients dose results researchers regulator approval",
]
# Small batches, a small reorder buffer and frequent snapshots, so that a short stream exercises all.
# Re-threading checkpoints every 7 decisions: the threads of a resumed run must match too.
OPTIONS = ClusterOptions(
    embedder="hash", retrieval="sketch", batch_size=4, snapshot_every=5, reorder_buffer=6, rethread_every=7
)


def _stream(n: int, *, start: int = 0, dated: bool = True) -> list[Article]:
    articles = []
    for i in range(start, start + n):
        words = TOPICS[i % len(TOPICS)].split()
        rotated = words[i % 4 :] + words[: i % 4]
        # Dates out of order within a few days, and some undated articles among them.
        date = dt.date(2024, 1, 1) + dt.timedelta(days=(i * 7) % 5 + i // 10) if dated and i % 6 else None
        articles.append(
            Article(text=f"Report {i}: " + " ".join(rotated) + f" update{i}", id=f"a{i}", date=date)
        )
    return articles


def _pairs(assignments: list) -> list[tuple[int | None, int | None]]:  # type: ignore[type-arg]
    return [(a.story, a.thread) for a in assignments]


def _log(state: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (state / "assignments.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("kill_after", [0, 1, 3, 7, 12, 17, 29])
def test_state_resume_from_any_kill_point_gives_the_uninterrupted_result(
    tmp_path: Path, kill_after: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_rethread, "MIN_ARTICLES", 0)  # re-thread this short stream too
    articles = _stream(30)
    uninterrupted = _pairs(list(cluster_articles(articles, options=OPTIONS)))
    online = _pairs(list(cluster_articles(articles, options=replace(OPTIONS, rethread=False))))
    # no story merges on this stream (test_merge.py has them)
    assert [s for s, _ in online] == [s for s, _ in uninterrupted]

    state = tmp_path / "state"
    written = {}
    run = cluster_articles(articles, options=OPTIONS, state_dir=state)
    for assignment in run:  # the run is "killed" after writing some lines
        if len(written) == kill_after:
            break
        written[assignment.article_id] = (assignment.story, assignment.thread)
    run.close()
    logged = {r["id"]: r["story"] for r in _log(state)}
    # whatever was output was logged first (the threads output are re-threading's)
    assert {k: story for k, (story, _) in written.items()}.items() <= logged.items()
    if written:
        assert {k: read_assignments(state)[k] for k in written} == written

    resumed = list(cluster_articles(articles, options=OPTIONS, state_dir=state))
    assert sorted(p.name for p in state.glob("threads-*.npy"))[:2] == [
        "threads-000000000000.npy",
        "threads-000000000007.npy",
    ]
    assert [a.article_id for a in resumed] == [a.id for a in articles]
    assert _pairs(resumed) == uninterrupted  # both levels, the same as without the kill
    assert all(a.resumed for a in resumed if a.article_id in written)


def test_state_holds_no_pickle_only_arrays_and_json(tmp_path: Path) -> None:
    state = tmp_path / "state"
    list(cluster_articles(_stream(12), options=OPTIONS, state_dir=state))
    manifest = json.loads((state / "state.json").read_text())
    assert manifest["format"] == "storyline-cluster-state" and manifest["version"] == 4
    files = sorted(p.name for p in (state / manifest["snapshot"]["name"]).iterdir())
    assert set(files) == set(manifest["snapshot"]["files"])
    assert all(name.endswith((".npy", ".json")) for name in files)
    assert not list(state.rglob("*.pkl"))


def test_state_log_cut_mid_line_is_repaired(tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = list(cluster_articles(_stream(10, dated=False), options=OPTIONS, state_dir=state))
    with (state / "assignments.jsonl").open("a") as fh:
        fh.write('{"id": "a10", "sto')  # killed while writing
    again = list(cluster_articles(_stream(12, dated=False), options=OPTIONS, state_dir=state))
    assert _pairs(again[:10]) == _pairs(first)
    assert all(a.resumed for a in again[:10]) and not any(a.resumed for a in again[10:])
    assert [r["id"] for r in _log(state)] == [f"a{i}" for i in range(12)]


def test_state_later_runs_join_existing_stories(tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = list(cluster_articles(_stream(10, dated=False), options=OPTIONS, state_dir=state))
    second = list(cluster_articles(_stream(10, start=10, dated=False), options=OPTIONS, state_dir=state))
    story_of_topic = {i % len(TOPICS): a.story for i, a in enumerate(first)}
    assert len(set(story_of_topic.values())) == len(TOPICS)
    for i, assignment in enumerate(second, start=10):
        assert assignment.story == story_of_topic[i % len(TOPICS)]
        assert not assignment.resumed


def test_state_new_stories_get_new_numbers_after_a_resume(tmp_path: Path) -> None:
    state = tmp_path / "state"
    list(cluster_articles(_stream(3, dated=False), options=OPTIONS, state_dir=state))
    later = list(cluster_articles(_stream(2, start=3, dated=False), options=OPTIONS, state_dir=state))
    assert [a.story for a in later] == [3, 4]
    assert [a.thread for a in later] == [3, 4]


def _snapshot_files(state: Path) -> dict[str, bytes]:
    return {str(p.relative_to(state)): p.read_bytes() for p in sorted(state.rglob("*")) if p.is_file()}


def test_state_refuses_other_settings_and_changes_nothing(tmp_path: Path) -> None:
    state = tmp_path / "state"
    list(cluster_articles(_stream(3), options=OPTIONS, state_dir=state))
    before = _snapshot_files(state)
    other = ClusterOptions(embedder="hash", retrieval="sketch", threshold=0.6, batch_size=4, reorder_buffer=6)
    with pytest.raises(ConfigError, match="threshold"):
        list(cluster_articles(_stream(3), options=other, state_dir=state))
    assert _snapshot_files(state) == before


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: (d / "state.json").write_text("{not json"), "state.json: unreadable"),
        (lambda d: (d / "state.json").write_text('{"format": "other-tool"}'), "not a storyline state file"),
        (
            lambda d: (d / "state.json").write_text(
                json.dumps({**json.loads((d / "state.json").read_text()), "version": 1})
            ),
            "format version 1",
        ),
        (lambda d: (d / "assignments.jsonl").write_text('{"id": "x"}\n'), "assignments.jsonl: line 1"),
        (lambda d: _corrupt_first_array(d), "checksum mismatch"),
        (
            lambda d: (d / "state.json").write_text(
                json.dumps({**json.loads((d / "state.json").read_text()), "igraph": "0.0.1"})
            ),
            "made with igraph 0.0.1",
        ),
    ],
)
def test_state_corrupt_or_foreign_gets_one_error_naming_the_file(tmp_path: Path, damage, message) -> None:  # type: ignore[no-untyped-def]
    state = tmp_path / "state"
    list(cluster_articles(_stream(12), options=OPTIONS, state_dir=state))
    damage(state)
    before = _snapshot_files(state)
    with pytest.raises(ConfigError, match=message) as info:
        list(cluster_articles(_stream(14), options=OPTIONS, state_dir=state))
    assert str(state) in str(info.value)
    assert "\n" not in str(info.value)
    assert _snapshot_files(state) == before  # nothing overwritten


def _corrupt_first_array(state: Path) -> None:
    manifest = json.loads((state / "state.json").read_text())
    path = state / manifest["snapshot"]["name"] / "doc_freq.npy"
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


class _Boom:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path("/nonexistent-created-by-unpickling").mkdir, ())


def test_state_of_an_older_version_is_refused_and_never_unpickled(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    (state / "snapshot.pkl").write_bytes(pickle.dumps(_Boom()))
    (state / "options.json").write_text("{}")
    before = _snapshot_files(state)
    with pytest.raises(ConfigError, match="older storyline"):
        list(cluster_articles(_stream(3), options=OPTIONS, state_dir=state))
    assert _snapshot_files(state) == before
    assert not Path("/nonexistent-created-by-unpickling").exists()


def test_state_refuses_a_directory_of_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ConfigError, match="not a storyline state directory"):
        list(cluster_articles(_stream(3), options=OPTIONS, state_dir=tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_state_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(ConfigError, match="not a directory"):
        list(cluster_articles(_stream(3), options=OPTIONS, state_dir=tmp_path / "f"))


def test_state_is_locked_against_a_concurrent_run(tmp_path: Path) -> None:
    state = tmp_path / "state"
    list(cluster_articles(_stream(3), options=OPTIONS, state_dir=state))
    with (state / "lock").open("ab") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(ConfigError, match="in use by another storyline run"):
            list(cluster_articles(_stream(5), options=OPTIONS, state_dir=state))
    assert len(list(cluster_articles(_stream(5), options=OPTIONS, state_dir=state))) == 5  # released


def test_state_hnsw_index_is_rebuilt_identically(resumed_after_kill: Callable[..., object]) -> None:
    options = ClusterOptions(
        embedder="hash", retrieval="sketch", batch_size=4, snapshot_every=4, exact_limit=6, reorder_buffer=6
    )
    articles = _stream(24)
    uninterrupted = _pairs(list(cluster_articles(articles, options=options)))
    assert resumed_after_kill(articles, options, 16) == uninterrupted


def test_state_resume_with_the_default_retrieval_gives_the_uninterrupted_result(
    resumed_after_kill: Callable[..., object],
) -> None:
    """retrieval="postings" (the default) keeps no faiss index: the inverted index is the state."""
    options = ClusterOptions(embedder="hash", batch_size=4, snapshot_every=5, reorder_buffer=6)
    articles = _stream(30)
    uninterrupted = _pairs(list(cluster_articles(articles, options=options)))
    assert resumed_after_kill(articles, options, 14) == uninterrupted


def test_state_killed_while_re_threading_resumes_to_the_uninterrupted_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kill inside a checkpoint (after its decisions were logged, before its record): the
    resumed run must reach that checkpoint again, not skip it (snapshots come after it)."""
    monkeypatch.setattr(_rethread, "MIN_ARTICLES", 0)
    options = replace(OPTIONS, snapshot_every=7)  # a snapshot falls on each checkpoint
    articles = _stream(30)
    uninterrupted = _pairs(list(cluster_articles(articles, options=options)))
    calls = {"n": 0}
    real = _rethread.rethread

    def killed_on_the_second_checkpoint(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    state = tmp_path / "state"
    with monkeypatch.context() as patch:
        patch.setattr("storyline.cluster._online.rethread", killed_on_the_second_checkpoint)
        with pytest.raises(KeyboardInterrupt):
            list(cluster_articles(articles, options=options, state_dir=state))
    assert calls["n"] == 2
    assert _pairs(list(cluster_articles(articles, options=options, state_dir=state))) == uninterrupted


def test_state_killed_then_resumed_on_other_input_keeps_output_and_records_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Decisions logged after the last snapshot that the next input does not replay must not
    shift which record belongs to which article."""
    monkeypatch.setattr(_rethread, "MIN_ARTICLES", 0)
    articles = _stream(60)
    state = tmp_path / "state"
    run = cluster_articles(articles[:30], options=OPTIONS, state_dir=state)
    for i, _ in enumerate(run):
        if i == 8:
            break
    run.close()
    second = list(cluster_articles(articles[30:50], options=OPTIONS, state_dir=state))
    recorded = read_assignments(state)
    assert all((a.story, a.thread) == recorded[a.article_id] for a in second)
    again = list(cluster_articles(articles[30:50], options=OPTIONS, state_dir=state))
    assert _pairs(again) == _pairs(second)


@pytest.mark.parametrize(
    ("array", "change", "message"),
    [
        ("vectors_similarities", lambda a: -a, "cosines"),
        ("vectors_weights", lambda a: a * np.float16("inf"), "finite"),
        ("vectors_neighbours", lambda a: a + 100, "earlier article"),
        ("vectors_offsets", lambda a: a[::-1], "offsets"),
    ],
)
def test_state_with_edited_re_threading_arrays_gets_one_error(  # type: ignore[no-untyped-def]
    tmp_path: Path, array: str, change, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_rethread, "MIN_ARTICLES", 0)  # so that articles are linked
    state = tmp_path / "state"
    list(cluster_articles(_stream(12), options=OPTIONS, state_dir=state))
    manifest = json.loads((state / "state.json").read_text())
    folder = state / manifest["snapshot"]["name"]
    edited = change(np.load(folder / f"{array}.npy"))
    np.save(folder / f"{array}.npy", edited)
    digest = hashlib.sha256((folder / f"{array}.npy").read_bytes()).hexdigest()
    manifest["snapshot"]["files"][f"{array}.npy"] = digest  # edited by hand, checksum and all
    (state / "state.json").write_text(json.dumps(manifest))
    with pytest.raises(ConfigError, match=message) as info:
        list(cluster_articles(_stream(14), options=OPTIONS, state_dir=state))
    assert "\n" not in str(info.value)


EVENT_TOPICS = [
    "flood river marrow rain residents",
    "election vessa mayor korhaan votes",
    "mine orsk copper miners tunnel",
]
EVENT_WORDS = [
    "alpha bravo charlie delta echo",
    "foxtrot golf hotel india juliet",
    "kilo lima mike november oscar",
    "papa quebec romeo sierra tango",
    "uniform victor whiskey xray yankee",
    "zulu amber basil cedar dune",
]


def _events(n: int = 72) -> list[Article]:
    """Three topics, each with a new event every 40 days (words shared within an event)."""
    articles = []
    for i in range(n):
        topic, event = i % 3, (i // 12) % 6
        words = (
            EVENT_TOPICS[topic].split()[: 3 + i % 3] + EVENT_WORDS[(event + 2 * topic) % 6].split()[i % 2 :]
        )
        date = dt.date(2024, 1, 1) + dt.timedelta(days=40 * event + i % 3)
        articles.append(Article(text=" ".join([*words, f"filler{i}", f"misc{i % 7}"]), id=f"b{i}", date=date))
    return articles


@pytest.mark.parametrize("snapshot_every", [5, 1000])
@pytest.mark.parametrize("kill_after", [12, 29, 62, 68, None])
def test_state_resume_with_loose_threads_split_at_every_checkpoint(
    tmp_path: Path, kill_after: int | None, snapshot_every: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-threading's chosen grouping forced to one thread of everything, which the
    loose-thread split then cuts at every checkpoint: the numbers split-off threads take are
    reserved in the memory, which a snapshot saves only later. A run killed anywhere (or run
    again whole: `None`) resumes to the uninterrupted output, also when snapshots are rarer
    than checkpoints (a replay passes checkpoints already recorded)."""
    monkeypatch.setattr(_rethread, "MIN_ARTICLES", 0)
    monkeypatch.setattr(_rethread, "LOOSE_COHESION", 0.9)
    real_groupings, real_split = _rethread.groupings, _rethread.split_loose
    splits: list[int] = []

    def everything(vectors, stories, online, score, **kwargs):  # type: ignore[no-untyped-def]
        found = real_groupings(vectors, stories, online, score, **kwargs)
        return [*found, ("everything", np.zeros(len(online), np.int64), np.inf)]

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real_split(*args, **kwargs)
        splits.append(result[1])
        return result

    monkeypatch.setattr(_rethread, "groupings", everything)
    monkeypatch.setattr(_rethread, "split_loose", counted)
    # every silhouette 0: "everything" is not held to fit the online threads as well
    monkeypatch.setattr(_rethread, "sampled_silhouettes", lambda similar, own, *rest: np.zeros(len(own)))
    options = replace(OPTIONS, snapshot_every=snapshot_every)
    articles = _events()
    uninterrupted = _pairs(list(cluster_articles(articles, options=options)))
    assert sum(splits) > 0
    state = tmp_path / "state"
    run = cluster_articles(articles, options=options, state_dir=state)
    for written, _ in enumerate(run, start=1):
        if written == kill_after:
            break
    run.close()
    assert _pairs(list(cluster_articles(articles, options=options, state_dir=state))) == uninterrupted


@pytest.mark.parametrize("kill_after", [3, 12, 21])
def test_state_resume_across_a_story_span_gives_the_uninterrupted_result(
    tmp_path: Path, kill_after: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a 1-day span, stories of this week-long stream (each topic told over 2 days) close and reopen as new stories of
    their threads while the run goes on; a run killed and resumed makes the same ones."""
    monkeypatch.setattr(_rethread, "MIN_ARTICLES", 0)
    articles = _stream(30)
    options = replace(OPTIONS, story_span_days=1)
    uninterrupted = _pairs(list(cluster_articles(articles, options=options)))
    unbounded = _pairs(list(cluster_articles(articles, options=replace(options, story_span_days=1000))))
    assert len({s for s, _ in uninterrupted}) > len({s for s, _ in unbounded})  # the span splits stories
    state = tmp_path / "state"
    run = cluster_articles(articles, options=options, state_dir=state)
    for n, _assignment in enumerate(run):
        if n == kill_after:
            break
    run.close()
    assert _pairs(list(cluster_articles(articles, options=options, state_dir=state))) == uninterrupted


def test_a_state_made_before_the_dated_merge_setting_resumes_as_it_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A state written before `story_merge_dated` existed has no such setting: it merged
    dated stories at `story_merge`. It resumes with that value, and the error for any
    other names both values."""
    monkeypatch.setattr(_rethread, "MIN_ARTICLES", 0)
    old = replace(OPTIONS, story_merge_dated=OPTIONS.story_merge)
    articles = _stream(30)
    expected = _pairs(list(cluster_articles(articles, options=old)))
    state = tmp_path / "state"
    run = cluster_articles(articles, options=old, state_dir=state)
    for done, _assignment in enumerate(run):
        if done >= 11:
            break
    run.close()
    manifest = json.loads((state / "state.json").read_text())
    del manifest["options"]["story_merge_dated"]
    (state / "state.json").write_text(json.dumps(manifest))
    before = _snapshot_files(state)
    with pytest.raises(ConfigError, match=r"story_merge_dated: 0\.2 there, 0\.12 now"):
        list(cluster_articles(articles, options=OPTIONS, state_dir=state))
    assert _snapshot_files(state) == before
    assert _pairs(list(cluster_articles(articles, options=old, state_dir=state))) == expected


def test_with_merging_off_the_dated_merge_setting_is_not_asked_of_a_state(tmp_path: Path) -> None:
    off = replace(OPTIONS, story_merge=0.0)
    state = tmp_path / "state"
    list(cluster_articles(_stream(12), options=off, state_dir=state))
    manifest = json.loads((state / "state.json").read_text())
    del manifest["options"]["story_merge_dated"]
    (state / "state.json").write_text(json.dumps(manifest))
    assert len(list(cluster_articles(_stream(14), options=off, state_dir=state))) == 14


class _Killed(Exception):
    """Stands for a kill: nothing after it runs."""


def _records_store(directory: Path) -> _state.StateStore:
    store = _state.StateStore(directory, OnlineClusterer(OPTIONS))
    directory.mkdir(exist_ok=True)
    for kind in _state.RECORDS:
        for start in (0, 4, 8):
            store._write_record(kind, start, np.arange(start, start + 4) * 10, final=False)
        store._write_record(kind, 12, np.arange(3), final=True)
    return store


def _cut_killed_at(store: _state.StateStore, kill_at: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run `truncate_records(6)`, killed before its file operation number `kill_at`; how many ran."""
    real_replace, real_unlink = os.replace, Path.unlink
    done = 0

    def counted(real: Callable[..., None]) -> Callable[..., None]:
        def operation(*args: object, **kwargs: object) -> None:
            nonlocal done
            if done == kill_at:
                raise _Killed
            done += 1
            real(*args, **kwargs)

        return operation

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", counted(real_replace))
        patched.setattr(Path, "unlink", counted(real_unlink))
        with contextlib.suppress(_Killed):
            store.truncate_records(6)
    return done


def test_records_cut_back_stay_readable_wherever_a_kill_stops_the_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A resumed run that goes another way cuts the checkpoints' records back
    (`truncate_records`); a kill between two of its file operations must leave a state the
    next run reads and cuts again, never a gap that refuses it."""
    whole = np.arange(12) * 10
    for kill_at in range(12):
        store = _records_store(tmp_path / f"state{kill_at}")
        done = _cut_killed_at(store, kill_at, monkeypatch)
        stories, threads = store.recorded()  # raises on a gap
        assert len(stories) == len(threads) >= 6
        assert list(stories) == list(threads) == list(whole[: len(stories)])
        store.truncate_records(6)
        stories, threads = store.recorded()
        assert list(stories) == list(threads) == list(whole[:6])
        assert store.recorded_final() is None
    assert done < kill_at  # the last case ran the cut to its end: every kill point was tried
