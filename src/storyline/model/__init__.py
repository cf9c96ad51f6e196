"""The data model every stage shares; validation only, no I/O."""

from storyline.model._article import NOTE_REASONS, Article, CleanText, Dropped, Sentence, Span
from storyline.model._corpus import ARTICLE_FIELDS, CORPUS_FIELDS, Corpus, DateOrigin
from storyline.model._offsets import OffsetMap
from storyline.model._story import (
    Agreement,
    Claim,
    ClaimValue,
    DocumentInfo,
    Entity,
    EventDate,
    KeyDate,
    PartialDate,
    Quote,
    ReportOptions,
    Story,
    TimelineEvent,
)
from storyline.model._summary import Summary, SummaryOptions, SummarySentence

__all__ = [
    "ARTICLE_FIELDS",
    "CORPUS_FIELDS",
    "NOTE_REASONS",
    "Agreement",
    "Article",
    "Claim",
    "ClaimValue",
    "CleanText",
    "Corpus",
    "DateOrigin",
    "DocumentInfo",
    "Dropped",
    "Entity",
    "EventDate",
    "KeyDate",
    "OffsetMap",
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
