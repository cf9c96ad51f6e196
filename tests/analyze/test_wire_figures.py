"""Figures as wire copy writes them: whose dollars, what was added, over which period.

Every report here is invented, in the forms AP, Reuters and Xinhua archives use: "U.S.
dlrs 3.7 billion (Australian dollars 6.2 billion)", "another 187 were detained", "arrested
since May" beside "since Sunday", "members of parliament" among "members". Each test keeps
apart what a naive reading would call a disagreement, or finds one it would miss.
"""

from __future__ import annotations

import datetime as dt

import pytest
from figure_claims import claims_of, disputed

from storyline.model import Claim


def about(claims: list[Claim], value: float) -> set[str]:
    return {c.about for c in claims if any(v.value == value for v in c.values)}


@pytest.mark.slow
def test_australian_dollars_are_not_us_dollars() -> None:
    claims = claims_of(
        "The Maralla mine will add U.S. dlrs 3.7 billion (Australian dollars 6.2 billion) to the economy.",
        "The Maralla mine will add 4.46 billion U.S. dollars to the economy, the minister said.",
    )
    assert about(claims, 6.2e9) == {"money (AUD)"}
    assert about(claims, 3.7e9) == about(claims, 4.46e9) == {"money (USD)"}
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


@pytest.mark.slow
def test_a_paragraph_two_reports_carry_gives_its_figure_and_quote_to_both() -> None:
    """Syndicated copy: cleaning keeps one copy of a paragraph two reports carry word for
    word, but both reports give its figure and its quote, each pointing into its own text."""
    import datetime as dt

    from storyline.model import Article
    from storyline.pipeline import Reporter

    shared = (
        "At least 42 people were killed when the dam at Corran burst, officials said. "
        '"We lost everything in an hour," said Ana Lind, a farmer.'
    )
    first = f"CORRAN (AP) _ Rescue teams searched the valley on Monday.\n{shared}"
    second = f"Aid reached the valley below the Corran dam on Tuesday.\n{shared}\nRoads stayed closed."
    story = Reporter()(
        [
            Article(id="a", text=first, date=dt.date(2031, 5, 5)),
            Article(id="b", text=second, date=dt.date(2031, 5, 6)),
        ]
    )
    values = [v for c in story.claims for v in c.values if v.value == 42]
    assert {v.source for v in values} == {"a", "b"}
    for v in values:
        assert v.span is not None
        text = first if v.source == "a" else second
        assert text[v.span.start : v.span.end].endswith("42")
    quote = next(q for q in story.quotes if q.text.startswith("We lost everything"))
    assert set(quote.sources) == {"a", "b"}


@pytest.mark.slow
def test_since_as_an_adverb_names_no_period_and_case_does_not_split_a_body() -> None:
    claims = claims_of(
        "Police have since detained 40 protesters who marched in May.",
        "Police detained 45 protesters who marched in May, organisers said.",
    )
    assert {40, 45} in disputed(claims)
    claims = claims_of(
        "There are 42 members of parliament in prison, the group said.",
        "There are 50 members of Parliament in prison, the party said.",
    )
    assert {42, 50} in disputed(claims)


@pytest.mark.slow
def test_a_lower_case_period_that_is_the_only_one_is_the_story_own() -> None:
    claims = claims_of(
        "At least 40 people have been killed since yesterday, officials said.",
        "At least 55 people have been killed, the Red Crescent said.",
    )
    assert {40, 55} in disputed(claims)


@pytest.mark.slow
def test_a_copy_that_differs_in_punctuation_points_at_the_same_figure() -> None:
    import datetime as dt

    from storyline.model import Article
    from storyline.pipeline import Reporter

    line = "Crews freed 111 barges on the river at Corran, and 11 barges sank in the storm{end}"
    first = "Storms hit the Corran river port on Monday night, and crews worked until dawn to save it.\n"
    second = "The port at Corran counted its losses on Tuesday, a day after the storms had passed over.\n"
    first, second = first + line.format(end="."), second + line.format(end="!")
    story = Reporter()(
        [
            Article(id="a", text=first, date=dt.date(2031, 5, 5)),
            Article(id="b", text=second, date=dt.date(2031, 5, 6)),
        ]
    )
    copies = [v for c in story.claims for v in c.values if v.value == 11 and v.source == "b"]
    assert copies, [(c.about, [(v.source, v.value) for v in c.values]) for c in story.claims]
    for v in copies:
        assert v.span is not None
        assert second[v.span.start : v.span.end] == "11"
        assert second[v.span.start - 1] == " "  # the 11 barges, not the end of "111"


