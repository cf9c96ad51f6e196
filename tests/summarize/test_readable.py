import numpy as np
import pytest

from storyline import Article, SummaryOptions
from storyline.embed import HashEmbedder
from storyline.pipeline import embed_corpora, prepare
from storyline.summarize import MMRSelector, summarize_corpus
from storyline.summarize._readable import (
    ends_quote_from_before,
    is_fragment,
    quote_run_positions,
    quote_runs,
    readable_candidates,
    report_quote_runs,
    starts_with_pronoun,
    unfinished_quotes,
)
from storyline.text import make_splitter


@pytest.mark.parametrize(
    "sentence",
    ["He said.", "'' he said .", "Smith added.", "Officials told reporters.", "” and then it ended."],
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
        "Mayor Dunn said the council is asking builders to:",  # a list's lead-in
        "The new harbour rules require:",
        "Readings from the Valdmark Institute of Coastal",  # a line broken mid-sentence
        "Ferry strike ends after two weeks",  # a headline left in the text
        "Crews worked through the night,",
        "WHAT THE NEW HARBOUR LAW WOULD CHANGE?",  # a heading in capitals
    ],
)
def test_unfinished_sentences_and_headings_are_fragments(sentence: str) -> None:
    assert is_fragment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry will run every hour from May.",
        "“We will be back,” the captain said.",
        "The crew rested (for the first time in days)",  # a closing bracket ends it
        "NATO and the EU met in Oslo on Monday to talk about the ferry.",
        "渡轮每小时一班",  # a script that ends sentences with its own mark, or none
        "เรือข้ามฟากออกทุกชั่วโมง",
    ],
)
def test_finished_sentences_are_not_fragments(sentence: str) -> None:
    assert not is_fragment(sentence)


def test_a_cut_line_goes_but_text_written_without_stops_keeps_its_candidates() -> None:
    punctuated = _corpus(
        [
            Article(
                id="a",
                title="Strike",
                text="Dock workers voted to return on Monday. The port reopened at noon. Crews worked through the night to",
            ),
        ]
    )
    kept, _needs = readable_candidates(punctuated, np.arange(3, dtype=np.intp))
    assert kept.tolist() == [0, 1]  # the line cut mid-sentence is no candidate
    unpunctuated = _corpus(
        [
            Article(
                id="a",
                title="Ferries",
                text="the ferry strike ended on monday after two weeks\nboats ran again from the north pier",
            ),
        ]
    )
    kept, _needs = readable_candidates(unpunctuated, np.arange(2, dtype=np.intp))
    assert kept.tolist() == [0, 1]  # no sentence ends with a mark: the test says nothing here


def test_a_list_lead_in_is_never_summarized() -> None:
    docs = [
        Article(
            id="a",
            text=(
                "The port authority closed the north harbour on Monday after the storm.\n"
                "Harbour master Ines Vale said the authority is asking ship owners to:\n"
                "--Keep their vessels at anchor outside the north harbour until Friday.\n"
                "--Report any damage to their hulls to the port authority at once."
            ),
        ),
    ]
    summary = summarize_corpus(_corpus(docs), options=SummaryOptions(words=500), embedder=HashEmbedder())
    texts = [s.text for s in summary.sentences]
    assert texts and not any(t.rstrip().endswith(":") for t in texts)
    assert "Keep their vessels at anchor outside the north harbour until Friday." in texts  # no marker


def test_pronoun_start() -> None:
    assert starts_with_pronoun("“They left at dawn,” a neighbour said.")
    assert starts_with_pronoun("His boat sank.")
    assert not starts_with_pronoun("Then they left.") and not starts_with_pronoun("Theirry Henry scored.")


def _corpus(articles: list[Article]):  # type: ignore[no-untyped-def]
    return embed_corpora([prepare(articles, splitter=make_splitter("blingfire"))], HashEmbedder())[0]


def _report(text: str):  # type: ignore[no-untyped-def]
    """The corpus of one report."""
    return _corpus([Article(id="a", text=text)])


