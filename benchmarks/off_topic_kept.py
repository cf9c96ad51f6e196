"""Reports left out as off-topic where every report is on topic, and on the web sample.

    .venv/bin/python benchmarks/off_topic_kept.py [--before OLD/src] [--list]

Two measures of the off-topic rule (`storyline.summarize.exclude_off_topic`, the default
static embedder), each for this checkout and, with `--before`, for another source tree
in the same run (a child process each):

- DUC 2006 and the DUC 2007 update sets: NIST chose every report of a set for its topic,
  so every report left out is one a reader loses (some are syndication notices or lists
  that are no story, so the floor is not zero);
- the Multi-News original web sample against the Multi-News+ labels
  (`meta.multinews_plus_irrelevant_doc_indices` of the same cluster in train or val, found
  by its summary): precision and recall of the reports left out.

Reports left out by cleaning (error pages, empty) count as left out in both.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
DUC = [DATA / "duc" / "duc2006.jsonl.gz", DATA / "duc" / "duc2007_update.jsonl.gz"]
SAMPLE = DATA / "multinews" / "original_sample.jsonl"
LABELLED = [DATA / "multinews" / "train.jsonl.gz", DATA / "multinews" / "val.jsonl.gz"]


def _key(summary: str) -> str:
    """A summary as both forms of Multi-News write it (case, spacing, punctuation out)."""
    return re.sub(r"[^a-z0-9]", "", summary.lower())[:100]


def _labels() -> dict[str, set[int]]:
    """The Multi-News+ labels of the web sample's clusters, by the sample's cluster id."""
    wanted = {}
    with SAMPLE.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            wanted[_key(record["summary"])] = record["id"]
    labels: dict[str, set[int]] = {}
    for path in LABELLED:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                cluster = wanted.get(_key(record.get("summary", "")))
                if cluster is not None:
                    labels[cluster] = set(record["meta"].get("multinews_plus_irrelevant_doc_indices", []))
    return labels


def measure() -> dict[str, object]:
    """Run in the tree on `sys.path`: the left-out reports of each data set."""
    from storyline.embed import make_embedder
    from storyline.ingest import Cluster, read_clusters
    from storyline.pipeline import embed_corpora, prepare
    from storyline.summarize import exclude_off_topic
    from storyline.text import make_splitter

    embedder = make_embedder("static")
    splitter = make_splitter("blingfire")

    def left_out(path: Path) -> dict[str, list[int]]:
        clusters = [c for c in read_clusters(path) if isinstance(c, Cluster)]
        corpora = embed_corpora([prepare(c.articles, splitter=splitter) for c in clusters], embedder)
        out = {}
        for cluster, corpus in zip(clusters, corpora, strict=True):
            kept = exclude_off_topic(
                corpus, threshold=embedder.off_topic_threshold, max_gap=embedder.off_topic_gap
            )
            out[cluster.id] = sorted(kept.excluded)
        return out

    duc: dict[str, list[int]] = {}
    reports = 0
    for path in DUC:
        duc.update(left_out(path))
        reports += sum(len(c.articles) for c in read_clusters(path) if isinstance(c, Cluster))
    return {"duc": duc, "duc_reports": reports, "web": left_out(SAMPLE)}


def _table(name: str, result: dict[str, object], labels: dict[str, set[int]]) -> list[str]:
    duc = result["duc"]
    web = result["web"]
    assert isinstance(duc, dict) and isinstance(web, dict)
    gone = sum(len(v) for v in duc.values())
    tp = fp = fn = 0
    for cluster, gold in labels.items():
        flagged = set(web.get(cluster, []))
        tp, fp, fn = tp + len(flagged & gold), fp + len(flagged - gold), fn + len(gold - flagged)
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    return [
        f"| {name} | {gone} of {result['duc_reports']} | {precision:.2f} ({tp}/{tp + fp}) | "
        f"{recall:.2f} ({tp}/{tp + fn}) |"
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, help="src/ directory of another version, run in the same run")
    parser.add_argument("--list", action="store_true", help="list the DUC reports each version leaves out")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure()))
        return 0
    runs = {}
    for name, src in [("before", args.before), ("after", ROOT / "src")]:
        if src is None:
            continue
        env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
        done = subprocess.run(
            [sys.executable, __file__, "--child"], env=env, capture_output=True, text=True, check=True
        )
        runs[name] = json.loads(done.stdout)
    labels = _labels()
    print(f"web sample clusters with labels: {len(labels)}, labelled off-topic reports: "
          f"{sum(len(v) for v in labels.values())}")  # fmt: skip
    print()
    print("| version | DUC reports left out | web sample: precision | recall |")
    print("|---|---|---|---|")
    for name, result in runs.items():
        print("\n".join(_table(name, result, labels)))
    if args.list:
        for name, result in runs.items():
            print(f"\n{name}:")
            for cluster, docs in result["duc"].items():
                if docs:
                    print(f"  {cluster}: {docs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
