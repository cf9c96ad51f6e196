"""Off-topic documents: those far from the rest of their cluster."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

OFF_TOPIC_THRESHOLD = 0.45
"""Cosine between a document's mean sentence embedding and the mean of the other
documents' (MiniLM); calibrated on Multi-News train, see docs/benchmarks.md."""


def off_topic_scores(doc_vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """For each document, its cosine similarity to the centroid of all the others.

    Rows of `doc_vectors` are unit-length document vectors. With fewer than three
    documents there is no majority to judge by, and every score is 1.
    """
    n = len(doc_vectors)
    if n < 3:
        return np.ones(n, dtype=np.float32)
    total = doc_vectors.sum(axis=0)
    others = total[None, :] - doc_vectors
    norms = np.linalg.norm(others, axis=1)
    norms[norms == 0] = 1.0
    scores: npt.NDArray[np.float32] = ((doc_vectors * others).sum(axis=1) / norms).astype(np.float32)
    return scores


def find_off_topic(
    doc_vectors: npt.NDArray[np.float32],
    *,
    threshold: float = OFF_TOPIC_THRESHOLD,
    max_gap: float | None = None,
) -> list[int]:
    """Indices of documents far from the rest of the cluster.

    A document is flagged when its similarity to the others is below `threshold`,
    or, with `max_gap`, more than `max_gap` below the cluster's median (for
    embedders whose similarities all sit high, a fixed threshold alone misses
    strays). At most a minority is flagged: if half or more of the cluster looks
    off-topic, the cluster is diverse rather than polluted, and nothing is flagged.
    """
    scores = off_topic_scores(doc_vectors)
    median = float(np.median(scores)) if len(scores) else 0.0
    gap = float("inf") if max_gap is None else max_gap
    flagged = [i for i, s in enumerate(scores) if s < threshold or median - s > gap]
    return flagged if len(flagged) * 2 < len(doc_vectors) else []
