"""Issue 10, item 1: who gives a figure ("each value with its source ... and attribution").

Every report here is invented. A figure's voice is the one who says it: the subject of an
active verb of saying, the agent of a passive one, or the owner of an estimate; never what a
passive verb says something of, nor a verb of saying used in another sense."""

from __future__ import annotations

import pytest
from figure_claims import claims_of


def _voice(text: str, figure: str) -> str | None:
    values = [v for c in claims_of(text) for v in c.values if v.text.lower() == figure.lower()]
    assert values, [v.text for c in claims_of(text) for v in c.values]
    return values[0].attributed_to


def _assert_voice(text: str, figure: str, voice: str | None) -> None:
    """The figure's voice is None where `voice` is, else ends with `voice`."""
    found = _voice(text, figure)
    assert found == voice if voice is None else (found or "").endswith(voice), found


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The powerful blast, believed to have been caused by a car bomb, killed 247 people.", "247"),
        ("At least 247 people have been confirmed dead after the quake in the hills.", "At least 247"),
        ("Accidents claimed more than 40 lives across the region on Sunday.", "more than 40"),
        ("The storm continued its devastation, closing at least eight major airports.", "at least eight"),
        ("The rescue operation is continuing with 22 surface ships at the site.", "22"),
        ("The quake's toll rose to 300 on Monday.", "300"),
        ("Turkey's death toll rose to 300 on Monday.", "300"),
    ],
)
def test_what_a_passive_or_another_sense_tells_of_is_no_voice(text: str, figure: str) -> None:
    assert _voice(text, figure) is None


@pytest.mark.parametrize(
    ("text", "figure", "voice"),
    [
        ("The toll was reported by the interior ministry to be 40 on Monday.", "40", "interior ministry"),
        ("The health ministry's official toll remains at seven.", "seven", "health ministry"),
        (
            "The regional government's preliminary estimate put the damage at no less than 180 million euros.",
            "no less than 180 million",
            "regional government",
        ),
        ("The union maintains that at least nine people died in the fire.", "at least nine", "union"),
        ("The agency's data show that eight percent of the power came from wind.", "eight", "agency"),
        ("Police said 12 people were killed in the crash.", "12", "Police"),
        ("Twelve people died, the ministry said.", "Twelve", "ministry"),
        ("Rebels claimed 300 soldiers were killed in the raid.", "300", "Rebels"),
    ],
)
def test_the_voice_of_a_figure_is_who_says_it(text: str, figure: str, voice: str) -> None:
    found = _voice(text, figure)
    assert found is not None and voice.lower() in found.lower(), found


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Seven medical experts suggested that unpublished data showed the therapy could help.", "Seven"),
        ("The site sifted through 80,000 interview questions asked by top employers this year.", "80,000"),
        (
            "This photo provided by the coast guard shows the Bounty, a 180-foot sailboat, submerged off the cape.",
            "180 foot",
        ),
    ],
)
def test_no_voice_from_a_clause_that_does_not_give_the_figure(text: str, figure: str) -> None:
    assert _voice(text, figure) is None


def test_a_verb_of_saying_in_a_clause_of_its_own_gives_no_other_clause_a_voice() -> None:
    text = "When the residents complained, the city commission agreed to pay $5,000 toward a dig."
    assert _voice(text, "$5,000") != "residents"


def test_an_agent_of_saying_before_the_sentence_gives_its_figures() -> None:
    text = "As noted by the Bayside Chronicle, the mayor gained about five times as many votes as her rival."
    assert (_voice(text, "about five") or "").endswith("Bayside Chronicle")


def test_a_bare_tag_after_the_figure_gives_it_its_voice() -> None:
    text = (
        'Many buildings are locked into leases for the next five to 20 years and "off the list," Reyes said.'
    )
    assert _voice(text, "five to 20 years") == "Reyes"
    assert (
        _voice("Another 100 or so owners also petitioned the board, but Lund said no.", "100 or so") is None
    )
    text = "In 2006, Oduya was sentenced to four years in jail on charges - denied by his wife - that he hit a man."
    assert _voice(text, "four years") is None
    text = "A fire raged in the borough on Tuesday, with 80 to 100 homes destroyed but no deaths reported."
    assert _voice(text, "80 to 100") is None


def test_a_tag_set_inside_the_sentence_or_a_second_subject_keeps_the_voice() -> None:
    assert _voice("Nationwide, Beedy said, 50 growers have earned the certificate.", "50") == "Beedy"
    text = (
        "Three people were killed and 18 others injured in a bus blast on Friday, the Tass agency reported."
    )
    assert (_voice(text, "18") or "").endswith("agency")
    text = "In 2004, when a sign went up and the residents complained, the city commission agreed to pay $5,000 for a dig."
    assert _voice(text, "$5,000") != "residents"


