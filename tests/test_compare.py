import json

import pytest

from storyline import ConfigError, SummaryOptions
from storyline.compare import evaluate_clusters
from storyline.ingest import iter_clusters

CLUSTERS = [
    {
        "id": "flood",
        "documents": [
            "Heavy rain flooded the town of Marrow on Tuesday, forcing 300 residents from their homes. The river Lune burst its banks after three days of storms.",
            "About 300 people left their homes in Marrow after heavy rain. Forecasters expect more rain on Thursday.",
        ],
        "summary": "Heavy rain flooded Marrow on Tuesday and 300 residents left their homes after the river Lune burst its banks.",
    },
    {"id": "no-ref", "documents": ["Some text here about a town."]},
    {
        "id": "fire",
        "documents": [
            "A fire destroyed a warehouse in Kessport on Saturday. Nobody was hurt, the fire service said.",
            "Firefighters fought a warehouse fire in Kessport through Saturday night. The cause is unknown.",
        ],
        "summaries": [
            "A warehouse burned in Kessport on Saturday.",
            "Fire destroyed a Kessport warehouse; no one was hurt.",
        ],
    },
]


def _records():  # type: ignore[no-untyped-def]
    return iter_clusters(iter([json.dumps(c) for c in CLUSTERS] + ["{bad"]))


def test_evaluate_clusters_all_systems() -> None:
    result = evaluate_clusters(
        _records(),
        systems=["storyline", "lead", "lexrank", "textrank", "oracle"],
        words=[20, 40],
        options=SummaryOptions(embedder="hash"),
    )
    at20 = result.at(20)
    assert set(at20) == {"storyline", "lead", "lexrank", "textrank", "oracle"}
    assert all(s.n == 2 for s in at20.values())
    assert at20["oracle"].mean("rouge1") >= max(s.mean("rouge1") for s in at20.values()) - 1e-9
    assert all(row["n_words"] <= row["words"] for row in result.rows)
    assert len(result.rows) == 2 * 5 * 2
    assert result.n_references == 2
    assert any("no reference" in s for s in result.skipped) and any(
        "invalid JSON" in s for s in result.skipped
    )


def test_evaluate_clusters_limit_and_unknown_system() -> None:
    result = evaluate_clusters(_records(), systems=["lead"], words=[30], limit=1)
    assert result.at(30)["lead"].n == 1
    with pytest.raises(ConfigError, match="unknown system"):
        evaluate_clusters(_records(), systems=["gpt"], words=[30])


def test_evaluate_clusters_shows_each_output_and_its_cut() -> None:
    seen: list[tuple[str, str, int, list[str], list[str], int]] = []
    evaluate_clusters(
        _records(),
        systems=["lead", "oracle"],
        words=[8],
        on_output=lambda cluster, system, words, output, cut, corpus: seen.append(
            (cluster.id, system, words, output, cut, len(corpus.sentences))
        ),
    )
    assert [(c, s) for c, s, *_ in seen] == [
        ("flood", "lead"),
        ("flood", "oracle"),
        ("fire", "lead"),
        ("fire", "oracle"),
    ]
    for _, _, words, output, cut, n_sentences in seen:
        assert sum(len(s.split()) for s in cut) <= words
        if not cut:
            assert not output
            continue
        assert cut[:-1] == output[: len(cut) - 1] and output[len(cut) - 1].startswith(cut[-1])
        assert n_sentences >= len(output)
