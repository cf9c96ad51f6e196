"""Every clustering setting in one frozen, keyword-only dataclass."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from storyline.errors import ConfigError, Errors


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterOptions:
    """How articles are grouped into stories and stories into threads.

    The decisions are probabilities from a small pairwise model (`_pairmodel.py`), trained
    by scripts/train_pair_model.py on streams built from Multi-News train (stories and
    threads) and on the DUC and Entities dev streams (threads); Multi-News val is only
    reported (docs/benchmarks.md). A probability means the same on every corpus, so one
    threshold per level serves all. Both were chosen with benchmarks/tune_cluster.py: story
    0.2 on a second train stream (F1 0.8467 against 0.8184 at 0.5); thread 0.2 with 0.15
    for the best mean over the second train stream, DUC and Entities (0.8642 and 0.8650;
    0.1 gives 0.8554, 0.3 0.8602), the higher of the two for fewer wrong merges.
    """

    threshold: float = 0.2
    """Join the most probable candidate story when P(same story) reaches this."""
    thread_threshold: float = 0.2
    """A new story joins the most probable thread when P(same thread) reaches this."""
    window_days: float = 7.0
    """A story is one event: dated articles only join stories whose span is at most this many days away."""
    story_span_days: float = 10.0
    """A story is one event over days: a dated article that would stretch its story past this
    many days from first to last report opens a new story of that story's thread. The
    window alone counts from a story's last day, so a story fed every few days never closes.
    10 was the best of 7, 10, 14 and 21 on the dev part of the DUC story gold (B-cubed F1
    0.927, 0.931, 0.927, 0.927; docs/benchmarks.md); undated stories have no span."""
    embedder: str = "static"
    """Dense vectors for candidate retrieval and scoring: static (default), transformer or hash."""
    model: str | None = None
    embed_words: int = 100
    """Only the title and the first N words are embedded: the lead says what the story is."""
    lead_words: int = 150
    """Story decisions compare leads of this many content words (Multi-News articles are ~150)."""
    max_words: int = 2000
    """Thread decisions use the full text up to this many content words (bounds very long articles)."""
    n_features: int = 2**18
    """Width of the hashed term space (TF-IDF with document frequencies learned on the stream)."""
    retrieval: str = "postings"
    """Where candidates come from: postings (the inverted index of the stories' heaviest terms) alone,
    or also a faiss index searched by dense (embeddings), sketch (hashed TF-IDF) or both."""
    sketch_dim: int = 128
    n_candidates: int = 20
    """Nearest earlier articles fetched from the index; their stories and threads are the candidates."""
    index: str = "auto"
    """faiss index over article vectors: flat (exact), hnsw (sub-linear) or auto (flat, then hnsw)."""
    exact_limit: int = 50_000
    """With index="auto": the index turns from flat to HNSW when it holds this many articles."""
    near_duplicate: float = 0.8
    """Estimated Jaccard similarity of word 3-shingles above which two articles are one copy."""
    num_perm: int = 32
    shingle_words: int = 60
    """Shingles come from the first N words; wire copies share their opening."""
    reorder_buffer: int = 10_000
    """Dated articles are decided in date order within a buffer of this many articles (see `_stream._Run`)."""
    snapshot_every: int = 10_000
    """With a state directory: write a full snapshot every N decisions (the log is written always)."""
    batch_size: int = 512
    """Articles featurized together (one embedding call, one Ray task)."""
    rethread: bool = True
    """At the end of a run, regroup stories into threads over the whole run (`_rethread.py`):
    the online threads, or graph communities of the articles' nearest neighbours, whichever
    has the highest silhouette."""
    rethread_every: int = 50_000
    """Re-thread every this many decisions too: the threads of the articles decided since the
    last checkpoint are then fixed and output (a stream never waits for its end)."""
    rethread_neighbours: int = 15
    """Nearest earlier articles each article links to in the re-threading graph."""
    rethread_window: int = 200_000
    """Re-threading searches and keeps the full-text vectors of this many recent articles."""
    story_merge: float = 0.2
    """At each re-threading checkpoint, two stories of one thread are joined when the mean
    cosine of their articles' leads reaches this (average linkage, `_merge.py`); 0 joins
    none, and without re-threading there are no checkpoints. 0.2 was the best of 0.16-0.24
    on the second train stream (story F1 0.8494 unmerged, 0.8530 at 0.2, 0.8506 at 0.18,
    0.8525 at 0.22; docs/benchmarks.md)."""
    story_merge_dated: float = 0.12
    """The same for two stories that both have dated reports (and touch in time, as every
    merge must): being a day apart or less within one thread is evidence too, so less is
    asked of the words. 0.12 was the best of 0.08-0.2 on each tuning set with dates (a
    train stream given dates 0.9008 at 0.2 -> 0.9188; the dev parts of the DUC story gold
    0.939 -> 0.943 and of the Entities weeks' gold 0.684 -> 0.742; docs/benchmarks.md).
    Only with `story_merge` above 0: `story_merge` 0 joins no stories at all."""

    def __post_init__(self) -> None:
        checks: list[tuple[str, bool, str]] = [
            ("threshold", 0.0 < self.threshold < 1.0, "must be a probability between 0 and 1"),
            ("thread_threshold", 0.0 < self.thread_threshold < 1.0, "must be a probability between 0 and 1"),
            ("window_days", self.window_days > 0, "must be more than 0"),
            ("story_span_days", self.story_span_days >= 0, "must be 0 or more"),
            ("embed_words", self.embed_words >= 1, "must be at least 1"),
            ("lead_words", self.lead_words >= 1, "must be at least 1"),
            ("max_words", self.max_words >= self.lead_words, "must be at least lead_words"),
            ("n_features", self.n_features >= 16, "must be at least 16"),
            ("n_candidates", self.n_candidates >= 1, "must be at least 1"),
            ("index", self.index in ("auto", "hnsw", "flat"), "choose auto, hnsw or flat"),
            ("exact_limit", self.exact_limit >= 1, "must be at least 1"),
            (
                "retrieval",
                self.retrieval in ("postings", "dense", "sketch", "both"),
                "choose postings, dense, sketch or both",
            ),
            ("sketch_dim", self.sketch_dim >= 8, "must be at least 8"),
            ("near_duplicate", 0.0 < self.near_duplicate <= 1.0, "must be in (0, 1]"),
            ("num_perm", self.num_perm >= 8, "must be at least 8"),
            ("shingle_words", self.shingle_words >= 3, "must be at least 3"),
            ("reorder_buffer", self.reorder_buffer >= 1, "must be at least 1"),
            ("snapshot_every", self.snapshot_every >= 1, "must be at least 1"),
            ("batch_size", self.batch_size >= 1, "must be at least 1"),
            ("rethread_every", self.rethread_every >= 1, "must be at least 1"),
            ("rethread_neighbours", self.rethread_neighbours >= 1, "must be at least 1"),
            ("rethread_window", self.rethread_window >= 1, "must be at least 1"),
            ("story_merge", 0.0 <= self.story_merge <= 1.0, "must be a cosine between 0 and 1 (0: off)"),
            (
                "story_merge_dated",
                0.0 < self.story_merge_dated <= 1.0,
                "must be a cosine above 0 and at most 1",
            ),
        ]
        for name, ok, reason in checks:
            if not ok:
                raise ConfigError(Errors.SL202, name=name, value=getattr(self, name), reason=reason)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def fingerprint(self) -> dict[str, Any]:
        """The settings a saved state depends on (a resumed run must use the same ones)."""
        run_only = ("snapshot_every", "batch_size")
        return {k: v for k, v in asdict(self).items() if k not in run_only}
