"""Which day a sentence is about (`find_sentence_days`, `sentence_day`), on invented sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.text import find_sentence_days, sentence_day

TUESDAY = dt.date(2012, 2, 7)  # Saturday is the 4th, Sunday the 5th, Monday the 6th
SAT, SUN, MON = dt.date(2012, 2, 4), dt.date(2012, 2, 5), dt.date(2012, 2, 6)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Rebels shelled the northern district of the city on Saturday, killing nine.", SAT),
        ("Police arrested three men on Monday over Saturday's bombing of the market.", MON),
        ("Saturday's bombing was the deadliest in a decade, the mayor said.", SAT),
        ("Mourners marched on Sunday, a day after the bombing on Saturday.", SUN),
        ("The minister, who resigned on Saturday, was questioned by police on Monday.", MON),
        ("The market has been closed since Saturday.", None),
        ("Three men arrested on Saturday were charged on Monday.", None),  # two days of its own
        ("The talks will resume on 12 February, the envoy said.", None),  # a plan, beyond the lead
        ("The plant was built in 1998 and expanded on Monday.", None),  # a year before the day
        ("WASHINGTON, Feb. 6 (Reuters) - Senators met behind closed doors.", None),  # a dateline
        ("Residents could go home from 2 p.m. on Monday, the mayor said.", MON),  # a time of the day
        ("The death toll rose to 40 from 12 on Saturday.", None),  # a count, not a time
        ("The bridge has been closed since 9 a.m. on Monday.", None),  # a span, whatever the time
    ],
)
def test_the_day_a_sentence_is_about(text: str, day: dt.date | None) -> None:
    assert sentence_day(find_sentence_days(text, published=TUESDAY), published=TUESDAY, lead=False) == day


def test_plans_and_every_named_day_are_kept_apart() -> None:
    found = find_sentence_days(
        "Talks will resume on 12 February, a week after they collapsed on Saturday.", published=TUESDAY
    )
    assert found.days == (SAT, dt.date(2012, 2, 12))
    assert found.future == (False, True)
    assert found.own == () and found.event is None
    assert found.plan == dt.date(2012, 2, 12)


def test_a_lead_without_a_day_of_its_own_tells_its_reports_day() -> None:
    plan = find_sentence_days(
        "They will appear before a judge on Friday, prosecutors said.", published=TUESDAY, lead=True
    )
    assert sentence_day(plan, published=TUESDAY, lead=True) == TUESDAY  # the news of the day, not Friday's
    assert sentence_day(plan, published=TUESDAY, lead=False) is None
    background = find_sentence_days(
        "The minister had promised more police in the markets.", published=TUESDAY, lead=True
    )
    assert sentence_day(background, published=TUESDAY, lead=True) is None
    month = find_sentence_days(
        "The company was founded in October by two engineers.", published=TUESDAY, lead=True
    )
    assert sentence_day(month, published=TUESDAY, lead=True) is None
    assert sentence_day(plan, published=None, lead=True) is None  # no report date, no day


def test_a_long_line_of_capitals_before_a_day() -> None:
    # The dateline test once backtracked cubically on capitals without a comma: seconds at
    # 6,000 characters, hours at this length (a slow test here is that bug back).
    shouted = "BREAKING NEWS " * 2000 + "on Saturday the market burned."
    assert find_sentence_days(shouted, published=TUESDAY).event == SAT
