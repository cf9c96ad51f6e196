"""Seconds per story report on long wire text, per stage, and how it grows with the cluster.

    .venv/bin/python benchmarks/report_speed.py [--sizes 5 20 50 100] [--json FILE]

Clusters are DUC 2006 wire articles (../shared/data/duc/duc2006.jsonl.gz), full length:
the first 20 articles of D0609I (about 6,500 words) is the "20-article wire story";
the scaling rows take the first N articles of the DUC 2006 clusters in file order
(several topics once N passes 25, which only makes the name merging harder). Every
cluster is reported once after a warm-up report (models load then); each stage of
`Reporter.pipeline` is timed on its own, in this one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from pathlib import Path

from storyline.model import Article, Corpus
from storyline.pipeline import Reporter

DUC = Path(__file__).resolve().parents[2] / "shared" / "data" / "duc" / "duc2006.jsonl.gz"


def load() -> list[dict[str, object]]:
    with gzip.open(DUC, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def articles_of(docs: list[dict[str, str]]) -> list[Article]:
    return [Article(id=d["id"], text=d["text"], date=dt.date.fromisoformat(d["date"])) for d in docs]


def run_stages(reporter: Reporter, articles: list[Article]) -> dict[str, float]:
    corpus = Corpus(articles=tuple(articles))
    seconds: dict[str, float] = {}
    for stage in reporter.pipeline.stages:
        started = time.perf_counter()
        corpus = stage.run(corpus)
        seconds[stage.name] = time.perf_counter() - started
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 20, 50, 100])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    clusters = load()
    reporter = Reporter()
    by_id = {c["id"]: c for c in clusters}
    wire = articles_of(by_id["duc2006-D0609I"]["documents"][:20])  # type: ignore[index]
    run_stages(reporter, wire[:3])  # warm-up: load the models
    results: dict[str, object] = {}
    rows = [("D0609I, 20 articles", wire)]
    pool = [d for c in clusters for d in c["documents"]]  # type: ignore[attr-defined]
    rows += [(f"DUC 2006, first {n} articles", articles_of(pool[:n])) for n in args.sizes]
    print("| cluster | articles | words | total s | entities s | quotes s | claims s | parse s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, articles in rows:
        seconds = run_stages(reporter, articles)
        words = sum(len(a.text.split()) for a in articles)
        total = sum(seconds.values())
        results[name] = {"articles": len(articles), "words": words, "total_s": total, **seconds}
        print(
            f"| {name} | {len(articles)} | {words} | {total:.2f} | {seconds['entities']:.2f} | "
            f"{seconds['quotes']:.2f} | {seconds['claims']:.2f} | {seconds['parse']:.2f} |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
