"""Figures with units: one quantity in two units is no disagreement; a real gap is one.

Every example is invented. Units convert within one dimension (length, weight, area,
volume, speed, temperature), within the precision the figures are written to and
their hedges; a unit of another dimension, or a currency, never converts.
"""

from __future__ import annotations

import pytest
from figure_claims import DAY, claims_of

from storyline.analyze._claims import compatible
from storyline.analyze._units import read_unit, step, unit_of
from storyline.model import Claim, ClaimValue


def measure(text: str, value: float, qualifier: str = "", source: str = "a") -> ClaimValue:
    return ClaimValue(value, text, qualifier, None, source, DAY)


def claim_holding(claims: list[Claim], *texts: str) -> Claim:
    """The one claim whose values carry all of `texts`."""
    found = [c for c in claims if set(texts) <= {v.text for v in c.values}]
    assert len(found) == 1, [(c.about, [v.text for v in c.values]) for c in claims]
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "dimension"),
    [
        (" km of road", "kilometre", "length"),
        ("-kilometre tunnel", "kilometre", "length"),
        (" kilometers", "kilometre", "length"),
        (" miles long", "mile", "length"),
        (" mi", "mile", "length"),
        (" metres", "metre", "length"),
        (" feet", "foot", "length"),
        (" ft", "foot", "length"),
        (" kilograms", "kilogram", "weight"),
        (" (metric) tons of ore", "tonne", "weight"),
        (" square-kilometer park", "square kilometre", "area"),
        ("-square-kilometer park", "square kilometre", "area"),
        (" lbs", "pound", "weight"),
        (" tonnes", "tonne", "weight"),
        (" tons", "ton", "weight"),
        (" square kilometres", "square kilometre", "area"),
        (" sq miles", "square mile", "area"),
        (" acres", "acre", "area"),
        (" hectares", "hectare", "area"),
        (" litres", "litre", "volume"),
        (" gallons", "gallon", "volume"),
        (" mph", "mph", "speed"),
        (" km/h.", "km/h", "speed"),
        (" kilometres per hour", "km/h", "speed"),
        (" degrees Celsius", "celsius", "temperature"),
        (" °F", "fahrenheit", "temperature"),
        (" degrees", "degree", "degree"),
        (" degrees F", "fahrenheit", "temperature"),
    ],
)
def test_read_unit(text: str, name: str, dimension: str) -> None:
    found = read_unit(text)
    assert found is not None
    assert (found[0].name, found[0].dimension) == (name, dimension)


@pytest.mark.parametrize("text", [" people", " million", " m", " minors", " miners", " in", ""])
def test_words_that_are_no_unit(text: str) -> None:
    assert read_unit(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("about 10 km", "kilometre"), ("30C", "celsius"), ("10 and 12 km", "kilometre"), ("1,500", None),
     ("at least nine", None), ("EUR 180 million", None), ("€5 million", None)],
)  # fmt: skip
def test_unit_of_a_figure_text(text: str, name: str | None) -> None:
    unit = unit_of(text)
    assert (unit.name if unit else None) == name


