"""Options for, and results of, summarizing one cluster."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storyline.model._article import Article, Dropped, Span


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """Every setting of a summary run, in one place (keyword-only by construction).

    `model` names the embedding model (hub name or local path): a Model2Vec model for
    the "static" embedder, a sentence-transformers model for "transformer"; None means
    the bundled default (the distilled table, or the offline all-MiniLM-L6-v2 package).
    """

    words: int = 230
    embedder: str = "static"
    model: str | None = None
    splitter: str = "blingfire"
    scorer: str = "auto"
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
    min_sentence_words: int = 6
    max_sentence_words: int = 80
    batch_size: int = 64


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
            {"text": s.text, "sources": list(s.sources), "origin": s.origin} for s in self.sentences
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
            for d in self.dropped
        ]
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out
