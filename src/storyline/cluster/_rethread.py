"""Re-threading: after the online pass, regroup stories into threads over the whole run.

The online pass decides each article once, in order, so a topic whose first stories landed
in two threads stays split: its second fragment draws later stories away from the first
(docs/benchmarks.md, "Threads on DUC"). Offline, graph communities of a k-nearest-neighbour
graph reach what no single pass does. Re-threading adds that step at the end of a run:

1. every article keeps its full-text TF-IDF vector (as the online pass weighed it) for the
   last `rethread_window` to twice that many articles, and its `rethread_neighbours`
   nearest earlier articles (cosine), found once (`ArticleVectors`; in a background
   thread every `LINK_BLOCK` articles while the run goes on);
2. the candidate groupings are the online threads as they are, and Louvain communities
   (Blondel et al. 2008, igraph's `community_multilevel`) of that graph, from the finest
   resolution of `RESOLUTIONS` down while the silhouette rises (then half a step of that
   grid on each side of the best one, `REFINE`), with two kinds of node:
   stories (threads are rebuilt from the online pass's stories, which are tight: B-cubed
   precision 0.99 on the DUC and Entities streams) and online threads (threads only merge);
3. the grouping with the highest silhouette (Rousseeuw 1987; cosine distance) of a fixed
   sample of articles, each measured against every kept article (`_sample_similarities`),
   wins, among those that fit the articles the online pass put in
   threads with others at least as well as the online threads do (their mean silhouette
   may not fall). No gold and no corpus-specific setting: silhouette picks fine
   story-level communities on DUC's sixty tight topics, merged online threads on Entities'
   six broad ones, and the online threads as they are on a stream of many small threads,
   where every community of the kNN graph is too coarse. The silhouette cannot credit an
   article alone (it scores 0), so pairing lone articles with their nearest neighbours,
   related or not, raises it: on a few hundred unrelated Multi-News stories every
   community grouping scored above the online threads and merged them (thread F1 0.46 on
   400 articles against 0.99 online), while it fit the few real pairs worse. With fewer
   than `MIN_ARTICLES` articles in threads with others the online threads are kept.
   Each sampled article is measured against every kept article, not only the sampled
   ones: on 100,000 articles a thread's mates are sampled with probability 0.02, so a
   sample's own distances score an article of a small thread 0, like one alone, and only
   coarse groups keep mates in the sample. That chose a grouping of heaps of unrelated
   stories there (thread F1 0.10 against the stories), where the online threads score
   0.62 and win when measured whole;
4. a thread of the chosen grouping that is less cohesive than any topic is split
   (`split_loose`): its stories' own subgraph is cut into Louvain communities, again while
   a part stays too loose. A thread of many topics is not one. (Online, a thread that
   loose takes no more stories: `_online.OnlineClusterer.decide`.)

A regrouped thread takes the number most of its articles had (fixed at the last checkpoint,
else online); a split-off one a new number, which the caller reserves (`_stream._Run`).

Everything here is computed from the state alone, in a fixed order with fixed seeds, so a
run resumed from a state directory re-threads to the same result as an uninterrupted one.
It never changes the online state, but for the thread numbers the caller reserves: later
online decisions see the online threads.
"""

from __future__ import annotations

import itertools
import random
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]
CsrArrays = tuple[IntArray, npt.NDArray[np.int32], FloatArray, IntArray, npt.NDArray[np.int32], FloatArray]
"""A CSR matrix's indptr, indices and data, then its transpose's (`_by_row_and_term`)."""

