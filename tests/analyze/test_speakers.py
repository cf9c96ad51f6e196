"""Issue 10: a quote goes to the speaker of its own sentence; pronouns find their person."""

from __future__ import annotations

import pytest

from storyline.analyze import extract_entities, extract_quotes, load_nlp, parse_corpus
from storyline.model import Article, Corpus

# Each case is one invented report, a quote's first words and the speaker's last word.
CASES = [
    pytest.param(
        "Qatar's prime minister, Sheikh Hamad bin Jassem Al Thani, said the Arab plan was the last "
        'chance for peace. "Russia is not protecting any regime," Lavrov said.',
        "Russia is not protecting",
        "Lavrov",
        id="own-sentence-after-another-speaker",
    ),
    pytest.param(
        'Hamad bin Jassem Al Thani spoke to reporters first in Cairo. "Russia is not protecting any '
        'regime, and never has," Sergei Lavrov stressed to the gathered ministers.',
        "Russia is not protecting",
        "Lavrov",
        id="own-sentence-verb-outside-the-lexicon",
    ),
    pytest.param(
        '"We will not accept any plan imposed from outside," said Nabil Elaraby, the secretary general '
        "of the Arab League.",
        "We will not accept",
        "Elaraby",
        id="said-x-the-title-of-y",
    ),
    pytest.param(
        '"The ports will stay open through the winter," said Marta Lind, the minister of transport '
        "of Norland.",
        "The ports will stay open",
        "Lind",
        id="said-x-the-minister-of-a-place",
    ),
    pytest.param(
        "Marta Lind met Olaf Brenner at the harbour on Monday. She told reporters afterwards: "
        '"We have agreed on nothing yet."',
        "We have agreed on nothing",
        "Lind",
        id="pronoun-is-the-subject-of-the-sentence-before",
    ),
    pytest.param(
        'Olaf Brenner left early. Marta Lind stayed for the vote. "It was a long night for all of us," '
        "she said.",
        "It was a long night",
        "Lind",
        id="pronoun-is-the-last-person-named",
    ),
    pytest.param(
        "The harbour master, Lt. Pavel Horak, said the ships were safe. "
        '"Nobody was hurt in the storm last night," said Coast Guard Lt. Ines Falk.',
        "Nobody was hurt",
        "Falk",
        id="place-and-title-before-the-speaker",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), CASES)
def test_issue10_quote_speaker(text: str, quote: str, speaker: str) -> None:
    corpus = Corpus(articles=(Article(id="r", text=text),))
    paragraphs = parse_corpus(corpus, load_nlp())
    quotes = extract_quotes(corpus, paragraphs, extract_entities(corpus, paragraphs))
    found = [q for q in quotes if q.text.startswith(quote)]
    assert len(found) == 1
    assert (found[0].speaker or "").split()[-1:] == [speaker]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        pytest.param(
            "Senator Dana Pellworth spoke after the briefing on Tuesday.\n"
            '"We will let General Osk finish his inquiry first," he said.',
            "We will let General Osk",
            "Pellworth",
            id="a-name-inside-the-quote-is-not-the-pronoun",
        ),
        pytest.param(
            '"The whole roof came down around us," marveled resident Ilse Varga.',
            "The whole roof came down",
            "Varga",
            id="a-rarer-speech-verb",
        ),
    ],
)
def test_issue10_quote_speaker_more(text: str, quote: str, speaker: str) -> None:
    test_issue10_quote_speaker(text, quote, speaker)