@pytest.mark.parametrize(
    ("value", "expected"), [(10, 1), (100, 10), (220, 10), (3000, 100), (6.2, 0.1), (86, 1), (1.25, 0.01)]
)
def test_step_is_the_written_precision(value: float, expected: float) -> None:
    assert step(value) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (measure("10 km", 10), measure("6.2 miles", 6.2), True),
        (measure("10 km", 10), measure("about 6 miles", 6, "about"), True),
        (measure("10 km", 10), measure("16 miles", 16), False),
        (measure("10 km", 10), measure("7.5 miles", 7.5), False),
        (measure("100 kg", 100), measure("220 pounds", 220), True),
        (measure("100 kg", 100), measure("300 lbs", 300), False),
        (measure("30C", 30), measure("86F", 86), True),
        (measure("-5 °C", -5), measure("23 °F", 23), True),
        (measure("5 °C", 5), measure("23 °F", 23), False),
        (measure("40 degrees Celsius", 40), measure("104 degrees Fahrenheit", 104), True),
        (measure("40 degrees Celsius", 40), measure("90 degrees Fahrenheit", 90), False),
        (measure("20 square kilometres", 20), measure("about 5,000 acres", 5000, "about"), True),
        (measure("20 square kilometres", 20), measure("20 square miles", 20), False),
        (measure("2,000 hectares", 2000), measure("20,000 acres", 20000), False),
        (measure("120 mph", 120), measure("190 km/h", 190), True),
        (measure("120 mph", 120), measure("120 km/h", 120), False),  # equal numbers, not equal speeds
        (measure("3,000 tonnes", 3000), measure("3,300 tons", 3300), True),  # "tons" may be short tons
        (measure("500 litres", 500), measure("about 130 gallons", 130, "about"), True),
        # rival floors disagree in any unit, as for counts
        (measure("more than 10 km", 10, "more than"), measure("more than 10 miles", 10, "more than"), False),
        (measure("more than 10 km", 10, "more than"), measure("more than 6 miles", 6, "more than"), True),
        (measure("10 km", 10), measure("more than 5 miles", 5, "more than"), True),
        (measure("10-12 km", 10), measure("7 miles", 7), True),
        # the ends of one range, written "5-12 meters" and "5-12 m" ("m" no million here)
        (measure("5-12 meters", 5), measure("5-12 m", 12), True),
        (measure("5-12 m", 5), measure("20-25 m", 20), False),
        # in another unit, one figure may be the other converted and rounded to its last
        # digit other than zero, up to a tenth (700 km is 435 miles); not both rounded at
        # once, and not a temperature (43C is 109F, not "100 degrees" rounded)
        (measure("700 km", 700), measure("400 miles", 400), True),
        (measure("10 meters", 10), measure("40 feet", 40), False),
        (measure("about 100 meters", 100, "about"), measure("400 feet", 400), False),
        (measure("100 degrees Fahrenheit", 100), measure("43 degrees Celsius", 43), False),
        # another dimension, or a count, is not the same quantity: never a disagreement
        (measure("10 km", 10), measure("10 kg", 10), True),
        (measure("10 km", 10), measure("40 kg", 40), True),
        (measure("10 km", 10), measure("40", 40), True),
    ],
)
def test_compatible_measures(a: ClaimValue, b: ClaimValue, same: bool) -> None:
    assert compatible(a, b) is same
    assert compatible(b, a) is same


def test_counts_still_compare_exactly() -> None:
    assert not compatible(measure("90", 90), measure("91", 91))
    assert compatible(measure("258,000", 258_000), measure("about 260,000", 260_000, "about"))


@pytest.mark.slow
def test_km_and_miles_of_one_distance_are_no_disagreement() -> None:
    claims = claims_of(
        "Residents within 10 km of the Varlo plant were told to leave their homes.",
        "Residents within 6.2 miles of the Varlo plant were told to leave their homes.",
    )
    claim = claim_holding(claims, "10 km", "6.2 miles")
    assert claim.counted == "plant (length)"
    assert not claim.disagreement


@pytest.mark.slow
def test_km_and_miles_that_differ_are_a_disagreement() -> None:
    claims = claims_of(
        "The new Brask rail tunnel is 10 km long.", "The new Brask rail tunnel is 16 miles long."
    )
    claim = claim_holding(claims, "10 km", "16 miles")
    assert claim.disagreement
    assert claim.kind == "across sources"


@pytest.mark.slow
def test_a_hedged_conversion_is_no_disagreement() -> None:
    claims = claims_of(
        "The new Brask rail tunnel is 10 km long.", "The new Brask rail tunnel is about 6 miles long."
    )
    assert not claim_holding(claims, "10 km", "about 6 miles").disagreement


@pytest.mark.slow
def test_pounds_and_kilograms() -> None:
    same = claims_of(
        "Customs officers seized 100 kg of cocaine at the port of Tessa.",
        "Customs officers seized 220 pounds of cocaine at the port of Tessa.",
    )
    assert not claim_holding(same, "100 kg", "220 pounds").disagreement
    different = claims_of(
        "Customs officers seized 100 kg of cocaine at the port of Tessa.",
        "Customs officers seized 300 pounds of cocaine at the port of Tessa.",
    )
    assert claim_holding(different, "100 kg", "300 pounds").disagreement


@pytest.mark.slow
def test_celsius_and_fahrenheit() -> None:
    same = claims_of(
        "Temperatures reached 30C in the town of Sorvik.",
        "Temperatures reached 86F in the town of Sorvik.",
    )
    claim = claim_holding(same, "30C", "86F")
    assert claim.counted == "temperature"
    assert not claim.disagreement
    different = claims_of(
        "Temperatures reached 30 degrees Celsius in the town of Sorvik.",
        "Temperatures reached 100 degrees Fahrenheit in the town of Sorvik.",
    )
    assert claim_holding(different, "30 degrees Celsius", "100 degrees Fahrenheit").disagreement


@pytest.mark.slow
def test_an_area_in_hectares_and_acres() -> None:
    same = claims_of(
        "The fire has burned 2,000 hectares of forest near Lenna.",
        "The fire has burned about 5,000 acres of forest near Lenna.",
    )
    assert not claim_holding(same, "2,000 hectares", "about 5,000 acres").disagreement
    different = claims_of(
        "The fire has burned 2,000 hectares of forest near Lenna.",
        "The fire has burned 20,000 acres of forest near Lenna.",
    )
    assert claim_holding(different, "2,000 hectares", "20,000 acres").disagreement


