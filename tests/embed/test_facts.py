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
