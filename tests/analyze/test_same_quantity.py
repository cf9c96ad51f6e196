"""Two figures are one quantity only on evidence: the same thing counted, for the same purpose.

Every cluster here is invented. Each test gives two or three short reports whose
figures share a noun or a currency but not what they count (a bail and a bond, the
patrol and its dead), or that give one quantity in different words.
"""

from __future__ import annotations

import pytest
from figure_claims import DAY, claims_of, counted, counted_by_figure, disputed

from storyline.analyze._claims import compatible
from storyline.model import ClaimValue


def value(number: float, text: str, qualifier: str = "") -> ClaimValue:
    return ClaimValue(number, text, qualifier, None, "a", DAY)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (value(57_100_000, "$57.1 million"), value(57_000_000, "$57m"), True),  # written to the million
        (value(57_600_000, "$57.6 million"), value(57_000_000, "$57m"), False),
        # half a step up rounds up: $7.15 billion is $7.2 billion to one decimal
        (value(7_150_000_000, "$7.15 billion"), value(7_200_000_000, "$7.2 billion"), True),
        (value(7_140_000_000, "$7.14 billion"), value(7_200_000_000, "$7.2 billion"), False),
        (value(57_100_000, "$57,100,000"), value(57_000_000, "$57,000,000"), False),  # exact both
    ],
)
def test_a_figure_written_with_a_scale_word_is_rounded(a: ClaimValue, b: ClaimValue, same: bool) -> None:
    assert compatible(a, b) is same


