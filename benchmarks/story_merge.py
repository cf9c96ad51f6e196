"""Story merging on and off, in one script run: story F1, articles/s, peak memory (issue 11).

`storyline cluster` runs on each stream with the default settings and with
`--story-merge 0` (no merging; everything else the same), the two interleaved
(off, on, off, on, ...) so that a change in the machine's load falls on both alike. Each
run is its own process, so peak memory (ru_maxrss of the process plus its featurizing
helper) is its own. The speed result is the ratio of the medians, measured here, never a
number from another run.

    .venv/bin/python benchmarks/make_stream.py --split val -o /tmp/stream-val.jsonl
    .venv/bin/python benchmarks/story_merge.py /tmp/stream-val.jsonl --repeats 3 --json /tmp/story-merge.json

`--off-args` names what "off" runs instead of `--story-merge 0`: with `--off-args
"--story-merge-dated 0.2"`, "off" merges dated stories as undated ones, so the table
shows what the dated threshold adds.

Story B-cubed F1 is scored against each line's `story_id` when the stream has one (the
Multi-News streams: one event per cluster; in the DUC and Entities streams `story_id` is
a topic, a thread, so their story scores come from the hand-made golds of
`benchmarks/story_gold.py`, which takes `--story-merge` too).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shlex
import statistics
import tempfile
from pathlib import Path
from typing import Any

from cluster_speed import _run_cluster

from storyline.cluster import bcubed


def _cluster(stream: Path, out: Path, *extra: str) -> tuple[float, int, list[int | None]]:
    found = _run_cluster(stream, out, *extra)  # its own process, as cluster_speed.py runs it
    return found["articles_per_s"], found["peak_mb"], found["labels"]


def measure(stream: Path, repeats: int, off: tuple[str, ...] = ("--story-merge", "0")) -> dict[str, Any]:
    with (
        gzip.open(stream, "rt", encoding="utf-8")
        if stream.suffix == ".gz"
        else stream.open(encoding="utf-8") as lines
    ):
        rows = [json.loads(line) for line in lines]
    gold = [r.get("story_id") for r in rows]
    runs: dict[str, list[tuple[float, int]]] = {"off": [], "on": []}
    labels: dict[str, list[int | None]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        _cluster(stream, out)  # warm-up: the file in the page cache, libraries loaded once
        for _ in range(repeats):
            for name, extra in (("off", off), ("on", ())):
                rate, peak, labels[name] = _cluster(stream, out, *extra)
                runs[name].append((rate, peak))
    result: dict[str, Any] = {"stream": str(stream), "n_articles": len(rows), "off_args": list(off)}
    for name, measured in runs.items():
        entry: dict[str, Any] = {
            "articles_per_s": [r for r, _ in measured],
            "median_articles_per_s": statistics.median(r for r, _ in measured),
            "peak_mb": max(p for _, p in measured),
            "stories": len({s for s in labels[name] if s is not None}),
        }
        if all(g is not None for g in gold):
            score = bcubed(labels[name], gold)
            entry |= {
                "bcubed_precision": score.precision,
                "bcubed_recall": score.recall,
                "bcubed_f1": score.f1,
            }
        result[name] = entry
    result["speed_ratio_on_over_off"] = (
        result["on"]["median_articles_per_s"] / result["off"]["median_articles_per_s"]
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("streams", type=Path, nargs="+", help="JSONL streams (benchmarks/make_stream.py)")
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs of each setting, interleaved (default 3)"
    )
    parser.add_argument("--json", type=Path, help="write every number here")
    parser.add_argument(
        "--off-args",
        default="--story-merge 0",
        help='the options "off" runs with (default "--story-merge 0")',
    )
    args = parser.parse_args()
    off = tuple(shlex.split(args.off_args))
    results = [measure(stream, args.repeats, off) for stream in args.streams]
    print("| stream | merging | story P / R / F1 | stories | articles/s (median) | peak MB |")
    print("|---|---|---|---|---|---|")
    for r in results:
        for name in ("off", "on"):
            e = r[name]
            score = (
                f"{e['bcubed_precision']:.4f} / {e['bcubed_recall']:.4f} / {e['bcubed_f1']:.4f}"
                if "bcubed_f1" in e
                else "(topics, not stories)"
            )
            print(
                f"| {Path(r['stream']).name} | {name} | {score} | {e['stories']} | "
                f"{e['median_articles_per_s']:.0f} | {e['peak_mb']} |"
            )
        print(f"| {Path(r['stream']).name} | speed on/off | | | {r['speed_ratio_on_over_off']:.3f} | |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