@pytest.mark.slow
def test_a_report_left_out_as_off_topic_is_no_source_of_a_paragraph_it_copied() -> None:
    import datetime as dt

    from storyline.model import Article
    from storyline.pipeline import Reporter

    day = dt.date(2031, 5, 5)
    shared = (
        "At least 42 people were killed when the dam at Corran burst, officials said. "
        '"We lost everything in an hour," said Ana Lind, a farmer.'
    )
    leads = [
        "Rescue teams searched the flooded valley below the Corran dam for survivors of the disaster.",
        "Aid convoys reached the villages below the broken Corran dam as the flood water fell.",
        "Engineers inspected the ruined Corran dam wall and the flooded farms of the valley.",
        "Families buried their dead in the valley below the Corran dam after the flood.",
    ]
    reports = [
        Article(
            id=f"d{i}",
            text=f"{lead}\nThe reservoir behind the dam held water for the region.\n{shared}",
            date=day,
        )
        for i, lead in enumerate(leads)
    ]
    roundup = Article(
        id="roundup",
        text=(
            "The central bank raised interest rates by a quarter point to fight inflation in housing.\n"
            "The national football team beat its rivals three goals to one in the cup final.\n"
            "A new smartphone went on sale with a faster chip and a larger battery, the company said.\n"
            "Stock markets closed higher as technology shares rallied on strong quarterly earnings.\n"
            f"{shared}"
        ),
        date=day,
    )
    story = Reporter()([*reports, roundup])
    assert {d.article.id for d in story.documents if d.excluded} == {"roundup"}
    assert {v.source for c in story.claims for v in c.values if v.value == 42} == {"d0", "d1", "d2", "d3"}
    assert all("roundup" not in q.sources for q in story.quotes)


@pytest.mark.slow
def test_the_rows_of_a_table_of_tolls_by_town_are_parts_of_the_toll() -> None:
    claims = claims_of(
        "The quake near Varnak killed at least 9,120 people across the region, officials said. "
        "In Varnak itself rescuers worked through the night.",
        "Figures available Saturday on the quake.\n"
        "Varnak 4,310 dead, 10,200 injured\n"
        "Oskarby 2,950 dead, 6,800 injured\n"
        "Tellen 1,020 dead, 3,400 injured",
        "The quake near Varnak killed more than 8,000 people, the government said. Varnak, the "
        "port at its centre, lost 3,900 people, the town's mayor said.",
    )
    assert about(claims, 2950) == {"deaths (in Oskarby)"}
    assert about(claims, 1020) == {"deaths (in Tellen)"}
    assert about(claims, 10200) == {"injured (in Varnak)"}
    # A row's town is no whole toll, even the town the story is about.
    assert about(claims, 4310) == {"deaths (in Varnak)"}
    for rivals in disputed(claims):
        assert not {4310, 2950, 1020} & rivals or not {9120, 8000} & rivals


@pytest.mark.slow
def test_a_total_row_is_the_whole_and_one_row_like_line_is_no_table() -> None:
    claims = claims_of(
        "The quake near Varnak killed at least 9,120 people across the region, officials said.",
        "Figures available Saturday on the quake.\nVarnak 4,310 dead, 10,200 injured\n"
        "Oskarby 2,950 dead, 6,800 injured\nTotal 8,280 dead, 20,400 injured",
    )
    assert about(claims, 8280) == {"deaths"}
    assert {9120, 8280} in disputed(claims)
    claims = claims_of(
        "Quake Toll 9,000 dead\nThe quake near Varnak killed at least 9,000 people, officials said.",
        "The quake near Varnak killed 7,500 people, the government said.",
    )
    assert about(claims, 9000) == {"deaths"}


@pytest.mark.slow
def test_bodies_recovered_and_people_who_perished_count_the_dead_but_bodies_at_a_site_are_a_part() -> None:
    claims = claims_of(
        "By Wednesday night, according to an official count, 3,879 bodies had been recovered from the rubble.",
        "He was one of more than 6,500 people who perished in the quake near Varnak. "
        "More than 500 bodies lay inside the ice rink, and workers buried 900 bodies in a mass grave.",
    )
    assert about(claims, 3879) == about(claims, 6500) == {"deaths"}
    assert about(claims, 500) == {"deaths (at rink)"}
    assert about(claims, 900) == {"deaths (at grave)"}
    for rivals in disputed(claims):
        assert not {500, 900} & rivals


@pytest.mark.slow
def test_other_people_hurt_beside_the_dead_are_the_whole_count_and_a_body_names_no_count() -> None:
    claims = claims_of(
        "Three people were killed and 40 other people were injured in the blast in Varnak.",
        "Officials said 55 people were injured in the blast in Varnak.",
        "The kayaker was shot by a gang of seven men who threw her body into the river.",
    )
    assert about(claims, 40) == about(claims, 55) == {"injured"}
    assert "deaths" not in about(claims, 7)


@pytest.mark.slow
def test_others_counts_what_happened_to_them() -> None:
    claims = claims_of(
        "At least 1,059 people have been killed, 4,500 others injured in the quake near Varnak."
    )
    assert about(claims, 4500) == {"injured"}
    assert about(claims, 1059) == {"deaths"}


@pytest.mark.slow
def test_bodies_in_the_rubble_are_the_toll_not_a_site() -> None:
    claims = claims_of("Some 1,200 bodies lay in the rubble of Varnak, officials said.")
    assert about(claims, 1200) == {"deaths"}