@pytest.mark.slow
def test_units_of_another_dimension_are_not_one_quantity() -> None:
    claims = claims_of(
        "The storm dropped 10 inches of snow on the Orna valley.",
        "The storm dropped 25 cm of snow on the Orna valley.",
        "The storm dropped 40 tonnes of snow on the Orna valley.",
        "The storm dropped 40 tons of snow on the Orna valley.",
    )
    depth = claim_holding(claims, "10 inches", "25 cm")
    weight = claim_holding(claims, "40 tonnes", "40 tons")
    assert depth is not weight
    assert not depth.disagreement and not weight.disagreement


@pytest.mark.slow
def test_a_measure_in_two_units_is_one_figure() -> None:
    claims = claims_of(
        "The suspect is 5 feet 6 inches tall, police in Marrow said.",
        "Police in Marrow said the suspect is 5-foot-6.",
    )
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_a_measure_only_one_report_gives_is_a_figure_and_no_disagreement() -> None:
    claims = claims_of("The new Brask rail tunnel is 10 km long.", "The Brask rail tunnel opened on Monday.")
    assert [v.text for c in claims for v in c.values if v.text == "10 km"] == ["10 km"]
    assert not any(c.disagreement for c in claims)


@pytest.mark.slow
def test_warming_targets_are_not_temperature_readings() -> None:
    claims = claims_of(
        "Leaders agreed to limit warming to 1.5C above pre-industrial levels.",
        "Leaders agreed to hold warming below 2 degrees Celsius, or 3.6F.",
    )
    assert not any(c.counted.endswith("temperature") for c in claims)


@pytest.mark.slow
def test_currencies_are_never_converted() -> None:
    claims = claims_of(
        "The council of Harrow Vale spent €10 million on the new bridge.",
        "The council of Harrow Vale spent $10 million on the new bridge.",
    )
    euros = claim_holding(claims, "€10 million")
    dollars = claim_holding(claims, "$10 million")
    assert euros is not dollars  # equal numbers, two currencies: two quantities
    assert (euros.counted, dollars.counted) == ("money (EUR)", "money (USD)")


@pytest.mark.slow
def test_pounds_of_money_are_not_a_weight() -> None:
    claims = claims_of(
        "The club paid 5 million pounds for the striker.",
        "The club paid 8 million pounds for the striker.",
    )
    assert not any("weight" in c.counted for c in claims)


@pytest.mark.slow
def test_a_temperature_below_zero_keeps_its_sign() -> None:
    claims = claims_of(
        "It was minus 5 degrees Celsius in Sorvik during the cold snap.",
        "Temperatures fell to 23 F in Sorvik during the cold snap.",
    )
    claim = claim_holding(claims, "minus 5 degrees Celsius", "23 F")
    assert {v.value for v in claim.values} == {-5, 23}
    assert not claim.disagreement  # 23 F is -5 C


@pytest.mark.slow
def test_highs_and_lows_are_two_quantities() -> None:
    claims = claims_of(
        "Highs of 30C are expected in Sorvik this week.",
        "Highs of 86F are expected in Sorvik this week.",
        "Lows of 15C are expected in Sorvik this week.",
        "Lows of 59F are expected in Sorvik this week.",
    )
    highs, lows = claim_holding(claims, "30C", "86F"), claim_holding(claims, "15C", "59F")
    assert highs is not lows
    assert not highs.disagreement and not lows.disagreement


@pytest.mark.slow
def test_a_letter_after_a_number_is_no_temperature_without_weather() -> None:
    claims = claims_of(
        "The fire started in apartment 4F of the Morrow block.",
        "Firefighters reached apartment 4F of the Morrow block.",
    )
    assert not any(v.value == 4 for c in claims for v in c.values)


def test_bare_degrees_are_set_only_against_bare_degrees() -> None:
    # no scale: "59 degrees" is neither converted nor set against a figure in Celsius
    claims = claims_of(
        "The water off Dunmore was about 59 degrees on Wednesday, lifeguards said.",
        "The water off Dunmore was 59 degrees on Wednesday, a spokesman said.",
        "The water off Dunmore was 15C on Wednesday, the coastguard said.",
    )
    assert [v.text for c in claims if c.counted == "water (degree)" for v in c.values] == [
        "about 59 degrees",
        "59 degrees",
    ]
    assert not any(c.disagreement for c in claims)
    assert not compatible(measure("59 degrees", 59), measure("65 degrees", 65))
    assert compatible(measure("59 degrees", 59), measure("15 degrees Celsius", 15))  # no one quantity


