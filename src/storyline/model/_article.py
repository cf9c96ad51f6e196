"""Articles, spans and sentences: the units every stage passes along."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """One news report: its text and what is known about it.

    `id` is the source id used in citations (a file name, or a document's index in a
    JSONL cluster); `source` optionally names the outlet.
    """

    text: str
    id: str = ""
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    date_source: str | None = None
    """Where `date` came from when storyline read it: "metadata" for a web page's own
    metadata; None when the caller gave it."""


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of one article's (cleaned) text: `article.text[start:end]`."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a cleaned article, with where it came from."""

    text: str
    span: Span
    doc_index: int
    """Index of the article in its corpus."""
    position: int
    """Index of the sentence within its article (0 = first kept sentence)."""
    paragraph: int
    """Index of the kept paragraph (line) the sentence sits in."""
    n_words: int


@dataclass(frozen=True, slots=True)
class Dropped:
    """Material left out of the summary, and why. Nothing is dropped silently."""

    source: str
    text: str
    reason: str
    kind: str = "line"
    """"line" (a paragraph or line), "document", or "sentence"."""
    detail: str | None = None
