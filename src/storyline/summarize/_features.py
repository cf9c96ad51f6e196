"""Multi-document evidence for each sentence: centrality, corroboration, position, length."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storyline.model import Corpus

FloatArray = npt.NDArray[np.float32]
_BLOCK_ROWS = 2048  # rows of the similarity matrix held at once; bounds memory on big clusters


@dataclass(frozen=True, slots=True)
class Features:
    """Per-sentence features, aligned with `corpus.sentences`.

    `doc_support[i, k]` is the best cosine between sentence i and any sentence of
    the k-th document in `docs` (-1 for the sentence's own document).
    """

    docs: tuple[int, ...]
    doc_support: FloatArray
    centrality: FloatArray
    support: FloatArray
    corroboration: FloatArray
    lead: FloatArray
    relative_position: FloatArray
    n_words: npt.NDArray[np.int32]

    def columns(self) -> dict[str, FloatArray]:
        """The scalar features by name, for scorers that weigh them."""
        return {
            "centrality": self.centrality,
            "support": self.support,
            "corroboration": self.corroboration,
            "lead": self.lead,
            "relative_position": self.relative_position,
            "n_words": self.n_words.astype(np.float32),
        }


def doc_vectors(corpus: Corpus) -> tuple[tuple[int, ...], FloatArray]:
    """Mean sentence embedding of each document that has sentences, unit length."""
    assert corpus.embeddings is not None
    doc_of = np.array([s.doc_index for s in corpus.sentences], dtype=np.int64)
    docs = tuple(int(d) for d in dict.fromkeys(doc_of.tolist()))
    if not docs:
        return (), np.zeros((0, corpus.embeddings.shape[1]), dtype=np.float32)
    starts = np.searchsorted(doc_of, docs)
    sums = np.add.reduceat(corpus.embeddings, starts, axis=0)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return docs, (sums / norms).astype(np.float32)


def compute_features(corpus: Corpus, *, citation_threshold: float) -> Features:
    """Compute every feature the scorers and the citation step use."""
    assert corpus.embeddings is not None, "embed the corpus first"
    emb = corpus.embeddings
    sentences = corpus.sentences
    n = len(sentences)
    doc_of = np.array([s.doc_index for s in sentences], dtype=np.int64)
    docs, vectors = doc_vectors(corpus)
    column_of = {d: k for k, d in enumerate(docs)}
    own = np.array([column_of[int(d)] for d in doc_of], dtype=np.int64)

    # Documents weigh equally in the centroid, however long each is.
    centroid = vectors.mean(axis=0) if len(docs) else np.zeros(emb.shape[1], dtype=np.float32)
    norm = float(np.linalg.norm(centroid)) or 1.0
    centrality = (emb @ (centroid / norm)).astype(np.float32)

    doc_support = _doc_support(emb, doc_of, docs)
    if n:
        doc_support[np.arange(n), own] = -1.0
    n_others = max(len(docs) - 1, 0)
    if n_others:
        others = np.where(doc_support < 0, 0.0, doc_support)
        support = (others.sum(axis=1) / n_others).astype(np.float32)
        corroboration = ((doc_support >= citation_threshold).sum(axis=1) / n_others).astype(np.float32)
    else:
        support = np.zeros(n, dtype=np.float32)
        corroboration = np.zeros(n, dtype=np.float32)

    positions = np.array([s.position for s in sentences], dtype=np.float32)
    doc_len = np.zeros(len(corpus.articles), dtype=np.float32)
    np.add.at(doc_len, doc_of, 1.0)
    relative = positions / np.maximum(doc_len[doc_of], 1.0) if n else positions
    return Features(
        docs=docs,
        doc_support=doc_support,
        centrality=centrality,
        support=support,
        corroboration=corroboration,
        lead=(1.0 / (1.0 + positions)).astype(np.float32),
        relative_position=relative.astype(np.float32),
        n_words=np.array([s.n_words for s in sentences], dtype=np.int32),
    )


def _doc_support(emb: FloatArray, doc_of: npt.NDArray[np.int64], docs: tuple[int, ...]) -> FloatArray:
    """Best similarity of every sentence to each document, computed in row blocks.

    Sentences of one document are contiguous, so a per-document maximum is one
    `np.maximum.reduceat` over column blocks.
    """
    n = len(emb)
    out = np.zeros((n, len(docs)), dtype=np.float32)
    if n == 0:
        return out
    starts = np.searchsorted(doc_of, docs)
    for lo in range(0, n, _BLOCK_ROWS):
        block = emb[lo : lo + _BLOCK_ROWS] @ emb.T
        out[lo : lo + _BLOCK_ROWS] = np.maximum.reduceat(block, starts, axis=1)
    return out