RESOLUTIONS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
"""Modularity resolutions tried at both node kinds; silhouette chooses among them."""
REFINE = 2**0.5
"""After the walks, the best Louvain grouping's resolution times and over this is tried
too: between two steps of the grid the communities can fit the topics better, and the
silhouette along the grid is not smooth enough for a finer walk to stop at its peak."""
SILHOUETTE_SAMPLE = 2000
"""Articles whose silhouettes decide (a fixed sample; each is measured against every kept
article, `_sample_similarities`)."""
SILHOUETTE_CELLS = 64_000_000
"""At most this many numbers (4 bytes each) in the table of the sample's summed cosines to
each story of the window: past 32,000 stories the sample shrinks to fit."""
SEED = 0
LOOSE_COHESION = 0.05
"""A thread whose articles' mean pairwise cosine is below this is split (step 4). The least
cohesive gold topic of the tuning streams is at 0.072 (DUC 0.073, Entities 0.072: Steve Jobs
over 934 articles); the same margin as `_kernels.MIN_COHESION`."""
COHESION_CHUNK = 16384
"""Articles whose vectors are summed at once when measuring cohesion (bounded memory)."""
PARALLEL_ROWS = 2000
"""Linking this many new articles or more at once is split over two threads."""
LINK_BLOCK = 4096
"""During a run, each time this many articles are added they are linked in a background thread."""
MIN_ARTICLES = 200
"""With fewer articles than this in online threads of two or more articles, the online
threads are kept: each article links to its 15 nearest of a few dozen, so the graph's
communities and a silhouette say little (on six articles of two events of one topic, the
split into two events scores higher), and the lone articles tell a silhouette nothing (a
few hundred unrelated stories hold a few dozen such articles). Counted over all articles
until 2026-12-03, when 250-500 Multi-News val articles were re-threaded into junk."""


