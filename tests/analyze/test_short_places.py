"""A place named after a town, a studio after its company, a park after a person: the short
name is not the long one (issue 10, names). A rule that joined a name written alone to the
one longer name of the cluster ending in "Island", "National Park", "Studios" and the like
(a6d6b9b) was taken out after a review found these wrong merges; the tests keep them out.
Every text is invented."""

from __future__ import annotations

import pytest

from storyline.analyze import extract_entities, load_nlp, parse_corpus
from storyline.model import Article, Corpus


def _groups(*texts: str) -> list[set[str]]:
    corpus = Corpus(articles=tuple(Article(id=f"r{i}", text=t) for i, t in enumerate(texts)))
    paragraphs = parse_corpus(corpus, load_nlp())
    return [{e.name, *e.aliases} for e in extract_entities(corpus, paragraphs).entities]


@pytest.mark.parametrize(
    ("texts", "long", "short"),
    [
        (
            (
                "The ferry sank off Vancouver Island on Monday, the coast guard said.",
                "Crews from Vancouver were sent to help. The mayor of Vancouver said the city would help.",
            ),
            "Vancouver Island",
            "Vancouver",
        ),
        (
            (
                "Wildfire tore through Jasper National Park on Tuesday.",
                "Dozens of buildings in Jasper were destroyed, officials in Jasper said.",
            ),
            "Jasper National Park",
            "Jasper",
        ),
        (
            (
                "Amazon Studios bought the film at the festival.",
                "Amazon shares rose on Friday. Amazon said sales grew.",
            ),
            "Amazon Studios",
            "Amazon",
        ),
    ],
)
def test_a_place_or_studio_named_after_a_town_or_company_is_not_it(
    texts: tuple[str, ...], long: str, short: str
) -> None:
    groups = _groups(*texts)
    assert any(long in g for g in groups), groups
    assert not any(long in g and short in g for g in groups), groups
