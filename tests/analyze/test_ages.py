"""Ages of named people: one quantity per person, compared across reports.

Every cluster here is invented. An age is one quantity per person, a figure even when one
report gives it; ages of two people never compare, ages in the past are listed but never
compared, and ages of people not named are figures only of the one person the cluster names
with that age.
"""

from __future__ import annotations

import datetime as dt

import pytest
from figure_claims import claims_of

from storyline.model import Claim


def ages(claims: list[Claim]) -> dict[str, tuple[set[float], bool]]:
    return {
        c.counted: ({v.value for v in c.values}, c.disagreement)
        for c in claims
        if c.counted.startswith("age of")
    }


@pytest.mark.slow
def test_two_reports_giving_one_person_two_ages_disagree() -> None:
    found = ages(
        claims_of(
            "The founder of the Orsk gallery, Maren Tollefsen, 54, opened the show on Friday.",
            "The 53-year-old Maren Tollefsen said the show had taken three years to plan.",
        )
    )
    assert found == {"age of Maren Tollefsen": ({53.0, 54.0}, True)}


@pytest.mark.slow
def test_the_same_age_in_two_reports_agrees_and_two_people_stay_apart() -> None:
    found = ages(
        claims_of(
            "Maren Tollefsen, 54, and her brother Eirik Tollefsen, 49, run the Orsk gallery.",
            "Gallery owner Maren Tollefsen, 54, said visitors came from Kessport.",
        )
    )
    # Eirik's 49 is given once: a figure of its own, rivalling nothing.
    assert found == {"age of Maren Tollefsen": ({54.0}, False), "age of Eirik Tollefsen": ({49.0}, False)}


@pytest.mark.slow
def test_ages_in_the_past_are_listed_and_never_compared_and_ages_of_people_not_named_are_no_ages() -> None:
    found = ages(
        claims_of(
            "Maren Tollefsen, then 21, opened her first gallery in Orsk. A 47-year-old man was arrested.",
            "Maren Tollefsen was 21 when she opened her first gallery. A 46-year-old man was held.",
        )
    )
    # An age then is of no one time: a figure the reports give, set against none. "A man"
    # may be two men, and his age is rarely what the story is about (tests/gold/README.md:
    # ages are no claims unless central).
    assert found == {"age of Maren Tollefsen (earlier)": ({21.0}, False)}


@pytest.mark.slow
def test_an_age_then_never_rivals_the_age_now() -> None:
    found = ages(
        claims_of(
            "Daniel Moreau, who was 19 at the time, left Orsk for Kessport. Moreau, 64, now runs a bakery.",
            "The baker Daniel Moreau, 64, said he had been 19 when he left. Daniel Moreau was 18 then.",
        )
    )
    # 19 and 18 then are listed, never set against each other: "then" may be two times
    assert found == {
        "age of Daniel Moreau": ({64.0}, False),
        "age of Daniel Moreau (earlier)": ({18.0, 19.0}, False),
    }


@pytest.mark.slow
def test_respective_ages_then_are_earlier_ages() -> None:
    found = ages(
        claims_of(
            "At the time of the recording, Lena Varga and Ines Holm were 17 and 19 respectively.",
            "The tape was found in a loft in Orsk last week.",
        )
    )
    assert found == {
        "age of Lena Varga (earlier)": ({17.0}, False),
        "age of Ines Holm (earlier)": ({19.0}, False),
    }


@pytest.mark.slow
def test_a_list_of_birthdays_set_off_by_ellipses_gives_ages() -> None:
    found = ages(
        claims_of(
            "BIRTHDAYS: Senator Tomas Lind is 61 ... Keld Varga is 57 ... actress Mira Olsen is 60 (h/t AP)",
            "Lind spoke in Orsk on Monday.",
        )
    )
    assert found == {
        "age of Tomas Lind": ({61.0}, False),
        "age of Keld Varga": ({57.0}, False),
        "age of Mira Olsen": ({60.0}, False),
    }


