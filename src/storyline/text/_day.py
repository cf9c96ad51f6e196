"""Which day a sentence is about: its own date mention, not every day it names.

"Police arrested three men on Monday over Saturday's bombing" tells of Monday: the
Saturday is named only to say which bombing. A date mention places the sentence's own
event unless it refers back to a day: a possessive ("Saturday's bombing"), a determiner
("the May 11 bombing"), a subordinate clause ("after the attack on Saturday", "since
Monday"), a relative clause (", who resigned on Wednesday,"). In a sentence's first
words the same phrase still names what the sentence tells of ("Saturday's bombing
killed four"). A report's dateline ("WASHINGTON, March 8 (Reuters) -") places nothing.

Both the story report's full timeline (`storyline.analyze.build_timeline`) and the
timeline summary (`storyline.timelines`) file sentences by these rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import EventDate, PartialDate
from storyline.text._dates import find_event_dates

LEAD_SENTENCES = 3
"""Sentences of a report that count as its lead: without a date of their own, they tell
the news of the report's day."""
SUBJECT_WORDS = 4
"""A date among a sentence's first words names its subject ("Saturday's bombing killed
four", "The February 4 fire forced ..."): the sentence tells of that day. Further on, the
same phrase only refers back ("Police arrested three men on Monday over Saturday's bombing")."""

