"""Evaluation: ROUGE against human summaries, the greedy oracle, report accuracy against gold,
timeline metrics (Date-F1, alignment ROUGE) and readability counts over summaries."""

from storyline.evaluate._gold import FEATURES, Counts, score_report, total
from storyline.evaluate._oracle import greedy_oracle
from storyline.evaluate._readability import Readability, has_wire_credit, is_fragment
from storyline.evaluate._rouge import METRICS, RougeScore, n_words, rouge, truncate_words
from storyline.evaluate._timeline_metrics import PRF, alignment_rouge, date_f1
from storyline.text import starts_with_pronoun

__all__ = [
    "FEATURES",
    "METRICS",
    "PRF",
    "Counts",
    "Readability",
    "RougeScore",
    "alignment_rouge",
    "date_f1",
    "greedy_oracle",
    "has_wire_credit",
    "is_fragment",
    "n_words",
    "rouge",
    "score_report",
    "starts_with_pronoun",
    "total",
    "truncate_words",
]