@pytest.mark.slow
def test_an_age_of_a_thing_is_no_persons_age() -> None:
    found = ages(
        claims_of(
            "The 30-year-old law was repealed, and a 12-year-old freighter sank off Orsk.",
            "A six-year-old case and the 40-year-old bridge were in the news in Kessport.",
        )
    )
    assert found == {}


@pytest.mark.slow
def test_an_age_after_a_surname_the_tagger_missed_is_the_persons() -> None:
    found = ages(
        claims_of(
            "The sculptor Aram Armenakian, 34, and the painter Karsten Brel opened the Orsk show.",
            "Karsten and Armenakian, 33, got engaged in December.",
        )
    )
    # the tagger takes the second "Armenakian" for a nationality; the cluster knows him
    assert found.get("age of Aram Armenakian") == ({33.0, 34.0}, True)


@pytest.mark.slow
def test_an_age_months_later_disagrees_only_where_time_cannot_explain_it() -> None:
    day = dt.date(2011, 11, 20)
    months = dt.timedelta(days=124)
    # Younger four months on: one report is wrong, however far apart they are.
    found = ages(
        claims_of(
            "Dag Solberg, 22, was charged on Friday in Orsk.",
            "Dag Solberg, 21, pleaded guilty on Monday.",
            days=(day, day + months),
        )
    )
    assert found == {"age of Dag Solberg": ({21.0, 22.0}, True)}
    # A year older ten months on is a birthday, not a rival figure.
    found = ages(
        claims_of(
            "Dag Solberg, 55, was charged on Friday in Orsk.",
            "Dag Solberg, 56, pleaded guilty on Monday.",
            days=(day, day + dt.timedelta(days=300)),
        )
    )
    assert found == {"age of Dag Solberg": ({55.0, 56.0}, False)}
    # Ten years older in one year is someone else's age read as his (`_ages_apart`):
    # listed, no rival.
    found = ages(
        claims_of(
            "Dag Solberg, 45, was charged on Friday in Orsk.",
            "Dag Solberg, 55, pleaded guilty on Monday.",
            days=(day, day + dt.timedelta(days=365)),
        )
    )
    assert found == {"age of Dag Solberg": ({45.0, 55.0}, False)}


@pytest.mark.slow
def test_ages_of_one_person_more_than_a_year_apart_are_no_disagreement() -> None:
    # Reports that differ on an age differ by a birthday; further apart, one of them is
    # nearly always another's age credited to the person (an uncle's, a son's).
    found = ages(
        claims_of(
            "Police charged Aksel Brun, 25, on Friday after the raid in Orsk.",
            "Aksel Brun, 23, was charged on Friday after the raid in Orsk.",
        )
    )
    assert found == {"age of Aksel Brun": ({23.0, 25.0}, False)}
    found = ages(
        claims_of(
            "Police charged Aksel Brun, 25, on Friday after the raid in Orsk.",
            "Aksel Brun, 24, was charged on Friday after the raid in Orsk.",
        )
    )
    assert found == {"age of Aksel Brun": ({24.0, 25.0}, True)}


@pytest.mark.slow
def test_an_age_in_a_past_year_is_that_years_age_not_now() -> None:
    day = dt.date(2019, 1, 10)
    claims = claims_of(
        "Tor Sande, 52, was freed from prison on Monday.",
        "In 2012, Tor Sande, 45, was jailed for fraud at the port.",
        days=(day, day + dt.timedelta(days=60)),
    )
    found = {
        c.about: ({v.value for v in c.values}, c.disagreement)
        for c in claims
        if c.counted.startswith("age of")
    }
    # The age of 2012 is listed as of that year, and no rival of the age now.
    assert found == {"age of Tor Sande": ({52.0}, False), "age of Tor Sande (2012)": ({45.0}, False)}


