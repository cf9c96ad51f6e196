"""Which days matter: independent reports that name a day or were published on it.

DATEWISE (Ghalandari & Ifrim, ACL 2020, "Examining the State of the Art in News
Timeline Summarization") ranks candidate days by how often the collection points at
them, then summarizes each chosen day with the sentences that name it. Its simple
rankers count publication dates ("PubCount") or date mentions ("MentionCount"). A day
that later reports keep naming is a key day; a day on which many reports appeared
usually is one too, but its reports are news of the day their leads tell of (often the
day before), so each report's publication evidence goes to that day. Here both counts
are of *independent* reports: wire copy carried by several outlets (the same sentence
word for word) counts once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.text import LEAD_SENTENCES
from storyline.timelines._collect import Report, is_topical, own_day

PUBLISHED_WEIGHT = 1.0
"""Weight of a report whose lead tells of the day (`_lead_day`), against a report that
names the day anywhere. A report's news is the day its lead tells of, not always the day
it appeared: most reports of a day retell what happened the day before. Chosen on the 6
dev topics of the Entities benchmark (benchmarks/timeline_eval.py), and only there."""
OFF_TOPIC_WEIGHT = 0.5
"""A report that names the day only in sentences without the topic's names
(`topic_names`) may be telling another story: half a mention."""
FUTURE_WEIGHT = 0.5
"""A day named as still to come ("will be sentenced on June 5") is a plan, half a mention."""
_NORM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class DayEvidence:
    """How much independent evidence points at one day."""

    day: dt.date
    n_mentions: int
    """Independent reports that name the day."""
    n_published: int
    """Independent reports published on the day."""
    score: float


def rank_days(
    reports: Sequence[Report],
    *,
    start: dt.date | None,
    end: dt.date | None,
    latest: dt.date,
    names: frozenset[str] = frozenset(),
) -> list[DayEvidence]:
    """Every day with evidence inside [start, end] and not after `latest`, best first."""
    mentions: dict[dt.date, float] = {}
    n_mentions: dict[dt.date, int] = {}
    seen_text: dict[dt.date, set[str]] = {}
    for report in reports:
        texts: dict[dt.date, set[str]] = {}
        planned: dict[dt.date, bool] = {}
        topical: dict[dt.date, bool] = {}
        for sentence in report.sentences:
            if not sentence.days:
                continue
            on_topic = is_topical(sentence.text, names)
            for day, future in zip(sentence.days, sentence.future, strict=True):
                texts.setdefault(day, set()).add(_key(sentence.text))
                planned[day] = planned.get(day, True) and future
                topical[day] = topical.get(day, False) or on_topic
        for day, keys in texts.items():
            seen = seen_text.setdefault(day, set())
            if keys <= seen:  # every sentence naming the day was already counted: a copy
                continue
            seen |= keys
            weight = (FUTURE_WEIGHT if planned[day] else 1.0) * (1.0 if topical[day] else OFF_TOPIC_WEIGHT)
            mentions[day] = mentions.get(day, 0.0) + weight
            n_mentions[day] = n_mentions.get(day, 0) + 1
    published: dict[dt.date, int] = {}
    led: dict[dt.date, int] = {}
    leads: dict[dt.date, set[str]] = {}
    for report in reports:
        if report.published is None:
            continue
        lead = _key(" ".join(s.text for s in report.sentences[:2]))
        day_leads = leads.setdefault(report.published, set())
        if lead in day_leads:
            continue
        day_leads.add(lead)
        published[report.published] = published.get(report.published, 0) + 1
        told = _lead_day(report)
        if told is not None:
            led[told] = led.get(told, 0) + 1
    out = []
    for day in set(mentions) | set(published) | set(led):
        if day > latest or (start is not None and day < start) or (end is not None and day > end):
            continue
        score = mentions.get(day, 0.0) + PUBLISHED_WEIGHT * led.get(day, 0)
        out.append(DayEvidence(day, n_mentions.get(day, 0), published.get(day, 0), score))
    out.sort(key=lambda e: (-e.score, -e.n_mentions, e.day))
    return out


MAX_DATES = 30
"""A timeline longer than this is no longer a summary. On the 6 Entities dev topics the
gold timelines have 15 to 39 dates (mean 28.2); the default gives 28 to 30 (mean 29.3)."""
REPORTS_PER_DATE = 2
"""At most one date per this many reports: a key date needs two reports' evidence, and a
25-article topic would otherwise get up to 24 dates (DUC 2006/2007 topics)."""


def choose_n_dates(ranked: Sequence[DayEvidence], *, n_reports: int | None = None) -> int:
    """How many days a timeline should have when the caller does not say.

    Keep the days that at least two independent reports point at and that hold at
    least a tenth of the top day's evidence; never fewer than one, never more than
    `MAX_DATES`, nor more than one per `REPORTS_PER_DATE` of the `n_reports` reports.
    """
    if not ranked:
        return 0
    floor = max(2.0, 0.1 * ranked[0].score)
    kept = sum(1 for e in ranked if e.n_mentions + e.n_published >= 2 and e.score >= floor)
    cap = MAX_DATES if n_reports is None else min(MAX_DATES, n_reports // REPORTS_PER_DATE)
    return max(1, min(kept, cap))


def _lead_day(report: Report) -> dt.date | None:
    """The day a report's lead tells of: its first lead sentence's own day (`own_day`).

    "Steve Jobs died on Wednesday" in Thursday's papers is news of Wednesday; a lead with
    no date of its own is news of the report's day.
    """
    for sentence in report.sentences[:LEAD_SENTENCES]:
        day = own_day(sentence, report.published)
        if day is not None:
            return day
    return None


def _key(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()