def test_readable_candidates_drop_fragments_and_orphan_pronouns() -> None:
    corpus = _corpus(
        [
            Article(
                id="a",
                text=(
                    "Ana Ruiz won the mountain stage on Sunday afternoon. "
                    "She had trained in the Pyrenees for two years. "
                    "They cheered her all the way up the final climb. "
                    "Smith added."
                ),
            )
        ]
    )
    texts = [s.text for s in corpus.sentences]
    assert len(texts) == 4
    everything = np.arange(4, dtype=np.intp)
    kept, needs = readable_candidates(corpus, everything)
    assert kept.tolist() == [0, 1, 2]  # the attribution alone is gone
    assert needs.tolist() == [-1, 0, 1]  # each pronoun start waits for the sentence before it
    # Without its first sentence, the chain of pronoun starts has no antecedent left.
    kept, needs = readable_candidates(corpus, np.array([1, 2, 3], dtype=np.intp))
    assert kept.tolist() == [] and needs.tolist() == []


def test_a_connective_start_waits_for_the_sentence_before_it() -> None:
    corpus = _corpus(
        [
            Article(
                id="a",
                text=(
                    "The council approved the harbour budget on Monday evening. "
                    "But the mayor vetoed the budget a day later. "
                    "In addition, two harbour roads were closed for repairs."
                ),
            )
        ]
    )
    kept, needs = readable_candidates(corpus, np.arange(3, dtype=np.intp))
    assert kept.tolist() == [0, 1, 2] and needs.tolist() == [-1, 0, 1]
    kept, needs = readable_candidates(corpus, np.array([1, 2], dtype=np.intp))
    assert kept.tolist() == []  # "But ..." without what it answers, and what follows it


def test_selector_waits_for_what_a_sentence_needs() -> None:
    scores = np.array([0.2, 0.9, 0.5], dtype=np.float32)
    emb = np.eye(3, dtype=np.float32)
    words = np.array([10, 10, 10], dtype=np.int32)
    needs = np.array([-1, 0, -1], dtype=np.intp)
    # Without `needs` the best two are taken; with it, 1 waits for 0, which is never reached in 20 words.
    assert MMRSelector().select(scores, emb, words, budget=20, redundancy=0.9) == [1, 2]
    assert MMRSelector().select(scores, emb, words, budget=20, redundancy=0.9, needs=needs) != [1, 2]
    # Greedy takes [2, 0]; the small-budget search (`best_fill`) then prefers 1 with the
    # sentence it needs, and never 1 alone.
    assert MMRSelector().select(scores, emb, words, budget=20, redundancy=0.9, needs=needs) == [1, 0]
    assert MMRSelector().select(scores, emb, words, budget=30, redundancy=0.9, needs=needs) == [2, 0, 1]


def test_summary_never_opens_on_an_orphan_pronoun() -> None:
    docs = [
        Article(
            id="a",
            text=(
                "Flood water reached the old town square on Monday night. "
                "He said the flood water in the town square was the worst he had seen in the old town."
            ),
        ),
        Article(id="b", text="Rescue crews moved families from the flooded town square by boat."),
    ]
    summary = summarize_corpus(_corpus(docs), options=SummaryOptions(words=40), embedder=HashEmbedder())
    texts = [s.text for s in summary.sentences]
    for k, text in enumerate(texts):
        if starts_with_pronoun(text):
            assert k > 0 and texts[k - 1].startswith("Flood water")


def test_a_pronoun_start_reads_right_after_the_sentence_it_needs() -> None:
    docs = [
        Article(
            id="a",
            text="Ana Ruiz won the mountain stage on Sunday afternoon. She had trained in the Pyrenees for two years.",
        ),
        Article(id="b", text="Thousands of fans lined the final climb of the race to the summit."),
    ]
    summary = summarize_corpus(_corpus(docs), options=SummaryOptions(words=500), embedder=HashEmbedder())
    assert [s.text[:8] for s in summary.sentences] == ["Ana Ruiz", "She had ", "Thousand"]


@pytest.mark.parametrize(
    ("sentence", "tail"),
    [
        ('The leak is now sealed," he said.', True),
        ("The leak is now sealed,” he said.", True),
        ("Sealed now,'' he said.", True),
        ('"The leak is sealed," he said.', False),
        ("“It is over,” he said.", False),
        ("``It is over,'' he said.", False),
        ("''It is over,'' he said.", False),  # wire text opens with '' too
        ('He said: "The leak is bad.', False),  # opens a quote: its head, not its tail
        ('A 5" pipe burst.', False),  # inches
        ("No quotes here.", False),
    ],
)
def test_quote_tails(sentence: str, tail: bool) -> None:
    assert ends_quote_from_before(sentence) is tail


