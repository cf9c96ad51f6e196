"""What a figure counts: a state now is not a total, one sum told by two verbs is one sum.

Every cluster here is invented. The first tests give counts of people in a state (still
in hospital, in critical condition, still in shelters) beside the totals they are drawn
from; the next give one sum of money in different words (a real disagreement); the last
give the kinds of figures that must stay apart (parts, one day against a running total,
rounding within a hedge, different polls, a quota against a count, different sums).
"""

from __future__ import annotations

import datetime as dt

import pytest
from figure_claims import DAY, claims_of, counted, disputed

from storyline.analyze._claims import compatible
from storyline.embed import FactMatcher
from storyline.model import Claim, ClaimValue

# States: who is there now is not everyone who was ever there.


@pytest.mark.slow
def test_still_in_hospital_is_not_the_number_treated() -> None:
    claims = claims_of(
        "A total of 30 people were treated in hospital after the blast at the Dorvik mill.",
        "Nine people were still in hospital on Tuesday, the mill's owner said.",
    )
    assert not disputed(claims)
    assert counted(claims, 30) == {"treated in hospital"}
    assert counted(claims, 9) == {"still in hospital"}


@pytest.mark.slow
def test_a_later_clause_does_not_lend_its_state() -> None:
    claims = claims_of(
        "In all, 41 people have received hospital treatment, and 12 were still in hospital on Monday.",
        "More than 40 people have been treated in hospital, doctors said.",
    )
    assert counted(claims, 41) == {"treated in hospital"}
    assert counted(claims, 12) == {"still in hospital"}
    assert not any(12 in d for d in disputed(claims))


@pytest.mark.slow
def test_critical_condition_is_not_the_injured() -> None:
    claims = claims_of(
        "Fifty people were injured in the Dorvik blast, the fire service said.",
        "Four people remain in critical condition, doctors said.",
    )
    assert not disputed(claims)
    assert counted(claims, 4) == {"in critical condition"}


@pytest.mark.slow
def test_the_injured_are_not_only_those_taken_to_hospital() -> None:
    claims = claims_of(
        "The blast at the Dorvik mill injured 60 people.",
        "Twenty-two people were taken to hospital after the Dorvik blast.",
    )
    assert not disputed(claims)
    assert counted(claims, 22) == {"treated in hospital"}  # "Twenty-two" is one number


