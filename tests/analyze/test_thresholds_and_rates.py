"""Numbers on web pages that count nobody: a video's running time, the base of a rate, a
toll that is no whole number, a forecast (issue 10; from the eleventh audit's false items,
read after its precision was taken, and a review of the first rules). Every report is
invented."""

from __future__ import annotations

from figure_claims import claims_of, disputed


def disputed_claims(claims):  # type: ignore[no-untyped-def]
    return [c for c in claims if c.disagreement]


def _values(claims, counted: str) -> set[float]:  # type: ignore[no-untyped-def]
    return {v.value for c in claims if c.counted == counted for v in c.values}


def test_two_digits_after_a_zero_minute_are_seconds_whatever_follows() -> None:
    claims = claims_of(
        "Raw video shows the shooting in Orsk 0: 26 police officers who shot a man fired 17 times.",
        "The three officers involved fired 17 shots, a spokesman said.",
    )
    assert 26 not in _values(claims, "officer")
    assert not disputed(claims)


def test_a_running_time_after_a_video_bars_embed_counts_nobody() -> None:
    # audit 12: a page's video bar ("Facebook Twitter Google Plus Embed 2: 38") before the text
    claims = claims_of(
        "Facebook twitter google plus embed 2: 38 six people were killed by the gunman in Orsk.",
        "Seven people died in the shooting in Orsk, including the gunman, police said.",
    )
    values = {v.value for c in claims for v in c.values}
    assert 2 not in values and 38 not in values


def test_a_count_after_an_update_number_is_still_read() -> None:
    claims = claims_of(
        "UPDATE 2: 15 people were killed in the blast in Orsk, police said.",
        "Nine people were killed in the blast in Orsk, police said.",
    )
    assert {9, 15} in disputed(claims)


def test_the_base_of_a_rate_counts_nobody() -> None:
    claims = claims_of(
        "There were 4.5 deaths per 100,000 children in Varna in 1999.",
        "Road deaths in Varna fell to 40 last year, officials said.",
    )
    assert 100000 not in {v.value for c in claims for v in c.values}


def test_a_toll_that_is_no_whole_number_is_a_rate() -> None:
    claims = claims_of(
        "Road deaths fell by 58% from 1999, when there were 4.5 deaths per 100,000 children, to 1.2 deaths in 2014.",
        "The death rate for homicide declined to 0.8 in 2014, the report says.",
    )
    assert not disputed(claims)
    assert not {4.5, 1.2, 0.8} & {v.value for c in claims if c.counted.startswith("deaths") for v in c.values}


def test_a_million_and_a_half_dead_is_still_a_toll() -> None:
    claims = claims_of(
        "The famine killed 1.5 million people, historians say.",
        "The famine killed 2 million people, historians say.",
    )
    assert {1_500_000, 2_000_000} in disputed(claims)


def test_two_counts_of_votes_won_still_disagree() -> None:
    claims = claims_of(
        "Ryan won 230 votes in the vote on Thursday.",
        "Ryan won 236 votes in the vote on Thursday.",
    )
    assert {230, 236} in disputed(claims)


def test_a_price_estimated_to_rise_to_is_a_forecast() -> None:
    claims = claims_of(
        "The national average is now $2.93 and is estimated to rise again to $2.95 by Memorial Day.",
        "Gas rose to $2.93 a gallon today, the survey says.",
    )
    assert not disputed(claims)
    assert any(c.scope == "projected" and {v.value for v in c.values} == {2.95} for c in claims)


def test_an_estimate_of_a_crowd_is_no_forecast() -> None:
    claims = claims_of(
        "The crowd rose to 5,000 people on Friday, police said.",
        "The crowd rose to 8,000 people on Friday, organisers said.",
    )
    assert {5000, 8000} in disputed(claims)


def test_a_count_after_an_update_number_told_by_a_verb_is_still_read() -> None:
    claims = claims_of(
        "UPDATE 2: 15 killed in blast at market in Orsk, police said.",
        "Nine people were killed in the blast at the market in Orsk, police said.",
    )
    assert {9, 15} in disputed(claims)


def test_a_toll_in_millions_with_a_decimal_is_a_whole_number() -> None:
    claims = claims_of(
        "The war has killed 4.1 million people, researchers say.",
        "The war has killed 3 million people, researchers say.",
    )
    assert any(
        {v.value for v in c.values} >= {3_000_000} and len(c.values) == 2 for c in disputed_claims(claims)
    )


def test_an_average_toll_a_day_that_says_so_is_kept() -> None:
    claims = claims_of(
        "On average 2.5 people were killed each day in Orsk, the monitors said.",
        "On average 3 people were killed each day in Orsk, the monitors said.",
    )
    assert {2.5, 3} in disputed(claims)


def test_a_toll_estimated_to_have_risen_is_a_count_not_a_forecast() -> None:
    for said in (
        "The death toll is estimated to have risen to 300, officials said.",
        "The death toll is estimated to stand at 300, officials said.",
    ):
        claims = claims_of(said, "The death toll rose to 250, officials said.")
        assert {250, 300} in disputed(claims), said


def test_a_scaled_figure_is_held_as_written() -> None:
    from storyline.analyze._claims import parse_number

    assert parse_number("4.1 million") == 4_100_000
    assert parse_number("1.1 lakh") == 110_000
    assert parse_number("$72.6875") == 72.6875
    claims = claims_of("The war has killed 4.1 million people, researchers say.")
    assert 4_100_000 in {v.value for c in claims for v in c.values}
