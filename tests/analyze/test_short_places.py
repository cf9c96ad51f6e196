"""A place or venue named once in full and then without the word the news drops ("Varrak
National Park" ... "Varrak", "the Ember Lounge" ... "the Ember") is one name; not where
the short name may be another place's too, nor a person's (issue 10, names). Every text is
invented; the groups are built directly, so the test reads the rule, not the tagger."""

from __future__ import annotations

from storyline.analyze._entities import Mention, _Group, _join_short_places
from storyline.model import Span


def _group(text: str, label: str, doc: int = 0) -> _Group:
    tokens = tuple(text.split())
    return _Group(
        [Mention(text=text, tokens=tokens, label=label, span=Span(f"r{doc}", 0, len(text)), doc_index=doc)]
    )


def _names(groups: list[_Group]) -> list[set[str]]:
    return [{" ".join(m.tokens) for m in g.mentions} for g in groups]


def test_a_park_and_its_short_name_are_one() -> None:
    groups = _join_short_places([_group("Varrak National Park", "ORG"), _group("Varrak", "GPE", 1)])
    assert _names(groups) == [{"Varrak National Park", "Varrak"}]


def test_an_island_a_fault_and_a_lounge_drop_their_word() -> None:
    for full, short in (
        ("Tollis Island", "Tollis"),
        ("San Morel Fault", "San Morel"),
        ("Ember Lounge", "Ember"),
    ):
        groups = _join_short_places([_group(full, "LOC"), _group(short, "ORG")])
        assert _names(groups) == [{full, short}], full


def test_a_short_name_two_longer_names_begin_with_stays_alone() -> None:
    groups = _join_short_places(
        [_group("Tollis Island", "LOC"), _group("Tollis Bay", "LOC"), _group("Tollis", "GPE")]
    )
    assert {"Tollis"} in _names(groups)


def test_a_street_or_a_river_is_named_after_another_place() -> None:
    for full in ("Varna Street", "Varna River", "Varna County"):
        groups = _join_short_places([_group(full, "FAC"), _group("Varna", "GPE")])
        assert {"Varna"} in _names(groups), full


def test_a_person_of_the_short_name_is_no_place() -> None:
    groups = _join_short_places([_group("Kessler Island", "LOC"), _group("Kessler", "PERSON")])
    assert {"Kessler"} in _names(groups)


def test_a_distance_off_a_named_place_is_a_distance_from_it() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from figure_claims import claims_of, disputed

    claims = claims_of(
        "The plane climbed back to 24,000 feet before it dived, radar showed.",
        "The plane crashed some 60 miles off Tollis Island, the coast guard said.",
        "The jet went down about 60 miles south off Tollis Island, officials said.",
    )
    assert not disputed(claims)
    assert any(c.about.endswith("(distance from Tollis Island)") for c in claims)
    claims = claims_of(
        "The plane crashed some 60 miles off Tollis Island, the coast guard said.",
        "The plane crashed some 90 miles off Tollis Island, the navy said.",
    )
    assert {60, 90} in disputed(claims)
