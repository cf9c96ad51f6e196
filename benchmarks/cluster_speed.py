"""Story clustering on a stream: quality, speed and peak memory, ours beside the baseline (issue 5).

Runs, each in its own process so that peak memory (ru_maxrss) is its own:

1. `storyline cluster` in the default configuration (local engine);
2. `storyline evaluate-clusters`, which scores ours and runs the TF-IDF + agglomerative
   baseline at its best threshold (its peak memory is the baseline's n x n matrix);
3. `storyline cluster --engine ray --workers 1` and `--workers 2` on a local Ray cluster,
   checking that the assignments equal the local engine's.

    .venv/bin/python benchmarks/make_stream.py --split val -o /tmp/stream-val.jsonl
    .venv/bin/python benchmarks/cluster_speed.py /tmp/stream-val.jsonl --json /tmp/cluster-speed.json

Articles/s are end to end within the command (reading the JSONL, featurizing, clustering,
writing), after the interpreter and libraries have loaded; one warm-up run of the local
engine comes first so that the file is in the page cache.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from storyline.cluster import bcubed

_MEASURE = """
import resource, sys
from storyline.cli import main
code = main(sys.argv[1:])
# The peaks of this process and of its largest child (the featurizing helper), added up.
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("PEAK_MB", peak // 1024, file=sys.stderr)
sys.exit(code)
"""


def _storyline(*args: str) -> tuple[str, float | None, int]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"storyline {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    rate = re.search(r"\(([\d.]+) articles/s\)", done.stderr)
    peak = re.search(r"PEAK_MB (\d+)", done.stderr)
    assert peak is not None
    return done.stdout, float(rate.group(1)) if rate else None, int(peak.group(1))


def _run_cluster(stream: Path, out: Path, *extra: str) -> dict[str, Any]:
    _, rate, peak = _storyline("cluster", str(stream), "-o", str(out), *extra)
    return {"articles_per_s": rate, "peak_mb": peak, "labels": [json.loads(x)["story"] for x in out.open()]}


def _ray_featurize_only(stream: Path) -> dict[str, float]:
    """Articles/s of the distributed part alone (featurizing), with 1 and 2 Ray workers."""
    import time

    import ray

    from storyline.cluster import ClusterOptions, ray_featurize
    from storyline.model import Article

    options = ClusterOptions()
    articles = [Article(text=r["text"], id=r["id"]) for r in map(json.loads, stream.open())]
    batches = [articles[i : i + options.batch_size] for i in range(0, len(articles), options.batch_size)]
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    rates = {}
    try:
        for workers in (1, 2):
            featurize = ray_featurize(options, n_workers=workers)
            for _ in featurize(iter(batches[: 2 * workers])):  # warm-up: load the model in each actor
                pass
            featurize = ray_featurize(options, n_workers=workers)
            started = time.perf_counter()
            n = sum(len(f) for f in featurize(iter(batches)))
            rates[f"workers_{workers}"] = n / (time.perf_counter() - started)
    finally:
        ray.shutdown()
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "stream", type=Path, help="JSONL of articles with story_id (benchmarks/make_stream.py)"
    )
    parser.add_argument("--json", type=Path, help="write every number here")
    parser.add_argument("--no-ray", action="store_true")
    args = parser.parse_args()
    gold = [json.loads(line)["story_id"] for line in args.stream.open()]
    results: dict[str, Any] = {"data": str(args.stream), "n_articles": len(gold)}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "assignments.jsonl"
        _run_cluster(args.stream, out)  # warm-up
        local = _run_cluster(args.stream, out)
        b = bcubed(local["labels"], gold)
        results["storyline"] = {
            "bcubed_precision": b.precision,
            "bcubed_recall": b.recall,
            "bcubed_f1": b.f1,
            "n_pred": b.n_pred,
            "n_gold": b.n_gold,
            "articles_per_s": local["articles_per_s"],
            "peak_mb": local["peak_mb"],
        }
        scores = Path(tmp) / "scores.json"
        _, _, peak = _storyline("evaluate-clusters", str(args.stream), "--json", str(scores), "--quiet")
        evaluated = json.loads(scores.read_text())
        results["evaluate_clusters"] = {k: v for k, v in evaluated.items() if k != "baseline"}
        results["baseline"] = evaluated["baseline"] | {"peak_mb_with_ours_in_same_process": peak}
        if not args.no_ray:
            for workers in (1, 2):
                ray = _run_cluster(args.stream, out, "--engine", "ray", "--workers", str(workers))
                results[f"ray_{workers}"] = {
                    "articles_per_s": ray["articles_per_s"],
                    "peak_mb_driver": ray["peak_mb"],
                    "identical_to_local": ray["labels"] == local["labels"],
                }
            results["ray_featurize_only"] = _ray_featurize_only(args.stream)
    _print(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def _print(r: dict[str, Any]) -> None:
    print(f"{r['n_articles']} articles from {r['data']}\n")
    print("| system | B³ precision | B³ recall | B³ F1 | stories (gold) | articles/s | peak memory |")
    print("|---|---|---|---|---|---|---|")
    s, b = r["storyline"], r["baseline"]
    print(
        f"| storyline (online, default) | {s['bcubed_precision']:.4f} | {s['bcubed_recall']:.4f} | "
        f"{s['bcubed_f1']:.4f} | {s['n_pred']} ({s['n_gold']}) | {s['articles_per_s']:.0f} | {s['peak_mb']} MB |"
    )
    print(
        f"| TF-IDF + agglomerative @ {b['distance_threshold']} | {b['bcubed_precision']:.4f} | "
        f"{b['bcubed_recall']:.4f} | {b['bcubed_f1']:.4f} | {b['n_pred']} ({b['n_gold']}) | "
        f"{b['articles_per_s']:.0f} | {b['peak_mb_with_ours_in_same_process']} MB |"
    )
    if "ray_featurize_only" in r:
        rates = r["ray_featurize_only"]
        print(
            f"\nRay featurizing only: {rates['workers_1']:.0f} articles/s with 1 worker, "
            f"{rates['workers_2']:.0f} with 2"
        )
    for workers in (1, 2):
        ray = r.get(f"ray_{workers}")
        if ray:
            print(
                f"\nRay, {workers} worker(s): {ray['articles_per_s']:.0f} articles/s, driver peak "
                f"{ray['peak_mb_driver']} MB, assignments identical to local: {ray['identical_to_local']}"
            )


if __name__ == "__main__":
    main()
