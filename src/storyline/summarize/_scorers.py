"""Sentence scorers: one interface, several ways of weighing the evidence."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

import numpy as np

from storyline.summarize._features import Features, FloatArray


class SentenceScorer(Protocol):
    """Give every sentence a salience score (higher is more summary-worthy)."""

    def score(self, features: Features) -> FloatArray: ...


class CentralityScorer:
    """Weighted multi-document evidence: centrality, cross-source support, lead position.

    A sentence is summary-worthy when it is close to what the cluster is about
    (centrality; Radev et al. 2004), when other outlets say the same (support and
    corroboration), and when reporters put it early (the lead; Nenkova 2005).
    Weights are hand-set starting points.
    """

    weights: ClassVar[dict[str, float]] = {
        "centrality": 0.35,
        "support": 0.3,
        "corroboration": 0.15,
        "lead": 0.2,
    }

    def score(self, features: Features) -> FloatArray:
        cols = features.values
        total = np.zeros_like(features.centrality)
        for name, weight in self.weights.items():
            total += weight * cols[name]
        if len(features.docs) < 2:
            # One document: no cross-source evidence, so centrality and lead decide.
            total = 0.6 * cols["centrality"] + 0.4 * cols["lead"]
        # Very short sentences carry little; shrink their score rather than ban them.
        length_fit = np.minimum(1.0, features.n_words / 12.0)
        return (total * length_fit).astype(np.float32)


class LeadScorer:
    """Position only: the first sentences of each report first (the Lead baseline)."""

    def score(self, features: Features) -> FloatArray:
        return features.lead.copy()


def _learned() -> SentenceScorer:
    from storyline.summarize._learned import LearnedScorer

    return LearnedScorer()


SCORERS: dict[str, Callable[[], SentenceScorer]] = {
    "centrality": CentralityScorer,
    "lead": LeadScorer,
    "learned": _learned,
}
