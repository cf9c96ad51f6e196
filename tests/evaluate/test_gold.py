"""The report-against-gold scorer, on hand-made reports."""

from __future__ import annotations

from typing import Any

from storyline.evaluate import score_report

GOLD: dict[str, Any] = {
    "id": "t",
    "off_topic": [],
    "publication_dates": {"a": "2012-02-07", "b": "2012-02-08"},
    "event_dates": [{"doc": "a", "date": "2012-02-04"}, {"doc": "b", "date": "2012-02-04"}],
    "entities": [
        {
            "name": "Sergei Lavrov",
            "type": "PERSON",
            "aliases": ["Sergey Lavrov", "Lavrov"],
            "docs": ["a", "b"],
        }
    ],
    "quotes": [{"doc": "a", "speaker": "Sergei Lavrov", "keywords": ["regime", "protecting"]}],
    "claims": [
        {
            "about": "deaths",
            "values": [
                {"doc": "a", "value": 5400, "qualifier": "", "attributed_to": None},
                {"doc": "b", "value": 6000, "qualifier": "at least", "attributed_to": None},
            ],
            "disagreement": True,
        }
    ],
}


def _report(**changes: Any) -> dict[str, Any]:
    report: dict[str, Any] = {
        "documents": [
            {"id": "a", "date": "2012-02-07", "date_origin": "given"},
            {"id": "b", "date": "2012-02-08", "date_origin": "given"},
        ],
        "timeline": [{"date": "2012-02-04", "text": "...", "sources": ["a", "b"]}],
        "entities": [{"name": "Sergei Lavrov", "type": "PERSON", "aliases": ["Sergey Lavrov", "Lavrov"]}],
        "quotes": [
            {"speaker": "Sergei Lavrov", "text": "Russia is not protecting any regime", "sources": ["a"]}
        ],
        "claims": [
            {
                "about": "deaths",
                "values": [{"value": 5400, "source": "a"}, {"value": 6000, "source": "b"}],
                "disagreement": True,
            }
        ],
    }
    return report | changes


def test_a_perfect_report_scores_one_everywhere() -> None:
    scores = score_report(_report(), GOLD)
    for feature, counts in scores.items():
        if counts.n_pred or counts.n_gold:
            assert (counts.precision, counts.recall) == (1.0, 1.0), feature


def test_wrong_dates_unmerged_names_and_wrong_speakers_cost_what_they_should() -> None:
    report = _report(
        documents=[
            {"id": "a", "date": "2012-02-07", "date_origin": "given"},
            {"id": "b", "date": "2012-02-09", "date_origin": "dateline"},
        ],
        entities=[
            {"name": "Sergei Lavrov", "type": "PERSON", "aliases": []},
            {"name": "Sergey Lavrov", "type": "PERSON", "aliases": ["Lavrov"]},
        ],
        quotes=[
            {"speaker": "Hamad bin Jassem", "text": "Russia is not protecting any regime", "sources": ["a"]}
        ],
        claims=[],
    )
    scores = score_report(report, GOLD)
    assert scores["publication dates"].precision == 0.5 and scores["publication dates"].recall == 0.5
    assert scores["entity merges"].recall is not None and scores["entity merges"].recall < 1.0
    assert scores["quotes found"].recall == 1.0 and scores["quote speakers"].recall == 0.0
    assert scores["claims"].recall == 0.0 and scores["disagreements"].recall == 0.0


def test_a_figure_given_to_the_wrong_voice_or_to_none_costs_its_attribution() -> None:
    gold = GOLD | {
        "claims": [
            {
                "about": "deaths",
                "values": [
                    {"doc": "a", "value": 5400, "qualifier": "", "attributed_to": "United Nations"},
                    {"doc": "b", "value": 6000, "qualifier": "", "attributed_to": None},
                ],
                "disagreement": True,
            }
        ]
    }
    right = _report(
        claims=[
            {
                "about": "deaths",
                "values": [
                    {"value": 5400, "source": "a", "attributed_to": "the United Nations"},
                    {"value": 6000, "source": "b", "attributed_to": None},
                ],
                "disagreement": True,
            }
        ]
    )
    assert (
        score_report(right, gold)["attributions"].precision,
        score_report(right, gold)["attributions"].recall,
    ) == (
        1.0,
        1.0,
    )
    wrong = _report(
        claims=[
            {
                "about": "deaths",
                "values": [
                    {"value": 5400, "source": "a", "attributed_to": None},
                    {"value": 6000, "source": "b", "attributed_to": "the blast"},
                ],
                "disagreement": True,
            }
        ]
    )
    scores = score_report(wrong, gold)["attributions"]
    assert (scores.hit_pred, scores.n_pred, scores.hit_gold, scores.n_gold) == (0, 1, 0, 1)
