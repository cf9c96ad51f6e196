"""Evaluation: ROUGE against human summaries, the greedy oracle, report accuracy against gold,
and timeline metrics (Date-F1, alignment ROUGE)."""

from storyline.evaluate._gold import FEATURES, Counts, score_report, total
from storyline.evaluate._oracle import greedy_oracle
from storyline.evaluate._rouge import METRICS, RougeScore, n_words, rouge, truncate_words
from storyline.evaluate._timeline_metrics import PRF, alignment_rouge, date_f1

__all__ = [
    "FEATURES",
    "METRICS",
    "PRF",
    "Counts",
    "RougeScore",
    "alignment_rouge",
    "date_f1",
    "greedy_oracle",
    "n_words",
    "rouge",
    "score_report",
    "total",
    "truncate_words",
]
