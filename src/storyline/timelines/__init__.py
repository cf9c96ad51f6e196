"""Timeline summarization: the key days of many reports and what happened on each.

The method follows DATEWISE (Ghalandari & Ifrim, ACL 2020): rank days by the
independent reports that point at them, then summarize each day with the central
sentences that name it, never repeating a fact across days.
"""

from storyline.timelines._collect import (
    DatedSentence,
    Report,
    collect,
    from_corpus,
    is_topical,
    own_day,
    topic_names,
)
from storyline.timelines._rank import DayEvidence, choose_n_dates, rank_days
from storyline.timelines._render import TIMELINE_FORMATS, render_timeline
from storyline.timelines._timeline import (
    Timeline,
    TimelineDate,
    TimelineSentence,
    TimelineSource,
    timeline,
    timeline_of_corpus,
)

__all__ = [
    "TIMELINE_FORMATS",
    "DatedSentence",
    "DayEvidence",
    "Report",
    "Timeline",
    "TimelineDate",
    "TimelineSentence",
    "TimelineSource",
    "choose_n_dates",
    "collect",
    "from_corpus",
    "is_topical",
    "own_day",
    "rank_days",
    "render_timeline",
    "timeline",
    "timeline_of_corpus",
    "topic_names",
]
