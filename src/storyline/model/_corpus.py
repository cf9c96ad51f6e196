"""The corpus: one cluster's articles and everything the stages find in them."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from storyline.model._article import Article, Dropped, Sentence, Span

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from storyline.model._story import Agreement, Claim, KeyDate, Quote, TimelineEvent
    from storyline.model._summary import Summary


@dataclass(frozen=True, slots=True)
class DateOrigin:
    """Where an article's date came from, and the text it was read from."""

    origin: str
    """"given", "metadata", "url", "date line", "dateline" or "inferred"."""
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Corpus:
    """A cluster of articles and what the pipeline's stages have found in it.

    Stages return a new corpus (`with_`), never mutate one; each fills the fields it
    declares (`Stage.assigns`), and a field a stage has not filled is empty or None.
    `articles` keeps every input article in input order (with `clean` set once the
    clean stage ran); `excluded` names the articles left out of the summary
    (off-topic, empty).
    """

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    excluded: frozenset[int] = frozenset()
    copies: dict[tuple[int, int], tuple[int, ...]] = field(default_factory=dict)
    """(doc_index, paragraph) -> other doc indices whose identical paragraph was dropped."""
    embeddings: npt.NDArray[np.float32] | None = None
    """One unit-length row per sentence, in `sentences` order."""
    lang: str = "en"
    id: str | None = None
    date_origins: dict[int, DateOrigin] = field(default_factory=dict)
    """doc index -> where its `date` came from (dated articles only)."""
    summary: Summary | None = None
    timeline: tuple[TimelineEvent, ...] | None = None
    parses: tuple[Any, ...] | None = None
    """Parsed paragraphs of the included articles (analyze.Paragraph)."""
    parsing: Any = None
    """A parse under way (analyze.PendingParse): begun after cleaning, collected by the
    parse stage."""
    entities: Any = None
    """The entity index (analyze.EntityIndex)."""
    quotes: tuple[Quote, ...] | None = None
    quoted: dict[int, tuple[Any, ...]] | None = None
    """doc index -> where that report quotes someone the story names as the speaker
    (analyze.Quoted: offsets in its cleaned text, and the speaker)."""
    claims: tuple[Claim, ...] | None = None
    agreements: tuple[Agreement, ...] | None = None
    key_dates: tuple[KeyDate, ...] | None = None
    events: tuple[int, ...] | None = None
    """Each article's event: the story `storyline.cluster` puts it in among this cluster's
    own articles, read in date order (-1 for an article without text). A cluster that
    follows a topic for months holds many events, and their figures are no rival figures."""

    def with_(self, **changes: object) -> Corpus:
        """Return a copy with the given fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def to_given(self, span: Span) -> Span:
        """Map a span of an article's cleaned text (`body`) to its given text."""
        for article in self.articles:
            if article.id == span.article_id:
                return Span(span.article_id, *article.to_given(span.start, span.end))
        raise KeyError(span.article_id)

    def copies_of(self, doc_index: int, offset: int) -> tuple[int, ...]:
        """The other articles that carried, word for word, the paragraph of article
        `doc_index` holding `offset` of its cleaned text (cleaning kept one copy)."""
        if not self.copies:
            return ()
        paragraph = self.articles[doc_index].body.count("\n", 0, offset)
        return self.copies.get((doc_index, paragraph), ())

    @property
    def included(self) -> list[int]:
        """Indices of the articles that take part in the summary."""
        return [i for i in range(len(self.articles)) if i not in self.excluded]


CORPUS_FIELDS = frozenset(f.name for f in fields(Corpus))
ARTICLE_FIELDS = frozenset(f.name for f in fields(Article))
