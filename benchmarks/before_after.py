"""Throughput of two source trees of storyline, interleaved in one run.

For a change that must not slow storyline down (a redesign, a refactor): give the
source directory of the old version (for example a `git worktree add /tmp/before REV`)
and this checkout's is the new one. Each round runs the old and the new version, in
turn, in child processes on the same data, so a busy machine slows both alike; the
ratio of their medians is the result.

    .venv/bin/python benchmarks/before_after.py --before /tmp/before/src [--rounds 5] [--task summarize|report]

The data is ../shared/data/multinews/original_sample.jsonl (92 clusters of full
scraped pages): the summary of every cluster, or the full story report of the first
20, after one warm-up cluster, model loading excluded.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "data" / "multinews" / "original_sample.jsonl"

CHILD = """
import json, sys, time
from pathlib import Path
import storyline
from storyline.ingest import Cluster, read_clusters
task, path = sys.argv[1], Path(sys.argv[2])
clusters = [c for c in read_clusters(path) if isinstance(c, Cluster)]
if task == "report":
    clusters = clusters[:20]
    run = storyline.Reporter()
else:
    run = storyline.Summarizer()
run(clusters[0].articles)
started = time.perf_counter()
for cluster in clusters:
    run(cluster.articles)
elapsed = time.perf_counter() - started
print(json.dumps({"file": storyline.__file__, "clusters_per_s": len(clusters) / elapsed}))
"""


def _run(src: Path, task: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, task, str(SAMPLE)], env=env, capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if not str(result["file"]).startswith(str(src)):
        raise SystemExit(f"the child imported {result['file']}, not the tree under {src}")
    return float(result["clusters_per_s"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="src/ directory of the old version")
    parser.add_argument("--after", type=Path, default=ROOT / "src", help="src/ directory of the new version")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--task", choices=("summarize", "report"), default="summarize")
    args = parser.parse_args()
    runs: dict[str, list[float]] = {"before": [], "after": []}
    for round_no in range(1, args.rounds + 1):
        for name, src in (("before", args.before), ("after", args.after)):
            runs[name].append(_run(src.resolve(), args.task))
        print(f"round {round_no}: before {runs['before'][-1]:.2f}, after {runs['after'][-1]:.2f} clusters/s")
    before, after = statistics.median(runs["before"]), statistics.median(runs["after"])
    print(f"{args.task}, median of {args.rounds} rounds: before {before:.2f} clusters/s, after {after:.2f}")
    print(f"after / before = {after / before:.3f}")


if __name__ == "__main__":
    main()