@pytest.mark.slow
def test_a_surname_with_a_capital_inside_gives_its_age() -> None:
    found = ages(
        claims_of(
            "Prosecutors said Daniel McKeown had waited two years for a trial.",
            "McKeown, 46, was convicted of fraud and appealed the verdict.",
        )
    )
    assert found == {"age of Daniel McKeown": ({46.0}, False)}


@pytest.mark.slow
def test_ages_given_respectively_go_to_the_names_in_order() -> None:
    found = ages(
        claims_of(
            "Divers said Liv Amundsen and Pal Brekke, aged 19 and 22 respectively, were found alive.",
            "Liv Amundsen and Pal Brekke are 19 and 23 respectively, their school said.",
        )
    )
    assert found == {"age of Liv Amundsen": ({19.0}, False), "age of Pal Brekke": ({22.0, 23.0}, True)}
    # Ages then ("were ... when they met") and shares of a vote are no ages now.
    found = ages(
        claims_of(
            "Liv Amundsen and Pal Brekke were 19 and 22 respectively when they met.",
            "Liv Amundsen and Pal Brekke won 19 and 22 percent of the vote respectively.",
        )
    )
    assert found == {}
    # A review's cases: a ranking, a list with a company in it, ages then.
    for texts in (
        (
            "Roger Federer and Rafael Nadal are 3 and 4 respectively in the world rankings.",
            "Roger Federer, 36, and Rafael Nadal, 31, meet on Sunday.",
        ),
        ("Apple and Tim Cook, aged 47 and 63 respectively, were sued.", "Tim Cook, 63, spoke."),
        (
            "Pedro Ruiz and Ana Roux, aged 23 and 25 respectively at the time, were arrested.",
            "Pedro Ruiz, 30, and Ana Roux, 32, were freed.",
        ),
    ):
        assert not any(disagrees for _, disagrees in ages(claims_of(*texts)).values()), texts


@pytest.mark.slow
def test_a_company_before_a_name_gives_no_age_to_a_namesake() -> None:
    found = ages(
        claims_of(
            "Ford Executive Chairman Bill Ford spoke on Monday. The 34-year-old Ford engineer "
            "Maria Lopez found the fault.",
            "The 35-year-old Ford engineer Maria Lopez said the fault was old.",
        )
    )
    assert "age of Bill Ford" not in found


@pytest.mark.slow
def test_an_age_before_a_name_the_tagger_labels_a_product_is_the_persons() -> None:
    # the tagger reads "Shepard" after "The 21-year-old" as a product; the cluster knows him
    found = ages(
        claims_of(
            "Matthew Shepard died on Monday in Laramie.",
            "The 21-year-old Shepard was driven to the prairie.",
        )
    )
    assert found == {"age of Matthew Shepard": ({21.0}, False)}


@pytest.mark.slow
def test_an_age_in_words_before_year_old_is_read_and_a_lone_word_is_not() -> None:
    found = ages(
        claims_of(
            "The fight over six-year-old Cuban rafter Tomas Varela moved to court on Friday.",
            "Tomas Varela, 7, was found clinging to an inner tube. Six relatives met him.",
        )
    )
    assert found == {"age of Tomas Varela": ({6.0, 7.0}, True)}


@pytest.mark.slow
def test_the_n_year_old_as_an_object_is_not_the_last_person_named() -> None:
    # "the 6-year-old" is the boy the story is about, not the activist quoted before it;
    # as a subject ("The 6-year-old has not...") it would stand for the sentence before's subject
    found = ages(
        claims_of(
            '"We will keep up the pressure," said Ramon Vidal, head of the Exile Council. '
            "The organizers cited progress in the custody battle over the 6-year-old."
        )
    )
    assert found == {}
    # whatever the parser makes of a subject it misreads ("The 35-year-old and his wife" as
    # the root), it is no object: the person of the sentence before
    found = ages(
        claims_of(
            "Alexis Ohanian spoke in Paris on Monday. The 35-year-old and his wife left the city on Tuesday.",
            "Alexis Ohanian, 34, spoke in Paris.",
        )
    )
    assert found == {"age of Alexis Ohanian": ({34.0, 35.0}, True)}


