"""A name before a word for a place is a place, whatever the tagger called it (issue 10, names).

The tagger often reads an unfamiliar district's name as a body's ("Saltmarsh (ORG)" in the
bundled example). Every text here is invented; the tests set the tagged spans themselves,
so they test the rule and not the model of the day.
"""

from __future__ import annotations

from test_name_merges import _index


def _type(index, name: str) -> str | None:  # type: ignore[no-untyped-def]
    return next((e.type for e in index.entities if e.name == name), None)


def test_a_body_by_the_tagger_that_heads_a_district_is_a_place() -> None:
    index = _index(
        [
            "Smoke drifted over the Brannock district on Saturday. Schools in Brannock stayed shut.",
            "Families from the Tavel and Upper Mere districts slept in a gym on Sunday.",
        ],
        {
            0: [("Brannock", "ORG"), ("Brannock", "ORG")],
            1: [("Tavel", "ORG"), ("Upper Mere", "ORG")],
        },
    )
    assert _type(index, "Brannock") == "GPE"
    assert _type(index, "Tavel") == "GPE"
    assert _type(index, "Upper Mere") == "GPE"


def test_a_name_before_a_place_word_that_describes_a_noun_stays_a_body() -> None:
    index = _index(
        [
            "The Brannock district court fined the company on Monday.",
            "The Tavel county council met on Tuesday, and Tavel said it would appeal.",
        ],
        {0: [("Brannock", "ORG")], 1: [("Tavel", "ORG"), ("Tavel", "ORG")]},
    )
    assert _type(index, "Brannock") == "ORG"
    assert _type(index, "Tavel") == "ORG"


def test_a_body_that_acts_or_an_acronym_stays_a_body() -> None:
    index = _index(
        [
            "Fighters overran the Tarvish district on Monday. The Tarvish said they had taken it.",
            "Aid reached the UNHQ district on Monday, and sales rose in the Brightline region.",
            "Jets struck the Vardani neighbourhood on Monday. Vardani officials said 12 people were killed.",
        ],
        {
            0: [("Tarvish", "ORG"), ("Tarvish", "ORG")],
            1: [("UNHQ", "ORG"), ("Brightline", "ORG")],
            2: [("Vardani", "ORG"), ("Vardani", "ORG")],
        },
    )
    assert _type(index, "Vardani") == "ORG"  # its officials said something
    assert _type(index, "Tarvish") == "ORG"  # it said something: a body
    assert _type(index, "UNHQ") == "ORG"  # an acronym
    assert _type(index, "Brightline") == "ORG"  # "region" also follows a firm's name


def test_a_name_a_word_for_a_person_stands_before_is_a_person_in_every_report() -> None:
    # the tagger takes "Stormy Vale" for a body each time; "actress" before it once says
    # whose name it is, for the cluster's other mentions too
    index = _index(
        [
            "Stormy Vale filed a lawsuit on Monday. Stormy Vale later withdrew it.",
            "The adult film actress Stormy Vale appeared in court.",
        ],
        {
            0: [("Stormy Vale", "ORG"), ("Stormy Vale", "ORG")],
            1: [("Stormy Vale", "ORG")],
        },
    )
    assert next(e.type for e in index.entities if e.name == "Stormy Vale") == "PERSON"
