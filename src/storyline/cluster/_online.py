"""Online two-level clustering: each article joins a story, each story belongs to a thread.

One pass in processing order. For each article:

1. near-duplicates: its MinHash signature is looked up in a banded LSH index; a
   copy of an earlier article (estimated Jaccard of word 3-shingles at or above
   `near_duplicate`) within the story window joins that article's story outright;
2. candidates: the `n_candidates` nearest earlier articles from a faiss index (dense
   vector and a sketch of the TF-IDF vector). Their stories, minus dated stories more
   than `window_days` away, are the candidate stories; their threads, at any distance in
   time, are the candidate threads. The index is exact (flat) for the first
   `exact_limit` articles and HNSW after that, so a search costs O(log n), not O(n);
3. story: the pairwise model (`_pairmodel.py`) gives P(same story) for each candidate
   from lead similarities (average linkage and centroid, TF-IDF with document
   frequencies learned on the stream), embedding similarity and shared names; the
   article joins the most probable story when that reaches `threshold`;
4. thread: an article that opens a new story also picks a thread, by P(same thread)
   from names, full-text key terms against the thread's centroid relative to the
   thread's own cohesion (a broad topic's members are less alike), the closest of the
   thread's stories, and the gap in time; else it opens a new thread. Nothing in it grows
   with the thread, so a topic followed for years keeps taking new stories.
   A thread is a set of stories, so an article joining a story is in its thread.

A story or thread keeps sums of its articles' unit vectors, so average linkage is one
dot product with the sum, done online. The loops over candidates, term sums and postings
are compiled (`_kernels.py`, numba); this module decides what to compute.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.cluster import _kernels as K
from storyline.cluster._features import Features
from storyline.cluster._kernels import Postings, Ragged
from storyline.cluster._merge import merge_stories
from storyline.cluster._options import ClusterOptions
from storyline.cluster._pairmodel import Logistic, PairModel, default_pair_model
from storyline.cluster._rethread import ArticleVectors, Rethreading, rethread
from storyline.model import Article

LOOSE_THREAD = K.MIN_COHESION
"""A thread of two or more articles less cohesive than this takes no new story (`decide`)."""

# Near-duplicate lookup remembers this many recent articles (bounded memory on endless streams).
LSH_CAPACITY = 100_000
# HNSW graph degree and beam widths (Malkov & Yashunin, 2018). Approximate search misses
# neighbours: on the train stream, HNSW from the first article cost 0.009 B-cubed F1 against
# exact search at efSearch 64 and 0.02 at 32, hence `exact_limit` (docs/benchmarks.md).
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 32
HNSW_EF_SEARCH = 64
# A story's or thread's term sums keep their heaviest terms only: bounded memory and time
# for threads of thousands of articles; what is cut weighs little in any cosine.
MAX_TERMS = 2000
UNDATED = -1
# The inverted index of stories: each article posts its heaviest lead terms; a lookup reads
# the most recent stories of each (a term in more stories than that says little).
# 20 terms: on both train streams and the DUC dev stream, 10 missed candidates (story F1
# +0.003 on train, thread F1 +0.003 on train and +0.011 on DUC at 20; 30 or 40 no better).
POSTED_TERMS = 20
POSTING_LENGTH = 32

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


class Table:
    """Per-group running sums (stories or threads); group `g` is row `g` of every array.

    Term and name sums are pooled ragged rows (`_kernels.Ragged`), the rest growable numpy
    arrays; `len(table)` rows are in use.
    """

    INTS = ("count", "first_day", "last_day", "parent")

    def __init__(self) -> None:
        self.terms = Ragged(MAX_TERMS)
        self.names = Ragged(MAX_TERMS)
        self.dense_sum: list[FloatArray] = []
        self.dense_norm = np.zeros(1024, np.float64)
        self.count = np.zeros(1024, np.int64)
        self.first_day = np.zeros(1024, np.int64)
        self.last_day = np.zeros(1024, np.int64)
        self.parent = np.zeros(1024, np.int64)
        """A story's thread (-1 for threads)."""
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def open(self, dim: int, parent: int = -1) -> int:
        g = self._n
        if g >= len(self.count):
            self._grow(2 * len(self.count))
        self.terms.open()
        self.names.open()
        self.dense_sum.append(np.zeros(dim, np.float32))
        self.dense_norm[g] = 0.0
        self.count[g] = 0
        self.first_day[g] = self.last_day[g] = UNDATED
        self.parent[g] = parent
        self._n += 1
        return g

    def _grow(self, size: int) -> None:
        for key in (*self.INTS, "dense_norm"):
            old = getattr(self, key)
            new = np.zeros(size, old.dtype)
            new[: len(old)] = old
            setattr(self, key, new)

    def add(
        self,
        g: int,
        terms: tuple[IntArray, FloatArray],
        names: tuple[IntArray, FloatArray],
        dense: FloatArray,
        day: int,
    ) -> None:
        self.terms.add(g, *terms)
        if len(names[0]):  # no names (sentence-cased text has none): the row stays as it is
            self.names.add(g, *names)
        if dense.shape[0]:
            self.dense_sum[g] = self.dense_sum[g] + dense
            self.dense_norm[g] = float(np.sqrt(self.dense_sum[g] @ self.dense_sum[g]))
        self.count[g] += 1
        if day != UNDATED:
            first, last = int(self.first_day[g]), int(self.last_day[g])
            self.first_day[g] = day if first == UNDATED else min(first, day)
            self.last_day[g] = day if last == UNDATED else max(last, day)

    def columns(self) -> dict[str, IntArray]:
        """The per-group numbers in use (the saved form, `_state.py`)."""
        return {key: getattr(self, key)[: self._n] for key in self.INTS}

    @classmethod
    def restore(cls, columns: dict[str, IntArray], dense: FloatArray, terms: Ragged, names: Ragged) -> Table:
        """A table from saved columns, dense sums and rows."""
        table = cls()
        n = len(dense)
        if {len(v) for v in columns.values()} != {n} or len(terms) != n or len(names) != n:
            raise ValueError("table arrays have different lengths")
        table._grow(max(1024, n))
        table._n = n
        for key in cls.INTS:
            getattr(table, key)[:n] = columns[key]
        table.terms, table.names = terms, names
        table.dense_sum = list(dense)
        table.dense_norm[:n] = np.sqrt(np.einsum("ij,ij->i", dense, dense))
        return table


