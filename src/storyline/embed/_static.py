"""Static embeddings (Model2Vec): a token-vector table distilled from all-MiniLM-L6-v2.

A sentence vector is the mean of its tokens' vectors: no transformer at run time, so
embedding costs microseconds per sentence instead of milliseconds. The table ships
inside storyline (src/storyline/embed/data/minilm-static), made by
scripts/distill_embedder.py from the offline MiniLM package (Tulkens & van Dongen,
2024, "Model2Vec"). Any Model2Vec model name or path can replace it.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

from storyline.embed._base import Vectors, normalize_rows, refuse_missing_path
from storyline.errors import BackendError, Errors

DEFAULT_STATIC_MODEL = Path(__file__).parent / "data" / "minilm-static"
_MODELS: dict[str, Any] = {}
_LOCK = threading.Lock()


def load_static_model(model: str | None = None) -> Any:
    """Load (once per process) a Model2Vec model by name or path."""
    name = model or str(DEFAULT_STATIC_MODEL)
    with _LOCK:
        if name in _MODELS:
            return _MODELS[name]
        try:
            from model2vec import StaticModel
        except ImportError:
            raise BackendError(Errors.SL401, what="model2vec", extra="model2vec") from None
        refuse_missing_path(name)
        if model is None or Path(name).is_dir():
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local model never reaches for the hub
        try:
            loaded = StaticModel.from_pretrained(name)
        except (OSError, ValueError, RuntimeError) as exc:
            raise BackendError(Errors.SL402, model=name, reason=str(exc).splitlines()[0]) from None
        _MODELS[name] = loaded
        return loaded


class StaticEmbedder:
    """Mean of distilled MiniLM token vectors; the fast default.

    Citation and off-topic thresholds are calibrated as for the transformer
    (benchmarks/calibrate_citations.py, benchmarks/calibrate_off_topic.py); the
    redundancy cap was chosen by cross-validation on train with the learned scorer
    (scripts/train_scorer.py). Static vectors sit closer together than MiniLM's, so
    every threshold is higher.
    """

    name = "static"
    citation_threshold = 0.64
    citation_min_overlap = 0.5
    off_topic_threshold = 0.55
    off_topic_gap: float | None = 0.15
    redundancy_threshold = 0.85

    def __init__(self, *, model: str | None = None, batch_size: int = 1024) -> None:
        self.model_name = model
        self.batch_size = batch_size
        self._model: Any = None

    def embed(self, texts: list[str]) -> Vectors:
        if self._model is None:
            self._model = load_static_model(self.model_name)
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        vectors = self._model.encode(texts, batch_size=self.batch_size, show_progress_bar=False)
        return normalize_rows(vectors)
