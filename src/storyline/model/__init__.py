"""The data model every stage shares; validation only, no I/O."""

from storyline.model._article import Article, Dropped, Sentence, Span
from storyline.model._corpus import Corpus
from storyline.model._summary import Summary, SummaryOptions, SummarySentence

__all__ = [
    "Article",
    "Corpus",
    "Dropped",
    "Sentence",
    "Span",
    "Summary",
    "SummaryOptions",
    "SummarySentence",
]
