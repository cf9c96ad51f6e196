import numpy as np

from storyline.summarize import MMRSelector
from storyline.summarize._select import best_fill


def _unit(rows: list[list[float]]) -> np.ndarray:
    m = np.array(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_select_empty() -> None:
    assert (
        MMRSelector().select(
            np.zeros(0, np.float32),
            np.zeros((0, 2), np.float32),
            np.zeros(0, np.int32),
            budget=10,
            redundancy=0.8,
        )
        == []
    )


def test_select_respects_budget_exactly() -> None:
    scores = np.array([0.9, 0.8, 0.7, 0.6], dtype=np.float32)
    emb = _unit([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
    words = np.array([6, 5, 5, 4], dtype=np.int32)
    chosen = MMRSelector().select(scores, emb, words, budget=10, redundancy=0.8)
    assert chosen == [0, 3]
    assert words[chosen].sum() <= 10


def test_select_never_takes_redundant_sentences() -> None:
    scores = np.array([0.9, 0.85, 0.5], dtype=np.float32)
    emb = _unit([[1, 0], [0.99, 0.05], [0, 1]])
    words = np.array([5, 5, 5], dtype=np.int32)
    for selector in (MMRSelector(), MMRSelector(lam=1.0)):
        assert selector.select(scores, emb, words, budget=100, redundancy=0.9) == [0, 2]


def test_select_nothing_fits() -> None:
    chosen = MMRSelector().select(
        np.array([1.0], np.float32), _unit([[1, 0]]), np.array([50], np.int32), budget=10, redundancy=0.8
    )
    assert chosen == []


def test_small_budget_fills_with_whole_sentences() -> None:
    # Greedy by score takes the 15-word sentence and nothing else fits: 15 of 40 words.
    # The 38-word sentence, nearly as good, is expected to share more words with a summary.
    scores = np.array([1.0, 0.9, 0.5], dtype=np.float32)
    emb = _unit([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    words = np.array([15, 38, 30], dtype=np.int32)
    chosen = MMRSelector(lam=1.0).select(scores, emb, words, budget=40, redundancy=0.8)
    assert chosen == [1]


def test_fill_keeps_the_redundancy_cap() -> None:
    # Sentences 1 and 2 together fill the budget but say the same thing.
    scores = np.array([1.0, 0.9, 0.9], dtype=np.float32)
    emb = _unit([[1, 0], [0, 1], [0.05, 1]])
    words = np.array([15, 20, 20], dtype=np.int32)
    chosen = MMRSelector(lam=1.0).select(scores, emb, words, budget=40, redundancy=0.8)
    assert sorted(chosen) == [0, 1]


def test_fill_takes_a_pronoun_start_only_with_its_sentence() -> None:
    # Sentence 1 opens with a pronoun and needs sentence 2, which does not fit beside it.
    scores = np.array([0.5, 1.0, 0.2], dtype=np.float32)
    emb = _unit([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    words = np.array([18, 38, 10], dtype=np.int32)
    needs = np.array([-1, 2, -1], dtype=np.intp)
    chosen = MMRSelector(lam=1.0).select(scores, emb, words, budget=40, redundancy=0.8, needs=needs)
    assert 1 not in chosen and sum(words[chosen]) <= 40


def test_fill_leaves_a_long_greedy_choice_alone() -> None:
    # More sentences than FILL_SENTENCES: the greedy choice stands as it was.
    # (The 45-word sentence alone would be worth more: 0.85 x 45 against 0.9 x 10 + ...)
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.85], dtype=np.float32)
    emb = _unit(np.eye(6)[:5].tolist())
    words = np.array([10, 10, 10, 10, 45], dtype=np.int32)
    chosen = MMRSelector(lam=1.0).select(scores, emb, words, budget=45, redundancy=0.8)
    assert chosen == [0, 1, 2, 3]


def test_best_fill_none_when_greedy_is_best() -> None:
    scores = np.array([1.0, 0.2], dtype=np.float32)
    emb = _unit([[1, 0], [0, 1]])
    words = np.array([20, 20], dtype=np.int32)
    assert best_fill(scores, emb, words, [0, 1], budget=40, redundancy=0.8) is None


def test_scores_of_minus_infinity_or_nan_never_take_a_sentence_twice() -> None:
    emb = np.eye(4, dtype=np.float32)
    words = np.array([5, 5, 5, 5], dtype=np.int32)
    for bad in (-np.inf, np.nan):
        scores = np.full(4, bad, dtype=np.float32)
        chosen = MMRSelector().select(scores, emb, words, budget=20, redundancy=0.8)
        assert len(chosen) == len(set(chosen)) == 4
