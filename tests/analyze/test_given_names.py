"""A given name of one sex tells whom "she" or "he" stands for where nothing else does (issue 10, speakers).

Every report here is invented.
"""

from __future__ import annotations

from test_speakers_general import _quotes, _speaker


def test_she_is_not_a_man_named_just_before() -> None:
    quotes = _quotes(
        "After Tom Hale had been chosen as Paul Varga's running mate, Marsha Collins decided to knit him "
        "a scarf.\n\n"
        "The scarf was blue, with red letters that read Varga-Hale.\n\n"
        '"I knew he would wear it if I could get it to him," she said. "It is the campaign scarf."'
    )
    assert _speaker(quotes, "I knew he would wear it") == "Marsha Collins"


def test_he_is_not_a_woman_named_just_before() -> None:
    quotes = _quotes(
        "The hearing was adjourned after Judge Ana Brenner read the charge to Peter Lund.\n\n"
        "Lund's lawyer asked for more time.\n\n"
        '"My client has done nothing wrong," he said.'
    )
    assert _speaker(quotes, "My client has done nothing wrong") != "Ana Brenner"


def test_a_given_name_marks_a_sex_only_when_it_leads_a_full_name() -> None:
    from storyline.analyze._quotes import _given_sex

    assert _given_sex(("Marsha", "Collins")) == "f"
    assert _given_sex(("Paul", "Varga")) == "m"
    assert _given_sex(("Paul",)) == ""  # a lone word may be a surname ("Ron Paul")
    assert _given_sex(("Jean", "Morel")) == ""  # a name given to both


def test_a_given_name_never_outweighs_what_the_report_says() -> None:
    # "Karen" is a man's name in Armenia (left off the list): the report's "he" stands; and
    # "Mr." before a listed woman's name decides alone
    quotes = _quotes(
        "Jane Smith, the trade minister, held talks with Karen Demirchyan in London on Tuesday. "
        "Demirchyan said he was pleased.\n\n"
        '"We agreed on a broad package of trade measures," she said.'
    )
    assert _speaker(quotes, "We agreed on a broad package") != "Karen Demirchyan"
    quotes = _quotes(
        "The trade minister held talks with Mr. Mary Okafor in London on Tuesday.\n\n"
        '"We agreed on a broad package of trade measures," she said.'
    )
    assert _speaker(quotes, "We agreed on a broad package") != "Mary Okafor"
    # a name of one sex in one language and the other in another is not on the list
    quotes = _quotes(
        "Barcelona president Joan Laporta met Ada Colau, the mayor of Barcelona, on Monday.\n\n"
        '"The new stadium will open in 2026," he said.'
    )
    assert _speaker(quotes, "The new stadium will open") != "Ada Colau"


def test_a_given_name_is_read_as_the_report_writes_the_name() -> None:
    # the report writes only "President Kennedy": no given name of its own to read, whatever
    # name another report gives the person
    from storyline.analyze._quotes import _given_sex

    assert _given_sex(("Kennedy",)) == ""
    assert _given_sex(("Jacqueline", "Kennedy")) == "f"