@pytest.mark.slow
def test_an_age_of_a_thing_or_of_kin_is_not_the_age_of_the_person_after_of() -> None:
    found = ages(
        claims_of(
            "The impetus is the six-year-old case of Stephen Marlow, a teenager stabbed at a bus stop.",
            "Police met the 34-year-old daughter of Ana Roux on Monday.",
        )
    )
    assert found == {}


@pytest.mark.slow
def test_the_n_year_old_after_of_is_an_age_not_an_age_at_death() -> None:
    found = ages(
        claims_of(
            "The drama of 10-year-old Tomas Varela, who survived two days at sea, is a test.",
            "Tomas Varela, 6, was found clinging to an inner tube.",
        )
    )
    # Both ages are read as his; four years apart, one is taken for another's age
    # (`_ages_apart`), so they are listed and not set against each other. A report that
    # got a boy's age wrong by four years is missed so (one such in the dev gold).
    assert found == {"age of Tomas Varela": ({6.0, 10.0}, False)}


@pytest.mark.slow
def test_a_hyphenated_age_in_words_is_read_whole_and_a_thing_s_age_is_no_ones() -> None:
    found = ages(
        claims_of(
            "Twenty-five-year-old Juan Perez was arrested on Monday.",
            "Juan Perez, 24, was arrested on Monday in Madrid. The two-year-old inquiry led by "
            "Rosa Mendel ended on Friday.",
            "Rosa Mendel, 74, said the inquiry was over.",
        )
    )
    assert found == {"age of Juan Perez": ({24.0, 25.0}, True), "age of Rosa Mendel": ({74.0}, False)}


@pytest.mark.slow
def test_an_age_in_a_clause_that_runs_from_a_past_year_is_no_age() -> None:
    day = dt.date(2019, 1, 10)
    claims = claims_of(
        "Tor Sande, 52, runs the port company at Orsk.",
        "Since 2015, Tor Sande, 50, has led the port company.",
        days=(day, day + dt.timedelta(days=1)),
    )
    found = {c.about: {v.value for v in c.values} for c in claims if c.counted.startswith("age of")}
    assert found == {"age of Tor Sande": {52.0}}


@pytest.mark.slow
def test_a_number_after_a_name_and_is_or_was_is_an_age_only_where_the_words_say_so() -> None:
    found = ages(
        claims_of(
            "The lead for Tomas Brandt is 12. In the Orsk poll, Tomas Brandt is 45 (up from 41).",
            "The lead for Tomas Brandt is 9. In the Orsk poll, Tomas Brandt is 44 (down from 46).",
            "Tomas Brandt was 2 under par in Orsk on Sunday. Tomas Brandt was 3 for 4 at the plate.",
            "The committee in Orsk heard Tomas Brandt, then 21 other witnesses.",
        )
    )
    assert found == {}


@pytest.mark.slow
def test_the_age_a_person_died_at_is_an_age_now() -> None:
    found = ages(
        claims_of(
            "The painter Tomas Brandt, who died in Orsk on Monday, was 60.",
            "Tomas Brandt died at the age of 61, his family in Orsk said.",
        )
    )
    assert found == {"age of Tomas Brandt": ({60.0, 61.0}, True)}


def sources_of(claims: list[Claim]) -> dict[str, set[tuple[str, float]]]:
    """Each age claim's figures as (report, value)."""
    return {
        c.counted: {(v.source, v.value) for v in c.values} for c in claims if c.counted.startswith("age of")
    }


