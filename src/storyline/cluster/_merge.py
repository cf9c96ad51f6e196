"""Story merging: at each re-threading checkpoint, join stories the online pass split.

The online pass decides each article once, against the stories as they stand: when the
first reports of an event land in two stories (the second came before anything tied it to
the first), the two stay apart, however close their later articles are. At a checkpoint
every story of the window is known whole, so two stories of one thread can be compared
as groups: average linkage (Sokal and Michener 1958) on the lead TF-IDF vectors the online
pass weighed, the mean cosine over every pair of their articles. A story table keeps each
story's summed lead vector (`_online.Table.terms`, its 2,000 heaviest terms), so the mean
over all pairs is one dot product of two sums over the product of the sizes, for stories
of any size, and merging two groups adds their sums (no size cap, unlike communities of a
k-nearest-neighbour graph: docs/benchmarks.md, "Stories regrouped at a checkpoint").

- **Candidates** are story pairs joined by an edge of the re-threading graph (each
  article's nearest earlier articles, `_rethread.ArticleVectors`): the cost grows with the
  window's articles, not with the square of its stories. When two groups merge, the new
  group's mean to each neighbour of either is recomputed from the sums.
- **Merges**, most similar first, while the mean cosine reaches `threshold`, or
  `dated_threshold` for two stories that both have dated reports, and only
  - between stories of one thread (after re-threading): a story stays inside its thread;
  - when the two touch in time: one starts at most `MAX_GAP_DAYS` after the other's last
    dated report (the online pass splits an event while it is being reported; two stories
    of one thread days apart are two events of its topic), and the merged story spans at
    most `span_days` from its first dated report to its last;
  - when at most one of the two has articles already output (fixed at an earlier
    checkpoint): within a run an output story number never changes, so that one's number
    is kept, and two stories already output stay two. The numbers a run writes after its
    last checkpoint are its end's; a later run on the same state regroups those articles
    with what it adds, as one run of the whole stream would (as re-threading does).
- Otherwise a merged story takes the smallest number of its stories (its first).

Two dated stories that touch in time have evidence beyond their words: a thread's reports
a day apart or less. So they join at a lower mean cosine (`dated_threshold`, 0.12) than
two undated ones (`threshold`, 0.2, where only the words tell). On the three tuning sets
with dates (a train stream given dates, the dev parts of the DUC and Entities story gold)
0.12 was the best of 0.08-0.2 on each (docs/benchmarks.md).

Everything is computed from the state and the earlier checkpoints' records, in a fixed
order, so a resumed run merges as an uninterrupted one did.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from storyline.cluster._rethread import ArticleVectors

IntArray = npt.NDArray[np.int64]
Row = tuple[npt.NDArray[np.int64], npt.NDArray[np.floating]]

UNDATED = -1
MAX_GAP_DAYS = 1
"""Two dated stories merge only when one starts at most this many days after the other
ends. On the DUC story gold (dev part) with merging at 0.2, B-cubed F1 0.9273 with no
limit, 0.9339 / 0.9393 / 0.9371 / 0.9345 at 0 / 1 / 2 / 3 days, against 0.9308 unmerged;
hard different-story pairs joined 49 with no limit, 39 at 1 day, 35 unmerged
(docs/benchmarks.md). Undated stories (Multi-News) have no gap."""
CHUNK = 20_000
"""Candidate pairs whose means are computed at once (each holds two stories' rows)."""


def merge_stories(
    terms_row: Callable[[int], Row],
    counts: IntArray,
    first_day: IntArray,
    last_day: IntArray,
    vectors: ArticleVectors,
    article_story: IntArray,
    story_thread: IntArray,
    previous: IntArray,
    *,
    threshold: float,
    span_days: float,
    dated_threshold: float | None = None,
    n_features: int,
) -> tuple[IntArray, IntArray]:
    """Each story's output story, and each story's thread with merged stories in their
    output story's thread.

    `terms_row(g)` gives story g's summed lead vector (ids, weights); `counts`, `first_day`
    and `last_day` are per story; `article_story` maps the run's articles to stories;
    `story_thread` is each story's thread after re-threading; `previous` each story's
    output story as fixed at earlier checkpoints (-1: none of its articles output yet).
    `threshold` 0 merges nothing; `dated_threshold` (default `threshold`) is the one for
    two stories that both have dated reports.
    """
    n_stories = len(story_thread)
    output = np.where(previous >= 0, previous, np.arange(n_stories, dtype=np.int64))
    threads = story_thread.astype(np.int64).copy()
    if threshold <= 0 or len(vectors) == 0 or n_stories < 2:
        threads = threads[output]
        return output, threads
    vectors.link()
    first = vectors.first  # the window: articles whose vectors and neighbours are kept
    window = article_story[first : len(vectors)]
    neighbours = vectors.neighbours[: len(window)]
    near = neighbours.ravel()
    own = np.repeat(output[window], neighbours.shape[1])
    keep = near >= 0
    other = output[article_story[near[keep]]]
    own = own[keep]
    threads_of = threads[output]  # a group's thread: its output story's
    keep = (own != other) & (threads_of[own] == threads_of[other])
    pairs = np.unique(np.stack([np.minimum(own, other)[keep], np.maximum(own, other)[keep]], 1), axis=0)
    if not len(pairs):
        return output, threads_of
    groups = np.unique(pairs.ravel())
    # Each candidate group's summed lead vector and size, from all of its stories.
    members = np.flatnonzero(np.isin(output, groups))
    member_rows = np.searchsorted(groups, output[members])  # each member story's group (row)
    rows = [terms_row(int(s)) for s in members.tolist()]
    lengths = np.fromiter((len(r[0]) for r in rows), np.int64, len(rows))
    stacked = sp.csr_matrix(
        (
            np.concatenate([r[1] for r in rows]).astype(np.float64) if rows else np.zeros(0),
            np.concatenate([r[0] for r in rows]) if rows else np.zeros(0, np.int64),
            np.concatenate([[0], np.cumsum(lengths)]),
        ),
        shape=(len(members), n_features),
    )
    to_group = sp.csr_matrix(
        (
            np.ones(len(members)),
            (member_rows, np.arange(len(members))),
        ),
        shape=(len(groups), len(members)),
    )
    sums = (to_group @ stacked).tocsr()
    size = np.asarray(to_group @ counts[members].astype(np.float64)).ravel()
    dated = first_day[members] != UNDATED
    lo = np.full(len(groups), np.iinfo(np.int64).max)
    hi = np.full(len(groups), np.iinfo(np.int64).min)
    np.minimum.at(lo, member_rows[dated], first_day[members][dated])
    np.maximum.at(hi, member_rows[dated], last_day[members][dated])
    released = np.zeros(len(groups), bool)
    released[member_rows[previous[members] >= 0]] = True
    rep = groups.copy()

    a, b = np.searchsorted(groups, pairs[:, 0]), np.searchsorted(groups, pairs[:, 1])
    means = np.concatenate(
        [
            np.asarray(sums[a[k : k + CHUNK]].multiply(sums[b[k : k + CHUNK]]).sum(1)).ravel()
            for k in range(0, len(a), CHUNK)
        ]
    ) / (size[a] * size[b])
    dated_threshold = threshold if dated_threshold is None else dated_threshold
    dated_group = lo <= hi
    both_dated = dated_group[a] & dated_group[b]
    need = np.where(both_dated, dated_threshold, threshold)
    # Pairs that could never merge as they stand (both output, or too far apart in time)
    # stay out of the heap; a merge that changes either side computes them again. These
    # are `needs` and `fits` below, for every candidate pair at once (a window holds
    # millions); tests/cluster/test_merge_property.py holds both to the one rule.
    timely = ~both_dated
    d = np.flatnonzero(both_dated)
    lo_a, lo_b, hi_a, hi_b = lo[a[d]], lo[b[d]], hi[a[d]], hi[b[d]]
    gap = np.maximum(lo_a, lo_b) - np.minimum(hi_a, hi_b)
    span = np.maximum(hi_a, hi_b) - np.minimum(lo_a, lo_b)
    timely[d] = (gap <= MAX_GAP_DAYS) & (span <= span_days)
    possible = (means >= need) & timely & ~(released[a] & released[b])
    heap = [(-float(means[k]), int(a[k]), int(b[k]), 0, 0) for k in np.flatnonzero(possible).tolist()]
    heapq.heapify(heap)
    # The candidate graph between the first groups, as arrays (CSR): a group formed by merges
    # has the links of all the first groups in it, each read through `root`.
    ends = np.concatenate([a, b])
    order = np.argsort(ends, kind="stable")
    adjacent = np.concatenate([b, a])[order]
    adjacent_at = np.searchsorted(ends[order], np.arange(len(groups) + 1))
    root = np.arange(len(groups))  # each first group's group now
    within: dict[int, list[int]] = {}  # the first groups in a group formed by merges
    sums.sum_duplicates()  # sorted, unique term ids in every row
    merged_sums: dict[int, Row] = {}  # the sums of groups that took in others

    def vector(i: int) -> Row:
        if i in merged_sums:
            return merged_sums[i]
        start, stop = sums.indptr[i], sums.indptr[i + 1]
        return sums.indices[start:stop], sums.data[start:stop]

    alive = np.ones(len(groups), bool)
    dense = np.zeros(n_features)  # one group's summed lead vector at a time
    version = np.zeros(len(groups), np.int64)  # a heap entry holds both versions it was computed at

    def needs(i: int, j: int) -> float:
        """The mean cosine two groups must reach: lower when both have dated reports."""
        return dated_threshold if lo[i] <= hi[i] and lo[j] <= hi[j] else threshold

    def fits(i: int, j: int) -> bool:
        if released[i] and released[j]:
            return False
        if lo[i] > hi[i] or lo[j] > hi[j]:  # one has no dated article
            return True
        gap = int(max(lo[i], lo[j]) - min(hi[i], hi[j]))
        return gap <= MAX_GAP_DAYS and int(max(hi[i], hi[j]) - min(lo[i], lo[j])) <= span_days

    while heap:
        _, i, j, version_i, version_j = heapq.heappop(heap)
        if not (alive[i] and alive[j]) or (version_i, version_j) != (version[i], version[j]):
            continue
        if not fits(i, j):
            continue
        # j joins i (i keeps the row); the output number: the released one's, else the first.
        rep[i] = rep[i] if released[i] else rep[j] if released[j] else min(rep[i], rep[j])
        merged_sums[i] = _add(vector(i), vector(j))
        merged_sums.pop(j, None)
        size[i] += size[j]
        lo[i], hi[i] = min(lo[i], lo[j]), max(hi[i], hi[j])
        released[i] |= released[j]
        alive[j] = False
        version[i] += 1
        rep[j] = -1 - i  # points to the group it joined
        firsts = within.pop(i, [i]) + within.pop(j, [j])
        within[i] = firsts
        root[within[i]] = i
        near = np.concatenate([adjacent[adjacent_at[f] : adjacent_at[f + 1]] for f in firsts])
        # The new group's mean to each neighbour: its sum spread over a dense row once, each
        # neighbour's sum read against it (a sorted intersection per pair cost ten times more
        # where dated stories merge often: ~40,000 pairs on the Entities stream).
        terms_i, weights_i = vector(i)
        dense[terms_i] = weights_i
        for c in np.unique(root[near]).tolist():
            if c == i or not fits(i, c):
                continue
            terms_c, weights_c = vector(c)
            mean = float(dense[terms_c] @ weights_c) / (size[i] * size[c])
            if mean >= needs(i, c):
                x, y = min(i, c), max(i, c)
                heapq.heappush(heap, (-mean, x, y, int(version[x]), int(version[y])))
        dense[terms_i] = 0.0

    def final(i: int) -> int:
        while rep[i] < 0:
            i = int(-1 - rep[i])
        return int(rep[i])

    merged = {int(g): final(i) for i, g in enumerate(groups.tolist())}
    mapped = output.copy()
    moved = np.isin(output, groups)
    mapped[moved] = [merged[int(g)] for g in output[moved].tolist()]
    return mapped, threads[mapped]


def _add(a: Row, b: Row) -> Row:
    """The sum of two sparse rows, as a row of sorted, unique term ids."""
    terms, where = np.unique(np.concatenate([a[0], b[0]]), return_inverse=True)
    weights: npt.NDArray[np.float64] = np.bincount(
        where, weights=np.concatenate([a[1], b[1]]).astype(np.float64), minlength=len(terms)
    ).astype(np.float64)
    return terms.astype(np.int64), weights
