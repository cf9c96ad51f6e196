"""`_merge.merge_stories` against the rule it implements, written the slow way.

The rule: among candidate pairs (two groups joined by a neighbour link, of one thread),
merge the pair with the highest mean cosine (ties: the lower group numbers) that reaches
its threshold (the dated one when both groups have dated reports) and fits in time (a gap
of at most `MAX_GAP_DAYS`, a span of at most `span_days`) and is not two groups already
output; recompute everything; repeat. The shipped code keeps a heap, pre-filters pairs and
recomputes only a merged group's neighbours, so it must give the same merges on every case:
random ones with exact ties (small integer vectors), undated and partly dated stories,
stories already output, large day numbers, and a dated threshold above or below the other.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from storyline.cluster import _merge

IntArray = npt.NDArray[np.int64]


class _Vectors:
    """What `merge_stories` reads of re-threading's article vectors: the window's first
    article and each window article's nearest earlier ones (-1: none)."""

    def __init__(self, n: int, first: int, neighbours: IntArray) -> None:
        self.first, self.neighbours, self._n = first, neighbours, n

    def __len__(self) -> int:
        return self._n

    def link(self) -> None:
        pass


def _slow_merge(
    sums: npt.NDArray[np.float64],
    counts: IntArray,
    first_day: IntArray,
    last_day: IntArray,
    links: set[tuple[int, int]],
    thread: IntArray,
    previous: IntArray,
    threshold: float,
    dated_threshold: float,
    span_days: float,
) -> IntArray:
    output = np.where(previous >= 0, previous, np.arange(len(thread)))
    pairs = {
        (min(output[a], output[b]), max(output[a], output[b]))
        for a, b in links
        if output[a] != output[b] and thread[output[a]] == thread[output[b]]
    }
    groups = sorted({g for pair in pairs for g in pair})
    row = {g: k for k, g in enumerate(groups)}
    members = [[s for s in range(len(thread)) if output[s] == g] for g in groups]
    live = set(range(len(groups)))
    edges = {(row[a], row[b]) for a, b in pairs}

    def state(k: int) -> tuple[npt.NDArray[np.float64], int, list[int], bool, int]:
        ms = members[k]
        days = [s for s in ms if first_day[s] >= 0]
        lo = min((int(first_day[s]) for s in days), default=-1)
        hi = max((int(last_day[s]) for s in days), default=-1)
        return (
            sum(sums[s] for s in ms),
            int(sum(counts[s] for s in ms)),
            [lo, hi],
            bool(days),
            int(any(previous[s] >= 0 for s in ms)),
        )

    number = {k: g for k, g in enumerate(groups)}
    while True:
        best = None
        for i, j in edges:
            if i not in live or j not in live:
                continue
            (vi, ni, (lo_i, hi_i), dated_i, out_i), (vj, nj, (lo_j, hi_j), dated_j, out_j) = (
                state(i),
                state(j),
            )
            mean = float(vi @ vj) / (ni * nj)
            if mean < (dated_threshold if dated_i and dated_j else threshold) or (out_i and out_j):
                continue
            if dated_i and dated_j:
                gap = max(lo_i, lo_j) - min(hi_i, hi_j)
                if gap > _merge.MAX_GAP_DAYS or max(hi_i, hi_j) - min(lo_i, lo_j) > span_days:
                    continue
            if best is None or (-mean, i, j) < best:
                best = (-mean, i, j)
        if best is None:
            break
        _, i, j = best
        out_i, out_j = state(i)[4], state(j)[4]
        number[i] = number[i] if out_i else number[j] if out_j else min(number[i], number[j])
        members[i] += members[j]
        live.discard(j)
        edges = {
            (min(i if a == j else a, i if b == j else b), max(i if a == j else a, i if b == j else b))
            for a, b in edges
        }
        edges = {e for e in edges if e[0] != e[1]}
    result = output.copy()
    for k in live:
        result[members[k]] = number[k]
    return result


