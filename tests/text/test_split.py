import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline import ConfigError
from storyline.text import SPLITTERS, count_words, make_splitter, word_tokens


@pytest.mark.parametrize("name", sorted(SPLITTERS))
def test_split_empty_and_whitespace(name: str) -> None:
    splitter = make_splitter(name)
    assert splitter.split("") == []
    assert splitter.split("   \n ") == []


@pytest.mark.parametrize("name", ["blingfire", "pysbd"])
def test_split_news_abbreviations(name: str) -> None:
    text = "Gov. Sergei Valkov arrived at 4 p.m. on Saturday. He met U.S. officials. Talks went on."
    spans = make_splitter(name).split(text)
    sentences = [text[a:b] for a, b in spans]
    assert sentences[0] == "Gov. Sergei Valkov arrived at 4 p.m. on Saturday."
    assert sentences[-1] == "Talks went on."


@pytest.mark.parametrize("name", sorted(SPLITTERS))
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_split_offsets_slice_exactly(name: str, text: str) -> None:
    spans = make_splitter(name).split(text)
    for start, end in spans:
        piece = text[start:end]
        assert piece and piece == piece.strip()
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_make_splitter_unknown() -> None:
    with pytest.raises(ConfigError, match="unknown splitter 'nope'"):
        make_splitter("nope")


def test_count_words_and_tokens() -> None:
    assert count_words("  one two\nthree ") == 3
    assert word_tokens("The U.N. said: 8,000!") == ["the", "u", "n", "said", "8", "000"]
