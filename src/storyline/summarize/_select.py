"""Selecting summary sentences within a word budget, without saying anything twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import numpy as np
import numpy.typing as npt

from storyline.summarize._coverage import Coverage
from storyline.summarize._features import FloatArray

_MAX_CANDIDATES = 300


class Selector(Protocol):
    """Pick sentence indices (into the candidate arrays) that fit in `budget` words."""

    def select(
        self,
        scores: FloatArray,
        embeddings: FloatArray,
        n_words: npt.NDArray[np.int32],
        *,
        budget: int,
        redundancy: float,
        same_fact: Callable[[int, int], bool] | None = None,
        needs: npt.NDArray[np.intp] | None = None,
        coverage: Coverage | None = None,
    ) -> list[int]: ...


class MMRSelector:
    """Maximal Marginal Relevance (Carbonell & Goldstein, 1998) with a hard redundancy cap.

    Each step takes the sentence maximising `lam * score - (1 - lam) * max_sim` among
    those that still fit the budget. A sentence whose similarity to one already
    chosen reaches `redundancy`, or that `same_fact(i, j)` says repeats one already
    chosen (i, j index the given arrays), is never taken: no two sentences say one thing.
    `needs[i]`, when not -1, is a sentence that must be chosen before `i` may be (a
    pronoun start waits for the sentence before it in its report).
    `coverage`, when given, adds to each value `coverage.weight` times the sentence's
    concepts not yet in the summary per word, over the best such gain among the sentences
    still open (`summarize/_coverage.py`).
    """

    def __init__(self, *, lam: float = 0.75) -> None:
        self.lam = lam

    def select(
        self,
        scores: FloatArray,
        embeddings: FloatArray,
        n_words: npt.NDArray[np.int32],
        *,
        budget: int,
        redundancy: float,
        same_fact: Callable[[int, int], bool] | None = None,
        needs: npt.NDArray[np.intp] | None = None,
        coverage: Coverage | None = None,
    ) -> list[int]:
        if len(scores) == 0:
            return []
        pool = np.argsort(-scores, kind="stable")[:_MAX_CANDIDATES]
        # waiting[k]: pool[k] needs a sentence not yet chosen (-1 when it needs none).
        waiting = np.full(len(pool), -1, dtype=np.intp) if needs is None else needs[pool].astype(np.intp)
        pool_emb = embeddings[pool]
        max_sim = np.full(len(pool), -1.0, dtype=np.float32)
        alive = n_words[pool] <= budget
        chosen: list[int] = []
        remaining = budget
        concepts = coverage.rows(pool) if coverage is not None and coverage.weight > 0 else None
        covered = np.zeros(0 if concepts is None else len(concepts.weights), dtype=bool)
        while alive.any():
            value = self.lam * scores[pool] - (1.0 - self.lam) * np.maximum(max_sim, 0.0)
            if concepts is not None:
                gain = concepts.gains(covered) / np.maximum(n_words[pool], 1)
                top = float(gain[alive].max())
                if top > 0:
                    value = value + concepts.weight * gain / top
            open_ = alive & (waiting < 0)
            if not open_.any():
                break
            value = np.where(open_, value, -np.inf)
            best = int(np.argmax(value))
            chosen.append(int(pool[best]))
            remaining -= int(n_words[pool[best]])
            if concepts is not None:
                covered[concepts.ids[concepts.starts[best] : concepts.starts[best + 1]]] = True
            sims = pool_emb @ pool_emb[best]
            max_sim = np.maximum(max_sim, sims)
            alive &= (max_sim < redundancy) & (n_words[pool] <= remaining)
            alive[best] = False
            waiting[waiting == pool[best]] = -1
            if same_fact is not None:
                for k in np.flatnonzero(alive).tolist():
                    if same_fact(int(pool[k]), int(pool[best])):
                        alive[k] = False
        return chosen


SELECTORS: dict[str, type[MMRSelector]] = {
    "mmr": MMRSelector,
}