@pytest.mark.slow
def test_an_unnamed_age_is_the_one_person_the_cluster_names_with_that_age() -> None:
    found = sources_of(
        claims_of(
            "Tomas Varela, 6, was found clinging to an inner tube off the coast.",
            "Officials moved to take custody of the 6-year-old boy from his relatives. Tomas Varela "
            "has been in Miami since November.",
            "Since the vote, Ines Carrera has said she would cut the payroll. The 44-year-old former "
            "paratrooper is a hero to millions.",
            "A 47-year-old Orsk man has been arrested. Police named him as Piet Holm on Friday.",
            "Police named the suspect as Piet Holm, 47, on Friday.",
        )
    )
    # The boy and the suspect are named in the reports that leave them unnamed; no report
    # names Ines Carrera with an age, so the 44 is no one's.
    assert found == {
        "age of Tomas Varela": {("r0", 6.0), ("r1", 6.0)},
        "age of Piet Holm": {("r3", 47.0), ("r4", 47.0)},
    }


@pytest.mark.slow
def test_an_unnamed_age_goes_to_no_one_where_the_cluster_does_not_say_whose_it_is() -> None:
    found = sources_of(
        claims_of(
            # two people of that age: either may be "the 22-year-old"
            "Aaron Kemp, 22, and Russ Hale, 22, were charged on Monday.",
            "Aaron Kemp and Russ Hale were charged. Police held the 22-year-old man without bail.",
            # the report does not name the person at all: another 30-year-old may be meant
            "Lena Brandt, 30, led the climb.",
            "A 30-year-old woman was hurt when the rope snapped.",
            # the report gives the person another age: the unnamed one is someone else
            "Mira Osei, 51, spoke for the families. The 51-year-old woman was awarded $57m.",
            "Mira Osei, 52, spoke. A 51-year-old woman was awarded $57m.",
            # a thing's age: no person's
            "Jon Dahl, 40, owns the Baltic Star. The 40-year-old freighter sank on Monday.",
        )
    )
    assert found == {
        "age of Aaron Kemp": {("r0", 22.0)},
        "age of Russ Hale": {("r0", 22.0)},
        "age of Lena Brandt": {("r2", 30.0)},
        "age of Mira Osei": {("r4", 51.0), ("r5", 52.0)},
        "age of Jon Dahl": {("r6", 40.0)},
    }


@pytest.mark.slow
def test_an_unnamed_victim_or_another_or_an_age_of_a_past_year_is_no_ones() -> None:
    # review of 7155730: the suspect named with an age is not the man he killed, the victim,
    # the woman "also" held, nor a man of the same age jailed in an earlier year
    found = sources_of(
        claims_of(
            "Police named the suspect as Piet Holm, 47, on Friday.",
            "Piet Holm was charged on Friday with killing a 47-year-old man outside a bar in Orsk.",
            "The victim, a 47-year-old Orsk man, died at the scene. Piet Holm was held.",
            "A 47-year-old woman was also held. Piet Holm was charged.",
            "In 2012, a 47-year-old man was jailed for the same offence. Piet Holm was jailed on Monday.",
            "Piet Holm appeared in court. The 47-year-old suspect did not speak.",
        )
    )
    assert found == {"age of Piet Holm": {("r0", 47.0), ("r5", 47.0)}}


@pytest.mark.slow
def test_an_age_after_a_noun_for_one_person_is_no_count() -> None:
    # "arrested a man, 30,": his age, not thirty arrested set against "two men"
    claims = claims_of(
        "Police arrested a man, 30, in Orsk on Monday after the fire.",
        "Police arrested two men in Orsk on Monday after the fire.",
    )
    assert not [c for c in claims if 30.0 in {v.value for v in c.values}]
    claims = claims_of(
        "Police arrested another man, 30, in Orsk on Monday after the fire.",
        "Police arrested two men in Orsk on Monday after the fire.",
    )
    assert not [c for c in claims if 30.0 in {v.value for v in c.values}]
    # a list after one person's noun keeps its count ("a firefighter, 12 residents")
    claims = claims_of(
        "The fire killed a firefighter, 12 residents and a dog in Orsk.", "The fire killed 14 people in Orsk."
    )
    assert [c for c in claims if 12.0 in {v.value for v in c.values}]