def test_a_quote_tail_waits_for_its_opening() -> None:
    corpus = _report(
        "Crews stopped the ammonia leak at the port on Monday morning. "
        '"We worked through the night. '
        'The leak is now sealed," the fire chief said.'
    )
    assert len(corpus.sentences) == 3
    kept, _ = readable_candidates(corpus, np.array([0, 2], dtype=np.intp))
    assert kept.tolist() == [0]  # the tail's opening is not a candidate: the tail cannot be read
    kept, needs = readable_candidates(corpus, np.arange(3, dtype=np.intp))
    assert needs.tolist() == [-1, -1, 1]


@pytest.mark.parametrize(
    ("texts", "inside"),
    [
        # opened, carried on, closed: all three
        (
            ['He said: "We worked all night.', "Nobody slept.", 'It is sealed," he said.', "Crews left."],
            {0, 1, 2},
        ),
        (["“We worked all night.", "Nobody slept.", "It is sealed,” he said.", "Crews left."], {0, 1, 2}),
        # a quotation inside one sentence is no run
        (['"It is sealed," he said.', "Crews left."], set()),
        (["“It is sealed,” he said. “We are done.”", "Crews left."], set()),
        # a stray opening mark that nothing closes within six sentences: no quotation
        (['The 5-inch "pipe burst.', *["Crews came."] * 8], set()),
        # two runs in one report
        (['"One.', 'Two," he said.', "Then.", '"Three.', 'Four," she said.'], {0, 1, 3, 4}),
    ],
)
def test_quote_runs(texts: list[str], inside: set[int]) -> None:
    assert quote_run_positions(texts) == inside


def test_a_line_broken_at_a_comma_is_a_fragment() -> None:
    assert is_fragment(", and it stayed open through the week.")
    assert is_fragment("; the rest stayed shut.")
    assert not is_fragment("And it stayed open through the week.")


def test_a_quotation_over_sentences_is_chained_and_never_left_unfinished() -> None:
    corpus = _report(
        "Crews stopped the ammonia leak at the port on Monday morning.\n"
        'The chief said: "We worked through the night at the port.\n'
        "Nobody on the crew slept at all that night.\n"
        'The leak is now sealed for good," the chief said on Monday.\n'
        "The port reopened to ships on Tuesday afternoon."
    )
    texts = [s.text for s in corpus.sentences]
    assert len(texts) == 5
    kept, needs = readable_candidates(corpus, np.arange(5, dtype=np.intp))
    assert kept.tolist() == [0, 1, 2, 3, 4]
    assert needs.tolist() == [-1, -1, 1, 2, -1]  # each sentence of the quotation needs the one before
    assert unfinished_quotes(corpus, [0, 1, 4]) == {1}
    assert unfinished_quotes(corpus, [0, 1, 2, 4]) == {1, 2}
    assert unfinished_quotes(corpus, [0, 1, 2, 3]) == set()
    # At a budget that holds the opening but not the whole quotation, the summary leaves it out.
    for words in (10, 20, 30, 40, 60):
        summary = summarize_corpus(
            embed_corpora([corpus], HashEmbedder())[0],
            options=SummaryOptions(words=words),
            embedder=HashEmbedder(),
            selector=MMRSelector(),
        )
        chosen = [s.text for s in summary.sentences]
        run = [t for t in texts[1:4] if t in chosen]
        assert run in ([], texts[1:4]), (words, chosen)


def test_a_surname_alone_waits_for_the_sentence_that_gives_the_full_name() -> None:
    corpus = _report(
        "Health minister Jonathan Sikosana launched the malaria campaign in Harare on Monday. "
        "The campaign will spray houses in five provinces before the rains. "
        "Sikosana made the statements at a meeting of provincial medical officers. "
        "Malaria kills thousands of people in the country every year."
    )
    assert len(corpus.sentences) == 4
    kept, needs = readable_candidates(corpus, np.arange(4, dtype=np.intp))
    assert kept.tolist() == [0, 1, 2, 3]
    assert needs.tolist() == [-1, -1, 0, -1]  # the surname waits for its full name, not for sentence 1
    kept, needs = readable_candidates(corpus, np.array([1, 2, 3], dtype=np.intp))
    assert kept.tolist() == [1, 3]  # without the full name, the surname alone is no candidate
    # A surname with its full name in the sentence, or a capital that no earlier name ends
    # with, needs nothing.
    corpus = _corpus(
        [
            Article(
                id="b",
                text=(
                    "Health minister Jonathan Sikosana launched the campaign on Monday. "
                    "Sikosana's deputy Ruth Moyo and Jonathan Sikosana toured two clinics. "
                    "Provincial officers said the money was not enough."
                ),
            )
        ]
    )
    kept, needs = readable_candidates(corpus, np.arange(3, dtype=np.intp))
    assert needs.tolist() == [-1, -1, -1]


