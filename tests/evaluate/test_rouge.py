import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rouge_score import rouge_scorer

from storyline.evaluate import greedy_oracle, rouge, truncate_words

SUMMARY = ["The river Lune burst its banks on Tuesday.", "Three hundred residents left their homes."]
REFERENCE = [
    "Heavy rain made the Lune burst its banks on Tuesday.",
    "About 300 residents were evacuated from their homes.",
]


def test_rouge_matches_rouge_score_exactly() -> None:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    expected = scorer.score("\n".join(REFERENCE), "\n".join(SUMMARY))
    got = rouge(SUMMARY, [REFERENCE])
    assert got.rouge1 == expected["rouge1"].fmeasure
    assert got.rouge2 == expected["rouge2"].fmeasure
    assert got.rougeLsum == expected["rougeLsum"].fmeasure
    recall = rouge(SUMMARY, [REFERENCE], metric="recall")
    assert recall.rouge1 == expected["rouge1"].recall


def test_rouge_mean_over_references() -> None:
    other = ["A storm closed the harbour in Marrow."]
    both = rouge(SUMMARY, [REFERENCE, other])
    one, two = rouge(SUMMARY, [REFERENCE]), rouge(SUMMARY, [other])
    assert both.rouge1 == pytest.approx((one.rouge1 + two.rouge1) / 2)


def test_rouge_empty_and_bad_arguments() -> None:
    assert rouge([], [REFERENCE]).rouge1 == 0.0
    assert rouge(["!!! ..."], [REFERENCE]).rouge2 == 0.0
    with pytest.raises(ValueError, match="metric"):
        rouge(SUMMARY, [REFERENCE], metric="precision")
    with pytest.raises(ValueError, match="reference"):
        rouge(SUMMARY, [])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh ", min_size=1, max_size=40), min_size=1, max_size=4))
def test_rouge_bounds_and_self_score(sentences: list[str]) -> None:
    score = rouge(sentences, [sentences])
    assert all(0.0 <= v <= 1.0 for v in score.as_dict().values())
    if any(s.strip() for s in sentences):
        assert score.rouge1 == pytest.approx(1.0)


def test_truncate_words() -> None:
    assert truncate_words(["one two three", "four five six"], 4) == ["one two three", "four"]
    assert truncate_words(["one two"], 10) == ["one two"]
    assert truncate_words(["one two"], 0) == []


def test_greedy_oracle_picks_reference_sentences() -> None:
    sentences = ["Shares fell on Monday.", REFERENCE[0], "The mayor went on holiday.", REFERENCE[1]]
    picked = greedy_oracle(sentences, "\n".join(REFERENCE), budget=100)
    assert sorted(picked) == [1, 3]
    assert greedy_oracle(sentences, "\n".join(REFERENCE), budget=3) == []
