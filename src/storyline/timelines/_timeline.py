"""`timeline()`: the key days of a collection of reports and what happened on each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storyline.embed import Embedder, FactMatcher, Vectors, make_embedder
from storyline.errors import ConfigError, Errors, InputError
from storyline.model import Article, Corpus
from storyline.text import make_splitter
from storyline.timelines._collect import Report, collect, from_corpus, topic_names
from storyline.timelines._rank import choose_n_dates, rank_days
from storyline.timelines._summarize import summarize_days


@dataclass(frozen=True, slots=True)
class TimelineSentence:
    """One summary sentence of a day; `sources` lists every report that carries it, its origin first."""

    text: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sources": list(self.sources)}


@dataclass(frozen=True, slots=True)
class TimelineDate:
    """One key day: what happened, and the evidence that made it a key day."""

    date: dt.date
    summary: tuple[TimelineSentence, ...]
    n_mentions: int
    """Independent reports that name the day."""
    n_published: int
    """Independent reports published on the day."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "summary": [s.to_dict() for s in self.summary],
            "n_mentions": self.n_mentions,
            "n_published": self.n_published,
        }


@dataclass(frozen=True, slots=True)
class TimelineSource:
    """A report the timeline cites."""

    id: str
    title: str | None
    date: dt.date | None
    url: str | None

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat() if self.date else None
        return {"id": self.id, "title": self.title, "date": date, "url": self.url}


@dataclass(frozen=True, slots=True)
class Timeline:
    """The key days in date order, the reports they cite, and notes on what was left out."""

    dates: tuple[TimelineDate, ...]
    sources: tuple[TimelineSource, ...]
    n_articles: int
    n_days_available: int
    """Days with any evidence inside the asked range: the most `dates=` can get."""
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "timeline": [d.to_dict() for d in self.dates],
            "sources": [s.to_dict() for s in self.sources],
            "n_articles": self.n_articles,
            "n_days_available": self.n_days_available,
            "notes": list(self.notes),
        }


def timeline(
    articles: Iterable[Article],
    *,
    dates: int | None = None,
    sentences: int = 1,
    start: dt.date | None = None,
    end: dt.date | None = None,
    embedder: str | Embedder = "static",
    splitter: str = "blingfire",
    today: dt.date | None = None,
) -> Timeline:
    """Choose the key days of `articles` and summarize each with `sentences` cited sentences.

    Args:
        dates: how many days; None chooses from the material (`choose_n_dates`).
            Fewer come back when fewer days have evidence, with a note saying so.
        start, end: keep only days in this range (both ends included).
        embedder: a name from `storyline.embed.EMBEDDERS`, or an embedder.
        today: days after it are never timeline days (default: the real today).

    Raises:
        ConfigError: a count below 1, or `start` after `end`.
        InputError: no article, duplicate ids, or no date at all to build on.
    """
    if dates is not None and dates < 1:
        raise ConfigError(Errors.SL202, name="dates", value=dates, reason="must be at least 1")
    if sentences < 1:
        raise ConfigError(Errors.SL202, name="sentences", value=sentences, reason="must be at least 1")
    if start is not None and end is not None and start > end:
        raise ConfigError(Errors.SL202, name="start", value=start.isoformat(), reason="is after end")
    items = list(articles)
    if not any(a.text.strip() for a in items):
        raise InputError(Errors.SL107)
    seen: dict[str, int] = {}
    for position, article in enumerate(items, start=1):
        if article.id in seen:
            raise InputError(Errors.SL110, article_id=article.id, first=seen[article.id], second=position)
        seen[article.id] = position
    today = today or dt.date.today()
    reports, notes = collect(items, splitter=make_splitter(splitter), today=today)
    model = make_embedder(embedder) if isinstance(embedder, str) else embedder
    return _build(
        reports, notes, dates=dates, sentences=sentences, start=start, end=end, today=today, embedder=model
    )


def timeline_of_corpus(
    corpus: Corpus,
    *,
    embedder: Embedder,
    matcher: FactMatcher | None = None,
    dates: int | None = None,
    sentences: int = 1,
    today: dt.date | None = None,
) -> Timeline:
    """The timeline of a corpus the report pipeline has split and embedded (its key dates).

    The corpus's own sentences and embeddings are used (`from_corpus`): nothing is split
    or embedded again. `embedder` must be the one that made `corpus.embeddings`;
    `matcher` is the report's test for one fact.

    Raises:
        ValueError: the corpus has not been embedded.
        InputError: no date at all to build on.
    """
    if corpus.embeddings is None or len(corpus.embeddings) != len(corpus.sentences):
        raise ValueError("split and embed the corpus before building its timeline")
    today = today or dt.date.today()
    reports, notes = from_corpus(corpus, today=today)
    return _build(
        reports,
        notes,
        dates=dates,
        sentences=sentences,
        start=None,
        end=None,
        today=today,
        embedder=embedder,
        matcher=matcher,
        vectors=corpus.embeddings,
    )


def _build(
    reports: list[Report],
    notes: list[str],
    *,
    dates: int | None,
    sentences: int,
    start: dt.date | None,
    end: dt.date | None,
    today: dt.date,
    embedder: Embedder,
    matcher: FactMatcher | None = None,
    vectors: Vectors | None = None,
) -> Timeline:
    published = [r.published for r in reports if r.published is not None]
    # A day after the newest report cannot have been reported as done yet: it is a plan.
    latest = min(max(published), today) if published else today
    names = topic_names(reports)
    ranked = rank_days(reports, start=start, end=end, latest=latest, names=names)
    if not ranked:
        raise InputError(Errors.SL113, reason=_no_days_reason(published, start, end))
    n_dates = dates if dates is not None else choose_n_dates(ranked, n_reports=len(reports))
    # Days beyond the first n_dates stand in for days with nothing new to say.
    spare = ranked[: 2 * n_dates + 10]
    summaries = summarize_days(
        reports,
        [e.day for e in spare],
        n_days=n_dates,
        n_sentences=sentences,
        embedder=embedder,
        names=names,
        matcher=matcher,
        vectors=vectors,
    )
    if len(summaries) < n_dates:
        notes.append(
            f"asked for {n_dates} dates; only {len(summaries)} of the {len(ranked)} days with evidence "
            "have a sentence that tells something new"
        )
    entries = []
    cited: set[int] = set()
    for evidence in sorted((e for e in spare if e.day in summaries), key=lambda e: e.day):
        picked = summaries[evidence.day]
        for item in picked:
            cited.update(item.sources)
        summary = tuple(
            TimelineSentence(item.sentence.text, tuple(reports[i].article.id for i in item.sources))
            for item in picked
        )
        entries.append(TimelineDate(evidence.day, summary, evidence.n_mentions, evidence.n_published))
    sources = tuple(
        TimelineSource(r.article.id, r.article.title, r.published, r.article.url)
        for i, r in enumerate(reports)
        if i in cited
    )
    return Timeline(tuple(entries), sources, len(reports), len(ranked), tuple(notes))


def _no_days_reason(published: list[dt.date], start: dt.date | None, end: dt.date | None) -> str:
    if published and (start is not None or end is not None):
        window = f"{start.isoformat() if start else '...'} to {end.isoformat() if end else '...'}"
        return f"no day between {window} has any report published on it or naming it"
    return 'no article has a publication date and none names a day; give each article a "date" (YYYY-MM-DD)'
