"""Extractive multi-document summarization: features, scorers, selectors, citations."""

from storyline.summarize._baselines import SumyRanker, lead_sentences
from storyline.summarize._features import FEATURE_NAMES, Features, compute_features, doc_vectors
from storyline.summarize._learned import LearnedScorer
from storyline.summarize._scorers import SCORERS, CentralityScorer, LeadScorer, SentenceScorer
from storyline.summarize._select import SELECTORS, MMRSelector, Selector
from storyline.summarize._summarize import (
    FeatureCache,
    cite,
    exclude_off_topic,
    make_scorer,
    make_selector,
    summarize_corpus,
)
from storyline.summarize._update import Seen, split_since

__all__ = [
    "FEATURE_NAMES",
    "SCORERS",
    "SELECTORS",
    "CentralityScorer",
    "FeatureCache",
    "Features",
    "LeadScorer",
    "LearnedScorer",
    "MMRSelector",
    "Seen",
    "Selector",
    "SentenceScorer",
    "SumyRanker",
    "cite",
    "compute_features",
    "doc_vectors",
    "exclude_off_topic",
    "lead_sentences",
    "make_scorer",
    "make_selector",
    "split_since",
    "summarize_corpus",
]