class ArticleVectors:
    """Each article's sparse full-text vector (recent ones) and its nearest earlier articles.

    Vectors are kept as int32 term ids and float16 weights (about 1.4 kB for a 230-term
    article); those older than `window` articles are dropped, two windows at a time
    (amortized O(1)), and no longer searched. Neighbours, once found, are kept for every
    article (k int64 numbers and k float32 cosines).
    """

    def __init__(self, n_features: int, k: int, window: int) -> None:
        self.n_features = n_features
        self.k = k
        self.window = window
        self.first = 0
        """Article number of the oldest vector kept."""
        self.terms: list[npt.NDArray[np.int32]] = []
        self.weights: list[npt.NDArray[np.float16]] = []
        self.neighbours = np.zeros((0, k), np.int64)
        self.similarities = np.zeros((0, k), np.float32)
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future[tuple[IntArray, FloatArray]] | None = None
        self._scheduled = 0

    def __len__(self) -> int:
        """Articles seen (kept or dropped)."""
        return self.first + len(self.terms)

    @property
    def n_linked(self) -> int:
        """Articles whose neighbours have been found (rows of `neighbours` are articles
        `first` on: those of dropped articles go with their vectors)."""
        return self.first + len(self.neighbours)

    def add(self, terms: IntArray, weights: FloatArray) -> None:
        self.terms.append(terms.astype(np.int32))
        self.weights.append(weights.astype(np.float16))
        if len(self) - max(self._scheduled, self.n_linked) >= LINK_BLOCK:
            self._link_in_background()
        if len(self.terms) > 2 * self.window:
            drop = len(self.terms) - self.window
            if self.n_linked < self.first + drop:
                self.link()  # never drop a vector whose article has not been linked yet
            del self.terms[:drop], self.weights[:drop]
            self.neighbours, self.similarities = self.neighbours[drop:], self.similarities[drop:]
            self.first += drop

    def rows(self, articles: IntArray) -> sp.csr_matrix:
        """Rows for the given articles (all kept), unit length, float32."""
        picked = [a - self.first for a in articles.tolist()]
        return _csr([self.terms[i] for i in picked], [self.weights[i] for i in picked], self.n_features)

    def link(self) -> None:
        """Find the nearest earlier kept articles of every article not linked yet."""
        self._collect()
        start, stop = self.n_linked, len(self)
        if start < stop:
            self._append(_link(self.terms, self.weights, self.first, start, stop, self.k, self.n_features, 2))

    def _link_in_background(self) -> None:
        """Link the articles added since the last link in a thread, while the run goes on:
        the kernel releases the GIL. Which articles a link covers depends on counts only,
        and an article's neighbours do not depend on when they are found."""
        self._collect()
        start, stop = self.n_linked, len(self)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="storyline-link")
        kept = stop - self.first  # copies of the lists: appends and drops here do not reach them
        self._pending = self._pool.submit(
            _link, self.terms[:kept], self.weights[:kept], self.first, start, stop, self.k, self.n_features, 1
        )
        self._scheduled = stop

    def _collect(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._append(pending.result())

    def _append(self, linked: tuple[IntArray, FloatArray]) -> None:
        self.neighbours = np.concatenate([self.neighbours, linked[0]])
        self.similarities = np.concatenate([self.similarities, linked[1]])

    # -- saving ------------------------------------------------------------------------------
    def arrays(self) -> dict[str, npt.NDArray[np.generic]]:
        self._collect()
        lengths = np.fromiter((len(t) for t in self.terms), np.int64, len(self.terms))
        return {
            "vectors_first": np.array([self.first], np.int64),
            "vectors_offsets": np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
            "vectors_terms": np.concatenate(self.terms) if self.terms else np.zeros(0, np.int32),
            "vectors_weights": np.concatenate(self.weights) if self.weights else np.zeros(0, np.float16),
            "vectors_neighbours": self.neighbours,
            "vectors_similarities": self.similarities,
        }

    @classmethod
    def restore(
        cls, n_features: int, k: int, window: int, arrays: dict[str, npt.NDArray[np.generic]]
    ) -> ArticleVectors:
        """Vectors and neighbours from a snapshot's arrays; ValueError when they do not fit."""
        vectors = cls(n_features, k, window)
        first_array, offsets = arrays["vectors_first"], arrays["vectors_offsets"]
        terms, weights = arrays["vectors_terms"], arrays["vectors_weights"]
        neighbours, similarities = arrays["vectors_neighbours"], arrays["vectors_similarities"]
        if first_array.shape != (1,) or first_array.dtype.kind not in "iu" or int(first_array[0]) < 0:
            raise ValueError("vectors_first is not one article number")
        if (
            offsets.ndim != 1
            or offsets.dtype.kind not in "iu"
            or terms.ndim != 1
            or terms.dtype.kind not in "iu"
        ):
            raise ValueError("vector offsets and terms must be integer lists")
        if weights.ndim != 1 or weights.dtype.kind != "f" or not np.isfinite(weights).all():
            raise ValueError("vector weights must be finite numbers")
        offsets = offsets.astype(np.int64)
        if (
            len(offsets) < 1
            or offsets[0] != 0
            or offsets[-1] != len(terms)
            or len(terms) != len(weights)
            or (np.diff(offsets) < 0).any()
        ):
            raise ValueError("vector offsets do not match")
        if len(terms) and (terms.min() < 0 or terms.max() >= n_features):
            raise ValueError("vector terms outside the term space")
        vectors.first = int(first_array[0])
        bounds = list(itertools.pairwise(offsets.tolist()))
        vectors.terms = [terms[a:b].astype(np.int32) for a, b in bounds]
        vectors.weights = [weights[a:b].astype(np.float16) for a, b in bounds]
        if neighbours.ndim != 2 or neighbours.shape[1:] != (k,) or neighbours.dtype.kind not in "iu":
            raise ValueError(f"neighbours must be a table of {k} article numbers per article")
        if similarities.shape != neighbours.shape or similarities.dtype.kind != "f":
            raise ValueError("similarities do not match the neighbours")
        if vectors.first + len(neighbours) > len(vectors):
            raise ValueError("linked articles do not match the vectors kept")
        links = neighbours.astype(np.int64)
        cosines = similarities.astype(np.float64)
        own = vectors.first + np.arange(len(neighbours))[:, None]
        if ((links < -1) | (links >= own)).any():
            raise ValueError("a neighbour is not an earlier article")
        if not np.isfinite(cosines).all() or (cosines < 0).any() or (cosines > 1.01).any():
            raise ValueError("similarities must be cosines from 0 to 1")
        vectors.neighbours = links
        vectors.similarities = cosines.astype(np.float32)
        return vectors


def _csr(
    terms: list[npt.NDArray[np.int32]], weights: list[npt.NDArray[np.float16]], n_features: int
) -> sp.csr_matrix:
    """Sparse rows from term ids and weights, each scaled to unit length, float32."""
    lengths = np.fromiter((len(t) for t in terms), np.int64, len(terms))
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    data = np.concatenate(weights).astype(np.float32) if terms else np.zeros(0, np.float32)
    indices = np.concatenate(terms) if terms else np.zeros(0, np.int32)
    m = sp.csr_matrix((data, indices, indptr), shape=(len(terms), n_features))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    result: sp.csr_matrix = sp.diags(1.0 / np.maximum(norms, 1e-12)) @ m
    return result.tocsr()


def _by_row_and_term(window: sp.csr_matrix) -> CsrArrays:
    """A CSR matrix's arrays and its transpose's (by term, rows ascending), typed as the
    kernels' inverted-index searches read them."""
    by_term = window.T.tocsr()
    by_term.sort_indices()
    return (
        window.indptr.astype(np.int64, copy=False),
        window.indices.astype(np.int32, copy=False),
        window.data.astype(np.float32, copy=False),
        by_term.indptr.astype(np.int64, copy=False),
        by_term.indices.astype(np.int32, copy=False),
        by_term.data.astype(np.float32, copy=False),
    )


def _link(
    terms: list[npt.NDArray[np.int32]],
    weights: list[npt.NDArray[np.float16]],
    first: int,
    start: int,
    stop: int,
    k: int,
    n_features: int,
    threads: int,
) -> tuple[IntArray, FloatArray]:
    """The `k` nearest earlier kept articles (article numbers, cosines) of articles
    start..stop-1; `terms` and `weights` hold the kept articles from number `first` on."""
    from storyline.cluster._kernels import nearest_earlier

    arrays = _by_row_and_term(_csr(terms[: stop - first], weights[: stop - first], n_features))
    a, b = start - first, stop - first
    parts: list[tuple[IntArray, FloatArray]] = []
    if threads > 1 and b - a >= PARALLEL_ROWS:
        # A row's work grows with the rows before it, so the halves of the work meet at
        # sqrt((a^2 + b^2) / 2); the kernel releases the GIL, so two threads run at once.
        cut = int(np.sqrt((a * a + b * b) / 2))
        with ThreadPoolExecutor(2) as pool:
            futures = [pool.submit(nearest_earlier, *arrays, lo, hi, k) for lo, hi in ((a, cut), (cut, b))]
            parts = [f.result() for f in futures]
    else:
        parts = [nearest_earlier(*arrays, a, b, k)]
    rows = np.concatenate([p[0] for p in parts])
    similarities = np.concatenate([p[1] for p in parts])
    return np.where(rows >= 0, rows + first, -1), similarities


@dataclass(frozen=True, slots=True)
class Rethreading:
    """The thread of every story after re-threading, and how it was chosen."""

    story_thread: IntArray
    choice: str
    """"online", or "stories at resolution R" / "threads at resolution R"."""
    silhouettes: dict[str, float]
    split: int = 0
    """Loose threads of the chosen grouping that were split (step 4): `choice` names the
    grouping before these splits."""


def rethread(
    vectors: ArticleVectors,
    article_story: IntArray,
    story_thread: IntArray,
    n_threads: int,
    *,
    min_articles: int | None = None,
    previous: IntArray | None = None,
) -> Rethreading:
    """Regroup stories into threads (see the module docstring); `story_thread` is the online
    thread of each story, `n_threads` the number of thread ids in use (new ids start there)."""
    n = len(article_story)
    online = story_thread.astype(np.int64)
    stories = article_story.astype(np.int64)
    least = max(3, MIN_ARTICLES if min_articles is None else min_articles)
    if len(vectors) != n or n < least or _in_shared_threads(online[stories]).sum() < least:
        return Rethreading(online, "online", {})
    known = online if previous is None else np.where(previous >= 0, previous, online)
    # The window: the stories of the articles whose vectors are kept. Older stories keep
    # the threads they have (fixed at earlier checkpoints).
    first = vectors.first
    window_stories, local = np.unique(stories[first:], return_inverse=True)
    local = local.astype(np.int64)
    window_online = online[window_stories]
    story_size = np.bincount(local, minlength=len(window_stories)).astype(np.float64)
    sample, similar, self_dot = _sample_similarities(vectors, n, local, len(window_stories))
    sampled = local[sample - first]

    # Each candidate's per-article silhouettes, computed once for its score and its fit
    # (kept with the labels, so an id is never reused while the run lasts).
    computed: dict[int, tuple[IntArray, npt.NDArray[np.float64]]] = {}

    def per_article(groups: IntArray) -> npt.NDArray[np.float64]:
        if id(groups) not in computed:
            values = sampled_silhouettes(similar, sampled, self_dot, groups, story_size)
            computed[id(groups)] = (groups, values)
        return computed[id(groups)][1]

    def score(groups: IntArray) -> float:
        values = per_article(groups)
        return float(values.mean()) if len(values) else 0.0

    # A grouping must fit the online pass's own threads as well as they fit themselves:
    # the mean silhouette of the sampled articles that share their online thread with
    # another article of the window may not fall (a lone article scores 0 whatever the
    # grouping around it).
    in_thread = _in_shared_threads(window_online[local])[sample - first]

    def admissible(groups: IntArray) -> bool:
        return float(per_article(groups)[in_thread].mean()) >= floor

    if in_thread.any():
        floor = float(per_article(window_online)[in_thread].mean())
        candidates = groupings(vectors, local, window_online, score, admissible=admissible)
    else:  # nothing to measure a regrouping by
        candidates = [("online", window_online, score(window_online))]
    scores = {name: value for name, _, value in candidates}
    kept = [c for c in candidates if c[0] == "online" or admissible(c[1])]
    best_name, best, _ = max(kept, key=lambda c: c[2])  # ties: the first (online first)
    best, split = split_loose(vectors, local, best)
    fresh = max(n_threads, int(known.max()) + 1 if len(known) else 0)
    result = known.copy()
    result[window_stories] = _renumber(best, known[window_stories], local, fresh)
    return Rethreading(result, best_name, scores, split)


def _in_shared_threads(threads: IntArray) -> npt.NDArray[np.bool_]:
    """Which items share their thread with another item of the list."""
    _, inverse, counts = np.unique(threads, return_inverse=True, return_counts=True)
    shared: npt.NDArray[np.bool_] = counts[inverse.reshape(-1)] >= 2
    return shared


def groupings(
    vectors: ArticleVectors,
    stories: IntArray,
    online: IntArray,
    score: Callable[[IntArray], float],
    *,
    exhaustive: bool = False,
    admissible: Callable[[IntArray], bool] | None = None,
) -> list[tuple[str, IntArray, float]]:
    """The candidate groupings with their scores, each a label per story of the window
    (`stories`: each kept article's story, numbered 0.. in the window; `online`: each of
    those stories' online thread): the online threads first, then Louvain communities over
    stories and over online threads, from the
    finest resolution of `RESOLUTIONS` to the coarsest; each walk stops at the first
    resolution that scores lower than the one before. On the dev streams the silhouette
    rises to one peak along the walk, so the choice is the full grid's, in two or three
    Louvain runs per kind where the communities are too coarse. Then the best Louvain
    grouping's resolution (of those `admissible`, when given) is refined: the resolutions
    `REFINE` times above and below it are tried too (two more runs, none when the online
    threads are best). With `exhaustive`,
    every resolution of the grid and every half step beside one is tried, so the list holds
    every candidate a run could choose."""
    vectors.link()
    candidates: list[tuple[str, IntArray, float]] = [("online", online, score(online))]
    _, thread_of = np.unique(online, return_inverse=True)  # the window's threads, numbered 0..
    thread_of = thread_of.astype(np.int64)
    graphs: dict[str, tuple[Any, IntArray]] = {}
    runs: dict[str, tuple[str, float]] = {}  # a candidate's name: its kind and resolution

    def run(kind: str, resolution: float) -> float:
        graph, to_story = graphs[kind]
        groups = _louvain(graph, resolution)[to_story]
        value = score(groups)
        name = f"{kind} at resolution {resolution:g}"
        candidates.append((name, groups, value))
        runs[name] = (kind, resolution)
        return value

    for kind, atoms, to_story in (
        ("stories", stories, np.arange(len(online), dtype=np.int64)),
        ("threads", thread_of[stories], thread_of),
    ):
        graph = _graph(vectors, atoms)
        if graph is None:
            continue
        graphs[kind] = (graph, to_story)
        previous = -np.inf
        grid: tuple[float, ...] = RESOLUTIONS
        if exhaustive:
            grid = tuple({round(r * step, 9) for r in RESOLUTIONS for step in (1.0, REFINE, 1 / REFINE)})
        for resolution in sorted(grid, reverse=True):
            value = run(kind, resolution)
            if value < previous and not exhaustive:
                break
            previous = value
    # Refine around the best community grouping (of those `admissible`, which the caller
    # may choose), half a step of the grid on each side.
    allowed = [c for c in candidates if c[0] == "online" or admissible is None or admissible(c[1])]
    best = max(allowed, key=lambda c: c[2])[0]  # ties: the first (online first)
    if best in runs and not exhaustive:
        kind, resolution = runs[best]
        for near in (resolution * REFINE, resolution / REFINE):
            if (kind, near) not in runs.values():
                run(kind, near)
    return candidates


def cohesion(vectors: ArticleVectors, articles: IntArray, groups: IntArray) -> npt.NDArray[np.float64]:
    """Each group's mean pairwise cosine (1 for a group of one article): `articles` are kept
    articles (0 = article `vectors.first`), `groups` their groups, numbered 0... An article
    without terms counts in the pairs with cosine 0. Summed in chunks of whole groups, so
    memory stays bounded on a long window."""
    n_groups = int(groups.max()) + 1 if len(groups) else 0
    squared = np.zeros(n_groups)
    own = np.zeros(n_groups)
    order = np.argsort(groups, kind="stable")
    bounds = np.searchsorted(groups[order], np.arange(n_groups + 1))
    start = 0
    while start < n_groups:
        stop = int(np.searchsorted(bounds, bounds[start] + COHESION_CHUNK, side="right")) - 1
        stop = min(max(stop, start + 1), n_groups)
        picked = order[bounds[start] : bounds[stop]]
        rows = vectors.rows(articles[picked] + vectors.first).astype(np.float64)
        onehot = sp.csr_matrix(
            (np.ones(len(picked)), (groups[picked] - start, np.arange(len(picked)))),
            shape=(stop - start, len(picked)),
        )
        sums = (onehot @ rows).tocsr()
        squared[start:stop] = np.asarray(sums.multiply(sums).sum(axis=1)).ravel()
        # |sum|^2 = the rows' own squared lengths (1, or 0 without terms) + twice the pairs
        own[start:stop] = onehot @ np.asarray(rows.multiply(rows).sum(axis=1)).ravel()
        start = stop
    size = np.diff(bounds).astype(np.float64)
    result: npt.NDArray[np.float64] = np.ones(n_groups)
    many = size >= 2
    result[many] = (squared[many] - own[many]) / (size[many] * (size[many] - 1))
    return result


def split_loose(vectors: ArticleVectors, stories: IntArray, groups: IntArray) -> tuple[IntArray, int]:
    """`groups` (a label per story of the window; `stories`: each kept article's story) with
    every group of two or more stories whose cohesion is below `LOOSE_COHESION` cut into
    the Louvain communities (resolution 1) of its stories' own subgraph; parts still that
    loose are cut again. A group whose subgraph does not split stays as it is. Returns the
    new labels (split-off parts numbered above every label given) and how many groups were
    split."""
    article_group = groups[stories]
    labels, dense = np.unique(article_group, return_inverse=True)
    kept = np.arange(len(stories), dtype=np.int64)
    loose = labels[cohesion(vectors, kept, dense.astype(np.int64)) < LOOSE_COHESION]
    graph = _graph(vectors, stories) if len(loose) else None
    if graph is None:
        return groups, 0
    # Stories by group and articles by story, so that each lookup costs its own size.
    by_group = np.argsort(groups, kind="stable")
    low = np.searchsorted(groups[by_group], loose).tolist()
    high = np.searchsorted(groups[by_group], loose, side="right").tolist()
    todo = [by_group[lo:hi] for lo, hi in zip(low, high, strict=True) if hi - lo >= 2]
    by_story = np.argsort(stories, kind="stable")
    story_bounds = np.searchsorted(stories[by_story], np.arange(len(groups) + 1))
    result = groups.copy()
    fresh = int(groups.max()) + 1
    split = 0
    while todo:
        members = todo.pop()
        parts = _louvain(graph.induced_subgraph(members.tolist()), 1.0)
        if parts.max() < 1:
            continue
        split += 1
        order = np.argsort(parts, kind="stable")
        cuts = np.searchsorted(parts[order], np.arange(int(parts.max()) + 2))
        pieces = [members[order[a:b]] for a, b in itertools.pairwise(cuts.tolist())]
        for piece in pieces:
            result[piece] = fresh
            fresh += 1
        # the parts of two or more stories are measured together, and the loose ones cut again
        big = [piece for piece in pieces if len(piece) >= 2]
        if big:
            articles = [
                np.concatenate([by_story[story_bounds[m] : story_bounds[m + 1]] for m in piece.tolist()])
                for piece in big
            ]
            part_of = np.repeat(np.arange(len(big), dtype=np.int64), [len(a) for a in articles])
            values = cohesion(vectors, np.concatenate(articles), part_of)
            todo.extend(piece for piece, value in zip(big, values, strict=True) if value < LOOSE_COHESION)
    return result, split


def _igraph() -> Any:
    """igraph, imported without matplotlib: igraph imports matplotlib.pyplot for its drawing
    functions when it is installed (~0.9 s); they are not used here. Hidden for the import
    only, so matplotlib imports as usual afterwards."""
    if "igraph" in sys.modules:
        return sys.modules["igraph"]
    hide = "matplotlib" not in sys.modules
    if hide:
        sys.modules["matplotlib"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import igraph
    finally:
        if hide:
            del sys.modules["matplotlib"]
    return igraph


def _graph(vectors: ArticleVectors, atoms: IntArray) -> Any:
    """The kNN graph of the kept articles (`atoms[i]`: the node of article `first + i`),
    articles collapsed into their nodes (edge weights summed, self-loops kept); links to
    articles no longer kept are left out."""
    igraph = _igraph()
    first = vectors.first
    nb, sim = vectors.neighbours, vectors.similarities
    source = np.repeat(np.arange(len(nb), dtype=np.int64), nb.shape[1])
    target, weight = nb.ravel() - first, sim.ravel().astype(np.float64)
    ok = target >= 0
    if not ok.any():
        return None
    a, b = atoms[source[ok]], atoms[target[ok]]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    size = int(atoms.max()) + 1
    summed = sp.coo_matrix((weight[ok], (lo, hi)), shape=(size, size)).tocsr().tocoo()  # sums duplicates
    graph = igraph.Graph(n=size, edges=np.column_stack([summed.row, summed.col]).astype(np.int64))
    graph.es["weight"] = summed.data
    return graph


def _louvain(graph: Any, resolution: float) -> IntArray:
    """Louvain communities, seeded (igraph draws from Python's `random`; set, then restored)."""
    igraph = _igraph()

    igraph.set_random_number_generator(random.Random(SEED))
    try:
        clustering = graph.community_multilevel(weights="weight", resolution=resolution)
    finally:
        igraph.set_random_number_generator(random)
    return np.asarray(clustering.membership, np.int64)


def _sample_similarities(
    vectors: ArticleVectors, n: int, stories: IntArray, n_stories: int
) -> tuple[IntArray, FloatArray, FloatArray]:
    """A fixed sample of the kept articles (article numbers), each one's summed cosine to
    the kept articles of each story of the window (`stories`: each kept article's story,
    0..`n_stories` - 1; itself left out), and its cosine with itself (1, or 0 without
    terms). The sample holds `SILHOUETTE_SAMPLE` articles, fewer where the table would
    pass `SILHOUETTE_CELLS`."""
    kept = np.arange(vectors.first, n, dtype=np.int64)
    size = max(1, min(SILHOUETTE_SAMPLE, SILHOUETTE_CELLS // max(n_stories, 1)))
    if len(kept) > size:
        rng = np.random.default_rng(SEED)
        kept = np.sort(rng.choice(kept, size, replace=False))
    if not len(kept):
        return kept, np.zeros((0, n_stories), np.float32), np.zeros(0, np.float32)
    from storyline.cluster._kernels import story_similarities

    window = vectors.rows(np.arange(vectors.first, n, dtype=np.int64))
    arrays = _by_row_and_term(window)
    rows = kept - vectors.first
    similar = np.zeros((len(rows), n_stories), np.float32)
    # the kernel releases the GIL: the two halves of the sample fill their rows at once
    half = len(rows) // 2
    with ThreadPoolExecutor(2) as pool:
        parts = [
            pool.submit(story_similarities, *arrays, rows[a:b], stories, similar[a:b])
            for a, b in ((0, half), (half, len(rows)))
        ]
        for part in parts:
            part.result()
    own = window[rows]
    self_dot = np.asarray(own.multiply(own).sum(axis=1), np.float32).ravel()
    return kept, similar, self_dot


def sampled_silhouettes(
    similar: FloatArray,
    own_story: IntArray,
    self_dot: FloatArray,
    groups: IntArray,
    story_size: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """Each sampled article's silhouette under `groups` (a label per story of the window),
    measured against every kept article, not only the sampled ones: `similar`,
    `own_story` (each sampled article's story) and `self_dot` are from
    `_sample_similarities`, `story_size` each story's kept articles. All 0 when the
    grouping is one group or every article alone."""
    from storyline.cluster._kernels import group_silhouettes

    labels, inverse = np.unique(groups, return_inverse=True)
    inverse = inverse.reshape(-1).astype(np.int64)
    group_size = np.bincount(inverse, weights=story_size, minlength=len(labels))
    if len(labels) < 2:
        return np.zeros(len(own_story))
    result: npt.NDArray[np.float64] = group_silhouettes(
        similar, own_story, self_dot, inverse, group_size.astype(np.float64)
    )
    return result


def _renumber(groups: IntArray, known: IntArray, stories: IntArray, fresh: int) -> IntArray:
    """Thread numbers for the chosen grouping of stories. `known` is each story's number so
    far (as fixed at the last checkpoint, else online). Each group takes the number that
    most of its articles had (largest overlaps choose first); a group left without one (a
    split) takes a new number from `fresh` up, which the caller reserves so that the
    online pass never gives it to another thread. A number a merge left unused is not
    given to another group: lines already output with it keep one meaning."""
    article_group, article_known = groups[stories], known[stories]
    pairs, counts = np.unique(np.column_stack([article_group, article_known]), axis=0, return_counts=True)
    group_size = np.bincount(article_group, minlength=int(groups.max()) + 1)
    # biggest overlap first; ties: the bigger group, then the lower numbers
    order = np.lexsort((pairs[:, 1], pairs[:, 0], -group_size[pairs[:, 0]], -counts))
    number: dict[int, int] = {}
    taken: set[int] = set()
    for g, t in pairs[order].tolist():
        if g not in number and t not in taken:
            number[g] = t
            taken.add(t)
    for g in sorted(set(groups.tolist()) - set(number)):
        number[g] = fresh
        fresh += 1
    return np.array([number[g] for g in groups.tolist()], np.int64)
