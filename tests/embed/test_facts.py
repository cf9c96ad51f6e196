"""The one same-fact test."""

from __future__ import annotations

import pytest

from storyline import ConfigError
from storyline.embed import FactMatcher, HashEmbedder, StaticEmbedder


def test_matcher_takes_the_embedders_calibration() -> None:
    static = FactMatcher.for_embedder(StaticEmbedder())
    assert (static.threshold, static.min_overlap) == (0.64, 0.5)
    assert FactMatcher.for_embedder(HashEmbedder(), threshold=0.9).threshold == 0.9


def test_same_needs_similarity_and_shared_words() -> None:
    matcher = FactMatcher(threshold=0.6, min_overlap=0.5)
    fire = matcher.words("Fire destroyed the Kessport warehouse on Saturday")
    paraphrase = matcher.words("On Saturday a fire destroyed a warehouse in Kessport")
    other = matcher.words("The mayor opened a new bridge downtown")
    assert matcher.same(0.8, fire, paraphrase)
    assert not matcher.same(0.8, fire, other)  # similar vectors, different facts
    assert not matcher.same(0.5, fire, paraphrase)  # too far apart
    assert FactMatcher(threshold=0.6).same(0.7, fire, other)  # no word test


def test_matcher_rejects_bad_settings() -> None:
    with pytest.raises(ConfigError):
        FactMatcher(threshold=2.0)
    with pytest.raises(ConfigError):
        FactMatcher(threshold=0.5, min_overlap=-0.1)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (
            "The strike killed 90 people in the port.",
            "Three people were killed in the strike on the port.",
            True,
        ),
        ("The strike killed 90 people.", "Officials said 90 people died in the strike.", False),
        ("The storm killed 12 people and injured 40.", "Forty people were injured in the storm.", False),
        ("Twelve were killed, including 4 children.", "The storm killed 4 children.", False),  # a part
        ("The storm killed 12 people in May 2031.", "Twelve died when the storm hit.", False),  # a date
        ("The storm killed 12 people.", "The storm destroyed 300 homes.", False),  # other counts
    ],
)
def test_same_is_false_for_different_figures_of_one_count(a: str, b: str, conflict: bool) -> None:
    matcher = FactMatcher(threshold=0.6)
    same = matcher.same(
        0.9, matcher.words(a), matcher.words(b), figures_a=matcher.figures(a), figures_b=matcher.figures(b)
    )
    assert same is not conflict