@dataclass
class View:
    """One article as the clusterer sees it: weighted vectors, ready to compare and remember."""

    dense: FloatArray
    probe: FloatArray
    lead: tuple[IntArray, FloatArray]
    full: tuple[IntArray, FloatArray]
    names: tuple[IntArray, FloatArray]
    signature: npt.NDArray[np.uint64]
    n_words: int
    day: int
    lead_top: tuple[IntArray, FloatArray] = (np.zeros(0, np.int64), np.zeros(0, np.float32))
    """The heaviest terms of the lead, of the full text and of the names (`_weigh`)."""
    full_top: tuple[IntArray, FloatArray] = (np.zeros(0, np.int64), np.zeros(0, np.float32))
    names_top: tuple[IntArray, FloatArray] = (np.zeros(0, np.int64), np.zeros(0, np.float32))


class NearDuplicates:
    """Banded LSH over MinHash signatures: a candidate copy shares all rows of some band.

    The bands and rows are the ones datasketch's `MinHashLSH` chooses for the threshold
    (`lsh_bands`; Leskovec et al., Mining of Massive Datasets, ch. 3), so candidates are the
    ones it would give; the tables are plain dicts from a band's bytes to article keys,
    which costs a few microseconds per article where datasketch's general storage cost ~150
    (and importing it ~0.9 s).
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        n_bands, rows = lsh_bands(threshold, num_perm)
        self.bands = [(i * rows, (i + 1) * rows) for i in range(n_bands)]
        self.tables: list[dict[bytes, list[int]]] = [{} for _ in self.bands]

    def insert(self, key: int, signature: npt.NDArray[np.uint64]) -> None:
        for table, (a, b) in zip(self.tables, self.bands, strict=True):
            table.setdefault(signature[a:b].tobytes(), []).append(key)

    def query(self, signature: npt.NDArray[np.uint64]) -> set[int]:
        found: set[int] = set()
        for table, (a, b) in zip(self.tables, self.bands, strict=True):
            found.update(table.get(signature[a:b].tobytes(), ()))
        return found

    def remove(self, key: int, signature: npt.NDArray[np.uint64]) -> None:
        for table, (a, b) in zip(self.tables, self.bands, strict=True):
            band = signature[a:b].tobytes()
            keys = table.get(band)
            if keys is not None:
                keys.remove(key)
                if not keys:
                    del table[band]


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimizing the mean of the false-positive and false-negative
    probability masses below and above `threshold`: datasketch's `_optimal_param` with
    equal weights. Its integrands are polynomials in s of degree b * r <= num_perm, so
    Gauss-Legendre quadrature with num_perm // 2 + 2 nodes integrates them exactly (tests
    check that the choice is datasketch's)."""
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 2)

    def integral(b: int, r: int, low: float, high: float) -> float:  # of 1 - (1 - s^r)^b
        s = (high - low) / 2 * nodes + (high + low) / 2
        return float((high - low) / 2 * weights @ (1.0 - (1.0 - s**r) ** b))

    best, choice = math.inf, (1, 1)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            false_positive = integral(b, r, 0.0, threshold)
            false_negative = (1.0 - threshold) - integral(b, r, threshold, 1.0)
            error = 0.5 * false_positive + 0.5 * false_negative
            if error < best:
                best, choice = error, (b, r)
    return choice


