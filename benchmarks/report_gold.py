"""Accuracy of the story report against the gold annotations in tests/gold/, and its speed.

    .venv/bin/python benchmarks/report_gold.py [--timing] [--json FILE]

For every tests/gold/*.json it builds the report of that cluster (the bundled
example, or the cluster of ../shared/data/multinews/original_sample.jsonl with the
same id), scores it with storyline.evaluate.score_report and prints precision and
recall per feature, for the example alone and over all gold clusters (micro
average). With --timing it also reports every cluster of the original sample
(92 clusters) and prints the time per cluster against the summary alone, in the
same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from storyline.errors import InputError
from storyline.evaluate import FEATURES, Counts, score_report, total
from storyline.ingest import Cluster, read_clusters, read_files
from storyline.model import Article
from storyline.pipeline import Reporter, Summarizer

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
SAMPLE = ROOT.parent / "shared" / "data" / "multinews" / "original_sample.jsonl"
# The gold clusters whose errors were read while the rules were written; the others
# were never looked at, so their scores are the honest estimate.
DEV = {
    "kessport-fire",
    "girasella-sample-15247",
    "girasella-sample-17496",
    "girasella-sample-22059",
    "girasella-sample-35142",
    "girasella-sample-35713",
}


def load_inputs() -> dict[str, list[Article]]:
    clusters = {}
    if SAMPLE.exists():
        clusters = {c.id: c.articles for c in read_clusters(SAMPLE) if isinstance(c, Cluster)}
    articles, _ = read_files([ROOT / "examples" / "kessport-fire"])
    clusters["kessport-fire"] = articles
    return clusters


def fmt(value: float | None) -> str:
    return "  –  " if value is None else f"{value:.3f}"


def table(title: str, scores: dict[str, Counts]) -> str:
    lines = [
        f"### {title}",
        "",
        "| feature | precision | recall | n predicted | n gold |",
        "|---|---|---|---|---|",
    ]
    for feature in FEATURES:
        c = scores[feature]
        lines.append(f"| {feature} | {fmt(c.precision)} | {fmt(c.recall)} | {c.n_pred} | {c.n_gold} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timing", action="store_true", help="also time every original-sample cluster")
    parser.add_argument("--json", type=Path, help="write the scores as JSON")
    args = parser.parse_args()
    inputs = load_inputs()
    reporter = Reporter()
    per_cluster: dict[str, dict[str, Counts]] = {}
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["id"] not in inputs:
            print(f"skipped {path.name}: no input for {gold['id']}", file=sys.stderr)
            continue
        story = reporter(inputs[gold["id"]], cluster_id=gold["id"])
        per_cluster[gold["id"]] = score_report(story.to_dict(), gold)
    print(table("bundled example (kessport-fire)", per_cluster["kessport-fire"]))
    print()
    dev = [s for k, s in per_cluster.items() if k in DEV and k != "kessport-fire"]
    held_out = [s for k, s in per_cluster.items() if k not in DEV]
    print(table(f"original sample, {len(dev)} development clusters (errors read while building)", total(dev)))
    print()
    print(table(f"original sample, {len(held_out)} held-out clusters (never inspected)", total(held_out)))
    print()
    print(table(f"all {len(per_cluster)} gold clusters", total(per_cluster.values())))
    result: dict[str, object] = {
        cluster: {f: _counts(c) for f, c in s.items()} for cluster, s in per_cluster.items()
    }
    if args.timing:
        result["timing"] = timing(inputs, reporter)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


def _counts(c: Counts) -> dict[str, int]:
    return {"hit_pred": c.hit_pred, "n_pred": c.n_pred, "hit_gold": c.hit_gold, "n_gold": c.n_gold}


def timing(inputs: dict[str, list[Article]], reporter: Reporter) -> dict[str, float]:
    """Seconds per cluster on the whole original sample: report against summary alone, same run."""
    clusters = [v for k, v in inputs.items() if k != "kessport-fire"]
    summarizer = Summarizer(reporter.options.summary, embedder=reporter.summarizer.embedder)
    summarizer(clusters[0])  # warm both up
    reporter(clusters[0])
    report_s, summary_s = [], []
    for articles in clusters:
        started = time.perf_counter()
        try:
            summarizer(articles)
        except InputError:  # a cluster without usable text is skipped by both
            continue
        summary_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        reporter(articles)
        report_s.append(time.perf_counter() - started)
    out = {
        "clusters": float(len(report_s)),
        "report_s_mean": statistics.mean(report_s),
        "report_s_median": statistics.median(report_s),
        "report_s_max": max(report_s),
        "summary_s_mean": statistics.mean(summary_s),
        "report_over_summary": statistics.mean(report_s) / statistics.mean(summary_s),
    }
    print()
    print(
        f"timing on {len(report_s)} original-sample clusters: report {out['report_s_mean']:.3f} s/cluster "
        f"(median {out['report_s_median']:.3f}, max {out['report_s_max']:.3f}); summary alone "
        f"{out['summary_s_mean']:.3f} s/cluster; report/summary = {out['report_over_summary']:.1f}x"
    )
    return out


if __name__ == "__main__":
    raise SystemExit(main())
