"""Selecting summary sentences within a word budget, without saying anything twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import numpy as np
import numpy.typing as npt

from storyline.summarize._coverage import Coverage
from storyline.summarize._features import FloatArray

_MAX_CANDIDATES = 300
FILL_SENTENCES = 3
"""When the greedy choice holds at most this many sentences (a budget small against the
cluster's sentence lengths: 40 words on Multi-News), the set of whole sentences is searched
exactly instead (`best_fill`), among sets of up to one sentence more (issue 15)."""
FILL_POOL = 30
"""The best-scored candidates that fit the budget, among which `best_fill` searches."""


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
    When the greedy choice holds at most `FILL_SENTENCES` sentences, the best set of whole
    sentences by score times words is searched exactly (`best_fill`), under the same rules.
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
            # Among the open ones only: where every value is -inf or NaN (a scorer's), argmax
            # over all would take a closed sentence again.
            candidates = np.flatnonzero(open_)
            best = int(candidates[np.argmax(np.nan_to_num(value[candidates], nan=-np.inf))])
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
        if 0 < len(chosen) <= FILL_SENTENCES:
            better = best_fill(
                scores,
                embeddings,
                n_words,
                chosen,
                budget=budget,
                redundancy=redundancy,
                same_fact=same_fact,
                needs=needs,
                coverage=coverage,
            )
            if better is not None:
                return better
        return chosen


def best_fill(
    scores: FloatArray,
    embeddings: FloatArray,
    n_words: npt.NDArray[np.int32],
    chosen: list[int],
    *,
    budget: int,
    redundancy: float,
    same_fact: Callable[[int, int], bool] | None = None,
    needs: npt.NDArray[np.intp] | None = None,
    coverage: Coverage | None = None,
) -> list[int] | None:
    """The set of whole sentences, of at most `FILL_SENTENCES` + 1, with the largest sum of
    score times words within `budget`, among the `FILL_POOL` best-scored candidates that fit
    and the greedy `chosen`; None when `chosen` is as good.

    A sentence's score estimates the share of its words a human summary keeps, so score
    times words is the words it is expected to share with one, and the sum over a set is
    what ROUGE counts (its F1 hardly moves with a few words more or less against a
    reference of 250). Greedy by score takes the best sentence first even when it is short
    and nothing else then fits: at 40 words a 20-word first pick leaves half the budget
    empty where one 38-word sentence, or two of 19, would fill it. The same rules hold as
    in the greedy choice: no two sentences at `redundancy` or stating the same fact
    (`same_fact`), and a sentence that `needs` another only with it. With `coverage`, a
    set also gains `coverage.weight` times the weight of all the concepts it carries over
    the best concept weight per word of a candidate: summed sentence by sentence, the
    greedy choice's coverage term times each sentence's words.
    """
    fits = np.flatnonzero(n_words <= budget)
    pool = fits[np.argsort(-scores[fits], kind="stable")[:FILL_POOL]].tolist()
    pool += [c for c in chosen if c not in pool]
    value = {i: float(scores[i]) * float(n_words[i]) for i in pool}
    concepts: dict[int, list[int]] = {}
    weights = np.zeros(0)
    scale = 0.0
    if coverage is not None and coverage.weight > 0:
        rows = coverage.rows(np.array(pool, dtype=np.intp))
        weights = rows.weights
        concepts = {i: rows.ids[rows.starts[k] : rows.starts[k + 1]].tolist() for k, i in enumerate(pool)}
        alone = {i: float(weights[concepts[i]].sum()) for i in pool}
        top = max(alone[i] / max(int(n_words[i]), 1) for i in pool)
        scale = coverage.weight / top if top > 0 else 0.0
    order = sorted(pool, key=lambda i: -value[i])
    if max(float(scores[i]) for i in pool) <= 0:
        return None
    # the most a word can add: the bound that prunes the search
    if scale:
        density = max((value[i] + scale * alone[i]) / max(int(n_words[i]), 1) for i in pool)
    else:
        density = max(float(scores[i]) for i in pool)
    where = {i: k for k, i in enumerate(pool)}
    sims = embeddings[pool] @ embeddings[pool].T
    clash: dict[tuple[int, int], bool] = {}

    def clashes(a: int, b: int) -> bool:
        key = (a, b) if a < b else (b, a)
        if key not in clash:
            clash[key] = bool(sims[where[a], where[b]] >= redundancy) or (
                same_fact is not None and same_fact(*key)
            )
        return clash[key]

    def complete(subset: list[int]) -> bool:
        return needs is None or all(needs[i] < 0 or int(needs[i]) in subset for i in subset)

    def gain(i: int, covered: set[int]) -> float:
        return scale * float(sum(weights[c] for c in set(concepts[i]) - covered)) if scale else 0.0

    covered: set[int] = set()
    best_total = 0.0
    for i in chosen:
        best_total += value[i] + gain(i, covered)
        covered.update(concepts.get(i, ()))
    best: list[int] | None = None
    most = FILL_SENTENCES + 1

    def grow(start: int, subset: list[int], words: int, total: float, covered: set[int]) -> None:
        nonlocal best_total, best
        if subset and total > best_total + 1e-9 and complete(subset):
            best_total, best = total, list(subset)
        if len(subset) >= most or total + (budget - words) * density <= best_total + 1e-9:
            return
        for k in range(start, len(order)):
            i = order[k]
            if words + int(n_words[i]) > budget or any(clashes(i, j) for j in subset):
                continue
            subset.append(i)
            more = covered | set(concepts.get(i, ()))
            grow(k + 1, subset, words + int(n_words[i]), total + value[i] + gain(i, covered), more)
            subset.pop()

    grow(0, [], 0, 0.0, set())
    return best


SELECTORS: dict[str, type[MMRSelector]] = {
    "mmr": MMRSelector,
}
