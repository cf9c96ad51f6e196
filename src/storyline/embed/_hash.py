"""A deterministic bag-of-words hash embedder: fast, model-free, for tests and fallbacks."""

from __future__ import annotations

import itertools
import zlib

import numpy as np

from storyline.embed._base import Vectors, normalize_rows
from storyline.text import word_tokens

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "by",
        "with",
        "as",
        "that",
        "this",
        "it",
        "its",
        "from",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "said",
        "says",
        "has",
        "have",
        "had",
        "not",
        "will",
        "would",
    ]
)


class HashEmbedder:
    """Signed feature hashing of word unigrams and bigrams (Weinberger et al., 2009).

    Similar wording gives similar vectors; paraphrase does not. Use it where a
    model is not wanted: unit tests, or a run with no embedding extra installed.
    """

    name = "hash"
    citation_threshold = 0.2
    citation_min_overlap = 0.0
    off_topic_gap: float | None = None
    off_topic_threshold = 0.15
    redundancy_threshold = 0.3

    def __init__(self, *, dim: int = 1024) -> None:
        self.dim = dim

    def embed(self, texts: list[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            tokens = [t for t in word_tokens(text) if t not in _STOPWORDS]
            features = tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]
            for feature in features:
                h = zlib.crc32(feature.encode("utf-8"))
                out[row, h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
        return normalize_rows(out)
