import pytest

from storyline.evaluate import Readability, has_wire_credit, is_fragment, starts_with_pronoun


@pytest.mark.parametrize(
    "sentence",
    [
        "He said.",
        "'' he said .",
        "Smith added.",
        "Officials told reporters.",
        "said John Smith.",
        "Not at all.",
        "'' and then it ended .",
    ],
)
def test_fragments(sentence: str) -> None:
    assert is_fragment(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["He said the river would crest on Thursday.", "The minister added that schools would reopen."],
)
def test_full_sentences_are_not_fragments(sentence: str) -> None:
    assert not is_fragment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council asked ship owners to:",  # a list's lead-in
        "Readings from the Valdmark Institute of Coastal",  # a line broken mid-sentence
        "Ferry strike ends after two weeks",  # a headline
        "WHAT THE NEW HARBOUR LAW WOULD CHANGE",  # a heading in capitals
        "--Keep vessels at anchor until Friday.",  # a list item with its wire marker
        "-- $4 million for new harbour cranes.",
        "_ Ferries will run every hour from May.",
        "* Ferries will run every hour from May.",
        "• Ferries will run every hour from May.",
    ],
)
def test_unfinished_sentences_headings_and_list_items_are_fragments(sentence: str) -> None:
    assert is_fragment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ferries will run every hour from May.",
        "The crew rested (for the first time in days)",
        "NATO and the EU met in Oslo on Monday about the ferry.",
        "-5 degrees was the lowest reading of the week.",
    ],
)
def test_finished_sentences_are_no_fragments(sentence: str) -> None:
    assert not is_fragment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "BERLIN (AP) _ Two experts testified on Wednesday.",
        "BRUSSELS, January 22 (Xinhua) -- Two polls showed support.",
        "CROW AGENCY, Mont. _ First the Crow were bullied.",
        "washington ( ap ) -- the senate voted on tuesday .",
        "The vote was close, an Associated Press writer reported.",
    ],
)
def test_wire_credits(sentence: str) -> None:
    assert has_wire_credit(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The river rose - and kept rising.",
        "NATO said on Monday that talks would resume.",
        "In 1998 the euro was set.",
    ],
)
def test_plain_sentences_carry_no_credit(sentence: str) -> None:
    assert not has_wire_credit(sentence)


def test_pronoun_start_resolved_only_by_an_earlier_sentence_of_its_document() -> None:
    assert starts_with_pronoun("They left at dawn.") and not starts_with_pronoun("The river rose.")
    positions = {
        "Ana Ruiz won the race.": (0, 0),
        "She trained for years.": (0, 1),
        "The crowd cheered loudly.": (1, 0),
        "He called it a record.": (1, 3),
    }
    counts = Readability()
    counts.add(
        ["Ana Ruiz won the race.", "She trained for years.", "He called it a record."], positions=positions
    )
    assert counts.unresolved_pronouns == 1  # "He": nothing from document 1 comes before it
    assert counts.examples["unresolved_pronouns"] == ["He called it a record."]
    assert counts.as_dict()["sentences"] == 3


def test_the_cut_last_sentence_is_not_a_fragment() -> None:
    counts = Readability()
    counts.add(["The river rose after three days of storms.", "Shelters opened"], cut=True)
    assert counts.fragments == 0
    counts.add(["The river rose after three days of storms.", "He said."])
    assert counts.fragments == 1


def test_a_connective_start_is_unresolved_without_the_sentence_it_follows() -> None:
    positions = {
        "The council approved the budget.": (0, 0),
        "But the mayor vetoed it.": (0, 1),
        "The river rose overnight.": (1, 0),
        "In addition, two roads closed.": (1, 4),
    }
    counts = Readability()
    counts.add(
        ["The council approved the budget.", "But the mayor vetoed it.", "In addition, two roads closed."],
        positions=positions,
    )
    assert counts.unresolved_connectives == 1  # the sentence before "In addition" is not in it
    assert counts.examples["unresolved_connectives"] == ["In addition, two roads closed."]
    counts = Readability()
    counts.add(["But the mayor vetoed it.", "The council approved the budget."])
    assert counts.as_dict()["unresolved_connectives"] == 1  # no documents: the first sentence


def test_a_quote_left_open_is_counted_unless_the_next_sentence_closes_it() -> None:
    counts = Readability()
    counts.add(['The chief said: "We worked through the night.', "The port reopened on Tuesday."])
    counts.add(["“Nobody slept at all that week.", "Ships came back on Friday."])
    assert counts.open_quotes == 2
    counts = Readability()
    counts.add(['The chief said: "We worked through the night.', 'It is sealed now," he said.'])
    counts.add(['"It is sealed," he said.', "“It is over,” she said."])
    counts.add(['The chief said, " we will stay. " the crowd cheered.'])  # marks set apart: not counted
    assert counts.as_dict()["open_quotes"] == 0


def test_a_line_broken_at_a_comma_is_a_fragment() -> None:
    assert is_fragment(", it's something the town has always believed.")
    assert is_fragment("; the rest of the port stayed shut until Friday.")


def test_a_quotation_kept_whole_over_three_sentences_is_not_left_open() -> None:
    counts = Readability()
    counts.add(
        [
            'The chief said: "We worked through the night.',
            "Nobody on the crew slept at all that week.",
            'It is sealed now," he said.',
        ]
    )
    assert counts.open_quotes == 0
