"""The data model every stage shares; validation only, no I/O."""

from storyline.model._article import Article, Dropped, Sentence, Span
from storyline.model._corpus import Corpus
from storyline.model._story import (
    Agreement,
    Claim,
    ClaimValue,
    DocumentInfo,
    Entity,
    EventDate,
    PartialDate,
    Quote,
    ReportOptions,
    Story,
    TimelineEvent,
)
from storyline.model._summary import Summary, SummaryOptions, SummarySentence

__all__ = [
    "Agreement",
    "Article",
    "Claim",
    "ClaimValue",
    "Corpus",
    "DocumentInfo",
    "Dropped",
    "Entity",
    "EventDate",
    "PartialDate",
    "Quote",
    "ReportOptions",
    "Sentence",
    "Span",
    "Story",
    "Summary",
    "SummaryOptions",
    "SummarySentence",
    "TimelineEvent",
]
