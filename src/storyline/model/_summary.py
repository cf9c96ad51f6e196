"""Options for, and results of, summarizing one cluster."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from storyline.errors import ConfigError, Errors
from storyline.model._article import Article, Dropped, Span


@dataclass(frozen=True, slots=True, kw_only=True)
class SummaryOptions:
    """Every setting of a summary run, in one place: keyword-only, checked when made.

    `model` names the embedding model (hub name or local path): a Model2Vec model for
    the "static" embedder, a sentence-transformers model for "transformer"; None means
    the bundled default (the distilled table, or the offline all-MiniLM-L6-v2 package).
    """

    words: int = 230
    embedder: str = "static"
    model: str | None = None
    splitter: str = "blingfire"
    scorer: str = "auto"
    """A registered scorer ("auto", "learned", "centrality", "lead"), or the path of a scorer
    file (.json) `scripts/train_scorer.py` wrote."""
    selector: str = "mmr"
    mmr_lambda: float = 1.0
    """MMR trade-off (1.0: score only, with the hard redundancy cap); chosen by
    cross-validation on Multi-News train with the learned scorer."""
    citation_threshold: float | None = None
    """Cosine similarity above which another document "says the same thing";
    None takes the embedder's calibrated default."""
    redundancy_threshold: float | None = None
    """Cosine similarity above which two summary candidates are redundant;
    None takes the embedder's calibrated default."""
    drop_off_topic: bool = True
    since: dt.date | None = None
    """Update mode: the reader saw every report dated before this day. Those reports
    are left out, and so is any sentence stating a fact they stated."""
    min_sentence_words: int = 6
    max_sentence_words: int = 80
    batch_size: int = 64

    def __post_init__(self) -> None:
        # Names (embedder, scorer...) are checked against their registries by make_*.
        if isinstance(self.scorer, os.PathLike):  # a scorer file given as a Path
            object.__setattr__(self, "scorer", os.fspath(self.scorer))
        _check(self.words >= 1, "words", self.words, "must be at least 1")
        _check(0.0 <= self.mmr_lambda <= 1.0, "mmr_lambda", self.mmr_lambda, "must be in [0, 1]")
        for name in ("citation_threshold", "redundancy_threshold"):
            value = getattr(self, name)
            _check(value is None or -1.0 < value <= 1.0, name, value, "must be in (-1, 1] or None")
        _check(
            self.min_sentence_words >= 1, "min_sentence_words", self.min_sentence_words, "must be at least 1"
        )
        _check(
            self.max_sentence_words >= self.min_sentence_words,
            "max_sentence_words",
            self.max_sentence_words,
            "must be at least min_sentence_words",
        )
        _check(self.batch_size >= 1, "batch_size", self.batch_size, "must be at least 1")


def _check(ok: bool, name: str, value: object, reason: str) -> None:
    if not ok:
        raise ConfigError(Errors.SL202, name=name, value=value, reason=reason)


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One sentence of a summary, with every source that carries it."""

    text: str
    origin: str
    sources: tuple[str, ...]
    span: Span
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Summary:
    """A cited summary of one cluster."""

    sentences: tuple[SummarySentence, ...]
    articles: tuple[Article, ...]
    dropped: tuple[Dropped, ...] = ()
    excluded: tuple[str, ...] = ()
    id: str | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        """The summary as plain text, one sentence after another."""
        return " ".join(s.text for s in self.sentences)

    @property
    def n_words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form documented in the README."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out["summary"] = [
            {"text": s.text, "sources": list(s.sources), "origin": s.origin} | span_fields(s.span)
            for s in self.sentences
        ]
        out["sources"] = [
            {
                "id": a.id,
                "title": a.title,
                "date": a.date.isoformat() if a.date else None,
                "url": a.url,
                "excluded": a.id in self.excluded,
            }
            for a in self.articles
        ]
        out["dropped"] = [
            {"source": d.source, "text": d.text, "reason": d.reason, "kind": d.kind}
            | ({"detail": d.detail} if d.detail else {})
            | ({"start": d.start, "end": d.end} if d.start is not None else {})
            for d in self.dropped
        ]
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


def span_fields(span: Span | None, *, with_source: bool = False) -> dict[str, Any]:
    """The JSON fields that point a span into the given text of its article."""
    if span is None:
        return {}
    out: dict[str, Any] = {"source": span.article_id} if with_source else {}
    return out | {"start": span.start, "end": span.end}
