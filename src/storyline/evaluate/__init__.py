"""Evaluation: ROUGE against human summaries, the greedy oracle, report accuracy against gold."""

from storyline.evaluate._gold import FEATURES, Counts, score_report, total
from storyline.evaluate._oracle import greedy_oracle
from storyline.evaluate._rouge import METRICS, RougeScore, n_words, rouge, truncate_words

__all__ = [
    "FEATURES",
    "METRICS",
    "Counts",
    "RougeScore",
    "greedy_oracle",
    "n_words",
    "rouge",
    "score_report",
    "total",
    "truncate_words",
]
