"""The view of a story report: what each section shows, decided once for every format.

Markdown and HTML both render a `StoryView`; neither decides content of its own, so
the two formats always show the same sections, people, figures and citations.
Citations are source numbers (1-based, in the order of `Story.documents`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from storyline.cluster import clean_headline, story_title
from storyline.model import Claim, ClaimValue, Story

Cites = tuple[int, ...]
_HEADLINE_WORDS = 12


@dataclass(frozen=True, slots=True)
class Cited:
    """A piece of text and the numbers of the sources that carry it."""

    text: str
    cites: Cites


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure as one report gives it, in a disagreement."""

    value: str
    text: str
    attributed_to: str | None
    cite: int
    date: dt.date | None
    reading: str = ""
    """The reading this figure is ("A", "B", ...): rows of one reading agree with each
    other; the disagreement is between readings (`Claim.readings`)."""


READINGS_NOTE = (
    "Figures of one reading (A, B, ...) agree with each other; the sources differ between readings."
)


def reading_label(index: int) -> str:
    """A reading's label: "A" for the first, "B" for the next, ..., then "27", "28"."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


CAUTION = "may count different things"
"""How a difference that is not `confident` is shown."""


@dataclass(frozen=True, slots=True)
class Difference:
    about: str
    kind: str | None
    rows: tuple[FigureRow, ...]
    confident: bool = True
    """False: figures far apart under a label other than a toll, which more often count
    different things (`Claim.confident`); shown with that caution, after the others."""


@dataclass(frozen=True, slots=True)
class Person:
    """A card: someone quoted or named more than once (name None: quotes nobody was found for)."""

    name: str | None
    aliases: tuple[str, ...]
    mentions: int
    n_reports: int
    quotes: tuple[Cited, ...]
    one_of: tuple[str, ...] = ()
    """For a surname alone that two or more people named in full share ("Lovelace", a sailor
    and his mother): those people. Entities never merge it, so the card says whom it may be."""


@dataclass(frozen=True, slots=True)
class Named:
    """A name shown as a chip: a person named once, an organisation or a place."""

    name: str
    type: str
    aliases: tuple[str, ...]
    cites: Cites


@dataclass(frozen=True, slots=True)
class Source:
    number: int
    id: str
    title: str | None
    date: dt.date | None
    date_origin: str | None
    url: str | None
    excluded: bool
    dropped: tuple[tuple[str, str], ...]
    """(reason, text) of each item cleaning or summarizing left out."""

    @property
    def dropped_counts(self) -> list[tuple[str, int]]:
        return list(Counter(reason for reason, _ in self.dropped).items())


@dataclass(frozen=True, slots=True)
class StoryView:
    headline: str
    n_reports: int
    dates: str
    n_names: int
    n_quotes: int
    summary: tuple[Cited, ...]
    differences: tuple[Difference, ...]
    key_dates: tuple[tuple[str, tuple[Cited, ...]], ...]
    """The summarized timeline: (day, what happened) for the key days."""
    timeline: tuple[tuple[str, Cited], ...]
    """(date, what happened) in date order: every dated fact."""
    people: tuple[Person, ...]
    also_named: tuple[Named, ...]
    places: tuple[Named, ...]
    agreements: tuple[Cited, ...]
    figures: tuple[tuple[str, Cited], ...]
    """Figures two reports or more give alike, no source disputing them: (what they
    count, the figure as given). One report's figure agrees with nothing; it stays in the
    story's claims (JSON), not on the page."""
    sources: tuple[Source, ...]
    warnings: tuple[str, ...]