@pytest.mark.parametrize(
    ("text", "figure", "voice"),
    [
        (
            "In that case, Sparks noted, five justices agreed that an inmate has a life interest.",
            "five",
            "Sparks",
        ),
        (
            "Three government officials close to the inquiry said the remains showed no sign of failure, AP reported Thursday.",
            "Three",
            "AP",
        ),
        (
            "Scientists analyzed sonar data and found that the ice is about 40 percent thinner.",
            "about 40",
            "Scientists",
        ),
        ("A poll released Tuesday showed 58 percent of voters would choose Varga.", "58", "poll"),
    ],
)
def test_a_voice_above_the_counted_speakers_or_of_a_finding(text: str, figure: str, voice: str) -> None:
    assert (_voice(text, figure) or "").endswith(voice)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "An estimated 1 million people in Italy smoke, though figures show that smoking has fallen.",
            "An estimated 1 million",
        ),
        ("Seven years later, scientists maintain that a climate shift was at work.", "Seven years"),
    ],
)
def test_a_verb_that_needs_a_clause_gives_a_voice_only_to_its_clause(text: str, figure: str) -> None:
    assert _voice(text, figure) is None


def test_a_figure_counting_the_speakers_gets_no_voice_from_another_clause() -> None:
    text = "Seven senators last week asked the agency to release details and why officials believe that it was hacked."
    assert _voice(text, "Seven") is None


def test_a_verdict_is_no_finding_of_figures() -> None:
    assert _voice("The Senate found him guilty of eight counts of fraud.", "eight") is None
    assert _voice("The jury deliberated two days before finding Rosario guilty of two counts.", "two") is None


def test_who_puts_an_estimate_at_a_figure_gives_it() -> None:
    assert _voice("UN officials put the toll at 7,500 by their own estimates.", "7,500") == "UN officials"
    assert _voice("Police placed the number of dead at 12 on Monday.", "12") == "Police"
    assert _voice("He put the box at the door with 12 others.", "12") is None
    text = "Some of the state's leading Democrats put the figure at $10 billion."
    assert _voice(text, "$10 billion") == "Democrats"
    text = "The new bogs had added as much as 400 acres in recent years, Lee conceded, which would put the total at about 3,900 acres."
    assert _voice(text, "400 acres") == "Lee"


def test_adding_things_is_no_saying() -> None:
    assert _voice("In the last two weeks, Kelly has added 500 inspectors to border stations.", "500") is None
    assert _voice("The institute found that Texas added 98,000 inmates in the 1990s.", "98,000") != "Texas"
    text = (
        "Prime Minister Tomas Hale spoke in Kyoto on Monday. "
        "As for global warming, he added his islands average just 2 meters above sea level."
    )
    assert _voice(text, "2 meters") == "Tomas Hale"


@pytest.mark.parametrize(
    ("text", "figure", "voice"),
    [
        ("The city's death toll rose to 40 on Friday.", "40", None),
        ("Apple's number of employees rose to 160,000 last year.", "160,000", None),
        ("Officials declined to say whether 50 people had been hurt.", "50", None),
        ("Police continued to insist that 12 people died in the crash.", "12", "Police"),
        ("The ministry continues to put the death toll at 40.", "40", "ministry"),
        (
            "The floods have killed at least 80 people, officials said, and displaced 20,000 more.",
            "at least 80",
            "officials",
        ),
        (
            "The company is cutting 1,500 jobs, Bloomberg reported, citing people familiar with the matter.",
            "1,500",
            "Bloomberg",
        ),
        ("Officials added 30 people were still missing.", "30", "Officials"),
        ("An audit found that the agency was responsible for $4 million in waste.", "$4 million", "audit"),
        ("Police put the crowd at 600.", "600", "Police"),
        ("Twelve people died and fighting continued on Friday.", "Twelve", None),
    ],
)
def test_review_cases(text: str, figure: str, voice: str | None) -> None:
    _assert_voice(text, figure, voice)


@pytest.mark.parametrize(
    ("text", "figure", "voice"),
    [
        # a figure in a quotation is its speaker's, also in a sentence of it the tag is not in
        (
            '"We found 40 bodies in the river. Another 12 people are still missing," said police chief John Smith.',
            "40",
            "John Smith",
        ),
        (
            'Fire chief Ann Lee spoke on Monday.\n"We have found 14 bodies," she said. "There are 300 in shelters."',
            "300",
            "Ann Lee",
        ),
        # a quotation with no speaker (a title) gives none
        ('The ministry runs a program called "Save 500 Lives" in the north.', "500", None),
    ],
)
def test_a_figure_in_a_quotation_is_its_speakers(text: str, figure: str, voice: str | None) -> None:
    _assert_voice(text, figure, voice)