@pytest.mark.slow
def test_people_still_in_shelters_are_not_the_evacuated() -> None:
    claims = claims_of(
        "About 3,000 people were evacuated from the Lenna valley.",
        "Some 400 people remain in shelters, officials said.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_rival_totals_treated_in_hospital_still_disagree() -> None:
    claims = claims_of(
        "Thirty people were treated in hospital after the blast, officials said.",
        "Officials said 45 people were treated in hospital after the blast.",
    )
    assert {30, 45} in disputed(claims)


# One sum, different verbs: a real disagreement.


@pytest.mark.slow
def test_money_raised_and_brought_in_is_one_sum_but_no_rival_in_other_words() -> None:
    # One sum (one key), listed together; but two sums told in other words by no named
    # voice are not set against each other (`_claims._loose_amount`): read by hand, 3 of
    # 39 such money, share and duration disagreements in wire and web clusters were real.
    claims = claims_of(
        "The campaign has raised $1.2 million for the victims' families.",
        "The fundraising campaign has brought in $1.5 million so far.",
        days=(DAY, DAY + dt.timedelta(days=2)),
    )
    assert not disputed(claims)
    assert any({v.value for v in c.values} == {1_200_000, 1_500_000} for c in claims)


@pytest.mark.slow
def test_a_total_that_topped_a_sum_is_at_least_that_sum() -> None:
    claims = claims_of(
        "The appeal's total topped $80,000 on Monday, its organisers said.",
        "The appeal has raised $95,000, its organisers said.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_earned_and_grossed_are_one_sum() -> None:
    claims = claims_of(
        "The film earned $40 million in its opening weekend.",
        "The film grossed $52 million in its opening weekend, the studio said.",
    )
    assert {40_000_000, 52_000_000} in disputed(claims)


# Not disagreements, whatever the verbs.


@pytest.mark.slow
def test_a_gift_is_a_part_of_the_sum_raised() -> None:
    claims = claims_of(
        "The appeal has raised $2 million, including $500,000 from a single donor.",
        "The appeal raised $2 million in its first week.",
        "One donor gave $250,000 to the appeal, and another donation of $1,000 came from a school.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_a_day_of_giving_is_not_the_running_total() -> None:
    claims = claims_of(
        "The campaign raised $300,000 on Monday alone.",
        "The campaign has raised $1.2 million since it began.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_a_sum_rounded_within_its_hedge_is_no_disagreement() -> None:
    claims = claims_of(
        "The fund has raised nearly $1.5 million.",
        "The fund has raised $1.46 million, its organisers said.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_different_polls_are_different_quantities() -> None:
    claims = claims_of(
        "Smith leads with 48 percent of voters in a Gallup poll.",
        "A CNN poll put Smith's support at 52 percent of voters.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_one_poll_told_twice_with_different_figures_disagrees() -> None:
    claims = claims_of(
        "A Gallup poll found that 48 percent of voters back Smith.",
        "Smith has 52 percent of voters behind him, according to a Gallup poll released Monday.",
    )
    assert {48, 52} in disputed(claims)


@pytest.mark.parametrize(
    "quota",
    [
        "The country agreed to resettle 1,000 refugees under the EU quota.",
        "The quota allows 1,000 refugees to be resettled this year.",
    ],
)
@pytest.mark.slow
def test_a_quota_is_not_a_count(quota: str) -> None:
    claims = claims_of(quota, "So far 120 refugees have been resettled in the country.")
    assert not disputed(claims)


@pytest.mark.slow
def test_what_was_sought_is_not_what_was_awarded() -> None:
    claims = claims_of(
        "The family sought $10 million in the lawsuit.",
        "A jury awarded the family $4 million.",
        "The producers raised $12 million to make the film. The film earned $40 million.",
    )
    assert not disputed(claims)


def test_a_sum_a_total_topped_is_a_floor() -> None:
    topped = ClaimValue(80_000, "topping $80,000", "topping", None, "a", DAY)
    assert compatible(topped, ClaimValue(95_000, "$95,000", "", None, "b", DAY))
    assert not compatible(topped, ClaimValue(70_000, "$70,000", "", None, "b", DAY))


# Citations: the same-fact test sees the same quantities as the claims.


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # the Kessport case: 23 taken to hospital do not back "more than 40 treated"
        ("More than 40 people have been treated in hospital.", "23 were taken to hospital.", True),
        ("41 people have been treated in hospital.", "41 were taken to hospital, officials said.", False),
        # what a figure counts is said after it before anything said before it
        ("Four were killed and 23 were taken to hospital.", "The fire killed four people.", False),
        ("Four were killed and 23 were taken to hospital.", "More than 40 were treated in hospital.", True),
        ("The fire killed 12 people, injured 40 and left 300 homeless.", "It killed 12 people.", False),
        # a state now is no rival of the total
        ("41 people have been treated in hospital.", "12 were still in hospital on Monday.", False),
        ("The blast injured 60 people.", "Three people remain in critical condition.", False),
        ("The blast injured 60 people.", "Twenty people were taken to hospital.", False),
        # sums and shares are figures whatever they count
        ("The campaign has raised $1.2 million.", "The campaign has brought in $1.5 million.", True),
        ("It raised $1.2 million, including $200,000 from one donor.", "It raised $1.2 million.", False),
        ("A jury awarded her $57m.", "The jury awarded her $57 million.", False),
        ("About 10 percent of power came from wind.", "Some 8% of power came from wind.", True),
        ("The plant employs 600 people.", "The damage was put at 180 million euros.", False),
    ],
)
def test_sentences_with_different_figures_state_different_facts(a: str, b: str, conflict: bool) -> None:
    matcher = FactMatcher(threshold=0.6)
    same = matcher.same(
        0.9, matcher.words(a), matcher.words(b), figures_a=matcher.figures(a), figures_b=matcher.figures(b)
    )
    assert same is not conflict


# Two places side by side: a story told in Norway and in Sweden is told in neither alone.


@pytest.mark.slow
def test_tolls_of_two_places_a_story_joins_by_and_are_not_one_toll() -> None:
    claims = claims_of(
        "The twin floods in Norway and Sweden killed 140 people, officials said.",
        "The flood in Sweden killed 12 people. The larger flood in Norway killed 128 people.",
        "Rescuers in Norway and Sweden searched for survivors. The flood in Norway killed 128 people.",
    )
    assert disputed(claims) == []


@pytest.mark.slow
def test_the_storys_own_place_named_once_beside_another_stays_its_own() -> None:
    # Norway is where it all happens; one report names it beside a donor. Its toll is no
    # narrower for saying "in Norway": the two tolls are one quantity that disagrees.
    claims = claims_of(
        "The flood in Norway killed 140 people, officials said.",
        "The flood killed 128 people. Aid from Norway and Sweden arrived on Monday.",
        "The flood in Norway killed 140 people, rescuers said.",
    )
    assert disputed(claims) == [{140.0, 128.0}]


def scopes(claims: list[Claim], value: float) -> set[str]:
    return {c.scope for c in claims if any(v.value == value for v in c.values)}


@pytest.mark.slow
def test_a_place_the_figure_is_said_of_is_its_scope() -> None:
    claims = claims_of(
        "The quake killed at least 9,000 people across Varnia, the crisis center said on Sunday.",
        "Rescue teams searched the ruins across Varnia on Sunday.\n"
        "Dorna province posted the highest toll as 4,100 bodies had been found. Lestik province "
        "ranked second with 2,300 deaths, followed by Amberg with 900.",
        "More than 9,200 people were killed in the quake in Varnia, officials said. Varnia's "
        "government said 9,200 had died.",
    )
    assert scopes(claims, 4100) == {"in Dorna"}
    assert scopes(claims, 2300) == {"in Lestik"}
    # the provinces' tolls are parts, never rivals of the national toll
    assert not any(rivals & {4100, 2300, 900} for rivals in disputed(claims))


@pytest.mark.slow
def test_each_place_of_a_with_list_counts_what_the_first_counts_in_its_place() -> None:
    claims = claims_of(
        "The quake killed 9,000 people in Varnia and Ostrel, the crisis center said.",
        "Rescue teams searched the ruins on Sunday.\n"
        "Lestik province ranked first with 3,100 deaths, followed by Ostrel with 1,200, Brava with "
        "640 and Dunmore with 58, the crisis center said.",
        "More than 9,200 people were killed in Varnia and Ostrel, officials said.",
    )
    assert counted(claims, 1200) == {"deaths"}
    assert scopes(claims, 1200) == {"in Ostrel"}  # a place most reports name, here a part
    assert not any(rivals & {3100, 1200, 640, 58} for rivals in disputed(claims))


@pytest.mark.slow
def test_a_sayer_or_a_sender_is_no_place_of_a_count() -> None:
    claims = claims_of(
        "The quake killed 4,000 people in Varnia, officials said on Sunday.",
        "Rescue teams searched the ruins on Sunday.\n"
        "Germany sent 300 rescuers to Varnia. Istanbul reported 40 deaths in Golcuk.",
        "Rescue teams searched the ruins on Monday.\n"
        "Ankara put the death toll at 4,600. Britain sent 150 rescuers.",
    )
    assert scopes(claims, 300) == {"from Germany"}  # each sender's own count
    assert not any({300, 150} <= rivals for rivals in disputed(claims))
    assert scopes(claims, 40) == {"in Golcuk"}  # the "in", not the reporting city
    assert any({4000, 4600} <= rivals for rivals in disputed(claims))  # Ankara put it so


@pytest.mark.slow
def test_a_list_place_wins_over_a_place_in_its_clause() -> None:
    claims = claims_of(
        "The quake killed 9,000 people in Varnia, the crisis center said.",
        "Rescue teams searched the ruins on Sunday.\n"
        "Dorna province posted the highest toll with 5,179 deaths, followed by Lestik with 2,627, "
        "Amberg with 2,501 and Ostrel with 978.",
    )
    assert scopes(claims, 2501) == {"in Amberg"}
    assert scopes(claims, 978) == {"in Ostrel"}


@pytest.mark.slow
def test_the_whole_of_a_part_is_not_what_the_part_did() -> None:
    claims = claims_of(
        "Three of the 18 miners died in the blast at the Varn pit.",
        "He was one of more than 7,000 people who perished in the quake.",
    )
    assert counted(claims, 18) == {"miner"}  # the three died, not the 18
    assert counted(claims, 7000) == {"deaths"}  # a clause on the whole tells of the whole


@pytest.mark.slow
def test_a_toll_told_in_a_clause_of_its_noun_takes_that_clauses_place() -> None:
    # "in Paris" is where relatives paid tribute, not where the 113 were killed: the toll
    # is the crash's, and it disagrees with the other report's 114
    claims = claims_of(
        "Investigators searched the field near Gonesse on Wednesday.\n\n"
        "Relatives paid tribute in Paris to the 113 people killed when their jet crashed near Gonesse.",
        "The crash of the jet near Gonesse killed 114 people, officials said.",
        "Officials said 114 people died in the crash near Gonesse.",
    )
    assert [{v.value for v in c.values} for c in claims if c.disagreement] == [{113, 114}]


@pytest.mark.slow
def test_twin_events_keep_their_places_from_a_relative_clause_and_past_a_building() -> None:
    # "the bombing of the embassy in Tanzania, which killed 10": the noun the relative
    # clause describes says where; "at the U.S. Embassy in Tanzania": the country, not
    # the building both bombed embassies share a name with
    claims = claims_of(
        "Bombs exploded at the U.S. embassies in Kenya and Tanzania on Friday. The bombing of the "
        "embassy in Tanzania, which killed 10 people, was the smaller one.",
        "Bombs exploded at the U.S. embassies in Kenya and Tanzania. A blast at the U.S. Embassy in "
        "Tanzania killed 11 people. A blast at the U.S. Embassy in Kenya killed 247 people.",
    )
    assert {c.about: ({v.value for v in c.values}, c.disagreement) for c in claims} == {
        "deaths (in Tanzania)": ({10, 11}, True),
        "deaths (in Kenya)": ({247}, False),
    }


@pytest.mark.slow
def test_a_place_before_two_joined_counts_is_the_scope_of_both() -> None:
    claims = claims_of(
        "The storm hit Ruritania on Sunday.\n\nIn Orsk, 12 people were killed and 40 injured.",
        "The storm hit Ruritania on Sunday, killing 30 people and injuring 90 others.",
    )
    assert not disputed(claims)  # Orsk's dead and hurt are parts of the country's
    assert {c.about for c in claims if any(v.value == 40 for v in c.values)} == {"injured (in Orsk)"}


@pytest.mark.slow
def test_a_place_before_the_first_verb_is_not_the_scope_of_a_clause_with_its_own_subject() -> None:
    claims = claims_of(
        "The storm hit Ruritania on Sunday.\n\nIn Orsk, 30 people were killed, and the national toll rose to 150.",
        "The storm hit Ruritania on Sunday. The national toll rose to 120.",
    )
    assert {120, 150} in disputed(claims)


@pytest.mark.slow
def test_a_fronted_toll_word_does_not_make_a_day_count_a_running_total() -> None:
    claims = claims_of(
        "The storm hit Ruritania on Sunday.\n\nDespite the rising toll, rescuers pulled 30 people alive from "
        "the rubble on Tuesday and found 12 bodies on Wednesday.",
        "Rescuers found 15 bodies on Wednesday.",
    )
    assert {12, 15} in disputed(claims)


@pytest.mark.slow
def test_a_year_in_a_clause_on_something_else_is_no_scope_of_the_figure() -> None:
    claims = claims_of(
        "The quake, the worst since 1999, killed 40 people.",
        "The quake killed 45 people, officials said.",
    )
    assert {40, 45} in disputed(claims)
    # the year of the figure's own event still is
    claims = claims_of(
        "In 1999, a quake killed 17,000 people in Orsk.", "The quake killed 40 people in Orsk."
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_a_year_in_a_clause_on_the_figures_own_noun_scopes_it() -> None:
    claims = claims_of(
        "Hall, who knew two people who perished in the 1996 Orsk crash, spoke on Monday.",
        "All 217 people on board died in the crash on Monday.",
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_a_place_in_a_diseases_name_is_no_place_of_a_count() -> None:
    # "St. Louis encephalitis", "West Nile virus" name diseases; "the Izmit quake" an event
    from storyline.analyze._claims import _names_a_disease
    from storyline.analyze._nlp import load_nlp

    doc = load_nlp()(
        "St. Louis encephalitis and the West Nile virus killed three people after the Izmit quake."
    )
    by_text = {t.text: t for t in doc}
    assert _names_a_disease(by_text["Louis"])
    assert _names_a_disease(by_text["Nile"])
    assert not _names_a_disease(by_text["Izmit"])


@pytest.mark.slow
def test_the_storys_own_place_set_against_another_is_a_part() -> None:
    # "six in Orsk and one in Dunmore": Orsk is the story's place, but here it parts the toll
    claims = claims_of(
        "The fever killed six people in Orsk and one in Dunmore, officials said.",
        "The fever has killed seven people in Orsk, officials said.",
    )
    assert not disputed(claims)
    plain = claims_of(
        "The fever killed six people in Orsk, officials said.",
        "The fever has killed seven people in Orsk, officials said.",
    )
    assert {6, 7} in disputed(plain)


@pytest.mark.slow
def test_a_place_not_set_against_the_storys_place_leaves_it_the_storys() -> None:
    # "a city of 40,000 in Kessland", "two in March": no count in another place joined by "and"
    for first in (
        "The fever has killed six people in Orsk, a city of 40,000 in Kessland, officials said.",
        "The fever has killed six people in Orsk and two in March, officials said.",
    ):
        claims = claims_of(first, "The fever has killed seven people in Orsk, officials said.")
        assert any({6, 7} <= values for values in disputed(claims)), first


@pytest.mark.slow
def test_a_count_told_by_an_arrest_clause_takes_that_clauses_scope() -> None:
    # "the 40 people arrested ... would appear in court": the 40 were arrested, no projection
    # (the arrest verb had dropped out of the toll's verbs when the sick were added)
    claims = claims_of("Police said the 40 people arrested in Orsk on Monday would appear in court.")
    assert "arrested" in counted(claims, 40.0)
    assert all("projected" not in c.scope for c in claims if any(v.value == 40 for v in c.values))


def test_the_storys_own_place_alone_is_a_part_of_the_whole() -> None:
    # Kessland is the story's place, named by every report: no scope of its own, but "in
    # Kessland province alone" says the count is one part of the national one
    claims = claims_of(
        "The earthquake in Kessland on Monday injured more than 33,000 people nationwide.",
        "The earthquake in Kessland on Monday injured 14,718 people in Kessland province alone.",
    )
    assert not disputed(claims)
    claims = claims_of(
        "The earthquake in Kessland on Monday injured more than 33,000 people nationwide.",
        "The earthquake in Kessland on Monday injured 14,718 people in Kessland province.",
    )
    assert {33000, 14718} in disputed(claims)


def test_alone_after_a_part_of_the_toll_is_no_scope_of_the_toll() -> None:
    # review of 1ddc718: "including 140 in Kessport alone" is the part's place
    claims = claims_of(
        "The quake killed 310 people, including 140 in Kessport alone, officials said.",
        "The quake killed 290 people, officials said.",
    )
    assert {310, 290} in disputed(claims)


@pytest.mark.slow
def test_a_part_after_including_counts_what_its_whole_counts() -> None:
    claims = claims_of(
        "The blast in Orsk killed 247 people, including 12 Americans in the embassy building.",
        "The Orsk blast killed 247 people, including nine children.",
    )
    parts = {(c.counted, c.scope): {v.value for v in c.values} for c in claims if c.scope == "part"}
    assert parts == {("deaths of Americans", "part"): {12.0}, ("deaths of children", "part"): {9.0}}
    # parts of one toll are no rivals of it, nor of each other
    assert not any(c.disagreement for c in claims)
    # a part of villages counts no evacuated people, whatever the verb of its whole says
    claims = claims_of(
        "The flood killed 12 people and forced the evacuation of 300 villages, including 40 in Orsk.",
        "The flood forced the evacuation of 5,000 people, including 45 in Orsk.",
    )
    assert not any({40.0, 45.0} <= {v.value for v in c.values} for c in claims)


@pytest.mark.slow
def test_the_number_of_things_a_change_takes_to_a_figure_counts_them() -> None:
    claims = claims_of(
        "As of Wednesday, the total number of infected birds found this year in Orsk had doubled to 32."
    )
    assert counted(claims, 32.0) == {"bird"}


@pytest.mark.slow
def test_people_a_disease_infected_are_counted_as_infected_not_as_the_sick() -> None:
    claims = claims_of(
        "The virus infected 61 and killed seven in Orsk last fall.",
        "The virus has infected 2 million people in Kessport.",
        "About 300,000 people in Kessport are sick, officials said.",
    )
    counts = {(c.counted, v.source, v.value) for c in claims for v in c.values}
    assert {("infected", "r0", 61.0), ("infected", "r1", 2000000.0), ("ill", "r2", 300000.0)} <= counts
    # the infected are no count of the sick: two quantities, no disagreement
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_that_figure_taken_to_a_new_one_counts_what_the_figure_before_counts() -> None:
    claims = claims_of(
        "The Orsk government on Tuesday said the death toll rose to 17,997, but revised that figure down"
        " to 12,514 early today."
    )
    assert counted(claims, 12514.0) == {"deaths"}
    # the number of something says itself what it counts
    claims = claims_of("Orsk had 40 seats on the council; the law cut the number of seats to 30.")
    assert counted(claims, 30.0) == {"seat"}
    # "the total" with no verb of revising, after a count of places: nothing restated
    claims = claims_of(
        "Officials in 12 provinces of Orsk said the total rose to 300.",
        "Officials in 12 provinces of Orsk said the total rose to 310.",
        "Rescuers in Orsk searched 40 buildings, and the total climbed to 320.",
    )
    assert not ({"province", "building"} & (counted(claims, 300.0) | counted(claims, 320.0)))
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_a_figure_a_report_revised_is_one_quantity_with_its_revision() -> None:
    earlier = DAY - dt.timedelta(days=3)
    claims = claims_of(
        "The death toll from the Orsk earthquake rose to 12,040 on Sunday, officials said.",
        "The Orsk government on Tuesday said the death toll rose to 17,997, but revised that figure down"
        " to 12,514 early today.",
        days=(earlier, DAY),
    )
    # "early today" dates the revised count; it is no count of today's dead
    assert {c.scope for c in claims if any(v.value == 12514.0 for v in c.values)} == {""}
    # the report's 17,997 and its revision are one quantity at two times: its 12,514 does
    # not make the 17,997 another quantity than Sunday's 12,040
    (claim,) = [c for c in claims if c.disagreement]
    assert {v.value for v in claim.values} == {12040.0, 17997.0, 12514.0}
    # a report that tells two figures of one word, neither revising the other, still counts
    # two quantities: the other report's figure matches one of them and rivals none
    claims = claims_of(
        "The Orsk quake killed 12,040 people, officials said on Sunday.",
        "The Orsk quake killed 12,040 people and a second quake in Perm killed 17,997, officials said.",
        days=(earlier, DAY),
    )
    assert not any(17997.0 in values for values in disputed(claims))


@pytest.mark.slow
def test_a_fact_box_field_names_what_its_figure_counts() -> None:
    claims = claims_of(
        "Figures on the Orsk quake as of Saturday. *DEAD: At least 1,218 *MISSING: Estimates range up to"
        " 3,500 *HOMELESS: 20,000",
        "Officials in Orsk said: 40 people were evacuated and 12 were hurt.",
    )
    assert counted(claims, 3500.0) == {"missing"}
    assert counted(claims, 1218.0) == {"deaths"}
    # a colon after a word in lower case is no field: "said: 40 people were evacuated"
    assert counted(claims, 40.0) == {"evacuated"}


@pytest.mark.slow
def test_a_rate_out_of_every_hundred_and_an_age_range_count_nobody() -> None:
    claims = claims_of(
        "According to media reports, 14 out of every 100 Orsk residents are infected with the virus.",
        "The minister said 18 percent of girls aged between 15 and 19 in Orsk are infected every year.",
        "About 12 out of 100 residents of Orsk are infected, the study found.",
    )
    counts = {(c.counted, v.value) for c in claims for v in c.values}
    assert ("resident per 100", 14.0) in counts and ("resident per 100", 12.0) in counts
    # the 100 counts nobody, and "aged between 15 and 19" are ages
    assert not any(v in {100.0, 15.0, 19.0} for _, v in counts)
    assert not any(c.counted == "infected" for c in claims)


@pytest.mark.slow
def test_a_number_an_estimate_puts_at_a_figure_counts_what_it_is_the_number_of() -> None:
    claims = claims_of(
        "Home-schooling groups in Orsk put the number of students learning at home at 1.23 million.",
        "Organizers put the number of protesters in Orsk at about 20,000.",
    )
    assert counted(claims, 1230000.0) == {"student"}
    assert counted(claims, 20000.0) == {"protester"}


@pytest.mark.slow
def test_a_count_before_of_which_is_a_part_and_a_verb_of_cutting_changes_a_count() -> None:
    claims = claims_of(
        "Police handled 12,435 criminal cases in Orsk last year, 6,426 of which were major cases.",
        "The confirmed cases of malaria in Orsk were reduced from 8,392 to 3,855, the health chief said.",
    )
    parts = {(c.counted, c.scope, v.value) for c in claims for v in c.values}
    assert ("case", "part", 6426.0) in parts
    assert {v for c, _, v in parts if c.startswith("case")} >= {12435.0, 8392.0, 3855.0}
    # a part and the count before a change are never rivals
    assert not any(c.disagreement for c in claims)


def test_a_count_after_and_with_its_verb_left_out_holds_in_its_own_place() -> None:
    # "... injured in Kenya and 70 in Tanzania": the 70 were injured in Tanzania, not Kenya
    claims = claims_of(
        "More than 5,400 people were injured in Kenya and 70 in Tanzania, officials said.",
        "Bombs went off at two embassies on Friday.\n\nDoctors said 90 people were injured in Tanzania.",
        # so that neither place is named by most reports: it would be the story's own
        "Investigators searched the two sites on Saturday.",
        "The embassies stayed shut on Sunday.",
    )
    assert {70, 90} in disputed(claims)
    assert not any({5400, 70} <= values for values in disputed(claims))


def test_each_count_of_a_list_by_place_counts_what_the_first_counts_in_its_own_place() -> None:
    claims = claims_of(
        "The quake killed 4,179 in Yalova, 2,400 in Istanbul and 984 in Ankara, the center said.",
        "A strong quake shook the country on Tuesday.\n\nThe quake killed 1,000 people in Ankara.",
        "Rescuers searched the rubble on Wednesday.",
        "Aid arrived on Thursday.",
    )
    assert {984, 1000} in disputed(claims)
    assert {c.about for c in claims if any(v.value == 2400 for v in c.values)} == {"deaths (in Istanbul)"}


def test_counts_by_place_in_a_lead_are_parts_not_rivals_of_the_whole() -> None:
    # the lead names both places, but the sentence sets them against each other
    claims = claims_of(
        "Government forces killed 30 people in Homs and 12 in Hama on Monday, activists said.",
        "Government forces killed 42 people across the country on Monday, activists said.",
    )
    assert not disputed(claims)
    abouts = {v.value: c.about for c in claims for v in c.values}
    assert abouts[30] == "deaths (in Homs)" and abouts[12] == "deaths (in Hama)"


FILLER = "Officials met on Tuesday to discuss the response."
TOTAL = "A total of 42 people died in the storm, officials said."


def test_parts_by_place_stay_parts_of_the_total_whatever_the_tagger_makes_of_a_place() -> None:
    for report in (
        "Officials said 30 people died at Heathrow and 12 at Gatwick.",  # Gatwick: no place tag
        "Officials said 30 people died in Homs but 12 in Hama.",  # "but", not a list
        "Officials said 30 people died in Mercy Hospital and 12 at St. Luke's.",
    ):
        claims = claims_of(FILLER, report, TOTAL)
        assert not disputed(claims), report


def test_a_list_by_place_in_a_sentence_leaves_its_other_figures_alone() -> None:
    # the 300 bodies of the story's own country still rival 350; the aid groups' list is apart
    claims = claims_of(
        "Rescuers found 300 bodies in Turkey as aid arrived from 40 groups in Paris and 12 in Rome.",
        "Rescuers have found 350 bodies, officials said.",
    )
    assert {300, 350} in disputed(claims)


def test_no_list_where_another_verb_stands_between_the_first_count_and_the_items() -> None:
    # the 12 were wounded, not killed: no list of the dead by place
    claims = claims_of(FILLER, "The blast killed 30 people and wounded many in Homs and 12 in Hama.", FILLER)
    abouts = {v.value: c.about for c in claims for v in c.values}
    assert abouts == {30: "deaths"}


def test_a_count_by_place_with_a_verb_of_its_own_is_no_item_of_the_list() -> None:
    # the 12 were rescued, not killed
    claims = claims_of(
        FILLER,
        "A storm hit on Monday.\n\nThe storm killed 30 people in Kessport, and 12 in Vorland were rescued from their roofs.",
        "A storm hit on Monday.\n\nOfficials said two people died in Vorland.",
        FILLER,
    )
    assert not disputed(claims)


@pytest.mark.slow
def test_a_count_years_ago_is_of_that_year() -> None:
    # the fourth disagreement audit: "higher a decade ago, when 42,708 people died on the
    # road" against this year's 35,092
    day = dt.date(2016, 8, 29)
    claims = claims_of(
        "Traffic deaths were 25 percent higher a decade ago, when 42,708 people died on Kessland roads.",
        "The final tally of 35,092 deaths on Kessland roads was released on Monday.",
        "The same fault killed 300 people in Orsk five years ago, officials said.",
        days=(day, day, day),
    )
    assert not [c for c in claims if c.disagreement]
    assert any(c.scope == "2006" and 42_708 in {v.value for v in c.values} for c in claims)
    assert any(c.scope == "2011" and 300 in {v.value for v in c.values} for c in claims)
    # days or weeks ago are the story's own time
    later = claims_of(
        "The flood killed 12 people in Orsk two weeks ago, officials said.",
        "The flood killed 15 people in Orsk, officials said.",
        days=(day, day),
    )
    assert any(c.disagreement for c in later)


@pytest.mark.slow
def test_bodies_taken_to_a_mortuary_may_be_the_whole_toll() -> None:
    # review of c26d09c: where all a disaster's dead are taken ("38 bodies had been taken to
    # the city mortuary") is often the only toll a report gives, so the count stays a rival
    claims = claims_of(
        "Rescuers brought 38 bodies to the mortuary in Orsk on Monday.",
        "Rescuers recovered 45 bodies in Orsk on Monday.",
    )
    assert {38, 45} in disputed(claims)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "second", "pair"),
    [
        # review of c26d09c: a figure of now set against one of years ago
        (
            "The flu killed 300 people in Orsk this winter, fewer than five years ago.",
            "The flu killed 350 people in Orsk this winter.",
            {300, 350},
        ),
        (
            "The Orsk school now has 450 students, more than twice as many as two decades ago.",
            "The Orsk school has 500 students.",
            {450, 500},
        ),
    ],
)
def test_a_count_compared_with_years_ago_is_of_now(first: str, second: str, pair: set[int]) -> None:
    day = dt.date(2016, 8, 29)
    assert pair in disputed(claims_of(first, second, days=(day, day)))


@pytest.mark.slow
def test_a_couple_of_years_ago_is_two_and_a_few_is_some_year_before() -> None:
    day = dt.date(2016, 8, 29)
    claims = claims_of(
        "A storm killed 45 people in Orsk a couple of years ago.",
        "A storm killed 45 people in Orsk in 2014.",
        "A flood killed 30 people in Orsk a few years ago.",
        days=(day, day, day),
    )
    assert any(c.scope == "2014" and [v.value for v in c.values] == [45, 45] for c in claims)
    assert any(c.scope == "earlier" and 30 in {v.value for v in c.values} for c in claims)


@pytest.mark.slow
def test_others_besides_someone_named_are_a_part_of_the_group() -> None:
    # "found dead with two others" is three dead, not a toll of two against another's three
    claims = claims_of(
        "Police found Marta Lind dead with two others near the Brenno dam on Sunday.",
        "Three bodies were recovered near the Brenno dam on Sunday, police said.",
    )
    assert not disputed(claims)
    claims = claims_of(
        "The gunman killed a guard and 11 others at the Orsk depot on Sunday.",
        "The gunman killed 12 people at the Orsk depot on Sunday.",
    )
    assert not disputed(claims)
    # others counted beside a number are no part: "five were killed and 11 others injured"
    claims = claims_of("Five were killed and 11 others injured in the Orsk blast, officials said.")
    assert {c.scope for c in claims if any(v.value == 11.0 for v in c.values)} == {""}


@pytest.mark.slow
def test_others_told_apart_by_what_befell_them_are_no_part() -> None:
    # "with 20 others injured", "the crash and 11 others were injured": the injured, counted
    claims = claims_of(
        "Three people were killed in the Orsk crash, with 20 others injured.",
        "Three people were killed in the Orsk crash and 45 were injured.",
    )
    assert {20, 45} in disputed(claims)
    claims = claims_of(
        "Two people died in the Orsk crash and 11 others were injured, police said.",
        "Two people died in the Orsk crash and 30 people were injured, police said.",
    )
    assert {11, 30} in disputed(claims)


@pytest.mark.slow
def test_a_rate_lowered_on_a_day_is_the_rate_of_that_day_as_before() -> None:
    claims = claims_of(
        "The Kessland central bank lowered its key rate to 2.5 percent on Tuesday.",
        "The Kessland central bank reduced its key rate to 2.25 percent on Tuesday.",
    )
    assert {2.5, 2.25} in disputed(claims)


@pytest.mark.slow
def test_a_floor_in_dozens_is_no_floor_without_end() -> None:
    claims = claims_of(
        "More than a dozen people were killed in the Orsk blast, officials said.",
        "About 40 people were killed in the Orsk blast, officials said.",
    )
    assert {12, 40} in disputed(claims)


def test_a_day_hangs_from_what_the_verb_says_befell_them() -> None:
    # the seventh disagreement audit: "with 34 reported killed Monday" is Monday's dead,
    # not a rival of the toll since Wednesday (109) or of another report's 121
    claims = claims_of(
        "It was the deadliest day in Tessa since the conflict began, with 34 reported killed Monday. "
        "The overall death toll in Tessa since Wednesday rose to 109.",
        "The death toll from the raids on Tessa reached 121 on Tuesday, officials said.",
    )
    assert not [c for c in claims if c.disagreement and 34.0 in {v.value for v in c.values}]
    assert [c.scope for c in claims if 34.0 in {v.value for v in c.values}] == ["on Monday"]
    # only in a clause opened by "with": "34 people were confirmed killed Monday" may give
    # the day they were confirmed, and stays the toll's rival
    claims = claims_of(
        "The ministry said 34 people were confirmed killed Monday in the Tessa quake.",
        "The death toll from the Tessa quake rose to 41 on Monday, officials said.",
    )
    assert {34, 41} in disputed(claims)


def test_a_toll_an_anniversary_marks_is_of_an_earlier_event() -> None:
    # the eighth disagreement audit: "on the fifth anniversary of twin attacks ... that
    # killed 77" against a shooting's nine dead
    claims = claims_of(
        "The gunman lured them on the fifth anniversary of twin attacks by Ivar Lund that killed 77.",
        "Nine people were killed in the Tessa mall shooting on Friday, police said.",
    )
    assert not disputed(claims)
    assert {c.scope for c in claims if 77.0 in {v.value for v in c.values}} == {str(DAY.year - 5)}
    # lower-cased, with a description before the name: the parser hangs "that killed 77" on
    # the name after "by", not on the attacks
    claims = claims_of(
        "seven of his victims were teenagers, lured on what was the fifth anniversary of twin attacks "
        "by norwegian mass murderer ivar lund that killed 77.",
        "nine people died in the shooting at the tessa mall.",
    )
    assert not disputed(claims)
    # review of 5b18e91: a clause in the present perfect tells the toll up to now
    claims = claims_of(
        "Thousands marched in Tessa on the second anniversary of the coup by the army, which has "
        "killed more than 1,400 protesters since.",
        "The army has killed more than 1,600 protesters since the coup, a rights group said.",
    )
    assert {1400, 1600} in disputed(claims)
    # review of 5763f5b: not today's toll at an anniversary's celebrations
    claims = claims_of(
        "Violence marred celebrations of the 30th anniversary of independence where 9 people were killed "
        "on Monday in Tessa.",
        "Violence in Tessa on Monday killed 12 people, officials said.",
    )
    assert {9, 12} in disputed(claims)
