"""Lengths of time, rates and shares as figures (issue 10, item 1).

Every cluster here is invented. A length of time ("39 hours", "a two-day summit") is a
measure with a duration unit, compared converted ("two days" is "48 hours"); a rate
("300 cars a day") is its own quantity, never a rival of a total; a share names what
it is a share of ("a vacancy rate of 3.7 percent").
"""

from __future__ import annotations

import pytest
from figure_claims import DAY, claims_of, counted_by_figure

from storyline.analyze._claims import compatible, parse_number
from storyline.analyze._units import read_unit, unit_of
from storyline.model import Claim, ClaimValue


def texts(claims: list[Claim]) -> set[str]:
    return {v.text for c in claims for v in c.values}


def measure(text: str, number: float, qualifier: str = "", source: str = "a") -> ClaimValue:
    return ClaimValue(number, text, qualifier, None, source, DAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (" hours", "hour"),
        ("-day summit", "day"),
        (" weeks early", "week"),
        (" minutes", "minute"),
        (" years", "year"),
    ],
)
def test_duration_units(text: str, name: str) -> None:
    found = read_unit(text)
    assert found is not None and found[0].name == name and found[0].dimension == "duration"


def test_half_after_a_number_word() -> None:
    assert parse_number("five and a half") == 5.5
    assert parse_number("two and a half") == 2.5
    assert parse_number("five") == 5


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (measure("two days", 2), measure("48 hours", 48), True),  # one length, two units
        (measure("about two days", 2, "about"), measure("50 hours", 50), True),  # rounding within "about"
        (measure("39 hours", 39), measure("three days", 3), False),
        (measure("three weeks", 3), measure("21 days", 21), True),
        (measure("six months", 6), measure("26 weeks", 26), True),  # a month is 28 to 31 days
        (measure("two days", 2), measure("2 km", 2), True),  # another dimension: no rival
    ],
)
def test_compatible_durations(a: ClaimValue, b: ClaimValue, same: bool) -> None:
    assert unit_of(a.text) is not None
    assert compatible(a, b) is same


@pytest.mark.slow
def test_a_length_of_time_is_a_figure() -> None:
    claims = claims_of(
        "The ferry from Orsk to Kessport was stuck in the ice for 39 hours.",
        "Delegates gathered in Kessport for a two-day summit on fishing rights.",
    )
    found = texts(claims)
    assert "39 hours" in found
    assert any(t.startswith("two") and t.endswith("day") for t in found)


@pytest.mark.slow
def test_a_point_in_time_and_an_age_are_no_lengths() -> None:
    claims = claims_of(
        "The ferry left Orsk four days ago, the harbour master said.",
        "The captain, who is 58 years old, was interviewed on 60 Minutes.",
    )
    assert not any(c.counted.startswith(("duration", "ferry")) for c in claims)
    assert not any(v.value in (4.0, 58.0, 60.0) for c in claims for v in c.values)


@pytest.mark.slow
def test_a_length_in_two_units_is_no_disagreement() -> None:
    claims = claims_of(
        "The ferry was stuck in the ice for two days before tugs reached it.",
        "The ferry was stuck in the ice for 48 hours before tugs reached it.",
    )
    assert not any(c.disagreement for c in claims)


def test_fractions_in_digits_are_read_whole() -> None:
    # "2 1/2" was read as 2, and "1/2" as 2
    assert parse_number("2 1/2") == 2.5
    assert parse_number("2-1/2") == 2.5
    assert parse_number("2½") == 2.5
    assert parse_number("1/2") == 0.5
    assert parse_number("12 3/4") == 12.75
    # no fractions: a schedule, a date, odds
    assert parse_number("24/7") != 24 / 7
    assert parse_number("9/11") != 9 / 11
    assert parse_number("50/50") != 1.0


@pytest.mark.slow
def test_a_fraction_is_kept_in_a_length_of_time_and_a_measure() -> None:
    claims = claims_of(
        "The probe has orbited Jupiter for 2 1/2 years, NASA said.",
        "The storm dumped 2½ feet of snow on Kessport.",
    )
    assert {2.5} <= {v.value for c in claims for v in c.values if v.source == "r0"}
    assert {2.5} <= {v.value for c in claims for v in c.values if v.source == "r1"}