def _case(seed: int) -> tuple[IntArray, IntArray, IntArray]:
    rng = np.random.default_rng(seed)
    n_stories, n_features = int(rng.integers(2, 16)), int(rng.integers(2, 7))
    n_articles = int(rng.integers(n_stories, 45))
    story_of = np.concatenate([np.arange(n_stories), rng.integers(0, n_stories, n_articles - n_stories)])
    rng.shuffle(story_of)
    ties = rng.random() < 0.5
    if ties:  # small integers: every mean is exact, so equal means are real ties
        vectors = rng.integers(0, 3, (n_articles, n_features)).astype(np.float64)
        vectors[:, 0] += 1
    else:
        vectors = rng.random((n_articles, n_features)) * (rng.random((n_articles, n_features)) < 0.5)
        vectors[:, 0] += 0.01
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    sums = np.zeros((n_stories, n_features))
    np.add.at(sums, story_of, vectors)
    counts = np.bincount(story_of, minlength=n_stories).astype(np.int64)
    days = int(rng.choice([0, 738_000, 2**40])) + rng.integers(0, int(rng.choice([3, 6, 15])), n_articles)
    undated = int(rng.integers(0, 3))
    if undated == 1:  # some articles undated
        days[rng.random(n_articles) < 0.5] = -1
    elif undated == 2:  # some stories undated
        days[(rng.random(n_stories) < 0.5)[story_of]] = -1
    first_day, last_day = np.full(n_stories, -1, np.int64), np.full(n_stories, -1, np.int64)
    for article, story in enumerate(story_of):
        if days[article] >= 0:
            first_day[story] = days[article] if first_day[story] < 0 else min(first_day[story], days[article])
            last_day[story] = max(last_day[story], days[article])
    k = int(rng.integers(1, 4))
    first = int(rng.integers(0, n_articles // 2 + 1)) if rng.random() < 0.5 else 0
    neighbours = np.full((n_articles - first, k), -1, np.int64)
    for article in range(max(first, 1), n_articles):
        near = rng.choice(article, size=min(k, article), replace=False)
        neighbours[article - first, : len(near)] = near
    thread = rng.integers(0, int(rng.choice([1, 2, 3])), n_stories).astype(np.int64)
    previous = np.full(n_stories, -1, np.int64)
    if rng.random() < 0.6:  # some stories already output, a few as one
        out = np.flatnonzero(rng.random(n_stories) < float(rng.choice([0.2, 0.5])))
        previous[out] = out
        for s in out:
            same = [t for t in out if t < s and thread[t] == thread[s] and previous[t] == t]
            if same and rng.random() < 0.3:
                previous[s] = same[0]
    if ties:
        threshold, dated_threshold = float(rng.choice([1, 2, 3])), float(rng.choice([0.5, 1, 2, 4]))
    else:
        threshold, dated_threshold = (
            float(rng.choice([0.2, 0.3, 0.5])),
            float(rng.choice([0.05, 0.12, 0.3, 0.6])),
        )
    span = float(rng.choice([0, 1, 3, 10]))

    def terms(story: int) -> tuple[IntArray, npt.NDArray[np.float64]]:
        ids = np.flatnonzero(sums[story]).astype(np.int64)
        return ids, sums[story][ids]

    got, _ = _merge.merge_stories(
        terms,
        counts,
        first_day,
        last_day,
        _Vectors(n_articles, first, neighbours),  # type: ignore[arg-type]
        story_of.astype(np.int64),
        thread,
        previous,
        threshold=threshold,
        dated_threshold=dated_threshold,
        span_days=span,
        n_features=n_features,
    )
    links = {
        (int(story_of[a]), int(story_of[b]))
        for a in range(first, n_articles)
        for b in neighbours[a - first].tolist()
        if b >= 0
    }
    expected = _slow_merge(
        sums, counts, first_day, last_day, links, thread, previous, threshold, dated_threshold, span
    )
    return got, expected, np.where(previous >= 0, previous, np.arange(n_stories))


@pytest.mark.parametrize("block", range(4))
def test_merges_are_the_greedy_rule_computed_the_slow_way(block: int) -> None:
    merged = 0
    for seed in range(block * 75, (block + 1) * 75):
        got, expected, before = _case(seed)
        assert got.tolist() == expected.tolist(), seed
        merged += int((got != before).sum())
    assert merged > 50  # the cases do merge
