"""Online story clustering: each article joins the best earlier story or opens a new one.

One pass in processing order. For each article:

1. near-duplicates: its MinHash signature is looked up in a datasketch `MinHashLSH`; a
   copy of an earlier article (estimated Jaccard of word 3-shingles at or above
   `near_duplicate`) joins that article's story outright;
2. candidates: the `n_candidates` nearest earlier articles from a faiss index, by their
   dense vector and a sketch of their TF-IDF vector; their stories are the candidates,
   minus dated stories more than `window_days` away. The index is exact (flat) for the
   first `exact_limit` articles and HNSW after that, so a search costs O(log n), not O(n);
3. score: for each candidate story, the mean cosine similarity between the article and
   the story's articles, in TF-IDF space (hashed words and capitalized names, with
   document frequencies learned on the stream) blended with the dense space. The mean
   over a story's articles is one dot product with the sum of their unit vectors, so a
   story keeps a sum and a count (average linkage, done online);
4. join the best story when its score reaches `threshold`; else open a new story.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.cluster._features import Features
from storyline.cluster._options import ClusterOptions
from storyline.model import Article

# Near-duplicate lookup remembers this many recent articles (bounded memory on endless streams).
LSH_CAPACITY = 100_000
# HNSW graph degree and beam widths (Malkov & Yashunin, 2018). Approximate search misses
# neighbours: on the train stream, HNSW from the first article cost 0.009 B-cubed F1 against
# exact search at efSearch 64 and 0.02 at 32, hence `exact_limit` (docs/benchmarks.md).
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 32
HNSW_EF_SEARCH = 64


@dataclass
class StoryTable:
    """Per-story running sums; story `s` is row `s` of every list."""

    term_indices: list[npt.NDArray[np.int64]] = field(default_factory=list)
    term_sums: list[npt.NDArray[np.float32]] = field(default_factory=list)
    dense_sums: list[npt.NDArray[np.float32]] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    last_day: list[int | None] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.counts)

    def open(self, dim: int) -> int:
        self.term_indices.append(np.zeros(0, np.int64))
        self.term_sums.append(np.zeros(0, np.float32))
        self.dense_sums.append(np.zeros(dim, np.float32))
        self.counts.append(0)
        self.last_day.append(None)
        return len(self.counts) - 1


class OnlineState:
    """Everything the clusterer remembers between articles (and, pickled, between runs)."""

    def __init__(self, options: ClusterOptions) -> None:
        self.fingerprint = options.fingerprint()
        self.doc_freq = np.zeros(options.n_features, np.float32)
        self.n_docs = 0
        self.stories = StoryTable()
        self.article_story = np.zeros(0, np.int64)
        self.article_day = np.zeros(0, np.int64)  # -1 for undated
        self.n_articles = 0
        self.index: Any = None
        self.dense_sum = np.zeros(0, np.float64)  # for centering: static vectors share a large common part
        self.lsh: Any = None
        self.lsh_keys: deque[int] = deque()

    def __getstate__(self) -> dict[str, Any]:
        import faiss

        state = dict(self.__dict__)
        state["index"] = None if self.index is None else faiss.serialize_index(self.index)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        import faiss

        if state["index"] is not None:
            state["index"] = faiss.deserialize_index(state["index"])
        self.__dict__.update(state)


class OnlineClusterer:
    """Assigns featurized articles to stories, one at a time, in processing order.

    It sets faiss to one OpenMP thread for the process: searches are one query at a
    time, where extra threads only spin, and one thread keeps results reproducible.
    """

    name = "online"

    def __init__(self, options: ClusterOptions | None = None, *, state: OnlineState | None = None) -> None:
        self.options = options or ClusterOptions()
        self.state = state or OnlineState(self.options)
        self._scratch = np.zeros(self.options.n_features, np.float32)

    # -- the Clusterer protocol ------------------------------------------------------------
    def cluster(self, articles: list[Article]) -> list[int | None]:
        """Cluster a list of Articles in the given order (no dates reordering, no state dir)."""
        from storyline.cluster._features import Featurizer

        featurize = Featurizer(self.options)
        labels: list[int | None] = []
        for start in range(0, len(articles), self.options.batch_size):
            batch = articles[start : start + self.options.batch_size]
            features = featurize(batch)
            for row, article in enumerate(batch):
                day = article.date.toordinal() if article.date else None
                labels.append(self.add(features, row, day=day) if features.has_text[row] else None)
        return labels

    # -- one article -------------------------------------------------------------------------
    def add(self, features: Features, row: int, *, day: int | None, story: int | None = None) -> int:
        """Assign row `row` of `features` to a story and remember it; return the story.

        With `story` given, the article is put there without a decision (a resumed run
        replaying an assignment that was logged after the last snapshot).
        """
        s = self.state
        self._ensure_index(features.dense.shape[1])
        dense = self._center(features.dense[row])
        idx, weights = self._tfidf(features.term_indices[row], features.term_weights[row])
        probe = self._probe(dense, idx, weights)
        signature = features.signatures[row]
        if story is None:
            story = self._decide(dense, probe, idx, weights, signature, day)
        while story >= len(s.stories):
            s.stories.open(s.dense_sum.shape[0])
        self._remember(story, dense, probe, idx, weights, signature, day)
        return story

    def _probe(
        self, dense: npt.NDArray[np.float32], idx: npt.NDArray[np.int64], weights: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float32]:
        """The vector the index holds: the dense vector and/or a sketch of the TF-IDF vector.

        The sketch hashes the TF-IDF vector into `sketch_dim` signed buckets (feature
        hashing, Weinberger et al. 2009), which keeps inner products in expectation.
        """
        opt = self.options
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

    def _decide(
        self,
        dense: npt.NDArray[np.float32],
        probe: npt.NDArray[np.float32],
        idx: npt.NDArray[np.int64],
        weights: npt.NDArray[np.float32],
        signature: npt.NDArray[np.uint64],
        day: int | None,
    ) -> int:
        s = self.state
        opt = self.options
        if s.n_articles == 0:
            return len(s.stories)
        duplicate = self._near_duplicate(signature, day)
        if duplicate is not None:
            return duplicate
        k = min(opt.n_candidates, s.n_articles)
        _, neighbours = s.index.search(probe[None, :], k)
        found = neighbours[0][neighbours[0] >= 0]
        # Candidate stories in order of first appearance among the neighbours.
        stories, first = np.unique(s.article_story[found], return_index=True)
        candidates = [int(c) for c in stories[np.argsort(first)] if self._in_window(int(c), day)]
        if not candidates:
            return len(s.stories)
        scores = self._scores(candidates, dense, idx, weights)
        best = int(np.argmax(scores))
        return candidates[best] if scores[best] >= opt.threshold else len(s.stories)

    def _scores(
        self,
        candidates: list[int],
        dense: npt.NDArray[np.float32],
        idx: npt.NDArray[np.int64],
        weights: npt.NDArray[np.float32],
    ) -> npt.NDArray[np.float64]:
        """Mean cosine similarity to each candidate story's articles (average linkage), blended.

        All candidates at once: the article is scattered into a dense scratch vector, each
        story's term sums gather from it, and `reduceat` adds them up per story.
        """
        table = self.state.stories
        scratch = self._scratch
        scratch[idx] = weights
        lengths = np.array([len(table.term_indices[c]) for c in candidates], dtype=np.int64)
        gathered = scratch[np.concatenate([table.term_indices[c] for c in candidates])]
        products = gathered * np.concatenate([table.term_sums[c] for c in candidates])
        scratch[idx] = 0.0
        # Per-story sums; an empty story (a placeholder) sums to 0 and is ruled out by count 0.
        ends = np.cumsum(lengths)
        totals = np.concatenate([[0.0], np.cumsum(products, dtype=np.float64)])
        sparse = totals[ends] - totals[ends - lengths]
        w = self.options.dense_weight
        counts = np.array([table.counts[c] for c in candidates], dtype=np.float64)
        blended = (1.0 - w) * sparse
        if w:
            blended = blended + w * (np.stack([table.dense_sums[c] for c in candidates]) @ dense)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(counts > 0, blended / counts, -np.inf)

    def _in_window(self, story: int, day: int | None) -> bool:
        last = self.state.stories.last_day[story]
        return day is None or last is None or abs(day - last) <= self.options.window_days

    def _near_duplicate(self, signature: npt.NDArray[np.uint64], day: int | None) -> int | None:
        from datasketch import LeanMinHash

        s = self.state
        best: int | None = None
        for key in s.lsh.query(LeanMinHash(seed=1, hashvalues=signature, scheme="legacy")):
            article = int(key)
            past = int(s.article_day[article])
            if day is not None and past >= 0 and abs(day - past) > self.options.window_days:
                continue
            if best is None or article > best:
                best = article  # the latest copy
        return None if best is None else int(s.article_story[best])

    # -- memory --------------------------------------------------------------------------
    def _tfidf(
        self, idx: npt.NDArray[np.int64], tf: npt.NDArray[np.float32]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """Weight by IDF as learned so far (this article counted), to unit length."""
        s = self.state
        s.doc_freq[idx] += 1.0
        s.n_docs += 1
        weights = (tf * (np.log((s.n_docs + 1.0) / (s.doc_freq[idx] + 1.0)) + 1.0)).astype(np.float32)
        norm = float(np.linalg.norm(weights))
        if norm > 0:
            weights /= norm
        return idx, weights

    def _center(self, vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Subtract the mean vector of the stream so far, then rescale to unit length.

        Static embeddings of any two news texts have cosine ~0.5; without their common
        part, nearest neighbours are found by what is particular to each story.
        """
        s = self.state
        s.dense_sum += vector
        centered = (vector - s.dense_sum / (s.n_docs + 1)).astype(np.float32)
        norm = float(np.linalg.norm(centered))
        return centered / norm if norm > 0 else centered

    def _ensure_index(self, dim: int) -> None:
        s = self.state
        if s.index is not None:
            return
        import faiss
        from datasketch import MinHashLSH

        s.dense_sum = np.zeros(dim, np.float64)
        opt = self.options
        width = 0 if opt.retrieval == "sketch" else dim
        width += 0 if opt.retrieval == "dense" else opt.sketch_dim
        # One query at a time: OpenMP threads only spin and fight the featurizing thread.
        faiss.omp_set_num_threads(1)
        if opt.index == "hnsw":
            s.index = self._hnsw(width)
        else:
            # Exact search over half-precision vectors: a flat search reads the whole index,
            # so half the bytes is ~25% faster, and ranks do not change at this precision.
            s.index = faiss.IndexScalarQuantizer(
                width, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT
            )
        s.lsh = MinHashLSH(threshold=self.options.near_duplicate, num_perm=self.options.num_perm)

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
        for start in range(0, len(vectors), 4096):  # one thread (see _ensure_index): reproducible
            s.index.add(vectors[start : start + 4096])

    def _remember(
        self,
        story: int,
        dense: npt.NDArray[np.float32],
        probe: npt.NDArray[np.float32],
        idx: npt.NDArray[np.int64],
        weights: npt.NDArray[np.float32],
        signature: npt.NDArray[np.uint64],
        day: int | None,
    ) -> None:
        from datasketch import LeanMinHash

        s = self.state
        table = s.stories
        if len(table.term_indices[story]):
            merged, inverse = np.unique(np.concatenate([table.term_indices[story], idx]), return_inverse=True)
            sums = np.bincount(inverse, weights=np.concatenate([table.term_sums[story], weights]))
            table.term_indices[story], table.term_sums[story] = merged, sums.astype(np.float32)
        else:
            table.term_indices[story], table.term_sums[story] = idx.copy(), weights.copy()
        table.dense_sums[story] = table.dense_sums[story] + dense
        table.counts[story] += 1
        if day is not None:
            last = table.last_day[story]
            table.last_day[story] = day if last is None else max(last, day)
        article = s.n_articles
        if article >= len(s.article_story):
            grow = max(1024, len(s.article_story))
            s.article_story = np.concatenate([s.article_story, np.zeros(grow, np.int64)])
            s.article_day = np.concatenate([s.article_day, np.zeros(grow, np.int64)])
        s.article_story[article] = story
        s.article_day[article] = -1 if day is None else day
        s.n_articles += 1
        # One vector at a time: a batched HNSW add is multi-threaded and so not reproducible.
        s.index.add(probe[None, :])
        self._maybe_switch_index()
        s.lsh.insert(
            article, LeanMinHash(seed=1, hashvalues=signature, scheme="legacy"), check_duplication=False
        )
        s.lsh_keys.append(article)
        if len(s.lsh_keys) > LSH_CAPACITY:
            s.lsh.remove(s.lsh_keys.popleft())
