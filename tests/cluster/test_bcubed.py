"""B-cubed against hand-computed values (Bagga & Baldwin, 1998)."""

from __future__ import annotations

import pytest

from storyline.cluster import bcubed


def test_bcubed_empty() -> None:
    result = bcubed([], [])
    assert (result.precision, result.recall, result.f1, result.n_pred, result.n_gold) == (0.0, 0.0, 0.0, 0, 0)


def test_bcubed_perfect_clustering_scores_one_whatever_the_label_names() -> None:
    result = bcubed([7, 7, 3, 5], ["a", "a", "b", "c"])
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert (result.n_pred, result.n_gold) == (3, 3)


def test_bcubed_all_singletons() -> None:
    # gold {1,2} {3}: items 1 and 2 each see half of their gold cluster.
    result = bcubed([0, 1, 2], ["A", "A", "B"])
    assert result.precision == 1.0
    assert result.recall == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert result.f1 == pytest.approx(0.8)


def test_bcubed_one_big_cluster() -> None:
    result = bcubed([0, 0, 0], ["A", "A", "B"])
    assert result.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)  # 5/9
    assert result.recall == 1.0
    assert result.f1 == pytest.approx(2 * (5 / 9) / (5 / 9 + 1))


def test_bcubed_mixed_example() -> None:
    # gold A={0,1,2}, B={3,4}; predicted 1={0,1}, 2={2,3,4}
    result = bcubed([1, 1, 2, 2, 2], ["A", "A", "A", "B", "B"])
    # precision: items 0,1 -> 2/2; item 2 -> 1/3; items 3,4 -> 2/3
    assert result.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    # recall: items 0,1 -> 2/3; item 2 -> 1/3; items 3,4 -> 2/2
    assert result.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert result.f1 == pytest.approx(0.733333, abs=1e-6)


def test_bcubed_lengths_must_match() -> None:
    with pytest.raises(ValueError, match="2 predicted labels for 3 gold"):
        bcubed([0, 1], ["a", "b", "c"])