@pytest.mark.slow
def test_a_quakes_magnitude_in_its_forms_and_what_is_not_one() -> None:
    claims = claims_of(
        "The magnitude-7.4 quake struck near Varnak early Tuesday. The largest aftershock measured 5.3.",
        "A 7.8-magnitude earthquake hit the coast. The biggest of the aftershocks had a magnitude of 5.",
        "The quake, which measured 7.4 on the Richter scale, was the worst since a magnitude 8.1 quake in "
        "1939. Experts said every quake bigger than a 6-point magnitude is a multiple event.",
        "Another strong earthquake with a magnitude of 5.0 struck the coast on Sunday.",
    )
    assert about(claims, 7.8) == {"magnitude"}
    assert "magnitude" in about(claims, 7.4)
    assert about(claims, 5.3) == {"magnitude of aftershock"}
    assert about(claims, 8.1) == {"magnitude (1939)"}
    assert "magnitude" not in about(claims, 6)
    assert "magnitude" not in about(claims, 5.0) - {"magnitude of aftershock"}
    assert any({7.4, 7.8} <= rivals for rivals in disputed(claims))


@pytest.mark.slow
def test_magnitudes_in_a_list_and_in_degrees() -> None:
    claims = claims_of(
        "The quake was put at magnitude 7.5 by university scientists, 6.8 by the national observatory, "
        "and 7.8 by the Geological Survey.",
        "Hundreds died in the 6.7-degree earthquake that struck Varnak before dawn.",
        "Temperatures fell to 4.5 degrees after the earthquake, and 2.5 tonnes of aid arrived.",
    )
    assert about(claims, 6.8) == {"magnitude"}
    assert about(claims, 7.8) == {"magnitude"}
    assert about(claims, 6.7) == {"magnitude"}
    assert "magnitude" not in about(claims, 4.5)  # a temperature in a quake story
    assert "magnitude" not in about(claims, 2.5)  # a number with its noun


@pytest.mark.slow
def test_which_quake_a_magnitude_is_of() -> None:
    claims = claims_of(
        "The magnitude 7.4 quake that hit Varnak was followed by more than 1,000 aftershocks.",
        "The quake in Varnak measured 7.8 on the Richter scale.\n"
        "A new tremor sent residents into the streets. The 4.7-magnitude quake was centered near "
        "Haymana. A 4.2-magnitude aftershock followed.\n"
        "Experts put the chance of a quake measuring at least 6.5 magnitude at 15 percent.",
    )
    assert about(claims, 7.4) == {"magnitude"}  # the quake's, though the sentence has aftershocks
    assert about(claims, 4.2) == {"magnitude of aftershock"}
    assert "magnitude" not in about(claims, 6.5)  # a bar in a forecast
    assert {c.scope for c in claims if any(v.value == 4.7 for v in c.values)} == {"another quake at Haymana"}
    assert any({7.4, 7.8} <= rivals and 4.7 not in rivals for rivals in disputed(claims))


@pytest.mark.slow
def test_a_quakes_magnitude_is_one_quantity_over_its_days() -> None:
    day = dt.date(2031, 5, 6)
    claims = claims_of(
        "The magnitude 7.8 quake struck Varnak before dawn, the survey said.",
        "Rescuers dug through the ruins of Varnak. The magnitude 7.4 quake destroyed 2,000 homes.",
        days=(day, day + dt.timedelta(days=3)),
        events=(0, 1),
    )
    assert any({7.4, 7.8} <= rivals for rivals in disputed(claims))


@pytest.mark.slow
def test_numbers_near_a_magnitude_that_are_none() -> None:
    claims = claims_of(
        "A magnitude 5.8 quake, the strongest aftershock yet, shook Varnak on Friday.",
        "After the magnitude 7.4 quake, economists cut their growth forecast to 3.5 from 5.0.",
        "Buildings collapsed under the 7.4-magnitude quake. Survivors huddled as the mercury fell to "
        "2.5 degrees after the earthquake.",
    )
    assert about(claims, 5.8) == {"magnitude of aftershock"}
    assert "magnitude" not in about(claims, 3.5) | about(claims, 5.0)
    assert "magnitude" not in about(claims, 2.5)
    assert "magnitude" in about(claims, 7.4)


@pytest.mark.slow
def test_a_feared_quake_a_comparison_and_a_high_region() -> None:
    claims = claims_of(
        "Residents feared new tremors. The magnitude 7.4 quake killed 40 people in Varnak.",
        "The magnitude 7.8 quake was stronger than a magnitude 6.9 quake that hit the region in May.",
        "A 6.7-degree earthquake struck the high-altitude region of Varnak before dawn.",
    )
    assert {c.scope for c in claims if any(v.value == 7.4 for v in c.values)} == {""}
    assert "magnitude" not in about(claims, 6.9)  # a comparison, not this quake's
    assert about(claims, 6.7) == {"magnitude"}
    assert any({7.4, 7.8, 6.7} <= rivals for rivals in disputed(claims))
