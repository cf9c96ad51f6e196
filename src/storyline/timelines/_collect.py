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

from storyline.model import Article, Corpus, PartialDate, Sentence
from storyline.text import STOPWORDS, Splitter, find_event_dates, find_publication_date

MIN_WORDS = 6
"""Shorter sentences are headlines, captions or fragments, not what happened."""
MAX_WORDS = 60
"""Longer "sentences" are run-on paragraphs the splitter could not cut."""
_HAS_DATE_WORD = re.compile(
    r"\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|night|ago"
    r"|morning|afternoon|evening",
    re.IGNORECASE,
)
# A month or a year without a digit ("in October", "last year"): read only in a report's
# lead, where it keeps a sentence from telling the report's day (`own_day`).
_HAS_PERIOD_WORD = re.compile(
    r"\b(?:month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
    r"|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)

# A capitalized word inside a sentence (not its first word): most often a name.
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+")
_WORDS = re.compile(r"[a-z0-9]+")
TOPIC_SHARE = 0.5
"""A name in at least this share of the reports is one of the topic's names."""
# "Published March 3, 2012", "Last updated: ...": the page's date, not an event.
_STAMP = re.compile(r"\W*(?:first\s+)?(?:published|updated|posted|last\s+modified)\b", re.IGNORECASE)

LEAD_SENTENCES = 3
"""Sentences of a report that count as its lead: without a date of their own, they tell
the news of the report's day."""
SUBJECT_WORDS = 4
"""A date among a sentence's first words names its subject ("Saturday's bombing killed
four", "The February 4 fire forced ..."): the sentence tells of that day. Further on, the
same phrase only refers back ("Police arrested three men on Monday over Saturday's bombing")."""
# How a date mention refers to a day rather than placing the sentence's own event on it.
_POSSESSIVE = re.compile(r"['’]s$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their)\s+$", re.IGNORECASE)
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?:after|before|since|following|until|till|than|from|between|ahead\s+of|prior\s+to)\b"
    r"(?:\s+[^\s,;:]+){0,3}\s+$",
    re.IGNORECASE,
)
# ", who resigned on Wednesday, ...": a relative clause between commas tells of someone, not the event.
_RELATIVE_BEFORE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,;:]*$", re.IGNORECASE)
_SPAN_CUE = re.compile(r"(?:since|until|by)\b", re.IGNORECASE)
# "WASHINGTON, March 8 (Reuters) -": the report's dateline, not an event of the sentence.
_DATELINE_BEFORE = re.compile(r"^[^a-z]*[A-Z]{2,}[^a-z]*,\s*$")
# Words that set an undated sentence before the report's day: background, not its news.
_BACKGROUND = re.compile(
    r"\b(?:had\s+(?:\w+ly\s+|not\s+|never\s+)?(?:been|\w+ed|\w+en|won|lost|left|made|said|told|sent|met|paid"
    r"|kept|held|run|become|come|gone|done|seen|taken|given|begun|known|written|shot|brought|bought|built|fought)"
    r"|last\s+week|earlier\s+this\s+(?:week|month|year)|previously|in\s+the\s+past"
    r"|in\s+recent\s+(?:days|weeks|months|years)|for\s+(?:years|decades|months|weeks))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """One sentence of one report, with the days it names."""

    text: str
    doc: int
    """Index of the report among the usable ones."""
    position: int
    """Index of the sentence in its report (0 = the lead)."""
    days: tuple[dt.date, ...]
    """Days the sentence names, resolved against the report's date; earliest first."""
    future: tuple[bool, ...]
    """Per day: named as still to come (after the report's date)."""
    candidate: bool
    """Whether the sentence may stand in a summary (a whole sentence, not a date stamp)."""
    row: int | None = None
    """Row of the sentence's embedding in the caller's matrix, when it has one (`from_corpus`)."""
    event: dt.date | None = None
    """The one day the sentence itself tells of (`own_day`), from its own date mentions."""
    undated: bool = True
    """The sentence names no past date of its own (a day, a month, a year) and tells nothing
    of earlier times: when it leads its report, it tells the report's day. (Beyond the
    lead, a month or a year named without a digit is not looked for.)"""


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
    for article in articles:
        found = find_publication_date(article)
        published = _trusted(found.date if found is not None else None, article, today, future_ids)
        doc = len(reports)
        reports.append(Report(article, published, tuple(_sentences(article.text, doc, published, splitter))))
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


def _sentences(text: str, doc: int, published: dt.date | None, splitter: Splitter) -> list[DatedSentence]:
    out: list[DatedSentence] = []
    # One paragraph per line, as feeds and scraped pages have them; the caller's text is
    # used as given (repairing it is ingest's and cleaning's work, and costs more than all this).
    for paragraph in (line for line in text.splitlines() if line.strip()):
        for start, end in splitter.split(paragraph):
            sentence = " ".join(paragraph[start:end].split())
            if sentence:
                out.append(_dated(sentence, doc, len(out), published))
    return out


def _dated(
    sentence: str, doc: int, position: int, published: dt.date | None, *, row: int | None = None
) -> DatedSentence:
    """One sentence with the days it names, resolved against its report's date, and its own day."""
    days: dict[dt.date, bool] = {}
    own: list[PartialDate] = []
    names_own = False
    # Skip the date parser where no date can be, or none that matters.
    if _HAS_DATE_WORD.search(sentence) or (position < LEAD_SENTENCES and _HAS_PERIOD_WORD.search(sentence)):
        for event in find_event_dates(sentence, published=published):
            before = sentence[: event.span.start]
            if event.date.day is not None:
                day = event.date.start
                days[day] = published is not None and day > published
            if _DATELINE_BEFORE.match(before):
                continue
            if published is not None and event.date.start > published:
                continue  # a plan is no event yet; announced in a lead, it is the report's news
            if not _refers_back(event.cue, before):
                names_own = True
                own.append(event.date)
    n_words = len(sentence.split())
    candidate = MIN_WORDS <= n_words <= MAX_WORDS and not _STAMP.match(sentence)
    ordered = sorted(days)
    return DatedSentence(
        text=sentence,
        doc=doc,
        position=position,
        days=tuple(ordered),
        future=tuple(days[d] for d in ordered),
        candidate=candidate,
        row=row,
        event=_own_event(own),
        undated=not names_own and not _BACKGROUND.search(sentence),
    )


def _own_event(own: list[PartialDate]) -> dt.date | None:
    """The day of a sentence's own date mentions (in order), or None when they give no one day.

    Two days of its own ("arrested on Monday were charged on Tuesday") give none; so does
    a month or a year before the day ("diagnosed in October 1996 and died on Wednesday").
    A month or a year after it is background to the day's event ("questioned on Monday
    about an interview in 2003"), and one that holds the day agrees with it.
    """
    days = {d.start for d in own if d.day is not None}
    if len(days) != 1:
        return None
    (day,) = days
    first = next(i for i, d in enumerate(own) if d.day is not None)
    for i, date in enumerate(own):
        holds = date.year == day.year and date.month in (None, day.month)
        if date.day is None and i < first and not holds:
            return None
    return day


def _refers_back(cue: str, before: str) -> bool:
    """Whether a date mention refers to a day instead of placing the sentence's own event on it.

    "Saturday's bombing", "the May 11 bombing", "after the attack on Saturday", "since
    Monday", "Jobs, who resigned on Wednesday, ..." refer to a day; in a sentence's first
    words ("Saturday's bombing killed four") they still name what the sentence tells of.
    """
    if _SUBORDINATE_BEFORE.search(before) or _RELATIVE_BEFORE.search(before) or _SPAN_CUE.match(cue):
        return True
    attributive = _POSSESSIVE.search(cue) is not None or _DETERMINER_BEFORE.search(before) is not None
    return attributive and len(before.split()) >= SUBJECT_WORDS


def own_day(sentence: DatedSentence, published: dt.date | None) -> dt.date | None:
    """The one day a sentence tells of, or None: the only timeline day it may be told under.

    A sentence's own date mention decides ("Police arrested three men on Monday over
    Saturday's bombing" tells of Monday, not Saturday). A sentence with no date of its
    own tells the news of its report's day when it is one of the report's lead
    sentences and nothing in it sets it earlier ("had promised", "last week"): a plan
    announced there ("will appear in court on Friday") is the news of the report's day,
    never of the planned day. A month or a year, or two days of its own give no day.
    """
    if sentence.event is not None:
        return sentence.event
    if sentence.undated and published is not None and sentence.position < LEAD_SENTENCES:
        return published
    return None


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
