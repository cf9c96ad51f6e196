"""Figures months apart are of one event only when they run on; whose members; polls are no source.

A report over a long-running topic holds reports of many events: the same key ("arrested",
"money", "members") a year apart counts two sets, and only a running total ("the toll has
risen to", "since March") stays one quantity over months (`_claims._one_event`).
"""

from __future__ import annotations

import datetime as dt

from figure_claims import claims_of, disputed

from storyline.model import Claim

JAN = dt.date(2031, 1, 10)
MAR = dt.date(2031, 3, 1)
NEXT_YEAR = dt.date(2032, 3, 2)


def test_counts_of_one_key_a_year_apart_are_two_events() -> None:
    claims = claims_of(
        "Police in Dunmore arrested 14 people after the riot at the stadium.",
        "Police in Dunmore arrested 40 people at the harbour protest.",
        days=(JAN, NEXT_YEAR),
    )
    assert not disputed(claims)
    assert any({v.value for v in c.values} == {14, 40} for c in claims)  # still one key, shown


def test_the_same_counts_within_a_week_still_disagree() -> None:
    claims = claims_of(
        "Police in Dunmore arrested 14 people after the riot at the stadium.",
        "Police in Dunmore arrested 40 people after the riot at the stadium.",
        days=(JAN, JAN + dt.timedelta(days=3)),
    )
    assert {14, 40} in disputed(claims)


def test_running_totals_months_apart_disagree_over_time() -> None:
    claims = claims_of(
        "The death toll in the uprising has risen to 5,400 since March, the United Nations said.",
        "More than 7,500 people have been killed in the uprising since March, the United Nations said.",
        days=(JAN, MAR),
    )
    deaths = [c for c in claims if c.disagreement and {v.value for v in c.values} == {5400, 7500}]
    assert deaths and deaths[0].kind == "over time"


def test_members_of_different_bodies_are_different_counts() -> None:
    claims = claims_of(
        "The 10-member board of education voted on the standards on Wednesday.",
        "The standards were written by a 27-member committee of teachers, which met on Wednesday.",
    )
    assert not disputed(claims)
    abouts = {c.about for c in claims}
    assert "member of board" in abouts and "member of committee" in abouts


def test_members_of_one_body_that_differ_disagree() -> None:
    claims = claims_of(
        "The 10-member board of education voted on the standards on Wednesday.",
        "The 12-member board of education voted on the standards on Wednesday.",
    )
    assert {10, 12} in disputed(claims)


def test_a_share_of_those_polled_is_not_who_gives_the_figure() -> None:
    claims = claims_of(
        "In the latest poll, 62 percent of voters say the plan is right, while 32 percent say it is wrong.",
    )
    values = [v for c in claims for v in c.values]
    assert {v.value for v in values} >= {62, 32}
    assert all(v.attributed_to is None for v in values)


def test_a_disagreement_lists_its_rival_figures_and_the_rest_apart() -> None:
    # "more than 10" fits both 14 and 40: no rival figure, so not in the disagreement's rows
    claims = claims_of(
        "Police in Dunmore arrested 14 people after the riot at the stadium.",
        "Police in Dunmore arrested 40 people after the riot at the stadium.",
        "Police in Dunmore arrested more than 10 people after the riot at the stadium.",
    )
    arrested = [c for c in claims if c.about == "arrested"]
    assert {frozenset(v.value for v in c.values): c.disagreement for c in arrested} == {
        frozenset({14, 40}): True,
        frozenset({10}): False,
    }


def test_counts_so_far_months_apart_disagree() -> None:
    # "have been killed" counts up to now, as a running total does
    claims = claims_of(
        "The toll in the uprising has risen to 5,400, the United Nations said.",
        "More than 7,500 people have been killed in the uprising, the United Nations said.",
        days=(JAN, MAR),
    )
    assert {5400, 7500} in disputed(claims)


def test_a_running_sentence_marks_the_figure_whatever_the_order() -> None:
    # the report gives 5,400 twice; that one of its sentences says the toll rose to it is enough
    claims = claims_of(
        "In all, 5,400 people died in the uprising. The toll in the uprising rose to 5,400.",
        "The toll in the uprising rose to 7,500, the United Nations said.",
        days=(JAN, MAR),
    )
    assert {5400, 7500} in disputed(claims)


def test_a_share_that_says_leaves_the_figure_unattributed_not_given_to_another_clause() -> None:
    claims = claims_of("Many said the toll was 300, while the army said it was 250.")
    given = {v.value: v.attributed_to for c in claims for v in c.values}
    assert given.get(300) is None