@pytest.mark.slow
def test_a_fraction_after_a_hyphen_or_a_sign_is_read_with_its_whole_number() -> None:
    # "3-1/2" is cut in three by the tokenizer; "1½" is no number to spaCy
    claims = claims_of(
        "The operation took 3-1/2 hours, doctors said.", "The talks lasted 1½ hours, officials said."
    )
    values = {v.value for c in claims for v in c.values}
    assert {3.5, 1.5} <= values
    assert 0.5 not in values


@pytest.mark.slow
def test_a_half_is_kept_in_a_length_of_time() -> None:
    claims = claims_of("The ferry reached Kessport five and a half hours late.")
    assert 5.5 in {v.value for c in claims for v in c.values}


@pytest.mark.slow
def test_a_rate_is_a_figure_and_no_rival_of_a_total() -> None:
    claims = claims_of(
        "The Brask plant now builds 300 cars a day, the company said.",
        "The Brask plant has built 12,000 cars since it opened, the company said.",
    )
    assert not any(c.disagreement for c in claims)
    rates = [c for c in claims if c.scope == "a day"]
    assert [v.value for c in rates for v in c.values] == [300.0]


@pytest.mark.slow
def test_a_rate_with_no_noun_is_a_figure() -> None:
    claims = claims_of("Since Monday the channel has lost followers at a rate of about 400 an hour.")
    assert any(c.counted == "rate" and c.scope == "an hour" for c in claims)


@pytest.mark.slow
def test_a_day_that_is_no_period_makes_no_rate() -> None:
    claims = claims_of("On a day when 40 people came to the Orsk market, the hall was shut.")
    assert not any("a day" in c.scope for c in claims)


@pytest.mark.slow
def test_a_share_names_what_it_is_a_share_of() -> None:
    claims = claims_of(
        "Warehouses in Kessport posted a vacancy rate of just 3.7 percent in the spring, a broker said.",
        "Orsk saw 5.2 percent population growth over four years.",
    )
    about = {c.counted for c in claims if c.counted.startswith("%")}
    assert {"% vacancy rate", "% population growth"} <= about


@pytest.mark.slow
def test_two_shares_of_different_things_are_no_disagreement() -> None:
    claims = claims_of(
        "Warehouses in Kessport posted a vacancy rate of 3.7 percent, a broker said.",
        "Rents for warehouses in Kessport rose 9 percent, a broker said.",
    )
    assert not any(c.disagreement for c in claims)


def test_rates_named_by_their_compounds_are_different_shares() -> None:
    # "the unemployment rate" and "the poverty rate" of one place, one week: two rates
    claims = claims_of(
        "The unemployment rate on the Dunmore reservation was 50 percent last year.",
        "The poverty rate on the Dunmore reservation was 18 percent last year.",
    )
    assert not any(c.disagreement for c in claims)
    assert {"% unemployment rate", "% poverty rate"} <= {c.about for c in claims}


@pytest.mark.slow
def test_how_often_and_ratios_are_figures_of_their_own() -> None:
    claims = claims_of(
        "The Orsk patrol had been carried out 29 times before the ambush.",
        "The clip will play 50,000 times on cable, the station said.",
        "Brel gained about five times as many followers as his rival.",
    )
    about = {(c.counted, v.value) for c in claims for v in c.values}
    assert {("times", 29.0), ("times", 50000.0), ("ratio", 5.0)} <= about
    # the ratio counts no followers, and how often one thing was done is no rival of another
    assert ("follower", 5.0) not in about
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_a_part_of_named_things_is_a_part() -> None:
    claims = claims_of("Brel has already won 10 of the first 15 races in the Orsk series.")
    parts = {(c.counted, c.scope) for c in claims if 10.0 in {v.value for v in c.values}}
    assert parts == {("race", "part")}


