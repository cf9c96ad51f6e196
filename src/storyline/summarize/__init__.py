"""Extractive multi-document summarization: features, scorers, selectors, citations."""

from storyline.summarize._features import Features, compute_features, doc_vectors
from storyline.summarize._scorers import SCORERS, CentralityScorer, LeadScorer, SentenceScorer
from storyline.summarize._select import SELECTORS, GreedySelector, MMRSelector, Selector
from storyline.summarize._summarize import (
    cite,
    exclude_off_topic,
    make_scorer,
    make_selector,
    summarize_corpus,
)

__all__ = [
    "SCORERS",
    "SELECTORS",
    "CentralityScorer",
    "Features",
    "GreedySelector",
    "LeadScorer",
    "MMRSelector",
    "Selector",
    "SentenceScorer",
    "cite",
    "compute_features",
    "doc_vectors",
    "exclude_off_topic",
    "make_scorer",
    "make_selector",
    "summarize_corpus",
]