FALL = dt.date(2031, 9, 27)
NEXT_SUMMER = dt.date(2032, 8, 2)


def test_last_years_count_is_the_count_reports_of_that_year_gave() -> None:
    # "last year" in a report of 2032 names 2031: the count the 2031 reports gave as it
    # grew, so 5 then 7 differ over time, however many months apart
    claims = claims_of(
        "The fever has killed five people in Dunmore, health officials said.",
        "Last year the fever killed seven people in Dunmore, health officials said.",
        days=(FALL, NEXT_SUMMER),
    )
    assert {5, 7} in disputed(claims)
    assert any(c.scope == "2031" and c.kind == "over time" for c in claims if c.disagreement)


def test_a_count_of_the_reports_own_year_is_no_rival_of_last_years() -> None:
    claims = claims_of(
        "The fever has killed five people in Dunmore, health officials said.",
        "Last year the fever killed seven people in Dunmore, health officials said.",
        "The fever has killed two people in Dunmore this year, health officials said.",
        days=(FALL, NEXT_SUMMER, NEXT_SUMMER),
    )
    assert not any(2 in values for values in disputed(claims))


def test_last_year_hanging_from_another_number_is_not_the_figures() -> None:
    # "against 61 last year": the year is the 61's; the 13 is this year's count
    claims = claims_of(
        "Officials said 13 people have been infected this year, against 61 last year.",
        days=(NEXT_SUMMER,),
    )
    assert all(c.scope == "" for c in claims if any(v.value == 13 for v in c.values))


def test_last_year_in_a_clause_on_something_else_is_no_scope() -> None:
    claims = claims_of(
        "The fever, which killed seven people last year, has now infected 13 people in Dunmore.",
        days=(NEXT_SUMMER,),
    )
    assert all(c.scope == "" for c in claims if any(v.value == 13 for v in c.values))


def test_last_year_on_a_clause_above_a_description_is_not_the_described_count() -> None:
    # "Last year" dates the quoting; the two deaths are in a clause that describes Tucker
    claims = claims_of(
        "Last year, a writer quoted the governor mocking Karla Tucker, who was convicted of killing two people.",
        "The jury convicted Karla Tucker of killing two people, officials said.",
        days=(NEXT_SUMMER, FALL),
    )
    assert all(c.scope == "" for c in claims if any(v.value == 2 for v in c.values))


def _deaths(claims: list[Claim]) -> dict[str, set[float]]:
    """The values of each death count's label, over the claims that label splits into."""
    groups: dict[str, set[float]] = {}
    for c in claims:
        if c.counted == "deaths":
            groups.setdefault(c.about, set()).update(v.value for v in c.values)
    return groups


def test_a_year_written_in_the_sentence_before_is_no_last_year() -> None:
    claims = claims_of(
        "The fever has killed two people in Dunmore this year, officials said.",
        "The first outbreak came in 2031. That outbreak killed seven people in Dunmore, officials said.",
        days=(NEXT_SUMMER, NEXT_SUMMER + dt.timedelta(days=1)),
    )
    assert not disputed(claims)


def test_since_last_year_is_a_span_not_last_years_count() -> None:
    claims = claims_of(
        "The fever has killed five people in Dunmore, officials said.",
        "The fever has killed nine people in Dunmore, officials said.",
        "Since last year the fever has killed seven people in Dunmore, officials said.",
        days=(FALL, NEXT_SUMMER, NEXT_SUMMER + dt.timedelta(days=1)),
    )
    assert any({7, 9} <= values for values in disputed(claims))


def test_this_years_count_joined_to_last_years_is_this_years() -> None:
    claims = claims_of(
        "The fever has killed five people in Dunmore, officials said.",
        "The fever has killed three people in Dunmore this year, officials said.",
        "The fever killed seven people in Dunmore last year and has killed two so far this year, officials said.",
        days=(FALL, NEXT_SUMMER, NEXT_SUMMER + dt.timedelta(days=1)),
    )
    groups = _deaths(claims)
    assert {2, 3} <= groups["deaths"] and {5, 7} <= groups["deaths (2031)"]


def test_a_pair_of_one_week_still_rivals_when_a_later_report_says_last_year() -> None:
    claims = claims_of(
        "The fever has killed five people in Dunmore, officials said.",
        "The fever killed seven people in Dunmore, officials said.",
        "Last year the fever killed eight people in Dunmore, officials said.",
        days=(FALL, FALL + dt.timedelta(days=2), NEXT_SUMMER),
    )
    # the week's pair, five and seven, in one claim: the past-tense seven is that year's too
    assert any({5, 7} <= values for values in disputed(claims))


