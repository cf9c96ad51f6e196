"""Acronyms the tagger left untagged, and acronyms of places kept off bodies (issue 10, names).

Every text here is invented. Where a rule is about what the tagger got wrong, the test sets
the tagged spans itself (`_index`), so it tests the rule and not the model of the day.
"""

from __future__ import annotations

import pytest
from test_name_merges import _index, _together


def test_an_untagged_acronym_joins_the_one_body_it_abbreviates() -> None:
    index = _index(
        [
            "The Harbour Safety Board met on Monday to review the collapse.",
            "Members of the HSB said the pier had been closed twice. HSB officials declined to comment.",
        ],
        {0: [("Harbour Safety Board", "ORG")], 1: []},
    )
    assert _together(index, "Harbour Safety Board", "HSB")


def test_an_untagged_acronym_takes_a_possessive_and_a_full_stop() -> None:
    index = _index(
        [
            "Kessport Broadcasting System will launch a news channel next year.",
            "KBS' partners in the venture were not named. The channel belongs to KBS.",
        ],
        {0: [("Kessport Broadcasting System", "ORG")], 1: []},
    )
    assert _together(index, "Kessport Broadcasting System", "KBS")


def test_no_acronym_is_read_where_it_is_ambiguous_or_joined_or_a_word() -> None:
    # two bodies with the letters HSB: neither takes it
    index = _index(
        [
            "The Harbour Safety Board and the Highland Savings Bank both spoke on Monday.",
            "HSB officials declined to comment.",
        ],
        {0: [("Harbour Safety Board", "ORG"), ("Highland Savings Bank", "ORG")], 1: []},
    )
    assert not any("HSB" in e.aliases or e.name == "HSB" for e in index.entities)
    # joined to another word by a hyphen, a slash or a colon; a word the cluster writes in
    # lower case ("it"); a line in capitals
    index = _index(
        [
            "The Harbour Safety Board and Information Trust spoke on Monday.",
            "The group called HSB-North and the HSB/South office said IT was ready. WATCH THE HSB REPORT",
            "They said it was over.",
        ],
        {0: [("Harbour Safety Board", "ORG"), ("Information Trust", "ORG")], 1: [], 2: []},
    )
    assert not _together(index, "Harbour Safety Board", "HSB")
    assert not _together(index, "Information Trust", "IT")


def test_an_acronym_of_a_name_with_an_acronym_in_it_is_not_read() -> None:
    # "VTV" is no acronym of "Vell TV", and "TV" alone is no mention of it
    index = _index(
        ["Vell TV aired the debate on Monday.", "The TV audience was large, TV executives said."],
        {0: [("Vell TV", "ORG")], 1: []},
    )
    assert not _together(index, "Vell TV", "TV")


def test_a_known_place_s_acronym_does_not_join_a_body_by_its_letters() -> None:
    # "D.C." is the place the known names list, not "Democratic Convention"
    index = _index(
        [
            "She was the chief of staff to Washington, D.C.'s delegate to the House.",
            "Delegates gathered for the Democratic Convention in August.",
        ],
        {0: [("Washington", "GPE"), ("D.C.", "GPE")], 1: [("Democratic Convention", "ORG")]},
    )
    assert not _together(index, "Democratic Convention", "D.C.")


def test_two_capitals_are_too_few_to_read_as_a_body_s_acronym() -> None:
    # "MP" is a title, "GA" a state in an address: neither is "Metropolitan Police" or
    # "Gamma Acid" though their letters fit
    index = _index(
        [
            "The Metropolitan Police and Gamma Acid were named on Monday.",
            "Labor MP Ana Roux wrote to 1330 Peachtree St., Atlanta, GA 30309 on Tuesday.",
        ],
        {0: [("Metropolitan Police", "ORG"), ("Gamma Acid", "ORG")], 1: []},
    )
    assert not _together(index, "Metropolitan Police", "MP")
    assert not _together(index, "Gamma Acid", "GA")


@pytest.mark.parametrize(
    ("body", "text", "acronym"),
    [
        (
            "Colorado Public Radio",
            "A hiker collapsed on the trail. Bystanders performed CPR until help came.",
            "CPR",
        ),
        ("Medical Research Institute", "The boy was sent for an MRI scan on Tuesday.", "MRI"),
        ("Southern Utah Vineyards", "The driver said the SUV rolled over twice.", "SUV"),
        ("Institute of Infection and Immunity", "The vaccine has entered a Phase III trial.", "III"),
        ("Workers Organizing Network", "The group said it WON a similar case in 2019.", "WON"),
        ("Harbour Safety Board", "UPDATE: HSB, PARAMEDICS SAVE BOY FROM HARBOUR", "HSB"),
        ("Harbour Safety Board", "He said he had never seen a HSB report before.", "HSB"),
    ],
)
def test_words_in_capitals_that_are_no_body_s_acronym(body: str, text: str, acronym: str) -> None:
    # an everyday acronym, a Roman numeral, a verb in capitals for stress, a shouted line, a
    # thing after "a": none joins the body whose initials it happens to spell
    index = _index([f"The {body} spoke on Monday.", text], {0: [(body, "ORG")], 1: []})
    assert not _together(index, body, acronym)


def test_a_code_in_brackets_after_a_person_is_no_body_s_acronym() -> None:
    # an athlete's country, a politician's party: "Tom Hale (GBR)" is no "Great Britain Running"
    index = _index(
        [
            "The Great Britain Running club spoke on Monday.",
            "The race was won by Tom Hale (GBR) in record time.",
        ],
        {0: [("Great Britain Running", "ORG")], 1: [("Tom Hale", "PERSON")]},
    )
    assert not _together(index, "Great Britain Running", "GBR")
