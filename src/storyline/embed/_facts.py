"""One test of "these two sentences state the same fact", used everywhere it is asked."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from storyline.embed._base import Embedder
from storyline.errors import ConfigError, Errors
from storyline.text import content_words, overlap


@dataclass(frozen=True, slots=True)
class FactMatcher:
    """Two sentences state the same fact when their embeddings are at least `threshold`
    similar and, where `min_overlap` is set, they also share that share of content words.

    The thresholds are each embedder's calibration (benchmarks/calibrate_citations.py,
    hand-written paraphrase pairs). The word test matters for embedders whose
    similarities run high: among many same-story sentences the best clears a similarity
    bar by chance, while shared names, numbers and words do not. Citations, redundancy
    in the summary, date inference, timeline merging and agreements all ask this one
    matcher, so "the same fact" means one thing throughout a report.
    """

    threshold: float
    min_overlap: float = 0.0

    def __post_init__(self) -> None:
        if not -1.0 <= self.threshold <= 1.0:
            raise ConfigError(
                Errors.SL202, name="threshold", value=self.threshold, reason="must be in [-1, 1]"
            )
        if not 0.0 <= self.min_overlap <= 1.0:
            raise ConfigError(
                Errors.SL202, name="min_overlap", value=self.min_overlap, reason="must be in [0, 1]"
            )

    @classmethod
    def for_embedder(cls, embedder: Embedder, *, threshold: float | None = None) -> FactMatcher:
        """The matcher calibrated for `embedder` (`threshold` overrides its similarity bar)."""
        return cls(
            threshold=embedder.citation_threshold if threshold is None else threshold,
            min_overlap=embedder.citation_min_overlap,
        )

    @property
    def uses_words(self) -> bool:
        return self.min_overlap > 0

    @staticmethod
    def words(text: str) -> frozenset[str]:
        """The content words the word test compares."""
        return frozenset(content_words(text))

    def same(self, similarity: float, words_a: AbstractSet[str], words_b: AbstractSet[str]) -> bool:
        """Whether two sentences of this similarity and these content words state one fact."""
        if similarity < self.threshold:
            return False
        return not self.uses_words or overlap(words_a, words_b) >= self.min_overlap
