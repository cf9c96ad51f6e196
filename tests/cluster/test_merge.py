"""Story merging at re-threading checkpoints (`_merge.py`): stories the online pass split
are joined; nothing crosses a thread, a gap of days, or a story number already output."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from storyline.cluster import ClusterOptions, _merge, _rethread, bcubed, cluster_articles, read_assignments
from storyline.errors import ConfigError
from storyline.model import Article

EVENTS = {
    "flood": "flood river marrow rain residents evacuated lune banks storm shelter sandbags levee",
    "mine": "mine orsk copper miners trapped tunnel collapse rescuers shaft underground oxygen drill",
    "vote": "election vessa mayor korhaan votes green party council ballot count turnout recount",
}
FILLER = "said officials monday tuesday report added according people local statement news week".split()
# Re-thread (and merge) every 7 decisions, so that merges meet stories already output.
OPTIONS = ClusterOptions(
    embedder="hash", retrieval="sketch", batch_size=4, snapshot_every=5, reorder_buffer=6, rethread_every=7
)
SPLITTING = replace(OPTIONS, threshold=0.8)
"""An online threshold so strict that the online pass opens a second story for an event."""


@pytest.fixture(autouse=True)
def _rethread_short_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_rethread, "MIN_ARTICLES", 0)


def _stream(n: int, *, seed: int = 0, day: int | None = None) -> tuple[list[Article], list[str]]:
    """Reports of three events, each drawn from its event's words and a few common ones."""
    rnd = random.Random(seed)
    articles, events = [], []
    for i in range(n):
        event = list(EVENTS)[i % len(EVENTS)]
        text = " ".join(rnd.sample(EVENTS[event].split(), 7) + rnd.sample(FILLER, 4))
        date = None if day is None else dt.date(2024, 1, 1) + dt.timedelta(days=day)
        articles.append(Article(id=f"a{seed}-{i}", text=f"Report {i}. {text}.", date=date))
        events.append(event)
    return articles, events


def test_stories_the_online_pass_split_are_joined_at_a_checkpoint() -> None:
    articles, events = _stream(30)
    online = list(cluster_articles(articles, options=replace(SPLITTING, story_merge=0.0)))
    merged = list(cluster_articles(articles, options=SPLITTING))
    split = bcubed([a.story for a in online], events)
    assert split.precision == 1.0 and split.recall < 0.9  # one event in two stories
    joined = bcubed([a.story for a in merged], events)
    assert joined.precision == 1.0 and joined.recall == 1.0
    # a merged story keeps the number of its first story; threads are not touched
    assert {a.story for a in merged} < {a.story for a in online}
    assert [a.thread for a in merged] == [a.thread for a in online]


def test_a_merged_story_stays_inside_one_thread_and_the_state_reads_back_the_output(tmp_path: Path) -> None:
    articles, _ = _stream(45, seed=3)
    state = tmp_path / "state"
    out = list(cluster_articles(articles, options=replace(SPLITTING, threshold=0.9), state_dir=state))
    threads: dict[int | None, set[int | None]] = {}
    for a in out:
        threads.setdefault(a.story, set()).add(a.thread)
    assert all(len(t) == 1 for t in threads.values())
    assert read_assignments(state) == {a.article_id: (a.story, a.thread) for a in out}


def test_reports_days_apart_stay_two_stories_though_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three events' words on day 0 and again on day 9: past the online window (7 days),
    within a story's span (10), so only the gap keeps the two days' stories apart
    (`_merge.MAX_GAP_DAYS`); the same day's split stories are joined."""
    first, events = _stream(12, seed=4, day=0)
    later, _ = _stream(12, seed=14, day=9)
    articles = first + later
    strict = replace(SPLITTING, threshold=0.9)

    def stories(options: ClusterOptions) -> dict[str, int | None]:
        return {a.article_id: a.story for a in cluster_articles(articles, options=options)}

    online, merged = stories(replace(strict, story_merge=0.0)), stories(strict)
    assert not {merged[a.id] for a in first} & {merged[a.id] for a in later}
    assert bcubed([online[a.id] for a in first], events).recall < 1.0
    assert bcubed([merged[a.id] for a in first], events).recall == 1.0
    monkeypatch.setattr(_merge, "MAX_GAP_DAYS", 100)  # the span alone would join them
    no_gap = stories(strict)
    assert {no_gap[a.id] for a in first} & {no_gap[a.id] for a in later}


