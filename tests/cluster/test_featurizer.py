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
    assert (
        len(features.full_indices[0]) == len(features.lead_indices[0]) == len(features.name_indices[0]) == 0
    )


def test_features_names_exclude_sentence_starts() -> None:
    featurizer = Featurizer(OPTIONS)
    names = featurizer._names(TEXT)[0].tolist()
    n = OPTIONS.n_features

    def key(name: str) -> int:
        return zlib.crc32(f"name:{name}".encode()) % n

    assert key("ilse") in names and key("korhaan") in names and key("vessa") in names
    assert key("green") not in names  # right after a full stop: a capital says nothing
    assert key("voters") not in names  # the first word
    assert key("sunday") not in names  # a capitalized word that names no one


def test_features_lead_is_cut_and_terms_are_sorted() -> None:
    long_text = TEXT + " " + " ".join(f"word{i}" for i in range(400))
    options = ClusterOptions(embedder="hash", lead_words=20, max_words=100)
    features = Featurizer(options)([Article(text=long_text)])
    assert np.all(np.diff(features.full_indices[0]) > 0)
    assert len(features.lead_indices[0]) <= 20 < len(features.full_indices[0]) <= 100
    assert features.n_words[0] == 100


def test_features_a_very_long_article_costs_no_more_than_max_words() -> None:
    huge = "Kessport " + "flood river " * 2_000_000  # 24 MB
    features = Featurizer(ClusterOptions(embedder="hash"))([Article(text=huge)])
    assert features.n_words[0] <= ClusterOptions().max_words


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
print(f.full_indices[0].tolist(), f.name_indices[0].tolist(), f.signatures[0].tolist())
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
    expected = (
        f"{here.full_indices[0].tolist()} {here.name_indices[0].tolist()} {here.signatures[0].tolist()}"
    )
    assert done.stdout.strip() == expected


def test_features_pickle_as_the_same_rows() -> None:
    """Features travel from the featurizing helper packed (one array per kind of row); they
    unpickle to rows of the same dtype, shape, values and writability."""
    import pickle

    articles = [
        Article(text="Ana Lopez met the WTO chief in Geneva on Monday. Talks went on.", id="a"),
        Article(text="   ", id="b"),
        Article(text="Prices rose in Paris, the agency said.", id="c", title="Prices"),
    ]
    features = Featurizer(ClusterOptions(retrieval="postings"))(articles)
    copy = pickle.loads(pickle.dumps(features))
    for field in (
        "lead_indices",
        "lead_counts",
        "full_indices",
        "full_counts",
        "name_indices",
        "name_counts",
    ):
        before, after = getattr(features, field), getattr(copy, field)
        assert len(after) == len(before)
        for a, b in zip(before, after, strict=True):
            assert b.dtype == a.dtype and b.shape == a.shape and np.array_equal(a, b)
            assert b.flags.writeable and b.flags.c_contiguous
    assert np.array_equal(copy.signatures, features.signatures)
    assert np.array_equal(copy.n_words, features.n_words)
    assert copy.has_text == features.has_text and copy.dense.shape == features.dense.shape


def test_features_read_split_mojibake_as_the_words_it_stands_for() -> None:
    # An archive's tokenizer split "’" (read as cp1252: "â€™") into "â€ ™": without repair,
    # "Korhaanâ€" would be a word of its own and share nothing with "Korhaan’s".
    plain = Article(text="Ilse Korhaan’s plans for Vessa “will cost jobs” – officials said.", id="a")
    split = Article(
        text="Ilse Korhaanâ€ ™ s plans for Vessa â€œwill cost jobsâ€ � â€ “ officials said.", id="b"
    )
    features = Featurizer(OPTIONS)([plain, split])
    assert features.full_indices[0].tolist() == features.full_indices[1].tolist()
    assert features.name_indices[0].tolist() == features.name_indices[1].tolist()
