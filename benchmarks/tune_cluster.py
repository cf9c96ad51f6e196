"""Tune the online clusterer's settings on a train stream (never on val).

Features are computed once per featurizing setting; then each combination of the grid is
clustered and scored with B-cubed against the gold stories:

    .venv/bin/python benchmarks/make_stream.py --split train --start 20000 --count 5622 -o /tmp/stream-train.jsonl
    .venv/bin/python benchmarks/tune_cluster.py /tmp/stream-train.jsonl \\
        --grid '{"threshold": [0.18, 0.2, 0.22, 0.24, 0.26], "index": ["flat", "hnsw"]}'
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

from storyline.cluster import ClusterOptions, Featurizer, OnlineClusterer, bcubed
from storyline.model import Article

# Settings that change the features; the others only change clustering.
FEATURE_SETTINGS = (
    "embedder",
    "model",
    "embed_words",
    "entity_weight",
    "n_features",
    "num_perm",
    "retrieval",
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("stream", type=Path)
    parser.add_argument("--grid", default='{"threshold": [0.18, 0.2, 0.22, 0.24, 0.26]}', help="JSON")
    args = parser.parse_args()
    if "val" in args.stream.name:
        parser.error("tune on a train stream, not on val")
    rows = [json.loads(line) for line in args.stream.open()]
    articles = [Article(text=r["text"], id=r["id"], title=r.get("title")) for r in rows]
    gold = [r["story_id"] for r in rows]
    grid: dict[str, list[object]] = json.loads(args.grid)
    cache: dict[tuple[object, ...], list[object]] = {}
    print("| " + " | ".join(grid) + " | precision | recall | F1 | stories (gold) | clustering s |")
    print("|" + "---|" * (len(grid) + 5))
    for combo in itertools.product(*grid.values()):
        options = ClusterOptions(**dict(zip(grid, combo, strict=True)))  # type: ignore[arg-type]
        key = tuple(getattr(options, k) for k in FEATURE_SETTINGS)
        if key not in cache:
            featurize = Featurizer(options)
            size = options.batch_size
            cache[key] = [featurize(articles[i : i + size]) for i in range(0, len(articles), size)]
        clusterer = OnlineClusterer(options)
        started = time.perf_counter()
        labels = [clusterer.add(f, row, day=None) for f in cache[key] for row in range(len(f))]  # type: ignore[attr-defined, arg-type]
        elapsed = time.perf_counter() - started
        b = bcubed(labels, gold)
        cells = " | ".join(str(c) for c in combo)
        print(
            f"| {cells} | {b.precision:.4f} | {b.recall:.4f} | {b.f1:.4f} | {b.n_pred} ({b.n_gold}) | {elapsed:.1f} |"
        )


if __name__ == "__main__":
    main()