def test_archive_quotations_over_lines_are_kept_whole() -> None:
    # Marks set apart from the words, one sentence a line, as an archive that tokenized its
    # text writes them: the quotation is read over lines, from the line that opens it.
    corpus = _report(
        "The harbour master spoke to reporters at the port on Monday morning.\n"
        'The harbour master said: " We worked through the whole night here .\n'
        "Nobody on the crew slept at all that night .\n"
        'The leak is sealed for good now , " the harbour master said .\n'
        "The port reopened to ships on Tuesday afternoon , officials said .\n"
        "One official said the cargo would be moved to the larger terminal –\n"
        "the one on the north side of the bay .\n"
    )
    texts = [s.text for s in corpus.sentences]
    assert len(texts) == 7
    assert report_quote_runs(list(corpus.sentences)) == [(1, 3)]
    kept, needs = readable_candidates(corpus, np.arange(7, dtype=np.intp))
    assert 6 not in kept.tolist()  # a line broken inside a sentence: its lower-case rest
    position = {int(i): k for k, i in enumerate(kept)}
    assert needs[position[2]] == position[1] and needs[position[3]] == position[2]
    assert unfinished_quotes(corpus, [0, 1, 2]) == {1, 2}
    assert unfinished_quotes(corpus, [0, 1, 2, 3]) == set()


def test_speech_opened_after_a_verb_of_saying_runs_to_the_next_mark_in_a_summary() -> None:
    # The closing line has no credit, so the quote finder names no speaker for it; a summary
    # still keeps the quotation whole.
    corpus = _report(
        'Her lawyer said: " She denies every one of the charges against her .\n'
        "And that is all I can say about it today .\n"
        '" The lawyer has defended many public figures over the years .\n'
        'Reporters asked " about the next hearing " but got no answer .\n'
    )
    assert report_quote_runs(list(corpus.sentences)) == [(0, 2)]


def test_a_quotation_with_a_sentence_that_is_no_candidate_is_left_out_whole() -> None:
    corpus = _report(
        "Crews stopped the ammonia leak at the port on Monday morning.\n"
        'The chief said: "We worked through the night at the port.\n'
        "Nobody slept.\n"
        'The leak is now sealed for good," the chief said on Monday.\n'
        "The port reopened to ships on Tuesday afternoon."
    )
    assert len(corpus.sentences) == 5
    # "Nobody slept." is too short to be a candidate: the quotation cannot be chosen whole.
    kept, _ = readable_candidates(corpus, np.array([0, 1, 3, 4], dtype=np.intp))
    assert kept.tolist() == [0, 4]


def test_an_opening_nothing_closes_is_no_candidate() -> None:
    corpus = _report(
        'The harbour chief said: "Crews sealed the leak overnight at the port.\n'
        + "".join(f"The port reopened to ships on day {k} of the week.\n" for k in range(7))
    )
    kept, _ = readable_candidates(corpus, np.arange(8, dtype=np.intp))
    assert kept.tolist() == list(range(1, 8))
    # Near its report's end the quote may close past where the text was cut: left as it is.
    cut = _corpus(
        [Article(id="b", text=corpus.articles[0].text.split("\n")[0] + "\nShips came back on Friday.")]
    )
    kept, _ = readable_candidates(cut, np.arange(2, dtype=np.intp))
    assert kept.tolist() == [0, 1]


def test_a_closing_sentence_that_opens_again_carries_the_quotation_on() -> None:
    texts = [
        "“We worked all night.",
        "The leak is sealed for good,” the chief said, “and we will stay here all week.",
        "Nobody goes home until Friday.”",
        "Ships came back.",
    ]
    assert quote_runs(texts) == [(0, 2)]


def test_quote_runs_are_sentence_positions() -> None:
    corpus = _report(
        "Crews stopped the ammonia leak at the port on Monday morning.\n"
        "“We worked through the whole night at the port.\n"
        "Nobody on the crew slept at all that night,” the chief said."
    )
    sentences = list(corpus.sentences)
    assert report_quote_runs(sentences) == [(1, 2)]
    assert report_quote_runs([sentences[0], sentences[2]]) == []  # no opening among these
    assert report_quote_runs(sentences[1:]) == [(1, 2)]  # positions, not list indices