@pytest.mark.slow
def test_sums_paid_for_different_things_are_not_a_disagreement() -> None:
    claims = claims_of(
        "The pastor is being held on $100,000 bond, court records show.",
        "He was ordered held on $100,000 bond or $50,000 cash bail, prosecutors said.",
        "The company earned $2.6 billion from the drug last year.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_rival_sums_for_one_award_are_a_disagreement() -> None:
    claims = claims_of(
        "A jury awarded Mara Velt $12 million.",
        "The jury awarded Velt $15 million, her lawyer said.",
    )
    assert {12_000_000, 15_000_000} in disputed(claims)


@pytest.mark.slow
def test_a_noun_counted_by_different_verbs_is_not_one_quantity() -> None:
    claims = claims_of(
        "At least 30 tents were flattened when the avalanche hit the camp.",
        "Two tents at the camp were filled with the injured, a guide said.",
    )
    assert not any({30, 2} <= d for d in disputed(claims))


@pytest.mark.slow
def test_a_report_that_gives_both_figures_explains_them() -> None:
    claims = claims_of(
        "The bill passed on a 219-197 vote in the House.",
        "The vote was 219 to 197, with three Democrats voting yes.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_an_event_the_sentence_before_named_is_another_quantity() -> None:
    claims = claims_of(
        "The quake killed at least 240 people across the region.",
        "The quake killed at least 73 people. A quake struck Lorvan in 2009. That earthquake killed "
        "more than 300 people.",
    )
    assert not any(300 in d for d in disputed(claims))
    assert {240, 73} in disputed(claims)


@pytest.mark.slow
def test_a_group_is_a_part_of_the_toll() -> None:
    claims = claims_of(
        "The mayor said a family of four had died in the village. The quake killed 120 people.",
        "The bombing killed 230 people. Twelve Americans were killed in the bombing.",
        "The crash killed all 109 people aboard and four on the ground.",
    )
    for d in disputed(claims):
        assert not {4, 12, 109} & d


@pytest.mark.slow
def test_a_rate_and_a_projection_are_not_the_count() -> None:
    claims = claims_of(
        "The storm killed 11 people on the coast, officials said.",
        "Each year, storms kill 140 people in the country. Officials fear as many as 400 could have died.",
    )
    assert not any({11, 140} <= d or {11, 400} <= d for d in disputed(claims))


@pytest.mark.slow
def test_the_word_after_a_figure_says_what_it_counts() -> None:
    claims = claims_of(
        "Four days of unrest have left at least 40 dead and over 500 injured.",
        "Nearly 50 people have been killed in the unrest so far.",
    )
    assert not any(500 in d for d in disputed(claims) if 40 in d or 50 in d)
    injured = [c for c in claims if c.counted == "injured"]
    assert injured and {v.value for v in injured[0].values} == {500}


@pytest.mark.slow
def test_the_sides_of_a_tally_are_not_rival_counts() -> None:
    claims = claims_of(
        "The House passed the bill on a 219-197 vote.",
        "The bill passed the House with 219 votes in favour.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_dead_or_missing_is_not_the_toll() -> None:
    claims = claims_of(
        "The sinking has left nearly 200 dead, the coast guard said.",
        "The ferry sank and left more than 300 people dead or missing, officials said.",
    )
    assert not any({200, 300} <= d for d in disputed(claims))


@pytest.mark.slow
def test_sailors_crew_and_a_n_man_crew_count_one_crew() -> None:
    claims = claims_of(
        "Rescuers raced on Monday to save the 118 sailors trapped aboard the Orsk submarine.",
        "Navy divers tried on Monday to save the 116-man crew of the Orsk.",
        "Divers tried to save the 107 submariners on board the Orsk on Tuesday.",
    )
    # one count, the crew, whichever word; "on board" tells where the whole crew is, no part
    crew = [c for c in claims if c.counted == "crew"]
    assert len(crew) == 1 and {v.value for v in crew[0].values} == {107, 116, 118}
    assert crew[0].disagreement and not crew[0].scope


@pytest.mark.slow
def test_two_vessels_crews_and_sailors_at_other_work_are_no_rival_crews() -> None:
    claims = claims_of(
        "The tanker and a trawler collided off Orsk on Monday. The tanker's 23 crew were rescued, "
        "but the 15 crew of the trawler are missing.",
        "All 23 sailors aboard the tanker were safe, the coast guard said. The trawler's 15 crew "
        "are missing after the collision.",
        "The Northern Fleet said 40 sailors joined the search.",
    )
    assert not disputed(claims)
    # a review's cases: crews aboard two vessels rescued alike, a helicopter's and a
    # trawler's, and a navy's sailors at a base against a frigate's crew
    for texts in (
        (
            "The ferry and a trawler collided off Orsk. The 8 crew aboard the trawler were rescued.",
            "All 30 crew aboard the ferry were rescued, officials said.",
        ),
        (
            "A rescue helicopter ditched beside a sinking trawler. The helicopter's four crew were rescued.",
            "All 11 sailors aboard the trawler were rescued by a passing ship.",
        ),
        (
            "The navy evacuated 300 sailors from the base.",
            "The frigate's 180 crew were evacuated after the fire.",
        ),
    ):
        assert not disputed(claims_of(*texts)), texts
    # "Fleet" is no cue of people fleeing: these workers were flown in, not evacuated
    claims = claims_of(
        "The Northern Fleet flew 300 workers to the port.", "Fleet officers said 300 workers arrived."
    )
    assert {c.counted for c in claims} == {"worker"}


@pytest.mark.slow
def test_a_group_that_is_killed_counts_its_dead_not_its_size() -> None:
    claims = claims_of(
        "The bomb killed 12 soldiers and three civilians near Orsk on Monday.",
        "Twelve soldiers and three civilians were killed near Orsk on Monday, officials said.",
    )
    assert counted(claims, 12) == {"deaths of soldiers"}
    assert counted(claims, 3) == {"deaths of civilians"}  # not soldiers: the verb is the first conjunct's


@pytest.mark.slow
def test_the_second_of_two_counts_a_verb_takes_is_told_by_that_verb() -> None:
    claims = claims_of(
        "The crash at Orsk killed all 109 people on board and four people on the ground.",
        "The crash at Orsk killed 113 people, officials said.",
    )
    assert counted(claims, 4) <= {"deaths"} and counted(claims, 4)
    assert not disputed(claims)  # 109 and 4 add up to 113


@pytest.mark.slow
def test_a_group_is_counted_by_what_is_done_with_it() -> None:
    # strikers at one plant and the workers the strike idled are two counts of workers
    claims = claims_of(
        "About 6,000 workers went on strike at the Orsk plant on Monday.",
        "The strike has idled 18,000 workers across Ruritania, the company said on Monday.",
    )
    assert not disputed(claims)
    # the same verb, rival figures: one count
    claims = claims_of(
        "The strike has idled 18,000 workers across Ruritania, the company said on Monday.",
        "The strike idled some 20,000 workers, the union said on Monday.",
    )
    assert {18_000, 20_000} in disputed(claims)


@pytest.mark.slow
def test_passengers_on_board_are_one_count_whatever_the_verb() -> None:
    claims = claims_of(
        "A plane carrying 120 passengers crashed near Orsk on Monday.",
        "There were 125 passengers on board the plane that crashed near Orsk on Monday.",
    )
    assert {120, 125} in disputed(claims)


@pytest.mark.slow
def test_a_harm_word_near_troops_but_not_about_them_leaves_them_troops() -> None:
    claims = claims_of(
        "The army sent 2,000 soldiers to help evacuate residents of Orsk.",
        "The army sent 3,000 soldiers to Orsk.",
    )
    assert {2_000, 3_000} in disputed(claims)


@pytest.mark.slow
def test_a_group_someone_has_is_its_size_whatever_the_verb() -> None:
    claims = claims_of("Orsk has 5,000 residents.", "Orsk's 6,000 residents live by the river.")
    assert {5_000, 6_000} in disputed(claims)


@pytest.mark.slow
def test_depths_are_one_measure_whatever_noun_they_hang_from() -> None:
    # what a submarine can reach and where a fall began are no depth it lies at
    claims = claims_of(
        "The Orsk can dive to depths of up to 500 meters.",
        "The Orsk fell to the seabed from a depth of 20 meters.",
        "The Orsk lies 100 meters deep.",
    )
    assert not disputed(claims)
    claims = claims_of(
        "The Orsk was some 450 feet down, a Norwegian report said.",
        "The sailors are trapped 354 feet below the surface of the Barents Sea.",
        "The Orsk lies on the sea floor, where the sea is about 100 meters deep.",
    )
    # one measure, "depth", whatever noun it hangs from; far apart and told in different
    # words under a label that is no toll, the depths are listed, not set against each
    # other (`_group`: such figures most often count different things)
    assert any(c.counted == "depth" and {450, 354, 100} <= {v.value for v in c.values} for c in claims)
    assert not disputed(claims)
    # a shortfall "below" what was feared is no depth
    claims = claims_of(
        "The Orsk river peaked at 14.5 feet, about three feet below the worst fears of officials.",
        "A flood gauge on the Orsk showed a depth of 4.45 meters.",
    )
    assert not disputed(claims)
    # a plane diving down to a height is no depth
    claims = claims_of("The jet dove down to 16,700 feet.", "The jet dove down to 16,500 feet, radar showed.")
    assert "depth" not in {c.counted for c in claims}


@pytest.mark.slow
def test_distances_from_one_named_place_are_one_measure() -> None:
    claims = claims_of(
        "The quake struck Orsk province.\n\nIts epicenter was 65 miles west of Dorna, seismologists said.",
        "The quake struck Orsk province.\n\nThe epicenter was about 120 kilometers from Dorna.",
    )
    assert [c.counted for c in claims if c.disagreement] == ["epicenter (distance from Dorna)"]
    # 65 miles is 105 km: within a fifth of 120 km, so the disagreement is stated plainly
    assert all(c.confident for c in claims if c.disagreement)
    # what is that far from the place is part of the measure: a town and a refinery differ
    claims = claims_of(
        "The quake struck Orsk province.\n\nThe town of Golcuk lies 55 miles from Dorna.",
        "The quake struck Orsk province.\n\nThe refinery lies about 110 kilometers from Dorna.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_a_group_at_a_place_is_the_group_the_one_other_verb_counts() -> None:
    claims = claims_of(
        "More than 150 firefighters were at the scene of the Orsk fire, the governor said.",
        "About 180 firefighters had worked in shifts at the Orsk fire, the fire chief said.",
    )
    assert {150, 180} in disputed(claims)


@pytest.mark.slow
def test_men_aboard_a_vessel_are_its_crew_whatever_the_verb() -> None:
    claims = claims_of(
        "The Orsk submarine sank with about 118 men aboard.",
        "The 107 men on board the Orsk submarine had little air left, officials said.",
    )
    assert [c.counted for c in claims if c.disagreement] == ["crew"]


@pytest.mark.slow
def test_crew_members_are_the_crew() -> None:
    claims = claims_of("The Orsk carries 107 crew members.", "All 116 sailors aboard the Orsk died.")
    assert [c.counted for c in claims if c.disagreement] == ["crew"]


@pytest.mark.slow
def test_the_members_a_body_has_are_its_size_whatever_the_verb() -> None:
    claims = claims_of("The Orsk board has 12 members.", "The Orsk board's 14 members met on Monday.")
    assert [c.counted for c in claims if c.disagreement] == ["member of board"]


@pytest.mark.slow
def test_an_age_after_a_name_in_a_list_of_the_dead_is_no_toll() -> None:
    claims = claims_of(
        "two adults and three children, dakota watson, 15, kaci hardman, 4, and adam hardman, 7. Were killed.",
        "A crash killed five people in Orsk on Thursday.",
    )
    assert not disputed(claims)
    assert 7 not in {v.value for c in claims if c.counted == "deaths" for v in c.values}


@pytest.mark.slow
def test_a_ship_and_a_vessel_an_aircraft_and_a_plane_are_one_thing_counted() -> None:
    claims = claims_of(
        "Ten ships were at the rescue site near Orsk on Monday.",
        "About 15 vessels were at the rescue site near Orsk, officials said.",
        "The airline grounded 12 aircraft in Orsk.",
        "The airline grounded 14 planes in Orsk, officials said.",
    )
    values = [{v.value for v in c.values} for c in claims if c.disagreement]
    assert {10, 15} in values
    assert {12, 14} in values


@pytest.mark.slow
def test_a_distance_given_in_two_units_is_still_a_distance_from_the_place() -> None:
    claims = claims_of(
        "The protest camp lies about 220 miles (350 km) from Sydney, police said.",
        "The camp is some 355 kilometers from Sydney, organizers said.",
    )
    about = counted_by_figure(claims)
    assert about["r0", 220.0] == about["r0", 350.0] == about["r1", 355.0]
    assert about["r0", 220.0].endswith("(distance from Sydney)")
    # 220 miles is 354 km: one distance, no disagreement
    assert not any(c.disagreement for c in claims)
