"""Quotations run over lines in archive text: which marks open and close a run."""

from __future__ import annotations

from storyline.text import run_on_quotes


def test_a_credit_verb_that_is_a_noun_too_opens_no_run() -> None:
    # "claims", "notes": nouns as often as verbs; before an opening mark they say no one spoke.
    lines = [
        'Farmers filed thousands of insurance claims after the flood . "',
        "The river rose two metres in one night .",
        'Aid did not arrive for three days . "',
    ]
    assert run_on_quotes(lines) == []
    # after a closing mark, with a name, they credit speech
    assert run_on_quotes(
        ['Ana Roux was asked about the flood . "', 'It was the worst in years , " she notes .']
    ) == [(0, 1)]


def test_a_run_closes_at_a_credit_verb_of_feeling() -> None:
    # '..., " enthuses Sam Pye': the verb after the mark credits the run
    lines = [
        "The crowd was loud all afternoon .",
        '" It is brilliant .',
        "They are so good and they train every day .",
        'It is amazing , " enthuses Sam Pye , 13 , after the match .',
    ]
    assert run_on_quotes(lines) == [(1, 3)]


def test_a_quote_opening_with_we_and_a_verb_closes_no_run() -> None:
    # '" We agreed ...' opens a new quote: "We" is no one credited
    lines = [
        "Marla Quist , the mayor , spoke to reporters on Monday .",
        '" We will rebuild the bridge this year , whatever it costs .',
        "The council met on Tuesday and voted to pay for the work .",
        'Members debated the cost for three hours . " We said we would meet again , " said Ole Brun .',
    ]
    assert run_on_quotes(lines) == []


def test_a_closing_mark_moved_to_the_start_of_the_next_sentence_closes_the_run() -> None:
    # the archive put each sentence on a line and the closing mark on the next one: the
    # line's three marks pair up only without its first
    lines = [
        "Piet Maree said he had known the runner since 2009 .",
        '" It was not something I would like to see again .',
        "And he was crying .",
        '" Maree became emotional as he described the runner\'s " committed " attempt .',
        'The athlete " was asking God to help him , " he recalled .',
    ]
    assert run_on_quotes(lines) == [(1, 3)]


def test_a_line_that_opens_speech_again_closes_no_run() -> None:
    for later in (
        '" There is a reason for that .',  # one mark: a paragraph of a long quote opened again
        '" It was bad , " she said , " and it got worse .',  # it leaves its last quote open
    ):
        lines = [
            "Piet Maree spoke to reporters on Monday .",
            '" It was not something I would like to see again .',
            "And he was crying .",
            later,
        ]
        assert run_on_quotes(lines) == [], later


def test_a_line_whose_first_quote_is_credited_opens_it() -> None:
    # a review of 6fa14e8: the credit after the second mark, or a quote opened after a
    # full stop and left open, says the first mark opened speech
    for later in (
        '" Nobody wanted this , " said Ole Brun , the council leader . " But we had no money .',
        '" We lost the vote , " Roux said . " But the fight is not over .',
    ):
        lines = [
            "The council voted on Monday to close the old bridge .",
            '" This is a sad day for the village .',
            "The bridge was built in 1887 .",
            later,
        ]
        assert run_on_quotes(lines) == [], later
