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


def _days_of(make_corpus: MakeCorpus, text: str) -> dict[str, list[str]]:
    """Each timeline date of one Tuesday report, with the texts filed under it."""
    corpus = make_corpus([Article(id="a", date=TUESDAY, text=text)])
    events = build_timeline(corpus, dates=_dates(corpus), matcher=MATCHER)
    out: dict[str, list[str]] = {}
    for event in events:
        out.setdefault(str(event.date), []).append(event.text)
    return out


def test_a_sentence_goes_under_the_day_it_is_about_not_the_earliest_it_names(
    make_corpus: MakeCorpus,
) -> None:
    # A report of Tuesday 7 February 2012: Saturday is the 4th, Monday the 6th.
    arrests = "Police arrested three men on Monday over Saturday's bombing of the Kelmar docks."
    talks = "Union talks at the docks will resume on 12 February, a week after they collapsed on Saturday."
    days = _days_of(make_corpus, f"{arrests}\n{talks}")
    assert days == {"2012-02-06": [arrests], "2012-02-12": [talks]}  # formerly both on 2012-02-04


def test_a_sentence_that_only_refers_back_to_a_day_is_not_that_days_event(make_corpus: MakeCorpus) -> None:
    lead = [
        "The warehouse fire broke out at the Kelmar docks on Saturday night.",
        "Firefighters from three towns fought the blaze for six hours.",
        "The cause of the fire is not yet known, the harbour master said.",
    ]
    mourners = "Hundreds of dock workers have laid flowers at the gates since the fire on Saturday."
    days = _days_of(make_corpus, "\n".join([*lead, mourners]))
    assert days == {"2012-02-04": [lead[0]]}  # the 4th sentence tells of no day of its own


def test_a_lead_that_refers_back_tells_the_news_of_its_reports_day(make_corpus: MakeCorpus) -> None:
    lead = "Dock workers laid flowers at the harbour gates after the fire on Saturday night."
    days = _days_of(make_corpus, lead)
    assert days == {"2012-02-07": [lead]}


def test_two_days_of_its_own_go_under_the_first_named(make_corpus: MakeCorpus) -> None:
    gas = "Workers smelled gas at the Kelmar plant late on Friday, the union said on Monday."
    assert _days_of(make_corpus, gas) == {"2012-02-03": [gas]}
    fire = (
        "Firefighters put out the Kelmar fire on Monday, two days after it broke out before dawn on Saturday."
    )
    assert _days_of(make_corpus, fire) == {"2012-02-06": [fire]}  # formerly on Saturday
