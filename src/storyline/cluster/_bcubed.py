"""B-cubed precision, recall and F1 of a clustering against gold labels.

Bagga & Baldwin (1998), "Algorithms for scoring coreference chains": for each item, the
precision is the share of its predicted cluster that shares its gold cluster, and the
recall is the share of its gold cluster that shares its predicted cluster; both are
averaged over items. F1 is their harmonic mean.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    n_pred: int
    n_gold: int


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> BCubed:
    """Score `predicted` labels against `gold` labels (same length, same item order)."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")
    if not gold:
        return BCubed(0.0, 0.0, 0.0, 0, 0)
    pred_size = Counter(predicted)
    gold_size = Counter(gold)
    both = Counter(zip(predicted, gold, strict=True))
    precision = sum(n * n / pred_size[p] for (p, _), n in both.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (_, g), n in both.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1, len(pred_size), len(gold_size))
