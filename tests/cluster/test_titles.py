"""Titles: a story's most representative headline or an extracted one; a thread's topic."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.cluster import clean_headline, extract_headline, story_title, thread_title
from storyline.model import Article


def test_story_title_is_the_headline_whose_words_the_story_shares() -> None:
    articles = [
        Article(text="Dock workers in Port Selva walked out over pay.", title="Live updates"),
        Article(
            text="Port Selva dock workers strike over pay.", title="Port Selva dock workers strike over pay"
        ),
        Article(text="The strike in Port Selva stopped container traffic."),
    ]
    assert story_title(articles) == "Port Selva dock workers strike over pay"


def test_story_title_without_titles_is_a_short_extracted_headline() -> None:
    text = (
        "ULAN BATOR, Mongolia, January 13 (Xinhua) -- Mongolia has decided to apply to join the World Trade "
        "Organization and the Asia-Pacific Economic Cooperation forum, the government said today. More text."
    )
    title = story_title([Article(text=text)])
    assert title == "Mongolia has decided to apply to join the World Trade Organization"
    assert "Xinhua" not in title and title != "Story report"
    assert extract_headline("short one here. Second sentence.") == "Short one here"


def test_a_byline_led_untitled_article_gets_its_headline_line_not_its_byline() -> None:
    text = (
        "Rovers climb to third with comfortable win over Haltby\n"
        "By Sports Desk\n"
        "Sunday, 8 March 2026\n\n"
        "Dunmere Rovers moved up to third place in the Premier Division with a 3-1 win over Haltby "
        "Athletic at Castle Road on Sunday afternoon.\n\nTeo Marchetti gave the home side the lead."
    )
    assert story_title([Article(text=text)]) == "Rovers climb to third with comfortable win over Haltby"
    # The same article with its headline line gone, or flattened onto one line: never the byline.
    body = text.split("\n", 1)[1]
    assert (
        story_title([Article(text=body)]) == "Dunmere Rovers moved up to third place in the Premier Division"
    )
    flat = " ".join(body.split())
    assert story_title([Article(text=flat)]).startswith("Dunmere Rovers moved up to third place")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wire dateline written with an underscore, and a closing attribution
        (
            "HONG KONG (AP) _ Chinese authorities have broken up a gang led by a Hong Kong man, reports said.",
            "Chinese authorities have broken up a gang led by a Hong Kong man",
        ),
        # a dateline that is only a date
        (
            "February 26, 1989 -- Stability is an overriding issue, Deng said. More.",
            "Stability is an overriding issue",
        ),
        # page furniture run into a flattened page
        (
            "Advertisement continue reading the main story beirut, lebanon — more than 90 people were killed "
            "in a village, officials said saturday.",
            "More than 90 people were killed in a village",
        ),
        # an opening phrase before the subject goes; an initial does not end the sentence
        (
            "By the end of September, George W. Bush will visit the flooded towns of the Kessport valley. Next.",
            "George W. Bush will visit the flooded towns of the Kessport valley",
        ),
        # a name written with a small letter first keeps it; a first word a paper set in capitals does not
        (
            "iPod sales of the Orsk shop doubled in March, its owners said. More.",
            "iPod sales of the Orsk shop doubled in March",
        ),
        (
            "THE new Vessa ferry will sail from Marrow by the end of the month. More.",
            "The new Vessa ferry will sail from Marrow by the end of the month",
        ),
        (
            "NATO ministers met in Geneva on Monday to discuss the seabed treaty. More.",
            "NATO ministers met in Geneva on Monday to discuss the seabed treaty",
        ),
        (
            "the council voted on Monday to close the Lune bridge for repairs. More.",
            "The council voted on Monday to close the Lune bridge for repairs",
        ),
        # an acronym that is also a word keeps its capitals; a prefixed word opens with a capital
        (
            "US officials said on Monday that the talks in Geneva had failed. More.",
            "US officials said on Monday that the talks in Geneva had failed",
        ),
        (
            "WHO officials warned of a new outbreak in Varnia on Friday. More.",
            "WHO officials warned of a new outbreak in Varnia on Friday",
        ),
        (
            "pro-Varnian rebels seized the airport of Kessport on Monday. More.",
            "Pro-Varnian rebels seized the airport of Kessport on Monday",
        ),
    ],
)
def test_extracted_headlines_drop_datelines_credits_and_furniture(text: str, expected: str) -> None:
    assert extract_headline(text) == expected


def test_a_long_lead_is_cut_at_a_clause_boundary_not_mid_phrase() -> None:
    text = (
        "British Health Secretary Frank Dobson vowed Wednesday to keep racism out of the health service after "
        "reports that human organs had been donated on condition they were given to white patients."
    )
    assert extract_headline(text) == (
        "British Health Secretary Frank Dobson vowed Wednesday to keep racism out of the health service"
    )
    # a subject alone is no headline: cut later, after a verb
    text = (
        "Federal Reserve Chairman Alan Greenspan on Wednesday trashed the plan to invest government funds in "
        "the stock market in order to produce more revenue for the retirement system."
    )
    title = extract_headline(text)
    assert title.startswith("Federal Reserve Chairman Alan Greenspan on Wednesday trashed")
    assert not title.endswith("…") and len(title.split()) <= 16


def test_a_shouted_headline_takes_its_articles_casing() -> None:
    article = Article(
        text="WASHINGTON _ Federal Reserve Chairman Alan Greenspan on Wednesday criticized President Clinton's "
        "plan to invest Social Security funds in stocks.",
        title="GREENSPAN TRASHES CLINTON PLAN TO PUT SOCIAL SECURITY IN STOCKS",
    )
    assert story_title([article]) == "Greenspan trashes Clinton plan to put Social Security in stocks"
    # a mixed-case headline of the story is preferred to a shouted one
    other = Article(text=article.text, title="Greenspan Criticizes Clinton Social Security Plan")
    assert story_title([article, other]) == "Greenspan Criticizes Clinton Social Security Plan"


def test_titles_are_never_empty() -> None:
    assert story_title([]) == "Untitled"
    assert thread_title([]) == "Untitled"
    assert story_title([Article(text="   \n  ")]) == "Untitled"
    assert story_title([Article(text="Короткий текст без заголовка.")])
    assert story_title([Article(text="ok")]) == "Ok"
    assert thread_title([[Article(text="ok")], [Article(text="fine")]])


def test_thread_title_names_the_topic_not_one_event() -> None:
    arrest = [Article(text="Police said former ruler Teodor Malkovic was arrested in Kessport on Friday.")]
    ruling = [Article(text="A court in Kessport ruled that Teodor Malkovic can be extradited to the Lune.")]
    appeal = [Article(text="Lawyers for Teodor Malkovic appealed in Kessport against his extradition.")]
    title = thread_title([arrest, ruling, appeal])
    assert title.startswith("Teodor Malkovic, Kessport")
    assert thread_title([arrest]) == story_title(arrest)  # one story: its own title


def test_two_events_a_month_apart_get_a_topic_title_not_one_days_headline() -> None:
    day = dt.date(2026, 3, 7)
    fire = [
        Article(
            text="KESSPORT, Varnia (Varnia Wire) -- A fire at the Norvane Agrochem plant in Kessport killed four "
            "workers and forced the evacuation of the Saltmarsh district on Saturday.",
            title="Four dead as fire hits Norvane plant in Kessport",
            date=day,
        ),
        Article(
            text="Firefighters fought the blaze at Norvane Agrochem through the night, Kessport officials said.",
            title="Norvane blaze burns through the night",
            date=day,
        ),
    ]
    charges = [
        Article(
            text="KESSPORT, Varnia (Varnia Wire) -- Prosecutors in Kessport charged two Norvane Agrochem managers "
            "with negligence on Monday, a month after the fire at the plant.",
            title="Two Norvane managers charged a month after Kessport fire",
            date=day + dt.timedelta(days=31),
        )
    ]
    title = thread_title([fire, charges])
    assert title not in {story_title(fire), story_title(charges)}
    assert {"Norvane Agrochem", "Kessport"} <= set(title.split(", "))
    assert "Varnia Wire" not in title


def test_thread_title_folds_variants_of_one_name() -> None:
    stories = [
        [Article(text=f"The vote in Mongolia on {day} went ahead, and Mongolian officials praised Al Gore.")]
        for day in ("Monday", "Tuesday", "Friday")
    ] + [[Article(text="Observers said Gore and the Mongolian parliament agreed on the budget.")]]
    terms = thread_title(stories).split(", ")
    assert set(terms[:2]) == {"Mongolia", "Al Gore"}
    assert "Mongolian" not in terms and "Gore" not in terms


def test_a_hyphen_written_with_spaces_keeps_one_name_whole() -> None:
    """Some archives tokenize "Strauss-Kahn" as "Strauss - Kahn"; the thread's title must not
    name "Kahn" and "Dominique Strauss" as two."""
    leads = [
        "The fund's chief, Dominique Strauss - Kahn, met Varnian ministers in Kessport on Monday.",
        "Strauss - Kahn told the Varnian parliament that the loan would be paid on time.",
        "Ministers thanked Dominique Strauss - Kahn for the loan to Varnia on Friday.",
    ]
    stories = [[Article(text=lead)] for lead in leads]
    terms = thread_title(stories).split(", ")
    assert "Dominique Strauss-Kahn" in terms
    assert not {"Kahn", "Dominique Strauss", "Strauss"} & set(terms)
    # a dash between two names, written once, joins nothing
    once = [
        *stories[:2],
        [Article(text="Crowds waited in Kessport - Marrow sent buses, Varnian police said.")],
    ]
    assert not any("Kessport-Marrow" in t for t in thread_title(once).split(", "))


def test_a_title_that_is_only_decoration_leaves_the_headline_line_to_the_text() -> None:
    text = "Big Storm Hits Coast\n\nA storm hit the coast on Monday, killing three people, officials said."
    for title in ("_", "(HLW)", "(2 of 3)"):
        assert story_title([Article(text=text, title=title)]) == "Big Storm Hits Coast"


def test_a_thread_title_has_no_reporting_words() -> None:
    # Wire leads all say "reported today" or "officials said": those words name no topic.
    stories = [
        [Article(text="The ministry reported today that the new pipeline to Selva carried gas on schedule.")],
        [
            Article(
                text="Officials said the pipeline to Selva would double its flow, the agency reported today."
            )
        ],
        [Article(text="A leak shut the pipeline to Selva for a day, the ministry reported today.")],
    ]
    title = thread_title(stories).lower()
    assert "today" not in title and "reported" not in title
    assert "pipeline" in title and "selva" in title


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "EDS-more details added Premier Li Peng Holds Talks with Mongolian PM (2)",
            "Premier Li Peng Holds Talks with Mongolian PM",
        ),
        (
            "URGENT Canada's Top Court Rules on Quebec Separation",
            "Canada's Top Court Rules on Quebec Separation",
        ),
        (
            "U.S. Federal Judge Orders Microsoft Split in Two EDS-Updates with more details",
            "U.S. Federal Judge Orders Microsoft Split in Two",
        ),
        (
            "hke- China Backs Cooperation in Fighting Firearms Crime",
            "China Backs Cooperation in Fighting Firearms Crime",
        ),
        (
            "Evidence Shows Explosive Detonated on TWA Flight: NY Times (Updated)",
            "Evidence Shows Explosive Detonated on TWA Flight: NY Times",
        ),
        ("NO SLACKING ABOUT SAVING (FOR RELEASE SUNDAY, AUG. 2)", "NO SLACKING ABOUT SAVING"),
        (
            "Police arrest three alleged gang members, HONGKONG STANDARD",
            "Police arrest three alleged gang members",
        ),
        ("EDS: ADDS background, details on bill, quotes throughout; ADDS", ""),
        ("AP Photo NY303-304", ""),
        ("BC-NJ--Evolution & Schools,730", ""),
        ("have moved separately.", ""),
        # headlines that only look decorated stay whole
        ("Malaria Kills 2 Million Africans Annually, WHO", "Malaria Kills 2 Million Africans Annually, WHO"),
        ("eBay buys a payments firm", "eBay buys a payments firm"),
        ("Apollo 13 crew honored (1970-2020)", "Apollo 13 crew honored (1970-2020)"),
        ("UPDATED GUIDANCE ON SCHOOLS", "UPDATED GUIDANCE ON SCHOOLS"),
        ("Win 98 delayed again", "Win 98 delayed again"),
        ("Turkey's Earthquake Death Toll Exceeds 7,000", "Turkey's Earthquake Death Toll Exceeds 7,000"),
        # a reviewer's headlines that an earlier version damaged
        ("de Klerk and Mandela share Nobel prize", "de Klerk and Mandela share Nobel prize"),
        ("bin Laden's son killed, US says", "bin Laden's son killed, US says"),
        ("bp profits soar", "bp profits soar"),
        ("FLASH FLOODS KILL 12 IN TEXAS", "FLASH FLOODS KILL 12 IN TEXAS"),
        ("URGENT care clinics struggle to find staff", "URGENT care clinics struggle to find staff"),
        ("New cases of Covid-19", "New cases of Covid-19"),
        ("China launches Shenzhou-5", "China launches Shenzhou-5"),
        ("Jazz festival returns, NEW ORLEANS", "Jazz festival returns, NEW ORLEANS"),
        ("Talks stall, UAW SAYS", "Talks stall, UAW SAYS"),
        ("EDS-GM deal closes", "EDS-GM deal closes"),
        ("Court unseals EDS-era files", "Court unseals EDS-era files"),
        ("Supreme Court upholds law (6-3)", "Supreme Court upholds law (6-3)"),
        ("Hostage crisis ends (release of all captives)", "Hostage crisis ends (release of all captives)"),
    ],
)
def test_a_given_title_loses_its_wire_decoration(given: str, expected: str) -> None:
    assert clean_headline(given) == expected


def test_a_story_whose_title_is_an_editors_note_takes_a_headline_from_its_text() -> None:
    text = (
        "CAPE TOWN, South Africa (AP) _ A tough anti-smoking bill cleared a parliamentary committee "
        "on Friday, opening the way to bans on tobacco advertising."
    )
    title = story_title(
        [Article(text=text, title="EDS: ADDS background, details on bill, quotes throughout; ADDS")]
    )
    assert "EDS" not in title and "ADDS" not in title
    assert "anti-smoking bill" in title


def test_a_thread_title_takes_no_contraction_for_a_name_and_no_closing_quote() -> None:
    # Wire copy quotes ``like this'': the capital after the opening marks is not read as a
    # sentence start, and the closing marks are not part of a word.
    text = "Fans of the Oprah Winfrey Show wrote in {}, and one said ``I'm grateful'' and ``I'm back.''"
    stories = [[Article(text=text.format(month))] for month in ("March", "April", "May")]
    terms = thread_title(stories).split(", ")
    assert "I'm" not in terms
    assert "Oprah Winfrey Show" in terms
    assert not any(term.endswith("'") for term in terms), terms


def test_a_thread_title_takes_the_specific_key_word_over_a_common_one() -> None:
    """Three stories: "city" is in all three, "salmon" in two; in news at large (the document
    frequencies the clusterer ships) "city" is in a twelfth of articles, "salmon" in one in
    a thousand, so the topic is the salmon. Two stories keep the plain count."""
    texts = [
        "The city council met on Monday and voted on the new salmon hatchery plan.",
        "The city said the salmon run on the river was the largest in a decade.",
        "Residents of the city gathered downtown for the annual parade on Saturday.",
    ]
    title = thread_title([[Article(text=t)] for t in texts]).lower()
    assert "salmon" in title and "city" not in title, title
    two = thread_title([[Article(text=t)] for t in (texts[0], texts[2])]).lower()
    assert "city" in two, two


def test_spaced_hyphens_join_where_two_writings_show_a_name() -> None:
    from storyline.cluster._titles import _hyphens_joined

    once = [["Crowds waited in Kessport - Marrow sent buses, police said."], ["The ferry sailed late."]]
    assert _hyphens_joined(once) == once
    twice = [["Dora Vance - Quist spoke on Monday."], ["Vance - Quist said the ferry would sail."]]
    assert _hyphens_joined(twice) == [
        ["Dora Vance-Quist spoke on Monday."],
        ["Vance-Quist said the ferry would sail."],
    ]
    copies = [
        ["Crowds waited in Kessport - Marrow sent buses."],
        ["Crowds waited in Kessport - Marrow sent buses."],
    ]
    assert _hyphens_joined(copies) == copies  # one wire report in two places is one writing


def test_a_lead_that_opens_with_a_spaced_hyphenated_name_keeps_it() -> None:
    leads = [
        "Strauss - Kahn told the Varnian parliament that the loan would be paid on time.",
        "The fund's chief, Dominique Strauss - Kahn, met Varnian ministers on Monday.",
    ]
    terms = thread_title([[Article(text=lead)] for lead in leads]).split(", ")
    assert "Dominique Strauss-Kahn" in terms
    assert not {"Kahn", "Dominique Strauss"} & set(terms)


def test_a_headline_line_in_one_report_of_many_competes_with_the_central_lead() -> None:
    # The one "headline line" is a caption over a market comment, not the story's headline.
    body = "Police in Kessport arrested the harbour chief on Saturday after a fire at the Norvane plant"
    reports = [
        Article(text=f"{body}, officials said on Sunday. The chief denies the charges.", id="r0"),
        Article(text=f"{body}; the chief denies the charges, his lawyer said on Monday.", id="r1"),
        Article(text=f"{body}. The harbour board met on Monday and named an acting chief.", id="r2"),
        Article(text=f"{body}, and shares in Norvane fell on Monday. The chief denies it.", id="r3"),
        Article(
            text="Dora Vance, senior currency strategist at Marrow Bank\n"
            "The arrest of the harbour chief has been taken by the market as one more element of doubt.",
            id="r4",
        ),
    ]
    title = story_title(reports)
    assert "Dora Vance" not in title and "Kessport" in title


def test_a_story_title_joins_a_name_its_reports_write_with_a_spaced_hyphen() -> None:
    reports = [
        Article(text="Dora Vance - Quist was named harbour chief of Kessport on Monday, officials said."),
        Article(text="The new harbour chief, Dora Vance - Quist, said the ferry would run all winter."),
    ]
    assert "Vance-Quist" in story_title(reports)
    # written once, a spaced hyphen stays as the text has it
    assert "Kessport - Marrow" in story_title(
        [Article(text="Buses ran between Kessport - Marrow and the port.")]
    )


def test_a_title_reads_an_archives_split_mojibake_repaired() -> None:
    text = "The mayorâ€ ™ s office said the bridge will stay shut until â€œat least Mayâ€ �.\nMore text."
    assert (
        story_title([Article(text=text, id="a")])
        == "The mayor’s office said the bridge will stay shut until “at least May”"
    )


def test_an_aside_that_runs_on_past_a_name_is_not_cut_out_of_a_title() -> None:
    # Cutting ", the sculptor who restored the mural, " would leave "Lena Varo Tom Ashby, by ...".
    text = (
        "Lena Varo, the sculptor who restored the mural, Tom Ashby, by her side, will open the "
        "gallery on Friday after a decade of work.\nMore text."
    )
    title = story_title([Article(text=text, id="a")])
    assert "Varo Tom" not in title and title.startswith("Lena Varo, the sculptor")
    # An aside before the verb still goes.
    text = "Lena Varo, the sculptor who restored the mural, will open the gallery on Friday after a decade.\nMore."
    assert story_title([Article(text=text, id="b")]).startswith("Lena Varo will open the gallery")