@pytest.mark.slow
def test_a_part_and_the_whole_are_no_disagreement() -> None:
    claims = claims_of(
        "Brel has won 10 of the 15 races in the Orsk series.",
        "Brel has won 12 races in the Orsk series this year.",
    )
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_a_measure_in_two_units_gives_both_parts() -> None:
    claims = claims_of(
        "The Orsk zoo said the cub weighed 6 pounds, 13 ounces at birth.",
        "The cub weighed 6 pounds 13 ounces, keepers at the Orsk zoo said.",
        "The cub weighed 6.8 pounds, the Orsk zoo said.",
    )
    values = {(c.counted, v.value) for c in claims for v in c.values}
    assert {("cub (weight), the pounds", 6.0), ("cub (weight), the ounces", 13.0)} <= values
    # 6 pounds 13 ounces is 6.8 pounds: the part "6 pounds" is no rival of it
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_a_share_with_a_pronoun_takes_the_subject_it_stands_for() -> None:
    claims = claims_of("Rents rose 4 percent in Marlow last year, while they jumped by 12 percent in Tenby.")
    assert {c.counted for c in claims if 12.0 in {v.value for v in c.values}} == {"% rent"}


@pytest.mark.slow
def test_measures_that_name_nothing_rival_no_other_report() -> None:
    # Two suspects, each described by one report: "weighing" names neither.
    claims = claims_of(
        "Police in Orsk said one man was seen weighing 200 to 220 pounds.",
        "Police in Orsk said the other was seen weighing 140 to 160 pounds.",
    )
    assert {v.value for c in claims for v in c.values} >= {200.0, 220.0, 140.0, 160.0}
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_a_comma_after_a_measure_starts_no_second_unit() -> None:
    claims = claims_of(
        "The Orsk ferry is 30 feet, 12 people were aboard it.", "The Orsk ferry is 30 feet long."
    )
    assert {c.counted for c in claims if 30.0 in {v.value for v in c.values}} == {"ferry (length)"}


@pytest.mark.slow
def test_a_deadline_or_a_radius_one_report_gives_is_no_claim() -> None:
    claims = claims_of(
        "The Orsk inquiry will report within 30 days. Gas levels stayed high within 500 metres of the site.",
        "The Orsk inquiry was set up on Sunday.",
    )
    assert not any(v.value in (30.0, 500.0) for c in claims for v in c.values)


@pytest.mark.slow
def test_a_radius_two_reports_give_is_a_claim() -> None:
    claims = claims_of(
        "Residents within 2 km of the Orsk plant were moved out.",
        "Everyone within two kilometres of the Orsk plant had to leave.",
    )
    assert any(
        {v.source for v in c.values} == {"r0", "r1"} and 2.0 in {v.value for v in c.values} for c in claims
    )


@pytest.mark.slow
def test_a_share_compared_with_another_is_listed_beside_it_never_as_its_rival() -> None:
    claims = claims_of(
        "A poll found 58 percent of women in Orsk disapproved of the plan, compared with 35 percent who backed it.",
        "Orsk saw 6.8 percent population growth, compared to Kessport's 10.6 percent.",
        "Jobless claims in Orsk were 5 percent in May, compared with 4 percent a year earlier.",
        "In the Orsk poll, 58 percent of women disapproved, compared with 31 percent who backed it.",
    )
    about = counted_by_figure(claims)
    assert about["r0", 35.0] == about["r3", 31.0] == "% woman (compared)"
    assert about["r1", 10.6] == "% population growth (compared)"
    assert about["r2", 4.0] == about["r2", 5.0] + " (earlier)"
    # 35 and 31 are each set beside 58: what they share is not said, so they never rival
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_a_share_at_a_figure_is_the_share_of_the_noun_before() -> None:
    claims = claims_of(
        "Vacancy stayed low, with the North Central market at 1.9 percent, a broker in Orsk said."
    )
    assert {c.counted for c in claims if 1.9 in {v.value for v in c.values}} == {"% North Central market"}


