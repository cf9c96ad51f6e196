"""Figures as wire copy writes them: whose dollars, what was added, over which period.

Every report here is invented, in the forms AP, Reuters and Xinhua archives use: "U.S.
dlrs 3.7 billion (Australian dollars 6.2 billion)", "another 187 were detained", "arrested
since May" beside "since Sunday", "members of parliament" among "members". Each test keeps
apart what a naive reading would call a disagreement, or finds one it would miss.
"""

from __future__ import annotations

import pytest
from figure_claims import claims_of

from storyline.model import Claim


def disputed(claims: list[Claim]) -> list[set[float]]:
    return [{v.value for v in c.values} for c in claims if c.disagreement]


def about(claims: list[Claim], value: float) -> set[str]:
    return {c.about for c in claims if any(v.value == value for v in c.values)}


@pytest.mark.slow
def test_australian_dollars_are_not_us_dollars() -> None:
    claims = claims_of(
        "The Maralla mine will add U.S. dlrs 3.7 billion (Australian dollars 6.2 billion) to the economy.",
        "The Maralla mine will add 4.46 billion U.S. dollars to the economy, the minister said.",
    )
    assert about(claims, 6.2e9) == {"money (AUD)"}
    # the two sums in U.S. dollars are one quantity that the reports give differently
    assert {3.7e9, 4.46e9} in disputed(claims)
    assert not any(6.2e9 in d for d in disputed(claims))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The port was sold for A$6.2 billion.", "AUD"),
        ("The port was sold for US$6.2 billion.", "USD"),
        ("The port was sold for 6.2 billion Canadian dollars.", "CAD"),
        ("The port was sold for 6.2 billion New Zealand dollars.", "NZD"),
        ("The port was sold for 6.2 billion yuan.", "CNY"),
        ("The port was sold for $6.2 billion.", "USD"),
    ],
)
def test_whose_money_a_sum_is(text: str, code: str) -> None:
    assert about(claims_of(text), 6.2e9) == {f"money ({code})"}


@pytest.mark.slow
def test_a_sum_in_two_currencies_is_no_disagreement() -> None:
    claims = claims_of(
        "Ostra Paper will invest 380 million Australian dollars (292.6 million U.S. dollars) in a mill.",
        "Ostra Paper will invest 380 million Australian dollars in a new paper mill.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_what_was_added_is_no_rival_to_the_total() -> None:
    claims = claims_of(
        "The government detained another 187 members of the party on Friday.",
        "At least 20 more people were detained, bringing the number held to 702.",
        "The party said 650 people were detained in all.",
    )
    assert not any(187 in d or 20 in d for d in disputed(claims))


@pytest.mark.slow
def test_counts_over_different_periods_stay_apart() -> None:
    claims = claims_of(
        "The party said 702 members had been arrested since May.",
        "Police arrested more than 300 people since Sunday, witnesses said.",
    )
    assert not disputed(claims)
    assert about(claims, 300) == {"arrested (since Sunday)"}


@pytest.mark.slow
def test_one_period_is_the_story_own() -> None:
    """The UN's toll since March against activists' toll with no period: one quantity."""
    claims = claims_of(
        "At least 7,500 people have been killed since March, the UN said on Tuesday.",
        "More than 8,000 people have been killed, activists said on Tuesday.",
    )
    assert {7500, 8000} in disputed(claims)


@pytest.mark.slow
def test_arrests_of_two_months_are_two_counts() -> None:
    claims = claims_of(
        "Officials made the arrest of 40 people in January over the plot.",
        "Police arrested 55 people in February, a spokesman said.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_members_of_a_body_are_counted_apart() -> None:
    claims = claims_of(
        "The party said 129 members of parliament were arrested. In all 500 party members were arrested.",
        "The party said 194 members of parliament were arrested, and 702 members in all.",
    )
    found = disputed(claims)
    assert {129, 194} in found
    assert not any(d & {129, 194} and d & {500, 702} for d in found)
