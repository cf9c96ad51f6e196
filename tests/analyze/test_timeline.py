"""The report's timeline builder and date inference, on hand-built clusters (hash embeddings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from storyline.analyze import build_timeline, infer_publication_dates
from storyline.embed import FactMatcher
from storyline.model import Article, Corpus

MakeCorpus = Callable[[list[str | Article]], Corpus]
# Hash embeddings of two wordings of one fact are far less similar than a trained
# model's, so the bar is low here; the word test still keeps different facts apart.
MATCHER = FactMatcher(threshold=0.2, min_overlap=0.5)

TUESDAY = dt.date(2012, 2, 7)


def _dates(corpus: Corpus) -> dict[int, dt.date | None]:
    return {i: a.date for i, a in enumerate(corpus.articles)}


def test_one_event_told_by_two_reports_is_one_entry(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus(
        [
            Article(
                id="a",
                date=TUESDAY,
                text="The warehouse fire broke out at the Kelmar docks on Saturday night.",
            ),
            Article(
                id="b", date=TUESDAY, text="On Saturday night the warehouse fire broke out at Kelmar docks."
            ),
            Article(
                id="c", date=TUESDAY, text="The mayor will visit the harbour families on Thursday morning."
            ),
        ]
    )
    events = build_timeline(corpus, dates=_dates(corpus), matcher=MATCHER)
    by_date = {str(e.date): e for e in events}
    assert by_date["2012-02-04"].sources == ("a", "b")  # Saturday before the Tuesday reports
    assert by_date["2012-02-09"].sources == ("c",)  # a future Thursday
    assert [str(e.date) for e in events] == sorted(str(e.date) for e in events)


def test_same_day_different_facts_stay_apart(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus(
        [
            Article(
                id="a", date=TUESDAY, text="The warehouse fire broke out at the Kelmar docks on Saturday."
            ),
            Article(
                id="b",
                date=TUESDAY,
                text="Voters in the northern district elected a new council on Saturday.",
            ),
        ]
    )
    events = build_timeline(corpus, dates=_dates(corpus), matcher=MATCHER)
    assert sorted(e.sources for e in events) == [("a",), ("b",)]


def test_undated_report_without_a_date_gives_no_relative_event(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus(
        [Article(id="a", text="The warehouse fire broke out at the docks on Saturday night.")]
    )
    assert build_timeline(corpus, dates=_dates(corpus), matcher=MATCHER) == []


def test_undated_report_takes_the_date_of_reports_telling_the_same_facts(make_corpus: MakeCorpus) -> None:
    fact = "Firefighters from three towns fought the warehouse blaze at the Kelmar docks for six hours."
    corpus = make_corpus(
        [
            Article(id="dated", date=TUESDAY, text=fact),
            Article(id="undated", text=fact.replace("fought", "battled")),
            Article(
                id="other", text="A new bridge over the river opened to traffic after two years of works."
            ),
        ]
    )
    inferred = infer_publication_dates(corpus, _dates(corpus), matcher=MATCHER)
    assert set(inferred) == {1}
    assert inferred[1][0] == TUESDAY and "shares" in inferred[1][1]


def test_no_date_is_inferred_from_reports_of_different_dates(make_corpus: MakeCorpus) -> None:
    fact = "Firefighters from three towns fought the warehouse blaze at the Kelmar docks for six hours."
    corpus = make_corpus(
        [
            Article(id="monday", date=dt.date(2012, 2, 6), text=fact),
            Article(id="tuesday", date=TUESDAY, text=fact),
            Article(id="undated", text=fact),
        ]
    )
    assert infer_publication_dates(corpus, _dates(corpus), matcher=MATCHER) == {}
