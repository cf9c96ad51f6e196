"""Articles, spans and sentences: the units every stage passes along."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storyline.model._offsets import OffsetMap


@dataclass(frozen=True, slots=True)
class Dropped:
    """Material cleaning or summarizing left out, and why. Nothing is dropped silently.

    `start`/`end` index the article's given text (`Article.text`) when the material
    came from it.
    """

    source: str
    text: str
    reason: str
    kind: str = "line"
    """"line" (a paragraph or line), "prefix" (cut from the start of a paragraph),
    "inline" (cut from inside a paragraph: a credit), "document", "document_tail" or
    "sentence"."""
    detail: str | None = None
    start: int | None = None
    end: int | None = None


# What cleaning removes that still says something about the report: kept on the
# article as data (`CleanText.notes`), not only listed as dropped.
NOTE_REASONS = frozenset({"dateline", "byline", "headline", "copyright"})


@dataclass(frozen=True, slots=True)
class CleanText:
    """An article's text after cleaning, with the map back to the given text."""

    text: str
    offsets: OffsetMap
    notes: tuple[Dropped, ...] = ()
    """Removed lines that carry information (datelines, bylines, date stamps, credits)."""


@dataclass(frozen=True, slots=True)
class Article:
    """One news report: the text the user gave, its cleaned form, and what is known about it.

    `text` is exactly what the user gave (for an HTML page, the text extracted from
    it) and is never changed; `clean` is set by the clean stage, and every span the
    analyses produce indexes `clean.text` and maps back with `to_given`. `id` is the
    source id used in citations (a file name, or a document's index in a JSONL
    cluster); `source` optionally names the outlet.
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
    clean: CleanText | None = None

    @property
    def body(self) -> str:
        """The text the analyses read: the cleaned text once cleaning ran, else the given text."""
        return self.clean.text if self.clean is not None else self.text

    def to_given(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `body` to `[start, end)` offsets into the given `text`."""
        if self.clean is None:
            return start, end
        return self.clean.offsets.to_given(start, end)


@dataclass(frozen=True, slots=True)
class Span:
    """A character range `[start, end)` of one article's text.

    Inside the pipeline (`Sentence.span`, entity mentions) a span indexes the cleaned
    text, `article.body`; every span storyline emits (summary sentences, quotes,
    timeline events, figures) indexes the text the user gave, `article.text`, so a
    claim can be checked against the source (`Article.to_given` maps one to the other).
    """

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
