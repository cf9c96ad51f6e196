import numpy as np

from storyline.summarize import MMRSelector


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
