"""Every clustering setting in one frozen, keyword-only dataclass."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from storyline.errors import ConfigError, Errors


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterOptions:
    """How articles are grouped into stories.

    The thresholds were chosen on a stream built from Multi-News train clusters 20,000 to
    25,621 (benchmarks/make_stream.py, benchmarks/tune_cluster.py); val was used only to
    report the results in docs/benchmarks.md.
    """

    threshold: float = 0.22
    """Join the best candidate story when its score reaches this; else open a new story."""
    dense_weight: float = 0.0
    """Share of the static-embedding similarity in the score; the rest is TF-IDF."""
    entity_weight: float = 1.0
    """Extra weight of capitalized multiword names ("Dan Brown") as terms, on top of their words."""
    embedder: str = "static"
    """Dense vectors for candidate retrieval and scoring: static (default), transformer or hash."""
    model: str | None = None
    embed_words: int = 100
    """Only the title and the first N words are embedded: the lead says what the story is."""
    n_features: int = 2**18
    """Width of the hashed term space (TF-IDF with document frequencies learned on the stream)."""
    retrieval: str = "both"
    """What the index searches by: dense (embeddings), sketch (hashed TF-IDF) or both, concatenated."""
    sketch_dim: int = 128
    n_candidates: int = 10
    """Nearest earlier articles fetched from the index; their stories are the candidates."""
    index: str = "auto"
    """faiss index over article vectors: flat (exact), hnsw (sub-linear) or auto (flat, then hnsw)."""
    exact_limit: int = 50_000
    """With index="auto": the index turns from flat to HNSW when it holds this many articles."""
    window_days: float = 7.0
    """Dated articles only join stories whose latest article is at most this many days away."""
    near_duplicate: float = 0.8
    """Estimated Jaccard similarity of word 3-shingles above which two articles are one copy."""
    num_perm: int = 32
    shingle_words: int = 60
    """Shingles come from the first N words; wire copies share their opening."""
    reorder_buffer: int = 10_000
    """Dated streams are processed in date order within a buffer of this many articles."""
    snapshot_every: int = 10_000
    """With a state directory: write a full snapshot every N articles (the log is written always)."""
    batch_size: int = 512
    """Articles featurized together (one embedding call, one Ray task)."""

    def __post_init__(self) -> None:
        checks: list[tuple[str, bool, str]] = [
            ("threshold", -1.0 <= self.threshold <= 1.0, "must be between -1 and 1"),
            ("dense_weight", 0.0 <= self.dense_weight <= 1.0, "must be between 0 and 1"),
            ("entity_weight", self.entity_weight >= 0.0, "must be at least 0"),
            ("embed_words", self.embed_words >= 1, "must be at least 1"),
            ("n_features", self.n_features >= 16, "must be at least 16"),
            ("n_candidates", self.n_candidates >= 1, "must be at least 1"),
            ("index", self.index in ("auto", "hnsw", "flat"), "choose auto, hnsw or flat"),
            ("exact_limit", self.exact_limit >= 1, "must be at least 1"),
            ("retrieval", self.retrieval in ("dense", "sketch", "both"), "choose dense, sketch or both"),
            ("sketch_dim", self.sketch_dim >= 8, "must be at least 8"),
            ("window_days", self.window_days > 0, "must be more than 0"),
            ("near_duplicate", 0.0 < self.near_duplicate <= 1.0, "must be in (0, 1]"),
            ("num_perm", self.num_perm >= 8, "must be at least 8"),
            ("shingle_words", self.shingle_words >= 3, "must be at least 3"),
            ("reorder_buffer", self.reorder_buffer >= 0, "must be at least 0"),
            ("snapshot_every", self.snapshot_every >= 1, "must be at least 1"),
            ("batch_size", self.batch_size >= 1, "must be at least 1"),
        ]
        for name, ok, reason in checks:
            if not ok:
                raise ConfigError(Errors.SL202, name=name, value=getattr(self, name), reason=reason)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def fingerprint(self) -> dict[str, Any]:
        """The settings a saved state depends on (a resumed run must use the same ones)."""
        run_only = ("reorder_buffer", "snapshot_every", "batch_size")
        return {k: v for k, v in asdict(self).items() if k not in run_only}
