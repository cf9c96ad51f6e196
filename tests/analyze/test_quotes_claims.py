"""Quotes with their speakers, and figures grouped into claims that agree or disagree."""

from __future__ import annotations

import pytest

from storyline.analyze import EntityIndex, Paragraph, extract_claims, extract_quotes, parse_number
from storyline.model import Corpus


def test_quotes_have_speakers_and_merge_across_reports(
    parsed: tuple[Corpus, list[Paragraph], EntityIndex],
) -> None:
    corpus, paragraphs, index = parsed
    quotes = {q.text: q for q in extract_quotes(corpus, paragraphs, index)}
    lavrov = index.find("Lavrov")
    assert lavrov is not None
    stop = quotes["We want the violence to stop at once"]
    assert stop.speaker == lavrov.name  # "...," Lavrov told his Arab counterparts
    assert stop.sources == ("wire", "post")  # the same quote in two reports, merged
    assert quotes["There is no other way"].speaker == lavrov.name  # "he said" after Lavrov
    assert quotes["The league will not accept a foreign intervention"].speaker == "foreign ministry"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,500", 1500),
        ("seven", 7),
        ("twenty-three", 23),
        ("€180m", 180e6),
        ("1.2 million", 1.2e6),
        ("two dozen", 24),
        ("$3.5 billion", 3.5e9),
        ("protesters", None),
        ("one hundred and three", 103),  # read as 3 before: the words add up as said
        ("One hundred fourteen", 114),
        ("two thousand five hundred", 2500),
        ("forty five", 45),
        ("three million two hundred thousand", 3.2e6),
        ("2 hundred", 200),
        ("one or two", 2),  # two numbers: the last is read, as before
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_death_tolls_disagree_over_time_and_across_sources(
    parsed: tuple[Corpus, list[Paragraph], EntityIndex],
) -> None:
    corpus, paragraphs, index = parsed
    dates = {i: a.date for i, a in enumerate(corpus.articles)}
    claims = {c.about: c for c in extract_claims(corpus, paragraphs, index, dates=dates)}
    deaths = claims["deaths"]
    assert deaths.disagreement and deaths.kind == "both"
    by_value = {v.value: v for v in deaths.values}
    assert set(by_value) == {5400, 6000, 7500, 8000}
    assert by_value[5400].qualifier == "at least" and by_value[5400].source == "wire"
    assert by_value[8000].qualifier == "more than" and by_value[8000].attributed_to == "Activists"
    assert by_value[6000].attributed_to is not None and "United Nations" in by_value[6000].attributed_to
    assert deaths.values[0].value == 5400  # the earliest report first


def test_one_reports_own_figures_are_not_a_disagreement() -> None:
    from storyline.analyze import extract_entities, load_nlp, parse_corpus
    from storyline.model import Article

    corpus = Corpus(
        articles=(
            Article(
                id="a",
                text="Seven people died in the fire, including two firefighters who died in hospital, officials said.",
            ),
        )
    )
    paragraphs = parse_corpus(corpus, load_nlp())
    claims = extract_claims(corpus, paragraphs, extract_entities(corpus, paragraphs), dates={0: None})
    assert claims and not any(c.disagreement for c in claims)
