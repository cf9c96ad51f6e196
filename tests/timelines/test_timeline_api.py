"""`timeline()`: which days are chosen, what each says, what it cites, and bad input."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from storyline.errors import ConfigError, InputError
from storyline.model import Article
from storyline.text import make_splitter
from storyline.timelines import (
    DayEvidence,
    Timeline,
    choose_n_dates,
    collect,
    rank_days,
    timeline,
    topic_names,
)

TODAY = dt.date(2012, 3, 1)

FEB = lambda day: dt.date(2012, 2, day)  # noqa: E731


def test_relative_days_are_resolved_against_the_report_date(story: list[Article]) -> None:
    reports, _ = collect(story, splitter=make_splitter("blingfire"), today=TODAY)
    wire = reports[1].sentences
    assert wire[0].days == (FEB(4),)  # "on Saturday" in a report of Tuesday 7 February
    herald = reports[0].sentences
    assert herald[1].days == (FEB(5),)  # "yesterday" in a report of Monday 6 February
    courier = reports[3].sentences
    assert courier[2].days == (dt.date(2012, 3, 30),) and courier[2].future == (True,)


def test_the_day_most_reports_point_at_ranks_first(story: list[Article]) -> None:
    reports, _ = collect(story, splitter=make_splitter("blingfire"), today=TODAY)
    ranked = rank_days(reports, start=None, end=None, latest=FEB(18))
    assert ranked[0].day == FEB(4)
    assert ranked[0].n_mentions == 4  # herald, wire, gazette, courier
    # A day after the newest report is a plan, not an event.
    assert all(e.day <= FEB(18) for e in ranked)


def test_copies_count_once(story: list[Article]) -> None:
    copy = dataclasses.replace(story[1], id="wire-copy")
    reports, _ = collect([*story, copy], splitter=make_splitter("blingfire"), today=TODAY)
    ranked = {e.day: e for e in rank_days(reports, start=None, end=None, latest=FEB(18))}
    assert ranked[FEB(4)].n_mentions == 4
    assert ranked[FEB(7)].n_published == 1


def test_topic_names_are_the_names_most_reports_use(story: list[Article]) -> None:
    reports, _ = collect(story, splitter=make_splitter("blingfire"), today=TODAY)
    assert topic_names(reports) == {"kessport"}


def test_timeline_dates_summaries_and_citations(story: list[Article]) -> None:
    result = timeline(story, dates=3, embedder="hash", today=TODAY)
    days = [d.date for d in result.dates]
    assert days == sorted(days) and len(days) == 3
    assert FEB(4) in days and FEB(17) in days
    fire = next(d for d in result.dates if d.date == FEB(4))
    (sentence,) = fire.summary
    assert "fire" in sentence.text.lower()
    # herald and wire carry the same sentence: both are cited, the origin first.
    assert {"herald", "wire"} <= set(sentence.sources)
    texts = [s.text for d in result.dates for s in d.summary]
    assert len(texts) == len(set(texts))  # never repeated across dates
    cited = {x for d in result.dates for s in d.summary for x in s.sources}
    assert {s.id for s in result.sources} == cited


def test_each_day_is_told_by_a_sentence_about_that_day(story: list[Article]) -> None:
    result = timeline(story, dates=2, embedder="hash", today=TODAY)
    charged = next(d for d in result.dates if d.date == FEB(17))
    assert "charged" in charged.summary[0].text


def test_no_sentence_states_a_fact_twice(story: list[Article]) -> None:
    result = timeline(story, dates=6, sentences=3, embedder="hash", today=TODAY)
    texts = [s.text for d in result.dates for s in d.summary]
    assert len(texts) == len(set(texts))
    assert all(len(d.summary) <= 3 for d in result.dates)


def test_to_dict_shape(story: list[Article]) -> None:
    data = timeline(story, dates=2, embedder="hash", today=TODAY).to_dict()
    assert set(data) >= {"timeline", "sources", "notes"}
    entry = data["timeline"][0]
    assert dt.date.fromisoformat(entry["date"])
    assert set(entry["summary"][0]) == {"text", "sources"}
    assert isinstance(entry["summary"][0]["sources"], list)


def test_default_number_of_dates_comes_from_the_material(story: list[Article]) -> None:
    result = timeline(story, embedder="hash", today=TODAY)
    # 4 Feb (4 reports) and 17 Feb (2 reports, and 2 published on the 18th) stand out.
    assert 1 <= len(result.dates) < result.n_days_available
    assert FEB(4) in [d.date for d in result.dates]


def test_default_number_of_dates_is_at_most_one_per_two_reports() -> None:
    ranked = [DayEvidence(dt.date(2012, 1, 1) + dt.timedelta(days=i), 3, 0, 3.0) for i in range(40)]
    assert choose_n_dates(ranked) == 30  # never a timeline of every day
    assert choose_n_dates(ranked, n_reports=10) == 5
    assert choose_n_dates(ranked, n_reports=1) == 1  # never fewer than one
    weak = [DayEvidence(dt.date(2012, 1, 1), 1, 0, 1.0)] * 3
    assert choose_n_dates(weak, n_reports=100) == 1  # a single report is no evidence; still one date
    assert choose_n_dates([], n_reports=100) == 0


def test_more_dates_than_available_gives_what_there_is_with_a_note(story: list[Article]) -> None:
    result = timeline(story, dates=500, embedder="hash", today=TODAY)
    assert 0 < len(result.dates) <= result.n_days_available < 500
    assert any("asked for 500 dates" in note for note in result.notes)


def test_start_and_end_keep_only_days_in_range(story: list[Article]) -> None:
    result = timeline(story, dates=10, start=FEB(6), end=FEB(10), embedder="hash", today=TODAY)
    assert result.dates and all(FEB(6) <= d.date <= FEB(10) for d in result.dates)


def test_one_dated_article_gives_a_one_date_timeline() -> None:
    article = Article(
        id="only", date=FEB(6), text="The Kessport plant reopened on Monday after a week of repairs."
    )
    result = timeline([article], embedder="hash", today=TODAY)
    assert [d.date for d in result.dates] == [FEB(6)]
    assert result.dates[0].summary[0].sources == ("only",)


def test_no_dates_at_all_is_a_clear_error() -> None:
    articles = [
        Article(id=str(i), text="The plant is large and employs many people in the town.") for i in range(3)
    ]
    with pytest.raises(InputError, match="no dates") as info:
        timeline(articles, embedder="hash", today=TODAY)
    assert info.value.code == "SL113"


def test_reports_dated_in_the_future_are_not_trusted(story: list[Article]) -> None:
    future = Article(
        id="odd", date=dt.date(2031, 1, 1), text="The Kessport plant was sold on Friday to a rival group."
    )
    result = timeline([*story, future], embedder="hash", today=TODAY)
    assert all(d.date <= TODAY for d in result.dates)
    assert any("after today" in note for note in result.notes)


def test_mentioned_days_after_today_are_never_timeline_days() -> None:
    article = Article(
        id="x", date=FEB(6), text="The Kessport plant will reopen on March 30, 2012, its owners said."
    )
    result = timeline([article], dates=3, embedder="hash", today=FEB(20))
    assert [d.date for d in result.dates] == [FEB(6)]


@pytest.mark.parametrize(
    ("options", "name"),
    [({"dates": 0}, "dates"), ({"sentences": 0}, "sentences"), ({"start": FEB(9), "end": FEB(1)}, "start")],
)
def test_bad_options_are_config_errors(story: list[Article], options: dict[str, object], name: str) -> None:
    with pytest.raises(ConfigError, match=name):
        timeline(story, embedder="hash", today=TODAY, **options)  # type: ignore[arg-type]


def test_empty_and_duplicate_input_are_input_errors(story: list[Article]) -> None:
    with pytest.raises(InputError):
        timeline([], embedder="hash")
    with pytest.raises(InputError, match="duplicate"):
        timeline([story[0], story[0]], embedder="hash")


def test_result_is_frozen(story: list[Article]) -> None:
    result = timeline(story, dates=1, embedder="hash", today=TODAY)
    assert isinstance(result, Timeline)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.n_articles = 0  # type: ignore[misc]


def test_an_archives_spaced_hyphens_are_joined_and_its_dashes_kept() -> None:
    archive = Article(
        id="a1",
        date=FEB(7),
        text=(
            "The co - founder of the Lisbon - based firm stepped down on Monday.\n"
            "Her deputy - and her lawyer - said the 39 - year - old would appeal."
        ),
    )
    plain = Article(id="a2", date=FEB(7), text="The mayor spoke - and then left on Monday - far too early.")
    reports, _ = collect([archive, plain], splitter=make_splitter("blingfire"), today=TODAY)
    texts = [s.text for s in reports[0].sentences]
    assert texts[0] == "The co-founder of the Lisbon-based firm stepped down on Monday."
    assert texts[1] == "Her deputy - and her lawyer - said the 39-year-old would appeal."
    assert [s.text for s in reports[1].sentences] == [
        "The mayor spoke - and then left on Monday - far too early."
    ]


def test_an_archives_split_mojibake_reads_as_the_characters_it_stands_for() -> None:
    archive = Article(
        id="a1",
        date=FEB(7),
        text="The ministerâ€ ™ s aide said â€œthe bridge stays shutâ€ � on Monday â€ “ then left.",
    )
    reports, _ = collect([archive], splitter=make_splitter("blingfire"), today=TODAY)
    assert [s.text for s in reports[0].sentences] == [
        "The minister’s aide said “the bridge stays shut” on Monday – then left."
    ]