# Skip the date parser where no date can be, or none that matters.
_HAS_DATE_WORD = re.compile(
    r"\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|night|ago"
    r"|morning|afternoon|evening",
    re.IGNORECASE,
)
# A month or a year without a digit ("in October", "last year"): read only in a report's
# lead, where it keeps a sentence from telling the report's day.
_HAS_PERIOD_WORD = re.compile(
    r"\b(?:month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
    r"|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
# How a date mention refers to a day rather than placing the sentence's own event on it.
_POSSESSIVE = re.compile(r"['’]s$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their)\s+$", re.IGNORECASE)
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?P<word>after|before|since|following|until|till|than|from|between|ahead\s+of|prior\s+to)\b"
    r"(?P<between>(?:\s+[^\s,;:]+){0,3})\s+$",
    re.IGNORECASE,
)
# Subordinators that make a span whatever the time given ("closed since 9 a.m. on Monday").
_SPAN_WORDS = frozenset({"since", "until", "till"})
# "from 2 p.m. on Monday", "after midnight on Friday": a time of the day, not a day referred to.
# A bare number is no time ("the toll rose from 12 on Saturday").
_CLOCK = re.compile(
    r"\s*(?:about\s+|around\s+)?"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}|noon|midnight|dawn|dusk)"
    r"(?:\s+(?:on|local\s+time))?\s*",
    re.IGNORECASE,
)
# ", who resigned on Wednesday, ...", ", where a fire on Saturday killed seven": a relative
# clause between commas tells of someone or somewhere, not the event.
_RELATIVE_BEFORE = re.compile(r",\s*(?:who|whom|whose|which|where)\b[^,;:]*$", re.IGNORECASE)
_SPAN_CUE = re.compile(r"(?:since|until|by)\b", re.IGNORECASE)
# "WASHINGTON, March 8 (Reuters) -": the report's dateline, not an event of the sentence.
# (The lookahead keeps the match linear: two free runs around "[A-Z]{2,}" backtracked
# cubically on a long line of capitals.)
_DATELINE_BEFORE = re.compile(r"^(?=[^a-z]*[A-Z]{2})[^a-z]*,\s*$")
# Words that set an undated sentence before the report's day: background, not its news.
_BACKGROUND = re.compile(
    r"\b(?:had\s+(?:\w+ly\s+|not\s+|never\s+)?(?:been|\w+ed|\w+en|won|lost|left|made|said|told|sent|met|paid"
    r"|kept|held|run|become|come|gone|done|seen|taken|given|begun|known|written|shot|brought|bought|built|fought)"
    r"|last\s+week|earlier\s+this\s+(?:week|month|year)|previously|in\s+the\s+past"
    r"|in\s+recent\s+(?:days|weeks|months|years)|for\s+(?:years|decades|months|weeks))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SentenceDays:
    """The days one sentence names, and which of them it is about."""

    days: tuple[dt.date, ...]
    """Every day the sentence names, resolved against its report's date; earliest first."""
    future: tuple[bool, ...]
    """Per day: after the report's date (a plan, or a day still to come)."""
    own: tuple[dt.date, ...]
    """Past days of the sentence's own date mentions (not referring back), in text order."""
    event: dt.date | None
    """The one day the sentence itself tells of, or None when its own mentions give no one day."""
    plan: dt.date | None
    """The one day still to come that the sentence announces as its own ("will visit on
    Thursday"), when it has no past day of its own."""
    undated: bool
    """The sentence names no past date of its own (a day, a month, a year) and tells
    nothing of earlier times: when it leads its report, it tells the report's day."""
    mentions: tuple[EventDate, ...] = ()
    """The date expressions found, in text order."""


def find_sentence_days(
    sentence: str,
    *,
    published: dt.date | None,
    lead: bool = False,
    found: Sequence[EventDate] | None = None,
) -> SentenceDays:
    """Read a sentence's date mentions and tell which day it is about.

    Args:
        published: the report's date; relative mentions ("on Saturday") need it.
        lead: the sentence is one of its report's first `LEAD_SENTENCES`; only there is
            a month or a year named without a digit ("in October") looked for.
        found: the sentence's date expressions when the caller has them
            (`find_event_dates`); otherwise they are found here.
    """
    if found is None:
        if _HAS_DATE_WORD.search(sentence) or (lead and _HAS_PERIOD_WORD.search(sentence)):
            found = find_event_dates(sentence, published=published)
        else:
            found = ()
    days: dict[dt.date, bool] = {}
    own: list[PartialDate] = []
    plans: set[dt.date] = set()
    for mention in found:
        before = sentence[: mention.span.start]
        ahead = published is not None and mention.date.start > published
        if mention.date.day is not None:
            days[mention.date.start] = ahead
        if _DATELINE_BEFORE.match(before) or _refers_back(mention.cue, before):
            continue
        if ahead:  # a plan is no event yet; announced in a lead, it is the report's news
            if mention.date.day is not None:
                plans.add(mention.date.start)
            continue
        own.append(mention.date)
    ordered = sorted(days)
    event = _own_event(own)
    own_days = tuple(dict.fromkeys(d.start for d in own if d.day is not None))
    return SentenceDays(
        days=tuple(ordered),
        future=tuple(days[d] for d in ordered),
        own=own_days,
        event=event,
        plan=next(iter(plans)) if len(plans) == 1 and not own_days else None,
        undated=not own and not _BACKGROUND.search(sentence),
        mentions=tuple(found),
    )


def sentence_day(days: SentenceDays, *, published: dt.date | None, lead: bool) -> dt.date | None:
    """The one day a sentence tells of, or None: the only day it may be told under.

    A sentence's own date mention decides ("Police arrested three men on Monday over
    Saturday's bombing" tells of Monday, not Saturday). A sentence with no date of its
    own tells the news of its report's day when it is one of the report's lead
    sentences (`lead`) and nothing in it sets it earlier ("had promised", "last week"):
    a plan announced there ("will appear in court on Friday") is the news of the
    report's day, never of the planned day. A month or a year, or two days of its own,
    give no day.
    """
    if days.event is not None:
        return days.event
    if days.undated and published is not None and lead:
        return published
    return None


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
    words ("Saturday's bombing killed four") they still name what the sentence tells of,
    and a time of the day ("could go home from 2 p.m. on Monday") places the event.
    """
    subordinate = _SUBORDINATE_BEFORE.search(before)
    if subordinate is not None and (
        " ".join(subordinate.group("word").lower().split()) in _SPAN_WORDS
        or not _CLOCK.fullmatch(subordinate.group("between"))
    ):
        return True
    if _RELATIVE_BEFORE.search(before) or _SPAN_CUE.match(cue):
        return True
    attributive = _POSSESSIVE.search(cue) is not None or _DETERMINER_BEFORE.search(before) is not None
    return attributive and len(before.split()) >= SUBJECT_WORDS
