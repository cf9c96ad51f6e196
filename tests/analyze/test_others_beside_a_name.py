"""Others joined by "and" to a person's name are a part of a toll: the named one is among
the dead (issue 10; from audit 11's false items, read after its precision was taken).
Every report is invented."""

from __future__ import annotations

from figure_claims import claims_of, disputed


def test_the_bodies_of_a_named_woman_and_two_others_are_a_part_of_three() -> None:
    claims = claims_of(
        "The bodies of Lena Dorr and two other women were found wrapped in plastic in Orsk.",
        "Investigators named the second of three women found dead in Orsk last weekend.",
    )
    assert not disputed(claims)
    assert any(c.scope == "part" and {v.value for v in c.values} == {2} for c in claims)


def test_a_named_officer_and_three_others_killed_are_a_part() -> None:
    claims = claims_of(
        "Police said Tom Reyes and three other officers were killed in the ambush in Orsk.",
        "Five officers were killed in the ambush in Orsk, police said.",
    )
    assert not disputed(claims)


def test_others_beside_an_unnamed_one_are_read_as_before() -> None:
    claims = claims_of(
        "The bodies of the driver and two other men were found in Orsk.",
        "Three men were found dead in Orsk.",
    )
    assert {2, 3} in disputed(claims)
