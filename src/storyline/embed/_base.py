"""The Embedder interface: texts in, unit-length float32 vectors out."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from storyline.errors import BackendError, Errors

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns sentences into vectors whose dot product is their cosine similarity.

    Each backend carries the thresholds calibrated for its own similarity scale
    (they differ a lot between a bag-of-words hash and a trained model).
    """

    name: str
    citation_threshold: float
    """Similarity at which two sentences may state the same fact (see FactMatcher)."""
    citation_min_overlap: float
    """Share of content words they must also share (0: similarity alone decides)."""
    redundancy_threshold: float
    """Similarity at which two summary sentences are too alike to both be kept."""
    off_topic_threshold: float
    off_topic_gap: float | None
    """How far below the cluster's typical similarity a document may fall (None: no relative rule)."""

    def embed(self, texts: list[str]) -> Vectors: ...


def normalize_rows(matrix: npt.NDArray[np.floating]) -> Vectors:
    """Scale each row to unit length (zero rows stay zero)."""
    out = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: Vectors = out / norms
    return unit


def refuse_missing_path(name: str) -> None:
    """Fail fast on a model path that does not exist, instead of asking the hub for it.

    A hub id is "owner/name"; anything that starts like a path, or has more parts,
    is a path.
    """
    looks_like_path = name.startswith(("/", ".", "~")) or name.count("/") > 1
    if looks_like_path and not Path(name).expanduser().exists():
        raise BackendError(Errors.SL402, model=name, reason="no such directory")
