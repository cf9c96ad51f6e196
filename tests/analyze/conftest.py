"""A parsed invented cluster, shared by the entity, quote and claim tests."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.analyze import EntityIndex, Paragraph, extract_entities, load_nlp, parse_corpus
from storyline.model import Article, Corpus

# Three invented reports of one story: spelling variants, quotes with and without
# names, and a death toll that rises over time and differs between sources.
REPORTS = [
    Article(
        id="wire",
        date=dt.date(2012, 2, 7),
        text=(
            "Foreign Minister Sergei Lavrov met Arab League chief Nabil Elaraby in Cairo on Saturday.\n"
            '"We want the violence to stop at once," Lavrov told his Arab counterparts.\n'
            '"There is no other way," he said.\n'
            "At least 5,400 people have been killed since March, the United Nations said."
        ),
    ),
    Article(
        id="daily",
        date=dt.date(2012, 2, 8),
        text=(
            "Russian foreign minister Sergey Lavrov held talks with Nabil al-Arabi of the Arab League.\n"
            "The death toll has risen to 6,000, according to the United Nations.\n"
            '"The league will not accept a foreign intervention," the foreign ministry said.'
        ),
    ),
    Article(
        id="post",
        date=dt.date(2012, 2, 8),
        text=(
            "Activists said more than 8,000 people had died in the uprising.\n"
            "UN officials put the toll at 7,500 by their own estimates.\n"
            "Sheikh Hamad bin Jassim said the Arab League would meet again on Sunday.\n"
            '"We want the violence to stop at once," Lavrov said, repeating his call from Cairo.'
        ),
    ),
]


@pytest.fixture(scope="session")
def parsed() -> tuple[Corpus, list[Paragraph], EntityIndex]:
    corpus = Corpus(articles=tuple(REPORTS))
    paragraphs = parse_corpus(corpus, load_nlp())
    return corpus, paragraphs, extract_entities(corpus, paragraphs)