def test_last_spring_in_a_november_report_is_that_years_spring() -> None:
    claims = claims_of(
        "The fever has killed three people in Dunmore, officials said.",
        "Last spring the fever killed seven people in Dunmore, officials said.",
        days=(FALL, dt.date(2032, 11, 20)),
    )
    assert not any(c.scope for c in claims if c.counted == "deaths")


def test_last_summer_in_a_clause_below_the_count_dates_no_count() -> None:
    claims = claims_of(
        "The fever has killed five people in Dunmore, officials said.",
        "The fever has killed nine people in Dunmore since it arrived last summer, officials said.",
        days=(FALL, NEXT_SUMMER),
    )
    assert all(c.scope == "" for c in claims if c.counted == "deaths" and any(v.value == 9 for v in c.values))


QUAKE_DAY = dt.date(2031, 8, 20)
TWO_WEEKS_ON = dt.date(2031, 9, 3)


def test_event_tolls_weeks_apart_stay_apart_when_told_anew_of_another_or_ten_times_apart() -> None:
    for first, later in (
        # "a bomb killed": an event told for the first time, maybe another one
        ("A bomb killed 20 people in the market.", "A bomb killed 24 people in the market."),
        ("The bombing killed 20 people in the market.", "Another bombing killed 24 people in the market."),
        # "that quake" may be the one the sentence before named
        ("The earthquake killed 130 people.", "Almost 150 people died in that quake."),
        # a toll ten times another: a part, or another event
        ("The earthquake killed more than 13,000 people.", "Almost 1,000 people died in the earthquake."),
        # no event named: "killed" weeks apart may be two events
        ("Gunmen killed 20 people in the village.", "Gunmen killed 24 people in the village."),
    ):
        claims = claims_of(first, later, days=(QUAKE_DAY, TWO_WEEKS_ON))
        assert not disputed(claims), (first, later)
        # within the week, the same words still disagree
        claims = claims_of(first, later, days=(QUAKE_DAY, QUAKE_DAY + dt.timedelta(days=2)))
        assert disputed(claims) or "Another" in later or "that quake" in later or "1,000" in later, (
            first,
            later,
        )


def test_tolls_of_events_weeks_apart_stay_apart_where_the_events_or_the_tolls_differ() -> None:
    for first, later, days in (
        # two kinds of event, or two named ones
        (
            "The earthquake, which killed 30 people, struck at dawn.",
            "An aftershock that killed 31 people hit.",
            21,
        ),
        (
            "The hurricane, which killed 40 people, moved north.",
            "The flooding killed 41 people in the valley.",
            25,
        ),
        (
            "The Kobe quake, which killed 6,400 people, was recalled.",
            "The Izmit quake killed 6,500 people.",
            21,
        ),
        # tolls far from each other: two bombings of a long-running conflict
        ("Last week's bombing killed 30 people.", "Friday's bombing killed 20 people.", 20),
        ("The bombing killed 17 people in the capital.", "The bombing killed 25 people near the port.", 90),
        # a running total and one blast's toll: a whole and a part
        ("The toll in the war has risen to 300.", "The blast killed 290 people at the market.", 60),
    ):
        claims = claims_of(first, later, days=(QUAKE_DAY, QUAKE_DAY + dt.timedelta(days=days)))
        assert not disputed(claims), (first, later)


BOMBING_WEEK = dt.date(2031, 8, 9)  # two days after "the Aug. 7 bombing"
MONTH_ON = dt.date(2031, 9, 5)


def test_a_toll_weeks_on_of_an_event_named_by_its_day_rivals_that_weeks_toll() -> None:
    # the later report dates the event; the first was written in its week
    claims = claims_of(
        "The bombing of the embassy in Dunmore killed 10 people, police said.",
        "The Aug. 7 bombing of the embassy in Dunmore killed 11 people.",
        days=(BOMBING_WEEK, MONTH_ON),
    )
    assert {10, 11} in disputed(claims)
    # both reports weeks on, both naming the day
    claims = claims_of(
        "The earthquake of Aug. 7 killed more than 14,000 people.",
        "The Aug. 7 earthquake killed more than 15,000 people, officials said.",
        days=(MONTH_ON, MONTH_ON + dt.timedelta(days=30)),
    )
    assert {14000, 15000} in disputed(claims)


