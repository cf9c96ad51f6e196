"""`claims_of`: the claims of a few invented one-paragraph reports, parsed as a report
parses them; shared by the figure, unit, age and scope tests."""

from __future__ import annotations

import datetime as dt

from storyline.analyze import extract_claims, extract_entities, find_quotes, load_nlp, parse_corpus
from storyline.model import Article, Claim, Corpus

DAY = dt.date(2031, 5, 6)


def claims_of(
    *texts: str, days: tuple[dt.date, ...] = (), events: tuple[int, ...] | None = None
) -> list[Claim]:
    """Report i is `texts[i]`, dated `days[i]` (every report `DAY` when no days are given),
    of event `events[i]` (one event when none are given)."""
    articles = tuple(Article(id=f"r{i}", text=t, date=days[i] if days else DAY) for i, t in enumerate(texts))
    corpus = Corpus(articles=articles)
    paragraphs = parse_corpus(corpus, load_nlp())
    dates = {i: a.date for i, a in enumerate(corpus.articles)}
    entities = extract_entities(corpus, paragraphs)
    quoted = find_quotes(corpus, paragraphs, entities)[1]
    return extract_claims(corpus, paragraphs, entities, dates=dates, events=events, quoted=quoted)


def disputed(claims: list[Claim]) -> list[set[float]]:
    """The values of each claim that disagrees."""
    return [{v.value for v in c.values} for c in claims if c.disagreement]


def counted(claims: list[Claim], value: float) -> set[str]:
    """What the claims that hold `value` count."""
    return {c.counted for c in claims if any(v.value == value for v in c.values)}


def counted_by_figure(claims: list[Claim]) -> dict[tuple[str, float], str]:
    """What each figure counts, by its report and value: ("r0", 14.0) -> "resident per 100"."""
    return {(v.source, v.value): c.counted for c in claims for v in c.values}
