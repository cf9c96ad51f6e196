"""Speed and memory of the default configuration, against baselines in the same run.

1. Original-web-text sample (../shared/data/multinews/original_sample.jsonl, 92 clusters
   of full scraped pages): storyline's default summarizer and sumy's LexRank, in the same
   process, over the same cleaned and split clusters, after a warm-up; reports
   clusters/s of each and the ratio.
2. Multi-News val end to end: the batch command as a user runs it, in a child process,
   timing the whole run (model load included) and reading its peak RSS.

    .venv/bin/python benchmarks/speed.py [--skip-val] [--embedder static]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from storyline import SummaryOptions
from storyline.ingest import Cluster, read_clusters
from storyline.pipeline import Summarizer, prepare
from storyline.summarize import SumyRanker
from storyline.text import make_splitter

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews"


def sample_throughput(embedder: str, rounds: int) -> dict[str, float]:
    clusters = [c for c in read_clusters(DATA / "original_sample.jsonl") if isinstance(c, Cluster)]
    summarizer = Summarizer(SummaryOptions(embedder=embedder))
    lexrank = SumyRanker("lexrank")
    splitter = make_splitter("blingfire")
    summarizer(clusters[0].articles)  # warm-up: load the model, fill caches
    best = {"storyline": float("inf"), "lexrank": float("inf")}
    for _ in range(rounds):
        started = time.perf_counter()
        for _result in summarizer.summarize_many((c.id, c.articles) for c in clusters):
            pass
        best["storyline"] = min(best["storyline"], time.perf_counter() - started)
        started = time.perf_counter()
        for c in clusters:
            lexrank(prepare(c.articles, splitter=splitter), budget=230)
        best["lexrank"] = min(best["lexrank"], time.perf_counter() - started)
    n = len(clusters)
    return {
        "clusters": n,
        "storyline_clusters_per_s": n / best["storyline"],
        "lexrank_clusters_per_s": n / best["lexrank"],
        "ratio": best["lexrank"] / best["storyline"],
    }


def val_end_to_end(embedder: str, out: Path) -> dict[str, float]:
    cmd = [
        sys.executable,
        "-m",
        "storyline",
        "summarize",
        "--jsonl",
        str(DATA / "val.jsonl.gz"),
        "-o",
        str(out),
        "--quiet",
        "--embedder",
        embedder,
    ]
    started = time.perf_counter()
    subprocess.run(cmd, check=True)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with out.open(encoding="utf-8") as fh:
        n = sum(1 for _ in fh)
    return {"clusters": n, "seconds": elapsed, "clusters_per_s": n / elapsed, "peak_rss_mb": peak_kib / 1024}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedder", default=SummaryOptions().embedder)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-val", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("/tmp/storyline-val-out.jsonl"))
    args = parser.parse_args()
    report: dict[str, object] = {"embedder": args.embedder}
    sample = sample_throughput(args.embedder, args.rounds)
    report["original_sample"] = sample
    print(
        f"original sample ({sample['clusters']} clusters, best of {args.rounds}): storyline "
        f"{sample['storyline_clusters_per_s']:.1f} clusters/s, LexRank {sample['lexrank_clusters_per_s']:.2f} "
        f"clusters/s -> {sample['ratio']:.1f}x"
    )
    if not args.skip_val:
        val = val_end_to_end(args.embedder, args.out)
        report["val"] = val
        print(
            f"val end to end: {val['clusters']} clusters in {val['seconds']:.1f} s = "
            f"{val['clusters_per_s']:.1f} clusters/s, peak RSS {val['peak_rss_mb']:.0f} MB"
        )
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
