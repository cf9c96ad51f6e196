"""Figures as quantities with scope: which pairs of figures are a disagreement and which are not.

Every cluster here is invented. Each test builds two or three short reports in which
two figures look alike but measure different things (or the same thing, rounded).
"""

from __future__ import annotations

import pytest
from figure_claims import DAY, claims_of, disputed

from storyline.analyze._claims import compatible, parse_range
from storyline.model import ClaimValue


def value(number: float, qualifier: str = "", source: str = "a") -> ClaimValue:
    return ClaimValue(number, str(number), qualifier, None, source, DAY)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (value(258_000), value(260_000, "about"), True),  # rounding
        (value(16_271), value(15_000, "more than"), True),  # an exact figure above a floor
        # a figure about which another is fits a floor it may lie above, up to where the
        # floor's rounding down stops ("more than 150" is not "about 180")
        (value(120, "some"), value(100, "more than"), True),
        (value(155, "some"), value(150, "more than"), True),
        (value(180, "about"), value(150, "more than"), False),
        (value(17_000, "some"), value(15_000, "more than"), False),
        (value(30, "about"), value(28, "over"), True),
        # a floor in dozens is a rough size: up to twice it
        (value(30, "about"), ClaimValue(24, "more than two dozen", "more than", None, "a", DAY), True),
        (value(40, "about"), ClaimValue(12, "more than a dozen", "more than", None, "a", DAY), False),
        (value(7_500, "more than"), value(8_000, "more than"), False),  # rival floors
        (value(7_000, "more than"), value(8_000, "more than"), False),
        (value(30, "more than"), value(36, "at least"), True),  # floors one count may fit
        (value(120_000, "more than"), value(123_000, "at least"), True),
        # floors of sums written to the million are one figure rounded, as before
        (
            ClaimValue(20e6, "more than $20 million", "more than", None, "a", DAY),
            ClaimValue(19.5e6, "more than $19.5 million", "more than", None, "b", DAY),
            True,
        ),
        (value(295, "at least"), value(300, "more than"), True),  # hedged, within rounding
        (value(90), value(3), False),
        (value(40, "up to"), value(35), True),
    ],
)
def test_compatible_figures(a: ClaimValue, b: ClaimValue, same: bool) -> None:
    assert compatible(a, b) is same


@pytest.mark.slow
def test_rival_tolls_of_one_day_are_a_disagreement() -> None:
    claims = claims_of(
        "The Tarsk monitoring office said more than 7,500 people have been killed since the revolt began.",
        "Opposition activists said more than 8,000 people have been killed since the revolt began.",
    )
    assert {7500, 8000} in disputed(claims)


@pytest.mark.slow
def test_a_toll_and_its_breakdown_are_not_a_disagreement() -> None:
    claims = claims_of(
        "Clashes in the hill town of Orvel killed 29 people, the governor said.",
        "Of the dead, 13 were militants. The army said 16 civilians were killed in Orvel.",
    )
    assert not any({29, 13} <= d or {29, 16} <= d for d in disputed(claims))


@pytest.mark.slow
def test_children_among_the_dead_are_a_part_of_the_toll() -> None:
    claims = claims_of(
        "The blast at the Brenna market killed 41 people.",
        "Nine children were killed in the blast at the Brenna market, doctors said.",
    )
    assert not any({41, 9} <= d for d in disputed(claims))


@pytest.mark.slow
def test_a_daily_toll_is_not_the_running_toll() -> None:
    claims = claims_of(
        "Shelling killed 53 people on Monday, the observers said.",
        "The observers said more than 7,100 people have been killed since the revolt began in March.",
    )
    assert not any({53, 7100} <= d for d in disputed(claims))


@pytest.mark.slow
def test_an_earlier_event_is_another_quantity() -> None:
    claims = claims_of(
        "The flood killed 64 people across the valley.",
        "A flood in 2019 killed 300 people in the same valley. This week's flood killed 70 people.",
    )
    assert not any({64, 300} <= d or {70, 300} <= d for d in disputed(claims))
    assert {64, 70} in disputed(claims)


@pytest.mark.slow
def test_lives_count_deaths() -> None:
    claims = claims_of("The war has cost at least 6,000 lives, the agency said.")
    assert any(c.counted == "deaths" and {v.value for v in c.values} == {6000} for c in claims)


@pytest.mark.slow
def test_rounding_is_not_a_disagreement() -> None:
    claims = claims_of(
        "Officials said 258,000 people had registered as refugees.",
        "About 260,000 people have registered as refugees, officials said.",
    )
    assert not any({258000, 260000} <= d for d in disputed(claims))


def ranged(low: float, high: float, text: str, qualifier: str = "", source: str = "a") -> ClaimValue:
    return ClaimValue(low, text, qualifier, None, source, DAY)


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("40-50", (40, 50)),
        ("80 to 100", (80, 100)),
        ("12–15", (12, 15)),
        ("$3-4 million", (3e6, 4e6)),
        ("twenty-three", None),  # one number, not a range
        ("5-0", None),  # a score: the low end must come first
        ("1,500", None),
    ],
)
def test_parse_range(text: str, bounds: tuple[float, float] | None) -> None:
    assert parse_range(text) == bounds


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (ranged(40, 50, "40-50"), value(45), True),
        (ranged(40, 50, "40-50"), value(60), False),
        (ranged(80, 100, "80 to 100"), value(90, "more than"), True),
        (ranged(80, 100, "80 to 100"), value(120, "more than"), False),
        (ranged(80, 100, "80 to 100"), ranged(95, 120, "95 to 120"), True),
        (ranged(10, 20, "10 to 20"), ranged(30, 40, "30-40"), False),
        (ranged(10, 20, "10 to 20"), value(21, "about"), True),  # within the hedge
    ],
)
def test_compatible_ranges(a: ClaimValue, b: ClaimValue, same: bool) -> None:
    assert compatible(a, b) is same


@pytest.mark.slow
def test_a_range_is_one_figure_with_two_bounds() -> None:
    claims = claims_of(
        "Between 40-50 people were killed in the landslide near Orvik, the mayor said.",
        "The landslide near Orvik killed 45 people, rescuers said.",
        "Some 80 to 100 homes were destroyed in the landslide near Orvik.",
    )
    deaths = next(c for c in claims if c.counted == "deaths")
    assert {v.value for v in deaths.values} == {40, 45, 50}
    assert not deaths.disagreement  # 45 lies inside 40-50
    homes = next(c for c in claims if {80, 100} <= {v.value for v in c.values})
    assert all(v.text.endswith("80 to 100") for v in homes.values)


@pytest.mark.slow
def test_a_figure_outside_a_range_is_a_disagreement() -> None:
    claims = claims_of(
        "Between 40 and 50 people were killed in the landslide near Orvik, the mayor said.",
        "The landslide near Orvik killed 70 people, rescuers said.",
    )
    assert any({40, 70} <= d for d in disputed(claims))
