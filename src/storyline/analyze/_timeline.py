"""The timeline: dated events merged across reports.

An event is a sentence with a resolved date expression, filed under the day the
sentence is about (`storyline.text.find_sentence_days`, the rules the timeline summary
uses too): "Police arrested three men on Monday over Saturday's bombing" is Monday's.
Sentences of one date that state the same fact (the embedder's citation test: cosine
similarity, and shared content words where the embedder asks for them) become one event
citing every report that tells it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from storyline.embed import FactMatcher
from storyline.model import Corpus, EventDate, PartialDate, Sentence, TimelineEvent
from storyline.text import (
    LEAD_SENTENCES,
    find_event_dates,
    find_sentence_days,
    is_date_stamp,
    sentence_day,
)

MAX_EVENT_WORDS = 45


@dataclass(slots=True)
class _Dated:
    index: int
    sentence: Sentence
    date: EventDate
    published: dt.date | None


def build_timeline(
    corpus: Corpus,
    *,
    dates: dict[int, dt.date | None],
    matcher: FactMatcher,
) -> list[TimelineEvent]:
    """Merge the dated sentences of the included reports into a sorted timeline."""
    dated = []
    for index, sentence in enumerate(corpus.sentences):
        if sentence.doc_index in corpus.excluded:
            continue
        published = dates.get(sentence.doc_index)
        found = find_event_dates(sentence.text, published=published, article_id=sentence.span.article_id)
        if not found or is_date_stamp(sentence.text):
            continue
        for event_date in _placed(sentence, found, published):
            dated.append(_Dated(index, sentence, event_date, published))
    groups = _merge(corpus, dated, matcher=matcher)
    order = [a.id for a in corpus.articles]
    events = []
    for group in groups:
        first = min(
            group, key=lambda d: (d.published or dt.date.max, d.sentence.doc_index, d.sentence.position)
        )
        sources = sorted({d.sentence.span.article_id for d in group}, key=order.index)
        events.append(
            TimelineEvent(
                date=first.date.date,
                text=_short(first.sentence.text),
                sources=tuple(sources),
                cues=tuple(dict.fromkeys(d.date.cue for d in group if d.date.cue)),
                span=corpus.to_given(first.sentence.span),
            )
        )
    # Same date: the best-corroborated first, then the earliest report's order.
    firsts = {id(e): min(order.index(s) for s in e.sources) for e in events}
    events.sort(key=lambda e: (e.date.key, -len(e.sources), firsts[id(e)], e.span.start if e.span else 0))
    return events


def _placed(sentence: Sentence, found: list[EventDate], published: dt.date | None) -> list[EventDate]:
    """The dates a sentence gives to events.

    A sentence with a day in it is one event, on the day it is about (`sentence_day`):
    its own date mention, not a day it names only to refer back ("Police arrested three
    men on Monday over Saturday's bombing" is Monday's). Unlike the timeline summary, the
    full timeline files plans too: under the one day still to come that the sentence
    announces ("talks will resume on 12 February, a week after they collapsed on
    Saturday"; "schools will stay closed until Wednesday"). A lead sentence that names
    days only to refer back tells its report's day; beyond the lead it is no dated event.
    With two days of its own it goes under the first named, most often the main clause's
    ("workers smelled gas late on Friday, the union said on Monday"; "firefighters brought
    the blaze under control on Sunday, 24 hours after it broke out before dawn on Saturday").
    A sentence with only months and years may hold several ("since 1987 ... last inspected
    in November").
    """
    if any(item.date.day is not None for item in found):
        lead = sentence.position < LEAD_SENTENCES
        told = find_sentence_days(sentence.text, published=published, lead=lead, found=found)
        # A day still to come, and the only day named ("will stay closed until Wednesday"): a plan.
        ahead = told.days[0] if len(told.days) == 1 and told.future[0] else None
        day = told.event or told.plan or ahead or sentence_day(told, published=published, lead=lead)
        day = day or next(iter(told.own), None)
        if day is None:
            return []
        own = [item for item in found if item.date.day is not None and item.date.start == day]
        if own:
            return own[:1]
        # A lead that names days only to refer back: the news of its report's day.
        return [EventDate(PartialDate.of(day), cue="", span=found[0].span, relative=True)]
    out: dict[PartialDate, EventDate] = {}
    for item in found:
        out.setdefault(item.date, item)
    return list(out.values())


def _merge(corpus: Corpus, dated: list[_Dated], *, matcher: FactMatcher) -> list[list[_Dated]]:
    """Group the dated sentences of one date that state the same fact."""
    emb = corpus.embeddings
    assert emb is not None, "embed the corpus first"
    words = [matcher.words(d.sentence.text) for d in dated]
    figures = [matcher.figures(d.sentence.text) for d in dated]
    groups: list[list[int]] = []
    for i, item in enumerate(dated):
        for group in groups:
            head = dated[group[0]]
            if head.date.date != item.date.date:
                continue
            similarity = float(np.dot(emb[head.index], emb[item.index]))
            if matcher.same(
                similarity, words[group[0]], words[i], figures_a=figures[group[0]], figures_b=figures[i]
            ):
                group.append(i)
                break
        else:
            groups.append([i])
    return [[dated[i] for i in group] for group in groups]


def _short(text: str) -> str:
    words = text.split()
    return text if len(words) <= MAX_EVENT_WORDS else " ".join(words[:MAX_EVENT_WORDS]) + " …"
