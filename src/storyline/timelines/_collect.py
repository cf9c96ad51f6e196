"""Dated sentences: each report's sentences, its publication date, and the days they name.

Dates are found and resolved exactly as the story report finds them
(`storyline.analyze.find_publication_date`, `find_event_dates`): "on Saturday" in a
report of Tuesday 7 February 2012 is 2012-02-04. Only dates known to the day can be
timeline dates; a month or a year alone is too vague to stand as one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import Article, Corpus, Sentence
from storyline.text import (
    LEAD_SENTENCES,
    STOPWORDS,
    SentenceDays,
    Splitter,
    find_publication_date,
    find_sentence_days,
    join_spaced_hyphens,
    repair_mojibake,
    sentence_day,
    spaces_hyphens_in,
)

MIN_WORDS = 6
"""Shorter sentences are headlines, captions or fragments, not what happened."""
MAX_WORDS = 60
"""Longer "sentences" are run-on paragraphs the splitter could not cut."""
# A capitalized word inside a sentence (not its first word): most often a name.
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+")
_WORDS = re.compile(r"[a-z0-9]+")
TOPIC_SHARE = 0.5
"""A name in at least this share of the reports is one of the topic's names."""
# "Published March 3, 2012", "Last updated: ...": the page's date, not an event.
_STAMP = re.compile(r"\W*(?:first\s+)?(?:published|updated|posted|last\s+modified)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """One sentence of one report, with the days it names."""

    text: str
    doc: int
    """Index of the report among the usable ones."""
    position: int
    """Index of the sentence in its report (0 = the lead)."""
    dates: SentenceDays
    """The days it names and the one it tells of (`storyline.text.find_sentence_days`)."""
    candidate: bool
    """Whether the sentence may stand in a summary (a whole sentence, not a date stamp)."""
    row: int | None = None
    """Row of the sentence's embedding in the caller's matrix, when it has one (`from_corpus`)."""

    @property
    def days(self) -> tuple[dt.date, ...]:
        """Days the sentence names, resolved against the report's date; earliest first."""
        return self.dates.days

    @property
    def future(self) -> tuple[bool, ...]:
        """Per day: named as still to come (after the report's date)."""
        return self.dates.future

    @property
    def event(self) -> dt.date | None:
        """The one day the sentence itself tells of, from its own date mentions."""
        return self.dates.event


@dataclass(frozen=True, slots=True)
class Report:
    """One usable report: its id, its publication date, and its sentences."""

    article: Article
    published: dt.date | None
    sentences: tuple[DatedSentence, ...]


def collect(
    articles: Sequence[Article], *, splitter: Splitter, today: dt.date
) -> tuple[list[Report], list[str]]:
    """Read the dates of every report; returns the reports and notes on what was set aside."""
    reports: list[Report] = []
    future_ids: list[str] = []
    spaced = spaces_hyphens_in([a.text for a in articles])
    for article, hyphens in zip(articles, spaced, strict=True):
        found = find_publication_date(article)
        published = _trusted(found.date if found is not None else None, article, today, future_ids)
        doc = len(reports)
        sentences = _sentences(article.text, doc, published, splitter, hyphens=hyphens)
        reports.append(Report(article, published, tuple(sentences)))
    return reports, _future_notes(future_ids)


def from_corpus(corpus: Corpus, *, today: dt.date) -> tuple[list[Report], list[str]]:
    """The reports of a corpus the pipeline has split and embedded, as they are.

    Each included article is a report, published on its `date` (the report's
    publication-date stages set it); its sentences are the corpus's own, and each
    `DatedSentence.row` is the sentence's row in `corpus.embeddings`. Nothing is split
    or embedded again.
    """
    by_doc: dict[int, list[tuple[int, Sentence]]] = {}
    for row, sentence in enumerate(corpus.sentences):
        if sentence.doc_index not in corpus.excluded:
            by_doc.setdefault(sentence.doc_index, []).append((row, sentence))
    reports: list[Report] = []
    future_ids: list[str] = []
    for index in corpus.included:
        article = corpus.articles[index]
        published = _trusted(article.date, article, today, future_ids)
        doc = len(reports)
        dated = tuple(
            _dated(" ".join(s.text.split()), doc, position, published, row=row)
            for position, (row, s) in enumerate(by_doc.get(index, []))
        )
        reports.append(Report(article, published, dated))
    return reports, _future_notes(future_ids)


def _trusted(
    published: dt.date | None, article: Article, today: dt.date, future_ids: list[str]
) -> dt.date | None:
    """A report from the future is a wrong date, not news: its dates cannot be trusted."""
    if published is not None and published > today:
        future_ids.append(article.id)
        return None
    return published


def _future_notes(future_ids: list[str]) -> list[str]:
    if not future_ids:
        return []
    shown = ", ".join(future_ids[:3]) + (" ..." if len(future_ids) > 3 else "")
    return [f"{len(future_ids)} report(s) dated after today ({shown}): their publication dates were ignored"]


def _sentences(
    text: str, doc: int, published: dt.date | None, splitter: Splitter, *, hyphens: bool
) -> list[DatedSentence]:
    out: list[DatedSentence] = []
    # One paragraph per line, as feeds and scraped pages have them; the caller's text is
    # used as given (repairing it is ingest's and cleaning's work, and costs more than all this),
    # but for the hyphens of an archive that set them apart ("time - trial") and its mojibake
    # ("Abbottâ€ ™ s"), which cost little where there is none.
    for paragraph in (line for line in repair_mojibake(text) if line.strip()):
        if hyphens:
            paragraph = join_spaced_hyphens(paragraph)
        for start, end in splitter.split(paragraph):
            sentence = " ".join(paragraph[start:end].split())
            if sentence:
                out.append(_dated(sentence, doc, len(out), published))
    return out


def _dated(
    sentence: str, doc: int, position: int, published: dt.date | None, *, row: int | None = None
) -> DatedSentence:
    """One sentence with the days it names, resolved against its report's date, and its own day."""
    lead = position < LEAD_SENTENCES
    n_words = len(sentence.split())
    candidate = MIN_WORDS <= n_words <= MAX_WORDS and not _STAMP.match(sentence)
    return DatedSentence(
        text=sentence,
        doc=doc,
        position=position,
        dates=find_sentence_days(sentence, published=published, lead=lead),
        candidate=candidate,
        row=row,
    )


def own_day(sentence: DatedSentence, published: dt.date | None) -> dt.date | None:
    """The one day a sentence tells of, or None: the only timeline day it may be told under.

    The rules are `storyline.text.sentence_day`'s, shared with the story report's full
    timeline: "Police arrested three men on Monday over Saturday's bombing" tells of
    Monday, not Saturday; a lead sentence with no date of its own tells its report's day.
    """
    return sentence_day(sentence.dates, published=published, lead=sentence.position < LEAD_SENTENCES)


def topic_names(reports: Sequence[Report]) -> frozenset[str]:
    """The names (lower case) that at least half of the reports use: who and what the topic is about.

    Entity timelines are about a name ("Enron", "Assange"), and DATEWISE keeps only
    sentences with the topic's keywords; here the keywords come from the reports
    themselves, so no query is needed. Fewer than 4 reports name nothing reliably.
    """
    if len(reports) < 4:
        return frozenset()
    counts: Counter[str] = Counter()
    for report in reports:
        names = {w.lower() for s in report.sentences for w in _NAME.findall(s.text)}
        counts.update(names - STOPWORDS)
    return frozenset(w for w, n in counts.items() if n >= TOPIC_SHARE * len(reports))


def is_topical(text: str, names: frozenset[str]) -> bool:
    """Whether a sentence uses one of the topic's names (always true when there are none)."""
    return not names or not names.isdisjoint(_WORDS.findall(text.lower()))
