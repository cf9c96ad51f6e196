"""Incremental runs and resuming a killed run from the state directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cluster import ClusterOptions, cluster_articles
from storyline.errors import ConfigError
from storyline.model import Article

TOPICS = [
    "flood river marrow rain residents evacuated lune banks storm shelter",
    "election vessa mayor korhaan votes green party council ballot count",
    "mine orsk copper miners trapped tunnel collapse rescuers shaft underground",
    "treaty geneva seabed mining negotiators royalties ratified parliaments talks",
    "vaccine trial hospital patients dose results researchers regulator approval",
]
# Small batches and frequent snapshots, so that a short stream exercises both.
OPTIONS = ClusterOptions(embedder="hash", threshold=0.1, batch_size=4, snapshot_every=5)


def _stream(n: int, *, start: int = 0) -> list[Article]:
    articles = []
    for i in range(start, start + n):
        words = TOPICS[i % len(TOPICS)].split()
        rotated = words[i % 4 :] + words[: i % 4]
        articles.append(Article(text=f"Report {i}: " + " ".join(rotated) + f" update{i}", id=f"a{i}"))
    return articles


def _log(state: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (state / "assignments.jsonl").read_text().splitlines()]


def test_state_resume_after_a_kill_loses_no_written_assignment(tmp_path: Path) -> None:
    articles = _stream(30)
    uninterrupted = [a.story for a in cluster_articles(articles, options=OPTIONS)]

    state = tmp_path / "state"
    written = {}
    run = cluster_articles(articles, options=OPTIONS, state_dir=state)
    for assignment in run:  # the run is "killed" after writing 17 lines
        written[assignment.article_id] = assignment.story
        if len(written) == 17:
            break
    run.close()
    assert (state / "snapshot.pkl").exists()
    logged = {r["id"]: r["story"] for r in _log(state)}
    assert written.items() <= logged.items()

    resumed = list(cluster_articles(articles, options=OPTIONS, state_dir=state))
    assert [a.article_id for a in resumed] == [a.id for a in articles]
    for assignment in resumed:
        if assignment.article_id in written:
            assert assignment.resumed
            assert assignment.story == written[assignment.article_id]
    # Replaying the logged tail rebuilt exactly the memory of an uninterrupted run.
    assert [a.story for a in resumed] == uninterrupted


def test_state_log_cut_mid_line_is_repaired(tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = list(cluster_articles(_stream(10), options=OPTIONS, state_dir=state))
    with (state / "assignments.jsonl").open("a") as fh:
        fh.write('{"id": "a10", "sto')  # killed while writing
    again = list(cluster_articles(_stream(12), options=OPTIONS, state_dir=state))
    assert [a.story for a in again[:10]] == [a.story for a in first]
    assert all(a.resumed for a in again[:10]) and not any(a.resumed for a in again[10:])
    assert [r["id"] for r in _log(state)] == [f"a{i}" for i in range(12)]


def test_state_later_runs_join_existing_stories(tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = list(cluster_articles(_stream(10), options=OPTIONS, state_dir=state))
    second = list(cluster_articles(_stream(10, start=10), options=OPTIONS, state_dir=state))
    story_of_topic = {i % len(TOPICS): a.story for i, a in enumerate(first)}
    assert len(set(story_of_topic.values())) == len(TOPICS)
    for i, assignment in enumerate(second, start=10):
        assert assignment.story == story_of_topic[i % len(TOPICS)]
        assert not assignment.resumed


def test_state_new_stories_get_new_numbers_after_a_resume(tmp_path: Path) -> None:
    state = tmp_path / "state"
    list(cluster_articles(_stream(3), options=OPTIONS, state_dir=state))
    later = list(cluster_articles(_stream(2, start=3), options=OPTIONS, state_dir=state))
    assert [a.story for a in later] == [3, 4]


def test_state_refuses_other_settings(tmp_path: Path) -> None:
    state = tmp_path / "state"
    list(cluster_articles(_stream(3), options=OPTIONS, state_dir=state))
    other = ClusterOptions(embedder="hash", threshold=0.5)
    with pytest.raises(ConfigError, match="threshold"):
        list(cluster_articles(_stream(3), options=other, state_dir=state))
