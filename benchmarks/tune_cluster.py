"""Tune the online clusterer's settings on a train stream or the DUC dev stream (never on val).

Features are computed once per featurizing setting; then each combination of the grid is
clustered (in input order) and its stories and threads are scored with B-cubed against the
gold `story_id`:

    .venv/bin/python benchmarks/make_stream.py --split train --start 30000 --count 5622 -o /tmp/stream-train2.jsonl
    .venv/bin/python benchmarks/tune_cluster.py /tmp/stream-train2.jsonl \\
        --grid '{"threshold": [0.3, 0.4, 0.5, 0.6], "retrieval": ["postings", "sketch"]}'
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
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
    "lead_words",
    "max_words",
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
    opener = gzip.open if args.stream.suffix == ".gz" else open
    with opener(args.stream, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        rows = [json.loads(line) for line in fh]
    articles = [
        Article(
            text=r["text"],
            id=r["id"],
            title=r.get("title"),
            date=dt.date.fromisoformat(r["date"]) if r.get("date") else None,
        )
        for r in rows
    ]
    gold = [r["story_id"] for r in rows]
    batches = [articles[i : i + 512] for i in range(0, len(articles), 512)]
    grid: dict[str, list[object]] = json.loads(args.grid)
    cache: dict[tuple[object, ...], list[object]] = {}
    print("| " + " | ".join(grid) + " | story P / R / F1 (n) | thread P / R / F1 (n) | gold | clustering s |")
    print("|" + "---|" * (len(grid) + 4))
    for combo in itertools.product(*grid.values()):
        options = ClusterOptions(**dict(zip(grid, combo, strict=True)))  # type: ignore[arg-type]
        key = tuple(getattr(options, k) for k in FEATURE_SETTINGS)
        if key not in cache:
            featurize = Featurizer(options)
            cache[key] = [featurize(batch) for batch in batches]
        clusterer = OnlineClusterer(options)
        started = time.perf_counter()
        pairs = [
            clusterer.add(f, row, day=a.date.toordinal() if a.date else None)  # type: ignore[attr-defined]
            for f, batch in zip(cache[key], batches, strict=True)
            for row, a in enumerate(batch)
        ]
        elapsed = time.perf_counter() - started
        s = bcubed([p[0] for p in pairs], gold)
        t = bcubed([p[1] for p in pairs], gold)
        cells = " | ".join(str(c) for c in combo)
        print(
            f"| {cells} | {s.precision:.4f} / {s.recall:.4f} / {s.f1:.4f} ({s.n_pred}) "
            f"| {t.precision:.4f} / {t.recall:.4f} / {t.f1:.4f} ({t.n_pred}) | {s.n_gold} | {elapsed:.1f} |"
        )


if __name__ == "__main__":
    main()
