"""Shared by the clusterer's tests: a run stopped part way and resumed on its state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from storyline.cluster import ClusterOptions, cluster_articles
from storyline.model import Article

Resume = Callable[[Sequence[Article], ClusterOptions, int], list[tuple[int | None, int | None]]]


@pytest.fixture
def resumed_after_kill(tmp_path: Path) -> Resume:
    """`resume(articles, options, kill_after)`: run `cluster_articles` with the state
    directory `tmp_path / "state"`, stop it once it has output `kill_after` lines (at
    least one), then give each article's (story, thread) from a second run on that state."""

    def resume(
        articles: Sequence[Article], options: ClusterOptions, kill_after: int
    ) -> list[tuple[int | None, int | None]]:
        state = tmp_path / "state"
        run = cluster_articles(articles, options=options, state_dir=state)
        for done, _assignment in enumerate(run, 1):
            if done >= kill_after:
                break
        run.close()
        return [(a.story, a.thread) for a in cluster_articles(articles, options=options, state_dir=state)]

    return resume