def test_bare_degrees_of_a_weather_report_are_no_rivals_by_their_key_alone() -> None:
    # one report gives a temperature per place and hour; "temperature" is all the key holds
    claims = claims_of(
        "In western Kessland, temperatures dipped to minus 18 degrees in some areas on Tuesday.",
        "A temperature of 5 degrees smashed a record for the date in Orsk on Tuesday.",
    )
    assert not any(c.disagreement for c in claims)
    assert {v.value for c in claims for v in c.values} == {-18, 5}


def test_how_near_a_craft_came_is_a_distance_and_a_rules_radius_is_not() -> None:
    claims = claims_of("On Monday the probe flew within 218 miles of Kessmoon, close enough for photographs.")
    assert [v.text for c in claims for v in c.values] == ["218 miles"]
    claims = claims_of("Farms are not allowed within 500 feet of homes in Dunmore.")
    assert not claims  # a radius one report gives: context, no claim


def test_pounds_a_person_lost_are_weight() -> None:
    claims = claims_of("Marta Lind said she has lost 35 pounds since March, the result of stress.")
    assert [(c.counted, v.text) for c in claims for v in c.values] == [("weight (lose)", "35 pounds")]
    claims = claims_of("The firm lost 35 pounds on each ticket it sold in Dunmore.")
    assert not any(v.text == "35 pounds" for c in claims for v in c.values)  # money, never converted


def test_bare_degrees_of_two_reports_are_never_rivals() -> None:
    # review of d6535be: an American "95 degrees" and a British "35 degrees" of one day
    claims = claims_of(
        "Temperatures in Kessport reached 95 degrees on Monday, forecasters said.",
        "Temperatures in Kessport reached 35 degrees on Monday, the weather service said.",
    )
    assert not any(c.disagreement for c in claims)


def test_a_rule_about_coming_near_is_no_distance() -> None:
    for text in (
        "Under the order, Roux may not come within 100 feet of his former wife in Dunmore.",
        "Boats must not get within 50 yards of the whales off Dunmore.",
    ):
        assert not claims_of(text)


def test_pounds_lost_with_no_word_for_a_body_stay_money() -> None:
    claims = claims_of("A pensioner in Dunmore lost 500 pounds in the scam, police said.")
    assert not any(v.text == "500 pounds" for c in claims for v in c.values)


def test_a_reading_is_a_reading_whatever_the_sentence_compares_further_on() -> None:
    # "hotter than" far from the figure does not make the lava's heat a change
    claims = claims_of(
        "Pillon, a volcano on Kessmoon, spews lava that is about 2,600 degrees F (1,400 degrees C), "
        "hundreds of degrees hotter than volcanoes now active on Earth."
    )
    assert {v.text for c in claims for v in c.values} == {"about 2,600 degrees F", "1,400 degrees C"}
    claims = claims_of("Leaders in Dunmore agreed to limit warming to 1.5C above pre-industrial levels.")
    assert not claims  # a change or a target, near the figure
    claims = claims_of(
        "Leaders in Dunmore will work to keep temperature increases within 2 degrees Celsius "
        "(or 3.6 Fahrenheit) beyond pre-industrial times, a target set in 2010."
    )
    assert not claims  # a target anywhere in the sentence


@pytest.mark.slow
def test_a_measure_in_another_unit_may_be_a_rounded_conversion() -> None:
    # the seventh disagreement audit: "a 700-kilometer (400-mile) swath" (435 miles) against
    # "a 700km swath", and "about 400 miles" against "700 kilometres" underground
    same = claims_of(
        "The worst-hit area is a 700km swath in the north of the Tessa reef, scientists said.",
        "The worst-hit area is a 400-mile swath in the north of the Tessa reef, scientists said.",
    )
    assert not claim_holding(same, "700 km", "400 mile").disagreement
    # a conversion is rounded to its last digit other than zero, up to a tenth of it, and
    # one figure is the other as written, converted: "about 100 meters" is no "some 400
    # feet" (122 metres), a 10-meter wave (33 feet) no 40-foot one, 200 km/h no 140 mph
    for one, other in (
        (
            "The wreck lies about 100 meters down, divers said.",
            "The wreck lies some 400 feet down, divers said.",
        ),
        ("A 10-meter wave struck the Tessa coast.", "A 40-foot wave struck the Tessa coast."),
        ("Winds of 200 km/h hit Tessa on Monday.", "Winds of 140 mph hit Tessa on Monday."),
    ):
        assert any(c.disagreement for c in claims_of(one, other)), (one, other)
    # in one unit, a figure keeps its two significant digits ("400 miles" is no 435)
    claims = claims_of(
        "The worst-hit area is a 435-mile swath of the Tessa reef.",
        "The worst-hit area is a 400-mile swath of the Tessa reef.",
    )
    assert any(c.disagreement for c in claims)