class OnlineState:
    """Everything the clusterer remembers between articles; `_state.py` saves it as arrays."""

    def __init__(self, options: ClusterOptions) -> None:
        self.doc_freq = np.zeros(options.n_features, np.float32)
        self.n_docs = 0
        self.stories = Table()
        self.threads = Table()
        self.article_story = np.zeros(0, np.int64)
        self.article_day = np.zeros(0, np.int64)  # UNDATED for undated
        self.n_articles = 0
        self.index: Any = None
        self.dense_sum = np.zeros(0, np.float64)  # for centering: static vectors share a large common part
        self.lsh: NearDuplicates | None = None
        self.lsh_keys: list[int] = []
        self.lsh_signatures: list[npt.NDArray[np.uint64]] = []
        self.postings = Postings(options.n_features, POSTING_LENGTH)
        """Inverted index: a lead term to the stories it was among the heaviest terms of."""
        self.thread_postings = Postings(options.n_features, POSTING_LENGTH)
        """The same for threads, from full-text terms and names."""
        self.vectors = (
            ArticleVectors(options.n_features, options.rethread_neighbours, options.rethread_window)
            if options.rethread
            else None
        )
        """Recent articles' full-text vectors and every article's neighbours, for re-threading."""

    def thread_of(self, story: int) -> int:
        return int(self.stories.parent[story])


