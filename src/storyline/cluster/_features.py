"""Per-article features: the part of clustering that needs no state, so it can run anywhere.

An article becomes a dense vector (the embedder, on its title and lead), hashed term
counts (words plus capitalized names), and a MinHash signature of its word 3-shingles.
Nothing here depends on the stream seen so far: IDF weighting and every decision happen
in the clusterer, which is why features computed in a helper process or on Ray workers
give the same assignments as features computed in process. Hashes are computed from the
characters (never Python's `hash()`, which differs between processes).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storyline.cluster._options import ClusterOptions
from storyline.embed import Embedder, Vectors, make_embedder
from storyline.model import Article

# scikit-learn's default token pattern: words of two or more characters.
_TOKEN = re.compile(r"\b\w\w+\b")
# Two or more capitalized words in a row: a cheap stand-in for named entities (spaCy NER runs
# at ~100 articles/s, far below the 2,000/s target). Matches right after a sentence end are
# dropped in `_names`, since there a capital says nothing.
_NAME = re.compile(r"\b[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)+")
_TOKEN_CHARS = 24  # longer tokens are cut to this many characters before hashing
# A Mersenne prime for the universal hash family of MinHash (Broder, 1997).
_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_K1, _K2 = np.uint64(0x9E3779B1), np.uint64(0x85EBCA77)  # odd constants mixing three word hashes
_POWERS = np.array([pow(1_000_003, i, 1 << 64) for i in range(_TOKEN_CHARS)], dtype=np.uint64)


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


@dataclass(frozen=True, slots=True)
class Features:
    """Features of a batch of articles, row i for article i."""

    dense: Vectors
    term_indices: list[npt.NDArray[np.int64]]
    term_weights: list[npt.NDArray[np.float32]]
    signatures: npt.NDArray[np.uint64]
    has_text: list[bool]

    def __len__(self) -> int:
        return len(self.has_text)


class Featurizer:
    """Computes `Features`; holds the embedding model, so make one per process."""

    def __init__(self, options: ClusterOptions) -> None:
        self.options = options
        self._embedder: Embedder | None = None
        self._stop = _stop_words()
        rng = np.random.default_rng(1)  # fixed: signatures must match across processes and runs
        # Below 2**31, so that a * hash + b (hash < 2**32) never overflows 64 bits.
        self._a = rng.integers(1, 1 << 31, size=options.num_perm, dtype=np.uint64)
        self._b = rng.integers(0, 1 << 31, size=options.num_perm, dtype=np.uint64)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.options.embedder, model=self.options.model)
        return self._embedder

    def __call__(self, articles: list[Article]) -> Features:
        texts = [_full_text(a) for a in articles]
        has_text = [bool(a.text.strip()) for a in articles]
        if self.options.retrieval == "sketch" and self.options.dense_weight == 0.0:
            dense = np.zeros((len(articles), 0), dtype=np.float32)  # not used: skip the model
        elif articles:
            leads = [" ".join(t.split()[: self.options.embed_words]) for t in texts]
            dense = self.embedder.embed(leads)
        else:
            dense = np.zeros((0, 1), dtype=np.float32)
        indices: list[npt.NDArray[np.int64]] = []
        weights: list[npt.NDArray[np.float32]] = []
        signatures = np.zeros((len(texts), self.options.num_perm), dtype=np.uint64)
        for row, text in enumerate(texts):
            hashes = self._token_hashes(text)
            idx, tf = self._terms(hashes, text)
            indices.append(idx)
            weights.append(tf)
            signatures[row] = self._signature(hashes[: self.options.shingle_words])
        return Features(dense, indices, weights, signatures, has_text)

    def _token_hashes(self, text: str) -> npt.NDArray[np.uint64]:
        """A 64-bit hash of each content word, in text order, vectorized over the characters."""
        stop = self._stop
        tokens = [t for t in _TOKEN.findall(text.lower()) if t not in stop]
        if not tokens:
            return np.zeros(0, dtype=np.uint64)
        chars = np.array(tokens, dtype=f"<U{_TOKEN_CHARS}").view(np.uint32).reshape(len(tokens), -1)
        hashes: npt.NDArray[np.uint64] = chars.astype(np.uint64) @ _POWERS[: chars.shape[1]]
        hashes ^= hashes >> np.uint64(29)  # spread the high bits into the low ones
        return hashes

    def _terms(
        self, hashes: npt.NDArray[np.uint64], text: str
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """Hashed term ids (sorted) with sublinear term frequencies; names add extra terms."""
        n_features = self.options.n_features
        ids = (hashes % np.uint64(n_features)).astype(np.int64)
        names = self._names(text)
        if names:
            ids = np.concatenate([ids, np.array(names, dtype=np.int64)])
        idx, inverse, counts = np.unique(ids, return_inverse=True, return_counts=True)
        if not names:
            return idx, (1.0 + np.log(counts)).astype(np.float32)
        # A name's occurrences count `entity_weight` each, on top of its words.
        is_name = np.zeros(len(ids), dtype=np.float64)
        is_name[len(hashes) :] = 1.0
        name_counts = np.bincount(inverse, weights=is_name, minlength=len(idx))
        word_counts = counts - name_counts
        tf = np.where(word_counts > 0, 1.0 + np.log(np.maximum(word_counts, 1)), 0.0)
        tf += np.where(
            name_counts > 0, self.options.entity_weight * (1.0 + np.log(np.maximum(name_counts, 1))), 0.0
        )
        return idx, tf.astype(np.float32)

    def _names(self, text: str) -> list[int]:
        found = []
        for match in _NAME.finditer(text):
            start = match.start()
            if start == 0 or text[max(0, start - 2) : start].strip() in (".", "!", "?", '"', "“"):
                continue  # a capital after a sentence end
            key = zlib.crc32(("name:" + match.group().lower()).encode())
            found.append(key % self.options.n_features)
        return found

    def _signature(self, hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
        """MinHash of word 3-shingles: datasketch's "legacy" scheme, (a*h + b) mod (2^61 - 1), vectorized."""
        words = hashes & _MAX_HASH
        if len(words) >= 3:  # a shingle's hash from its words' hashes: no string joining
            shingles = (words[:-2] * _K1 + words[1:-1] * _K2 + words[2:]) & _MAX_HASH
        elif len(words):
            shingles = words
        else:
            shingles = np.zeros(1, dtype=np.uint64)
        permuted = (np.outer(self._a, shingles) + self._b[:, None]) % _PRIME & _MAX_HASH
        result: npt.NDArray[np.uint64] = permuted.min(axis=1)
        return result


def _full_text(article: Article) -> str:
    return f"{article.title}\n{article.text}" if article.title else article.text
