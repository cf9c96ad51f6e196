import pytest

from storyline.evaluate import is_fragment


@pytest.mark.parametrize(
    "sentence",
    ["'' and then it ended there .", "” The crowd cheered loudly after that.", '" The crowd cheered loudly.'],
)
def test_a_sentence_opening_on_a_closing_quote_is_a_fragment(sentence: str) -> None:
    assert is_fragment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "''All we did was allow local groups to decide,'' she said.",  # DUC writes '' for opening quotes too
        "''Yet we have a higher standard for fish.",
        '"We will rebuild the town," the mayor said.',
    ],
)
def test_an_opening_quote_is_not_a_fragment(sentence: str) -> None:
    assert not is_fragment(sentence)
