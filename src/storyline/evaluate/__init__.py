"""Evaluation: ROUGE against human summaries, word-budget truncation, the greedy oracle."""

from storyline.evaluate._oracle import greedy_oracle
from storyline.evaluate._rouge import METRICS, RougeScore, n_words, rouge, truncate_words

__all__ = ["METRICS", "RougeScore", "greedy_oracle", "n_words", "rouge", "truncate_words"]