@pytest.mark.parametrize(
    ("text", "figure", "voice"),
    [
        # a verb of saying joined by "but" with its own subject speaks only for its own clause
        (
            "Police said 12 people died in the crash, but hospital officials said the toll was 15.",
            "15",
            "hospital officials",
        ),
        (
            "Police said 12 people died in the crash, but hospital officials said the toll was 15.",
            "12",
            "Police",
        ),
        # one in a clause of time or a relative clause does not speak for the main clause
        ("After officials said the bridge was safe, 40 cars crossed it on Monday.", "40", None),
        (
            "The mayor, who said the city had been warned, confirmed that 14 homes were destroyed.",
            "14",
            "mayor",
        ),
        (
            "The union maintains that at least nine people died, including two workers it says are missing.",
            "at least nine",
            "union",
        ),
        # ... but one set under what the figure counts speaks for it
        ("Mahita did not name the two men he said would be charged in the bombing.", "two", "Mahita"),
        # "it" in a clause under another voice is that voice
        (
            "The union maintains that nine people died, including two workers it says are missing.",
            "two",
            "union",
        ),
        # the subject of a relative clause of saying is the word it stands for
        ("Officials who said 40 people died asked the army for help.", "40", "Officials"),
        ("The ministry, which said 40 people died, asked the army for help.", "40", "ministry"),
        (
            "Coyle cited a recent study that found that among 20 patients, those treated did better.",
            "20",
            "study",
        ),
        # ... not what such a clause's verb acts on, nor a thing, nor those counted
        (
            "The Daily Nation reported that Salim was among three suspects who told police they ran a shop.",
            "three",
            "Daily Nation",
        ),
        ("Phillip Johnson, who has written four books on evolution, spoke on Monday.", "four", None),
        ("Two blasts that claimed over 300 lives shook the city on Monday.", "over 300", None),
        ("Discoveries that showed that two enzymes cause pain were made in 1991.", "two", None),
        # a recall of goods is no recalling of what was said
        (
            "Mercedes-Benz has recalled 6,000 child seats, saying a flaw might keep the air bags on.",
            "6,000",
            None,
        ),
        ("Smith recalled that 40 people had died in the first hour.", "40", "Smith"),
        # "and" between what one voice says keeps that voice
        ("Police said 12 died and 15 were hurt in the crash.", "15", "Police"),
    ],
)
def test_a_voice_speaks_for_its_own_clause(text: str, figure: str, voice: str | None) -> None:
    _assert_voice(text, figure, voice)


@pytest.mark.parametrize(
    ("text", "figure", "voice"),
    [
        # "it"/"they" joined by "and"/"but" is the first voice
        ("The ministry said 12 people died, and it said 40 more were injured.", "40", "ministry"),
        # a verb of saying joined to another by "but" does not speak for the other's figure
        (
            "Police said 12 people died, but hospital officials reported 15 deaths.",
            "15",
            "hospital officials",
        ),
        ("As the mayor recalled, 40 people died in the flood.", "40", "mayor"),
        # a clause on a word set beside the figure speaks for it
        ("The attack killed 40 people, a toll that officials said was likely to rise.", "40", "officials"),
        # a question gives no figure
        ('"Were 40 people killed?" a reporter asked.', "40", None),
        # who raises or lowers an estimate to the figure gives it; what raises it does not
        (
            "The health ministry raised the death toll to 40, saying more bodies had been found.",
            "40",
            "health ministry",
        ),
        ("The new deaths raised the toll to 40.", "40", None),
        ("Israel, which said 40 rockets were fired, struck back.", "40", "Israel"),
        ("The agency, which reported 40 deaths on Monday, asked for aid.", "40", "agency"),
    ],
)
def test_review_of_quotation_voices(text: str, figure: str, voice: str | None) -> None:
    _assert_voice(text, figure, voice)


def test_a_report_that_names_the_speaker_of_a_shared_quote_keeps_its_own() -> None:
    claims = claims_of(
        '"We found 40 bodies. Another 12 are missing," Mayor Ann Lee said.',
        '"We found 40 bodies. Another 12 are missing," fire chief John Harris said.',
        '"We found 40 bodies. Another 12 are missing," Mayor Ann Lee told reporters.',
    )
    voices = {(v.source, v.text): v.attributed_to for c in claims for v in c.values}
    assert voices[("r1", "40")] == voices[("r1", "12")] == "John Harris"
    assert voices[("r0", "40")] == "Ann Lee"


def test_the_company_is_not_the_paper_someone_told() -> None:
    text = (
        "Shares of Acme Corp fell on Monday. “We will recover,” chief executive Jane Doe told Reuters. "
        "The company said it would cut 500 jobs."
    )
    assert _voice(text, "500") == "Acme"