def story_view(story: Story) -> StoryView:
    """Decide what the report shows."""
    number = {d.article.id: i for i, d in enumerate(story.documents, start=1)}

    def cites(sources: tuple[str, ...] | list[str]) -> Cites:
        return tuple(sorted(dict.fromkeys(number[s] for s in sources if s in number)))

    quotes_by: dict[str | None, list[Cited]] = {}
    for quote in story.quotes:
        quotes_by.setdefault(quote.speaker, []).append(Cited(quote.text, cites(quote.sources)))
    people, also_named = [], []
    persons = [e for e in story.entities if e.type == "PERSON"]
    by_last_word: dict[str, list[str]] = {}  # the full names that end in each word
    for entity in persons:
        if " " in entity.name:
            by_last_word.setdefault(entity.name.split()[-1], []).append(entity.name)
    for entity in persons:
        quotes = quotes_by.pop(entity.name, [])
        if quotes or entity.mentions > 1:
            one_of = tuple(by_last_word.get(entity.name, ())) if " " not in entity.name else ()
            people.append(
                Person(
                    entity.name,
                    entity.aliases,
                    entity.mentions,
                    len(entity.sources),
                    tuple(quotes),
                    one_of if len(one_of) > 1 else (),
                )
            )
        else:
            also_named.append(Named(entity.name, entity.type, entity.aliases, cites(entity.sources)))
    people += [Person(speaker, (), 0, 0, tuple(quotes)) for speaker, quotes in quotes_by.items()]
    places = tuple(
        Named(e.name, e.type, e.aliases, cites(e.sources))
        for e in story.entities
        if e.type != "PERSON" and (e.mentions > 1 or len(e.sources) > 1)
    )
    differences = tuple(
        Difference(
            claim.about,
            claim.kind,
            tuple(
                FigureRow(
                    _figure(v.value),
                    v.text,
                    v.attributed_to,
                    number[v.source],
                    v.date,
                    reading_label(claim.readings[i]) if claim.readings else "",
                )
                for i, v in enumerate(claim.values)
            ),
            claim.confident,
        )
        for claim in sorted(story.claims, key=lambda c: not c.confident)  # stable: each kind keeps its order
        if claim.disagreement
    )
    figures = tuple(
        (claim.about, figure)
        for claim in story.claims
        if not claim.disagreement
        for figure in _each_figure(claim, cites)
        if len(figure.cites) >= 2
    )
    return StoryView(
        headline=headline(story),
        n_reports=sum(1 for d in story.documents if not d.excluded),
        dates=date_range(story),
        n_names=len(story.entities),
        n_quotes=len(story.quotes),
        summary=tuple(Cited(s.text, cites(s.sources)) for s in story.summary.sentences),
        differences=differences,
        key_dates=tuple(
            (day(k.date), tuple(Cited(a.text, cites(a.sources)) for a in k.summary)) for k in story.key_dates
        ),
        timeline=tuple((str(e.date), Cited(e.text, cites(e.sources))) for e in story.timeline),
        people=tuple(people),
        also_named=tuple(also_named),
        places=places,
        agreements=tuple(Cited(a.text, cites(a.sources)) for a in story.agreements),
        figures=figures,
        sources=tuple(
            Source(
                number=number[d.article.id],
                id=d.article.id,
                title=d.article.title,
                date=d.article.date,
                date_origin=d.date_origin,
                url=d.article.url,
                excluded=d.excluded,
                dropped=tuple(
                    (x.reason.replace("_", " "), x.text)
                    for x in story.summary.dropped
                    if x.source == d.article.id
                ),
            )
            for d in story.documents
        ),
        warnings=story.summary.warnings,
    )


def _each_figure(claim: Claim, cites: Callable[[list[str]], Cites]) -> list[Cited]:
    """A claim no source disputes, one line per figure, each citing only the reports that
    give that figure: a key can hold figures that differ without disagreeing (a part, a
    year apart, two reports that each give both), and a report cited for a figure it does
    not give is a false citation. Figures more reports give come first."""
    by_value: dict[float, list[ClaimValue]] = {}
    for v in claim.values:
        by_value.setdefault(v.value, []).append(v)
    lines = [Cited(vs[0].text, cites([v.source for v in vs])) for vs in by_value.values()]
    return sorted(lines, key=lambda c: -len(c.cites))


def headline(story: Story) -> str:
    """The report's title: the cluster id, else the title of the report the summary leans on most."""
    if story.id:
        return story.id
    origins = [s.origin for s in story.summary.sentences]
    heads = {d.article.id: clean_headline(d.article.title or "") for d in story.documents if not d.excluded}
    titled = {article: head for article, head in heads.items() if head}  # no slug lines, editors' notes
    # Most cited first; on a tie, the one the summary cites first (a set's order would
    # change with the process's string hashing).
    for origin in sorted(dict.fromkeys(origins), key=lambda o: -origins.count(o)):
        if titled.get(origin):
            return str(titled[origin])
    if titled:
        # No report the summary leans on has a title: the most representative headline, as the
        # digest titles a story (a lone title of a report the summary never cites may be a
        # byline or a caption: "Jane Foley, senior currency strategist at ...").
        return story_title([d.article for d in story.documents if not d.excluded])
    # No report has a title: the summary's first sentence, cut to a headline's length.
    first = story.summary.sentences[0].text.split() if story.summary.sentences else []
    return " ".join(first[:_HEADLINE_WORDS]) + (" …" if len(first) > _HEADLINE_WORDS else "") or "Untitled"


def date_range(story: Story) -> str:
    dates = sorted(d.article.date for d in story.documents if d.article.date and not d.excluded)
    if not dates:
        return "undated"
    first, last = dates[0], dates[-1]
    return day(first) if first == last else f"{day(first)} – {day(last)}"


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 report", "2 reports"."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def day(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%b %Y')}"


def _figure(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"
