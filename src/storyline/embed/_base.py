"""The Embedder interface: texts in, unit-length float32 vectors out."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns sentences into vectors whose dot product is their cosine similarity.

    Each backend carries the thresholds calibrated for its own similarity scale
    (they differ a lot between a bag-of-words hash and a trained model).
    """

    name: str
    citation_threshold: float
    redundancy_threshold: float
    off_topic_threshold: float

    def embed(self, texts: list[str]) -> Vectors: ...


def normalize_rows(matrix: npt.NDArray[np.floating]) -> Vectors:
    """Scale each row to unit length (zero rows stay zero)."""
    out = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: Vectors = out / norms
    return unit
