"""The baseline: TF-IDF and agglomerative clustering (cosine distance, average linkage).

Offline and quadratic: it sees the whole input at once and needs the full n x n distance
matrix (12,500 articles: 600 MB as float32). It is here to be compared with, not used on
a stream.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storyline.model import Article


class AgglomerativeClusterer:
    """scikit-learn TF-IDF (sublinear tf, English stop words, words in 2+ articles) + AgglomerativeClustering.

    Words found in one article only are left out (`min_df=2`): they add length to a vector
    and nothing to any similarity. That made the baseline stronger on both dev streams
    (DUC thread level: best F1 0.8997 against 0.8714; Multi-News val story level: 0.8579
    against 0.8568; docs/benchmarks.md), so it is the one we compare with.
    """

    name = "agglomerative"

    def __init__(self, *, distance_threshold: float = 0.8) -> None:
        self.distance_threshold = distance_threshold

    def cluster(self, articles: list[Article]) -> list[int | None]:
        return self.sweep(articles, [self.distance_threshold])[self.distance_threshold]

    def sweep(
        self, articles: Sequence[Article], thresholds: Sequence[float]
    ) -> dict[float, list[int | None]]:
        """Labels at each distance threshold; the distance matrix is computed once."""
        from sklearn.cluster import AgglomerativeClustering

        rows = [i for i, a in enumerate(articles) if a.text.strip()]
        out: dict[float, list[int | None]] = {}
        if len(rows) < 2:
            for t in thresholds:
                out[t] = [0 if a.text.strip() else None for a in articles]
            return out
        distances = self._distances([articles[i] for i in rows])
        for t in thresholds:
            model = AgglomerativeClustering(
                n_clusters=None, metric="precomputed", linkage="average", distance_threshold=t
            )
            labels = model.fit_predict(distances)
            result: list[int | None] = [None] * len(articles)
            for i, label in zip(rows, labels.tolist(), strict=True):
                result[i] = int(label)
            out[t] = result
        return out

    @staticmethod
    def _distances(articles: Sequence[Article]) -> npt.NDArray[np.float32]:
        from sklearn.feature_extraction.text import TfidfVectorizer

        texts = [f"{a.title}\n{a.text}" if a.title else a.text for a in articles]
        try:
            tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, dtype=np.float32)
            vectors = tfidf.fit_transform(texts)
        except ValueError:  # no word in two articles: every word counts
            tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
            vectors = tfidf.fit_transform(texts)
        distances: npt.NDArray[np.float32] = (vectors @ vectors.T).toarray().astype(np.float32, copy=False)
        np.subtract(1.0, distances, out=distances)
        np.clip(distances, 0.0, 2.0, out=distances)
        return distances