@pytest.mark.parametrize("kill_after", [0, 5, 9, 16, 23, 29])
def test_a_run_resumed_from_any_kill_point_merges_as_an_uninterrupted_one(
    tmp_path: Path, resumed_after_kill: Callable[..., object], kill_after: int
) -> None:
    articles, _ = _stream(30)
    uninterrupted = [(a.story, a.thread) for a in cluster_articles(articles, options=SPLITTING)]
    online = [
        (a.story, a.thread) for a in cluster_articles(articles, options=replace(SPLITTING, story_merge=0.0))
    ]
    assert uninterrupted != online  # merging happened
    assert resumed_after_kill(articles, SPLITTING, kill_after) == uninterrupted
    assert sorted(p.name for p in (tmp_path / "state").glob("stories-*.npy"))[:2] == [
        "stories-000000000000.npy",
        "stories-000000000007.npy",
    ]


def test_a_checkpoint_killed_between_its_two_records_is_passed_again(tmp_path: Path) -> None:
    articles, _ = _stream(30)
    state = tmp_path / "state"
    expected = [(a.story, a.thread) for a in cluster_articles(articles, options=SPLITTING, state_dir=state)]
    (state / "threads-000000000014.npy").unlink()  # its stories record stays, as after a kill
    for later in state.glob("*-0000000000[2-9]*.npy"):
        later.unlink()
    (state / "stories-final.npy").unlink()
    resumed = [(a.story, a.thread) for a in cluster_articles(articles, options=SPLITTING, state_dir=state)]
    assert resumed == expected


def test_story_merge_must_be_a_cosine() -> None:
    with pytest.raises(ConfigError, match="story_merge"):
        ClusterOptions(story_merge=1.5)
    with pytest.raises(ConfigError, match="story_merge"):
        ClusterOptions(story_merge=-0.1)


class _TwoArticles:
    """Re-threading's article vectors as `merge_stories` reads them: article 1's nearest
    earlier article is article 0."""

    first = 0
    neighbours = np.array([[-1], [0]], np.int64)

    def __len__(self) -> int:
        return 2

    def link(self) -> None:
        pass


@pytest.mark.parametrize(
    ("days", "merged"),
    [
        (((-1, -1), (-1, -1)), False),  # undated: the words alone must reach 0.2
        (((3, 3), (-1, -1)), False),  # one dated, one not: as undated
        (((3, 3), (4, 4)), True),  # a day apart: 0.15 reaches the dated threshold
        (((3, 3), (9, 9)), False),  # six days apart: never, whatever the words
    ],
)
def test_dated_stories_a_day_apart_merge_on_less_alike_words(
    days: tuple[tuple[int, int], tuple[int, int]], merged: bool
) -> None:
    cosine = 0.15  # between the dated threshold (0.12) and the undated one (0.2)
    vectors = [
        (np.array([0], np.int64), np.array([1.0])),
        (np.array([0, 1], np.int64), np.array([cosine, (1 - cosine**2) ** 0.5])),
    ]
    options = ClusterOptions()
    assert options.story_merge_dated < cosine < options.story_merge
    output, threads = _merge.merge_stories(
        vectors.__getitem__,
        np.array([1, 1], np.int64),
        np.array([d[0] for d in days], np.int64),
        np.array([d[1] for d in days], np.int64),
        _TwoArticles(),  # type: ignore[arg-type]
        np.array([0, 1], np.int64),
        np.array([5, 5], np.int64),
        np.array([-1, -1], np.int64),
        threshold=options.story_merge,
        dated_threshold=options.story_merge_dated,
        span_days=options.story_span_days,
        n_features=4,
    )
    assert output.tolist() == ([0, 0] if merged else [0, 1])
    assert threads.tolist() == [5, 5]


def test_story_merge_dated_must_be_a_cosine_above_0() -> None:
    for bad in (0.0, -0.1, 1.5):
        with pytest.raises(ConfigError, match="story_merge_dated"):
            ClusterOptions(story_merge_dated=bad)