class OnlineClusterer:
    """Assigns featurized articles to stories and threads, one at a time, in processing order.

    It sets faiss to one OpenMP thread for the process: searches are one query at a
    time, where extra threads only spin, and one thread keeps results reproducible.
    """

    name = "online"

    def __init__(
        self,
        options: ClusterOptions | None = None,
        *,
        state: OnlineState | None = None,
        pair_model: PairModel | None = None,
    ) -> None:
        self.options = options or ClusterOptions()
        self.state = state or OnlineState(self.options)
        self.model = pair_model or default_pair_model()
        prior = self.model.prior_df
        # The prior applies when its hashed term space is the one in use.
        self._prior = prior if prior is not None and prior.shape == (self.options.n_features,) else None
        self._prior_docs = self.model.prior_docs if self._prior is not None else 0
        self._no_prior = np.zeros(0, np.float32)
        self._story_p = _Linear(self.model.story, STORY_COLUMNS)
        self._thread_p = _Linear(self.model.thread, THREAD_COLUMNS)

    # -- the Clusterer protocol ------------------------------------------------------------
    def cluster(self, articles: list[Article]) -> list[int | None]:
        """Stories of a list of Articles, decided in the given order (no reordering, no state)."""
        return [None if pair is None else pair[0] for pair in self.cluster_levels(articles)]

    def cluster_levels(self, articles: list[Article]) -> list[tuple[int, int] | None]:
        """(story, thread) of each Article in the given order; None for an article without text."""
        from storyline.cluster._features import Featurizer

        featurize = Featurizer(self.options)
        labels: list[tuple[int, int] | None] = []
        for start in range(0, len(articles), self.options.batch_size):
            batch = articles[start : start + self.options.batch_size]
            features = featurize(batch)
            for row, article in enumerate(batch):
                if not features.has_text[row]:
                    labels.append(None)
                    continue
                day = article.date.toordinal() if article.date else None
                labels.append(self.add(features, row, day=day))
        return labels

    # -- one article -------------------------------------------------------------------------
    def add(
        self,
        features: Features,
        row: int,
        *,
        day: int | None,
        story: int | None = None,
        thread: int | None = None,
    ) -> tuple[int, int]:
        """Assign row `row` of `features` to a story and thread, remember it; return both.

        With `story` (and `thread`) given, the article is put there without a decision (a
        resumed run replaying an assignment logged after the last snapshot).
        """
        view = self.view(features, row, day=day)
        if story is None:
            story, thread = self.decide(view)
        elif thread is None:
            thread = (
                self.state.thread_of(story) if story < len(self.state.stories) else len(self.state.threads)
            )
        self.commit(view, story, thread)
        return story, thread

    def view(self, features: Features, row: int, *, day: int | None) -> View:
        """Weight the article's features by the IDF learned so far (this article counted)."""
        s = self.state
        self._ensure_index(features.dense.shape[1])
        full_idx, name_idx = features.full_indices[row], features.name_indices[row]
        s.doc_freq[full_idx] += 1.0
        if len(name_idx):
            s.doc_freq[name_idx] += 1.0
        s.n_docs += 1
        dense = self._center(features.dense[row])
        lead, lead_top = self._weigh(features.lead_indices[row], features.lead_counts[row])
        full, full_top = self._weigh(full_idx, features.full_counts[row])
        names, names_top = self._weigh(name_idx, features.name_counts[row])
        return View(
            dense=dense,
            probe=self._probe(dense, *full),
            lead=lead,
            full=full,
            names=names,
            signature=features.signatures[row],
            n_words=int(features.n_words[row]),
            day=UNDATED if day is None else day,
            lead_top=lead_top,
            full_top=full_top,
            names_top=names_top,
        )

    def decide(self, view: View) -> tuple[int, int]:
        """The story and thread for `view` (new ones are numbered next)."""
        s = self.state
        new_story, new_thread = len(s.stories), len(s.threads)
        if s.n_articles == 0:
            return new_story, new_thread
        duplicate = self._near_duplicate(view)
        if duplicate is not None:
            return duplicate, s.thread_of(duplicate)
        neighbours = self.neighbours(view)
        pool = self.story_pool(view, neighbours)
        near: tuple[list[int], npt.NDArray[np.float64]] | None = None
        if pool:
            x = self._features(s.stories, pool, view, view.lead)
            p = self._story_p(x)
            if view.day != UNDATED:  # an undated article: every story is in its window
                p[~self._in_window(pool, view)] = -1.0
            best = int(p.argmax())
            if p[best] >= self.options.threshold:
                if view.day == UNDATED:
                    return pool[best], s.thread_of(pool[best])
                # A story that has run its span takes no more articles: the most probable
                # story within its span does, else the article opens a new story of the
                # thread it was going to join.
                p[self._past_span(pool, view)] = -1.0
                within = int(p.argmax())
                if p[within] >= self.options.threshold:
                    return pool[within], s.thread_of(pool[within])
                return new_story, s.thread_of(pool[best])
            near = (pool, x[:, 1])
        threads = self.thread_candidates(view, neighbours)
        if threads:
            x = self.thread_features(view, threads, near)
            p = self._thread_p(x)
            # A thread of two or more articles less alike than any topic measured is not
            # one topic: it takes no more stories. Re-threading splits such a thread at a
            # checkpoint (`_rethread.split_loose`), but until then it would draw loosely
            # related stories in: on 100,000 Multi-News articles, 14 loose threads held half
            # of them (the largest 20,371) when this held only without re-threading.
            p[(x[:, 9] == 0) & (x[:, 8] < LOOSE_THREAD)] = -1.0
            best = int(p.argmax())
            if p[best] >= self.options.thread_threshold:
                return new_story, threads[best]
        return new_story, new_thread

    def neighbours(self, view: View) -> IntArray:
        s = self.state
        if s.index is None:  # retrieval="postings": the inverted index alone
            return np.zeros(0, np.int64)
        k = min(self.options.n_candidates, s.n_articles)
        _, found = s.index.search(view.probe[None, :], k)
        result: IntArray = found[0][found[0] >= 0].astype(np.int64)
        return result

    def story_candidates(self, view: View, neighbours: IntArray) -> list[int]:
        """The stories `decide` may put the article in: the candidates (`story_pool`) within
        the time window and within their span."""
        pool = self.story_pool(view, neighbours)
        if view.day == UNDATED or not pool:
            return pool
        keep = self._in_window(pool, view) & ~self._past_span(pool, view)
        kept: list[int] = np.array(pool, np.int64)[keep].tolist()
        return kept

    def story_pool(self, view: View, neighbours: IntArray) -> list[int]:
        """Stories of the neighbours, then stories sharing the lead's rarest terms, at any time.

        The second source is an inverted index from each story's distinctive lead terms
        (`POSTED_TERMS` per article) to the stories, most recent last: the index's dense
        vector and 128-bucket sketch miss about one same-story article in seven on the
        train stream, shared rare words (names, places) rarely do. Only those within the
        time window are candidate stories; all of them are evidence for a thread.
        """
        s = self.state
        if not len(neighbours):  # the inverted index alone (its groups come once each)
            return s.postings.lookup([view.lead_top], self.options.n_candidates)
        ordered = list(dict.fromkeys(s.article_story[neighbours].tolist()))
        seen = set(ordered)
        for story in s.postings.lookup([view.lead_top], self.options.n_candidates):
            if story not in seen:
                seen.add(story)
                ordered.append(story)
        return ordered

    def _in_window(self, stories: list[int], view: View) -> npt.NDArray[np.bool_]:
        """Which stories are undated or at most `window_days` from the article (all, when it is undated)."""
        if view.day == UNDATED:
            return np.ones(len(stories), np.bool_)
        s = self.state
        groups = np.array(stories, np.int64)
        first, last = s.stories.first_day[groups], s.stories.last_day[groups]
        gap = np.maximum(0, np.maximum(first - view.day, view.day - last))
        keep: npt.NDArray[np.bool_] = (first == UNDATED) | (gap <= self.options.window_days)
        return keep

    def _past_span(self, stories: list[int], view: View) -> npt.NDArray[np.bool_]:
        """Which dated stories the (dated) article would stretch past `story_span_days`."""
        s = self.state
        groups = np.array(stories, np.int64)
        first, last = s.stories.first_day[groups], s.stories.last_day[groups]
        span = np.maximum(last, view.day) - np.minimum(first, view.day)
        past: npt.NDArray[np.bool_] = (first != UNDATED) & (span > self.options.story_span_days)
        return past

    def thread_candidates(self, view: View, neighbours: IntArray) -> list[int]:
        """Threads of the neighbours, then threads sharing the article's heaviest terms and names."""
        s = self.state
        tops = [view.full_top, view.names_top] if len(view.names_top[0]) else [view.full_top]
        if not len(neighbours):  # the inverted index alone (its groups come once each)
            return s.thread_postings.lookup(tops, self.options.n_candidates)
        parent = s.stories.parent
        ordered = list(dict.fromkeys(parent[s.article_story[neighbours]].tolist()))
        seen = set(ordered)
        for thread in s.thread_postings.lookup(tops, self.options.n_candidates):
            if thread not in seen:
                seen.add(thread)
                ordered.append(thread)
        return ordered

    def story_features(self, view: View, stories: list[int]) -> npt.NDArray[np.float64]:
        """The pair model's `STORY_FEATURES` of the article against each story."""
        return self._features(self.state.stories, stories, view, view.lead)[:, STORY_COLUMNS]

    def thread_features(
        self,
        view: View,
        threads: list[int],
        near: tuple[list[int], npt.NDArray[np.float64]] | None = None,
    ) -> npt.NDArray[np.float64]:
        """Every feature column of the article against each thread (`_kernels.N_COLUMNS`;
        the pair model reads `THREAD_COLUMNS`). `near` is the story pool and the lead's
        centroid cosine to each (as `decide` has them); found here when not given."""
        s = self.state
        x = self._features(s.threads, threads, view, view.full)
        if near is None:
            pool = self.story_pool(view, self.neighbours(view))
            cosines = self._features(s.stories, pool, view, view.lead)[:, 1] if pool else np.zeros(0)
            near = (pool, cosines)
        x[:, 10] = _nearest_story(threads, s.stories.parent[np.array(near[0], np.int64)], near[1])
        return x

    def _features(
        self, table: Table, groups: list[int], view: View, terms: tuple[IntArray, FloatArray]
    ) -> npt.NDArray[np.float64]:
        """Every similarity of the article to each group (`_kernels.N_COLUMNS`), in one
        compiled call: mean and centroid term cosines, dense and name cosines,
        size, gap in days, undated."""
        rows = np.array(groups, np.int64)
        x = K.features(
            table.terms, table.names, table.count, table.first_day, table.last_day,
            rows, terms, view.names, view.day, UNDATED,
        )  # fmt: skip
        if view.dense.shape[0]:
            x[:, 2] = self._dense_cos(table, rows, view)
        return x

    def commit(self, view: View, story: int, thread: int) -> None:
        """Remember the article in `story` and `thread` (opening them when new)."""
        s = self.state
        dim = s.dense_sum.shape[0]
        while thread >= len(s.threads):
            s.threads.open(dim)
        while story >= len(s.stories):
            s.stories.open(dim)
        if s.stories.parent[story] == -1:
            s.stories.parent[story] = thread
        s.stories.add(story, view.lead, view.names, view.dense, view.day)
        thread = int(s.stories.parent[story])
        s.postings.post(story, view.lead_top)
        if len(view.names_top[0]):
            s.thread_postings.post(thread, view.full_top, view.names_top)
        else:  # posting no terms changes nothing
            s.thread_postings.post(thread, view.full_top)
        s.threads.add(thread, view.full, view.names, view.dense, view.day)
        article = s.n_articles
        if article >= len(s.article_story):
            grow = max(1024, len(s.article_story))
            s.article_story = np.concatenate([s.article_story, np.zeros(grow, np.int64)])
            s.article_day = np.concatenate([s.article_day, np.zeros(grow, np.int64)])
        s.article_story[article] = story
        s.article_day[article] = view.day
        s.n_articles += 1
        if s.vectors is not None:
            s.vectors.add(*view.full)
        # One vector at a time: a batched HNSW add is multi-threaded and so not reproducible.
        if s.index is not None:
            s.index.add(view.probe[None, :])
            self._maybe_switch_index()
        assert s.lsh is not None, "view() makes the index first"
        s.lsh.insert(article, view.signature)
        s.lsh_keys.append(article)
        s.lsh_signatures.append(view.signature)
        if len(s.lsh_keys) > 2 * LSH_CAPACITY:  # drop the oldest half at once: amortized O(1)
            for key, signature in zip(
                s.lsh_keys[:-LSH_CAPACITY], s.lsh_signatures[:-LSH_CAPACITY], strict=True
            ):
                s.lsh.remove(key, signature)
            del s.lsh_keys[:-LSH_CAPACITY]
            del s.lsh_signatures[:-LSH_CAPACITY]

    def rethread(self, previous: IntArray | None = None) -> Rethreading:
        """The thread of every story after re-threading the run so far (`_rethread.py`);
        the online threads when re-threading is off. `previous`: each story's thread as
        fixed before (-1 where none), which a regrouped thread keeps where it can. The
        state is not changed."""
        s = self.state
        story_thread = s.stories.parent[: len(s.stories)].copy()
        if s.vectors is None:
            return Rethreading(story_thread, "online", {})
        return rethread(
            s.vectors, s.article_story[: s.n_articles], story_thread, len(s.threads), previous=previous
        )

    def merge_stories(
        self, story_thread: IntArray, previous: IntArray | None = None
    ) -> tuple[IntArray, IntArray]:
        """Each story's output story after joining stories of one thread that the online
        pass split (`_merge.py`), and each story's thread (its output story's). `story_thread`:
        the threads after re-threading; `previous`: each story's output story as fixed
        before (-1 where none). The state is not changed."""
        s = self.state
        n = len(s.stories)
        if s.vectors is None:
            return np.arange(n, dtype=np.int64), story_thread
        table = s.stories
        return merge_stories(
            table.terms.row,
            table.count[:n],
            table.first_day[:n],
            table.last_day[:n],
            s.vectors,
            s.article_story[: s.n_articles],
            story_thread,
            np.full(n, -1, np.int64) if previous is None else previous,
            threshold=self.options.story_merge,
            dated_threshold=self.options.story_merge_dated,
            span_days=self.options.story_span_days,
            n_features=self.options.n_features,
        )

    def reserve_threads(self, n: int) -> None:
        """Make sure thread numbers below `n` are taken (as empty threads): re-threading gave
        them out, and the online pass must not give them to another topic."""
        s = self.state
        while len(s.threads) < n:
            s.threads.open(s.dense_sum.shape[0])

    # -- similarities ------------------------------------------------------------------------
    @staticmethod
    def _dense_cos(table: Table, groups: IntArray, view: View) -> npt.NDArray[np.float64]:
        if not view.dense.shape[0]:
            return np.zeros(len(groups))
        dots = np.stack([table.dense_sum[g] for g in groups.tolist()]) @ view.dense
        return _ratio(dots.astype(np.float64), table.dense_norm[groups])

    def _near_duplicate(self, view: View) -> int | None:
        s = self.state
        best: int | None = None
        assert s.lsh is not None, "view() makes the index first"
        for key in s.lsh.query(view.signature):
            article = int(key)
            past = int(s.article_day[article])
            if view.day != UNDATED and past != UNDATED and abs(view.day - past) > self.options.window_days:
                continue
            if best is None or article > best:
                best = article  # the latest copy
        if best is None:
            return None
        story = int(s.article_story[best])
        if view.day != UNDATED and self._past_span([story], view)[0]:
            return None  # the copy's story has run its span: decided as any other article
        return story

    # -- memory --------------------------------------------------------------------------
    def _weigh(
        self, idx: IntArray, tf: FloatArray
    ) -> tuple[tuple[IntArray, FloatArray], tuple[IntArray, FloatArray]]:
        """TF-IDF with the document frequencies learned so far, to unit length; and its
        `POSTED_TERMS` heaviest terms, heaviest first (`_top_terms`)."""
        if not len(idx):  # what the kernel gives for no terms, without the call
            empty = np.zeros(0, np.float32)
            return (idx, empty), (idx[:0], empty)
        s = self.state
        prior = self._no_prior if self._prior is None else self._prior
        weights, top, tied = K.weigh_top(
            idx, tf, s.doc_freq, prior, float(s.n_docs + self._prior_docs), POSTED_TERMS
        )
        if tied:  # which of the equal weights at the cut are kept: numpy's choice (`_top_terms`)
            return (idx, weights), _top_terms(idx, weights)
        return (idx, weights), (idx[top], weights[top])

    def _probe(self, dense: FloatArray, idx: IntArray, weights: FloatArray) -> FloatArray:
        """The vector the index holds: the dense vector and/or a sketch of the TF-IDF vector.

        The sketch hashes the TF-IDF vector into `sketch_dim` signed buckets (feature
        hashing, Weinberger et al. 2009), which keeps inner products in expectation.
        """
        opt = self.options
        if opt.retrieval == "postings":
            return np.zeros(0, np.float32)
        parts: list[npt.NDArray[np.floating]] = []
        if opt.retrieval in ("dense", "both"):
            parts.append(dense)
        if opt.retrieval in ("sketch", "both"):
            # The sign comes from another part of the index than the bucket (Knuth's multiplier).
            signs = np.where(((idx * 2654435761) >> 16) & 1, -1.0, 1.0) * weights
            buckets = np.bincount(idx % opt.sketch_dim, weights=signs, minlength=opt.sketch_dim)
            parts.append(buckets.astype(np.float32))
        probe = np.concatenate(parts).astype(np.float32)
        norm = float(np.linalg.norm(probe))
        return probe / norm if norm > 0 else probe

    def _center(self, vector: FloatArray) -> FloatArray:
        """Subtract the mean vector of the stream so far, then rescale to unit length.

        Static embeddings of any two news texts have cosine ~0.5; without their common
        part, nearest neighbours are found by what is particular to each story.
        """
        s = self.state
        if not vector.shape[0]:
            return vector
        s.dense_sum += vector
        centered = (vector - s.dense_sum / s.n_docs).astype(np.float32)
        norm = float(np.linalg.norm(centered))
        return centered / norm if norm > 0 else centered

    def index_width(self, dim: int) -> int:
        opt = self.options
        if opt.retrieval == "postings":
            return 0
        width = 0 if opt.retrieval == "sketch" else dim
        return width + (0 if opt.retrieval == "dense" else opt.sketch_dim)

    def _ensure_index(self, dim: int) -> None:
        s = self.state
        if s.lsh is not None:
            return
        s.dense_sum = np.zeros(dim, np.float64)
        self.reset_index(dim)

    def reset_index(self, dim: int) -> None:
        """An empty index and near-duplicate table (a loaded state refills them)."""
        s = self.state
        width = self.index_width(dim)
        s.lsh = NearDuplicates(self.options.near_duplicate, self.options.num_perm)
        if width == 0:  # retrieval="postings": no faiss index (nor its import)
            s.index = None
            return
        import faiss

        # One query at a time: OpenMP threads only spin and fight the featurizing thread.
        faiss.omp_set_num_threads(1)
        if self.options.index == "hnsw":
            s.index = self._hnsw(width)
        else:
            # Exact search over half-precision vectors: a flat search reads the whole index,
            # so half the bytes is ~25% faster, and ranks do not change at this precision.
            s.index = faiss.IndexScalarQuantizer(
                width, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT
            )

    def _hnsw(self, width: int) -> Any:
        import faiss

        index = faiss.IndexHNSWFlat(width, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = max(HNSW_EF_SEARCH, 2 * self.options.n_candidates)
        return index

    def _maybe_switch_index(self) -> None:
        """With index="auto": exact search while it is cheap, then HNSW (built once, in order)."""
        s = self.state
        if self.options.index != "auto" or s.n_articles != self.options.exact_limit:
            return
        vectors = s.index.reconstruct_n(0, s.n_articles)
        s.index = self._hnsw(vectors.shape[1])
        for start in range(0, len(vectors), 4096):  # one thread (see reset_index): reproducible
            s.index.add(vectors[start : start + 4096])

    def refill_index(self, vectors: FloatArray) -> None:
        """Rebuild the index from saved vectors with the very calls that built it first."""
        s = self.state
        n = len(vectors)
        switched = self.options.index == "auto" and n >= self.options.exact_limit
        if switched:
            s.index = self._hnsw(vectors.shape[1])
            head = self.options.exact_limit
            for start in range(0, head, 4096):
                s.index.add(vectors[start : min(start + 4096, head)])
            for i in range(head, n):
                s.index.add(vectors[i : i + 1])
        elif self.options.index == "hnsw":
            for i in range(n):
                s.index.add(vectors[i : i + 1])
        elif n:
            s.index.add(vectors)

    def index_vectors(self) -> FloatArray:
        s = self.state
        if s.index is None or s.n_articles == 0:
            return np.zeros((s.n_articles, 0), np.float32)
        result: FloatArray = s.index.reconstruct_n(0, s.n_articles)
        return result


def _top_terms(idx: IntArray, weights: FloatArray) -> tuple[IntArray, FloatArray]:
    """The `POSTED_TERMS` heaviest terms, heaviest first, ties by term id.

    Which of several equal weights at the cut make it in is numpy's `argpartition`
    choice. That choice is as arbitrary as any, but the pair model and thresholds were
    tuned with it, and long streams cascade from it: "the lowest term id" instead moved
    DUC thread F1 from 0.8472 to 0.8424 (docs/benchmarks.md).
    """
    if len(idx) > POSTED_TERMS:  # the heaviest few first, then order those only
        few = np.argpartition(-weights, POSTED_TERMS - 1)[:POSTED_TERMS]
        idx, weights = idx[few], weights[few]
    order = np.lexsort((idx, -weights))
    return idx[order], weights[order]


# The pair model's story and thread features (`_pairmodel.py`) are these columns of
# `_kernels.features`.
STORY_COLUMNS = [0, 1, 2, 3, 5]
THREAD_COLUMNS = [3, 6, 7, 11, 10, 9]


def _nearest_story(
    threads: list[int], parents: IntArray, cosines: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """For each thread, the highest cosine among the stories that belong to it (0 if none)."""
    position = {thread: j for j, thread in enumerate(threads)}
    best = np.zeros(len(threads))
    for parent, cosine in zip(parents.tolist(), cosines.tolist(), strict=True):
        j = position.get(parent)
        if j is not None and cosine > best[j]:
            best[j] = cosine
    return best


class _Linear:
    """A `Logistic`'s probability over all `_kernels.N_COLUMNS` feature columns, its weights
    folded once (columns it does not use weigh 0)."""

    def __init__(self, model: Logistic, columns: list[int]) -> None:
        weights = model.coef / model.scale
        self.weights = np.zeros(K.N_COLUMNS)
        self.weights[columns] = weights
        self.bias = model.intercept - float(model.mean @ weights)

    def __call__(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        result: npt.NDArray[np.float64] = K.logistic(x, self.weights, self.bias)
        return result


def _ratio(num: npt.NDArray[np.float64], den: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """num / den, 0 where den is 0 (a sum of nothing: its dot products are 0 too)."""
    result: npt.NDArray[np.float64] = num / np.maximum(den, 1e-12)
    return result
