import numpy as np

from storyline.clean import find_off_topic, off_topic_scores


def _unit(*rows: list[float]) -> np.ndarray:
    m = np.array(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_off_topic_flags_the_outlier() -> None:
    vectors = _unit([1, 0.1, 0], [0.9, 0.2, 0], [1, 0, 0.1], [0, 0, 1])
    assert find_off_topic(vectors, threshold=0.5) == [3]


def test_off_topic_needs_three_documents() -> None:
    vectors = _unit([1, 0, 0], [0, 1, 0])
    assert list(off_topic_scores(vectors)) == [1.0, 1.0]
    assert find_off_topic(vectors, threshold=0.5) == []


def test_off_topic_never_flags_a_majority() -> None:
    vectors = _unit([1, 0, 0], [0, 1, 0], [0, 0, 1])
    assert find_off_topic(vectors, threshold=0.9) == []
