"""Date-F1 and alignment ROUGE (AR-1, AR-2) on a small invented example, worked by hand."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from storyline.evaluate import PRF, alignment_rouge, date_f1

D = dt.date

# Reference: three days. Prediction: one exact day, one day off by one, one day far away.
REFERENCE = {
    D(2020, 1, 1): ["storm hits coast"],
    D(2020, 1, 2): ["power cut across city"],
    D(2020, 1, 10): ["mayor resign"],
}
PREDICTED = {
    D(2020, 1, 1): ["storm hits coast"],
    D(2020, 1, 3): ["power cut across city"],
    D(2020, 3, 1): ["floods close school"],
}


def test_date_f1() -> None:
    score = date_f1(PREDICTED.keys(), REFERENCE.keys())
    assert score == PRF(1 / 3, 1 / 3, pytest.approx(1 / 3))
    assert date_f1([], REFERENCE.keys()).f1 == 0.0


def test_ar1_by_hand() -> None:
    # Precision: 1 Jan -> 1 Jan (3 matches, weight 1); 3 Jan -> 2 Jan (content cost 0 wins:
    # 4 matches, weight 1/2); 1 Mar -> none shares a word, so the nearest day, 10 Jan (0 matches).
    # 3 + 2 = 5 of 3 + 4 + 3 = 10 predicted unigrams. Recall: 1 Jan and 2 Jan as above,
    # 10 Jan -> 1 Mar (0 matches): 5 of 3 + 4 + 2 = 9 reference unigrams.
    score = alignment_rouge(PREDICTED, REFERENCE, n=1)
    assert score.precision == pytest.approx(5 / 10)
    assert score.recall == pytest.approx(5 / 9)
    assert score.f1 == pytest.approx(2 * 0.5 * (5 / 9) / (0.5 + 5 / 9))


def test_ar2_by_hand() -> None:
    # Bigrams: 2 (1 Jan) + 3 * 1/2 (3 Jan -> 2 Jan) = 3.5 of 2 + 3 + 2 = 7 predicted, 2 + 3 + 1 = 6 reference.
    score = alignment_rouge(PREDICTED, REFERENCE, n=2)
    assert score.precision == pytest.approx(3.5 / 7)
    assert score.recall == pytest.approx(3.5 / 6)


def test_many_to_one_lets_two_days_share_a_reference_day() -> None:
    # Both predicted days align to the one reference day; the far one counts 1/8 of its matches.
    reference = {D(2020, 1, 1): ["storm hits coast"]}
    predicted = {D(2020, 1, 1): ["storm hits coast"], D(2020, 1, 8): ["storm hits coast"]}
    score = alignment_rouge(predicted, reference, n=1)
    assert score.precision == pytest.approx((3 + 3 / 8) / 6)
    assert score.recall == pytest.approx(1.0)


def test_perfect_and_empty_timelines() -> None:
    assert alignment_rouge(REFERENCE, REFERENCE, n=2).f1 == pytest.approx(1.0)
    assert alignment_rouge({}, REFERENCE).f1 == 0.0


def test_stemming_and_stopwords() -> None:
    reference = {D(2020, 1, 1): ["The storms hit the coasts"]}
    predicted = {D(2020, 1, 1): ["a storm hit coast"]}
    plain = alignment_rouge(predicted, reference, n=1)
    assert plain.recall == pytest.approx(3 / 5)  # storm, hit, coast; not "the" twice
    kept = alignment_rouge(predicted, reference, n=1, stopwords={"the", "a"})
    assert kept.precision == kept.recall == pytest.approx(1.0)


def test_agrees_with_tilse() -> None:
    """The reference implementation (tilse, its Python ROUGE), where it is installed."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rouge = pytest.importorskip("tilse.evaluation.rouge")
        timelines = pytest.importorskip("tilse.data.timelines")
    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl")
    evaluator.rouge = rouge.RougeReimplementation(ignore_stopwords=False)
    predicted = {**PREDICTED, D(2020, 1, 9): ["mayor of city resign after storm"]}
    expected = evaluator.evaluate_align_date_content_costs_many_to_one(
        timelines.Timeline(predicted), timelines.GroundTruth([timelines.Timeline(REFERENCE)])
    )
    for n, name in ((1, "rouge_1"), (2, "rouge_2")):
        ours = alignment_rouge(predicted, REFERENCE, n=n)
        assert ours.precision == pytest.approx(expected[name]["precision"])
        assert ours.recall == pytest.approx(expected[name]["recall"])
        assert ours.f1 == pytest.approx(expected[name]["f_score"])