def test_a_named_day_far_from_the_other_report_or_another_day_keeps_tolls_apart() -> None:
    # the other report was written weeks after the named day, without naming it
    claims = claims_of(
        "The Aug. 7 bombing of the embassy in Dunmore killed 11 people.",
        "The bombing of the embassy in Dunmore killed 14 people.",
        days=(MONTH_ON, MONTH_ON + dt.timedelta(days=40)),
    )
    assert not disputed(claims)
    # two named days a week or more apart, told weeks on: two events
    claims = claims_of(
        "The March 3 quake killed 1,400 people in the valley.",
        "The Aug. 7 quake killed 1,500 people in the valley.",
        days=(MONTH_ON, MONTH_ON + dt.timedelta(days=30)),
    )
    assert not disputed(claims)
    # a day near the report is the report's own week, not a named event
    claims = claims_of(
        "The bombing on Monday killed 10 people.",
        "The bombing killed 11 people.",
        days=(BOMBING_WEEK, MONTH_ON),
    )
    assert not disputed(claims)


def test_a_day_set_after_since_or_of_another_clause_names_no_event() -> None:
    # a figure whose sentence dates another event, or something else, stays apart weeks on
    for later in (
        "A quake on Tuesday killed 52 people in the valley, the deadliest since the Aug. 7 quake.",
        "A month after the Aug. 7 bombing, a second bombing killed 14 people, police said.",
        "The floods have killed 14 people since August 5, officials said.",
        "The clashes killed 14 people after the Aug. 5 deadline expired.",
        "The gunman, who turned 30 on Aug. 5, killed 14 people, police said.",
        "The fire killed 14 people, according to a report published on Aug. 8.",
        # an event of another kind, dated in the other report's week
        "The Aug. 5 ambush killed 14 people, officials said.",
    ):
        claims = claims_of("The quake killed 40 people in the valley.", later, days=(BOMBING_WEEK, MONTH_ON))
        assert not disputed(claims), later
    # the event's own words date it
    for later in (
        "Police had hunted the bombers since the Aug. 7 bombing of the embassy, which killed 11 people.",
        "More than 11 people were killed in the bombing of Aug. 7, police said.",
        "The toll from the Aug. 7 bombing has risen to 11, police said.",
    ):
        claims = claims_of(
            "The bombing of the embassy killed 10 people.", later, days=(BOMBING_WEEK, MONTH_ON)
        )
        assert disputed(claims), later
    # one event in other words of one kind: a car bomb and a blast, a temblor and a quake
    for first, later in (
        (
            "A car bomb killed 10 people outside the embassy.",
            "The Aug. 7 blast outside the embassy killed 11 people.",
        ),
        ("The temblor killed 10 people.", "The Aug. 7 quake killed 11 people."),
    ):
        assert {10, 11} in disputed(claims_of(first, later, days=(BOMBING_WEEK, MONTH_ON))), later
    # a relative clause that hangs from the last place the event's words name
    claims = claims_of(
        "The bombing of the embassy in Port Ellis killed 10 people.",
        "Police hunted suspects since the Aug. 7 bombing of the embassy in Port Ellis, which killed 11 people.",
        days=(BOMBING_WEEK, MONTH_ON),
    )
    assert {10, 11} in disputed(claims)


def test_a_named_day_reaches_only_its_own_event() -> None:
    week = dt.date(2031, 8, 13)
    for first, later in (
        # the first report dates its own bombing to another day
        (
            "The bombing on Aug. 12 killed 14 people, police said.",
            "The Aug. 7 bombing killed 11 people, police said.",
        ),
        # a date of another bombing the later one is likened to, or of a place's past
        (
            "The bombing killed 10 people.",
            "The bombing, which mirrored the Aug. 7 bombing of the embassy, killed 14 people.",
        ),
        (
            "The blast killed 10 people.",
            "The blast killed 14 people on a street where the Aug. 7 bombing had struck.",
        ),
        # two events joined: a total of both
        ("The bombing killed 10 people.", "The Aug. 7 bombing and a second one killed 30 people in all."),
        # a month and day in another year
        ("The bombing killed 10 people.", "Last year's Aug. 7 bombing killed 11 people, police said."),
        # a word of two senses
        ("The fire killed 10 people.", "Two men were killed by army fire on Aug. 7, and 11 more died later."),
        # the places differ
        ("The bombing in Mombasa killed 10 people.", "The Aug. 7 bombing in Nairobi killed 12 people."),
    ):
        claims = claims_of(first, later, days=(week, MONTH_ON))
        assert not disputed(claims), later
    # an event of another kind dated the same day, both told weeks on
    claims = claims_of(
        "The Aug. 7 quake killed 14 people in the valley.",
        "The Aug. 7 bombing killed 11 people in the valley.",
        days=(MONTH_ON, MONTH_ON + dt.timedelta(days=30)),
    )
    assert not disputed(claims)