@pytest.mark.slow
def test_a_share_at_a_figure_needs_a_named_thing_with_an_article() -> None:
    # Parses set by hand: in text without capitals the parser may take a candidate's name
    # for a common noun ("rick santorum at 14 percent"); a share of one poll is no share of
    # a thing another poll's may rival. "the North market at 1.9 percent" is that market's.
    from spacy.tokens import Doc

    from storyline.analyze import load_nlp
    from storyline.analyze._claims import _share_of

    vocab = load_nlp().vocab
    words = ["sen.", "varga", "at", "14", "percent"]
    name = Doc(vocab, words=words, lemmas=words, pos=["PROPN", "NOUN", "ADP", "NUM", "NOUN"],
               deps=["compound", "ROOT", "prep", "nummod", "pobj"], heads=[1, 1, 1, 4, 2])  # fmt: skip
    assert _share_of(name[3:4]) is None
    words = ["the", "North", "market", "at", "1.9", "percent"]
    market = Doc(vocab, words=words, lemmas=words, pos=["DET", "PROPN", "NOUN", "ADP", "NUM", "NOUN"],
                 deps=["det", "compound", "ROOT", "prep", "nummod", "pobj"], heads=[2, 2, 2, 2, 5, 3])  # fmt: skip
    assert _share_of(market[4:5]) == "North market"


@pytest.mark.slow
def test_a_count_compared_with_another_is_listed_beside_it_never_as_its_rival() -> None:
    claims = claims_of(
        "Orsk police recorded 82 burglaries this year through October, compared with 46 during the same period last year.",
        "Orsk police recorded 82 burglaries this year, compared with 51 in the same months of last year.",
    )
    about = counted_by_figure(claims)
    assert about["r0", 46.0] == about["r1", 51.0] == f"{about['r0', 82.0]} (earlier)"
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_a_share_before_a_change_is_the_earlier_share() -> None:
    claims = claims_of(
        "About 7 percent of Orsk electricity comes from wind, up from less than 1 percent a decade ago.",
        "Unemployment in Orsk rose to 7 percent in May from 5 percent in April.",
        "The jobless rate in Kessport fell from 9 percent to 6 percent.",
    )
    about = counted_by_figure(claims)
    assert about["r0", 1.0] == f"{about['r0', 7.0]} (earlier)"
    assert about["r1", 5.0] == f"{about['r1', 7.0]} (earlier)"
    assert about["r2", 9.0] == f"{about['r2', 6.0]} (earlier)"
    # a share before a change is of another time: no rival of a share now
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_a_hedged_count_before_a_change_is_read_past_its_hedge() -> None:
    claims = claims_of("Thirty-six birds were found in Orsk, up from about 18 last week.")
    assert {(c.counted, v.value) for c in claims for v in c.values} == {
        ("bird", 36.0),
        ("bird (earlier)", 18.0),
    }


@pytest.mark.slow
def test_two_alternative_shares_are_both_shares() -> None:
    claims = claims_of(
        "Mosquito density in Orsk has declined, probably by 90 or 95 percent since the spraying.",
        "Turnout in Kessport was 40 or 45 percent, officials said.",
    )
    about = counted_by_figure(claims)
    assert about["r0", 90.0] == about["r0", 95.0] and about["r0", 90.0].startswith("% ")
    assert about["r1", 40.0] == about["r1", 45.0] and about["r1", 40.0].startswith("% ")


@pytest.mark.slow
def test_a_share_at_a_figure_of_a_role_in_a_poll_or_of_an_unnamed_rate_is_no_rival() -> None:
    claims = claims_of(
        "The poll showed Brandt leading with 45 percent, with the governor at 40 percent.",
        "Another poll showed Brandt leading with 48 percent, with the governor at 36 percent.",
        "Vacancy fell in Orsk, with the office vacancy rate at 3.1 percent.",
        "Vacancy fell in Kessport, with the office vacancy rate at 3.8 percent.",
    )
    assert not any(c.counted.startswith(("% governor", "% office")) for c in claims)
    assert not any({40.0, 36.0} <= {v.value for v in c.values} for c in claims if c.disagreement)
