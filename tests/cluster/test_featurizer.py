"""Features: stable across processes, names, near-duplicate signatures."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib

import numpy as np

from storyline.cluster import ClusterOptions, Featurizer
from storyline.model import Article

OPTIONS = ClusterOptions(embedder="hash")
TEXT = "Voters in Vessa elected Ilse Korhaan as mayor. Green Party officials conceded on Sunday night."


def test_features_empty_batch() -> None:
    features = Featurizer(OPTIONS)([])
    assert len(features) == 0


def test_features_article_without_text() -> None:
    features = Featurizer(OPTIONS)([Article(text="", id="x")])
    assert features.has_text == [False]
    assert len(features.term_indices[0]) == 0


def test_features_names_exclude_sentence_starts() -> None:
    featurizer = Featurizer(OPTIONS)
    names = featurizer._names(TEXT)
    n = OPTIONS.n_features

    def key(name: str) -> int:
        return zlib.crc32(f"name:{name}".encode()) % n

    assert key("ilse korhaan") in names
    assert key("green party") not in names  # right after a full stop: a capital says nothing
    assert key("voters in") not in names


def test_features_terms_are_sorted_with_names_weighted() -> None:
    plain = Featurizer(ClusterOptions(embedder="hash", entity_weight=0.0))([Article(text=TEXT)])
    named = Featurizer(ClusterOptions(embedder="hash", entity_weight=2.0))([Article(text=TEXT)])
    idx = named.term_indices[0]
    assert np.all(np.diff(idx) > 0)
    assert named.term_weights[0].sum() > plain.term_weights[0].sum()


def test_features_signature_of_a_copy_matches() -> None:
    featurizer = Featurizer(OPTIONS)
    a = featurizer(
        [Article(text=TEXT), Article(text="Posted today. " + TEXT), Article(text="Something else.")]
    )
    same = np.mean(a.signatures[0] == a.signatures[1])
    other = np.mean(a.signatures[0] == a.signatures[2])
    assert same > 0.7 > other


_CHILD = """
import sys
from storyline.cluster import ClusterOptions, Featurizer
from storyline.model import Article
f = Featurizer(ClusterOptions(embedder="hash"))([Article(text=sys.argv[1])])
print(f.term_indices[0].tolist(), f.signatures[0].tolist())
"""


def test_features_are_the_same_in_another_process() -> None:
    """No process-seeded hash() anywhere: a Ray worker or helper computes the same features."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, TEXT],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "123"},
    )
    here = Featurizer(OPTIONS)([Article(text=TEXT)])
    assert done.stdout.strip() == f"{here.term_indices[0].tolist()} {here.signatures[0].tolist()}"
