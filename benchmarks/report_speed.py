"""Seconds per story report on long wire text, per stage, and how it grows with the cluster.

    .venv/bin/python benchmarks/report_speed.py [--sizes 5 20 50 100] [--json FILE] [--workers-ab]
    .venv/bin/python benchmarks/report_speed.py --parse-rate

With `--parse-rate`, only the spaCy parse's CPU time per word in this one process, over the
paragraphs of DUC 2006's first 60 articles (the floor of a long report: on N cores a cluster
of W words needs at least W x rate / N seconds of parsing).

Clusters are DUC 2006 wire articles (../shared/data/duc/duc2006.jsonl.gz), full length:
the first 20 articles of D0609I (about 6,500 words) is the "20-article wire story";
the scaling rows take the first N articles of the DUC 2006 clusters in file order
(several topics once N passes 25, which only makes the name merging harder). Every
cluster is reported once after the models load (`warm_up`: full reports of two other
clusters); each stage of `Reporter.pipeline` is timed on its own, in this one run.

With `--workers-ab`, each cluster is reported by two Reporters in turn, one parsing in this
process alone (`ReportOptions(parse_workers=0)`) and one with the default parse workers
(one fewer than the CPUs): wall seconds of both, same run, and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from pathlib import Path

from storyline.model import Article, Corpus, ReportOptions
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
    parser.add_argument("--workers-ab", action="store_true", help="parse workers off and on, in turn")
    parser.add_argument("--parse-rate", action="store_true", help="CPU ms per word of the parse alone")
    args = parser.parse_args()
    if args.parse_rate:
        return parse_rate()
    if args.workers_ab:
        return workers_ab(args)
    clusters = load()
    reporter = Reporter()
    by_id = {c["id"]: c for c in clusters}
    wire = articles_of(by_id["duc2006-D0609I"]["documents"][:20])  # type: ignore[index]
    warm_up(reporter, clusters)
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


def warm_up(reporter: Reporter, clusters: list[dict[str, object]]) -> None:
    """Load every model before anything is timed ("after models load"): report the first
    20 articles of two clusters that are not D0609I, with a pause between for the parse
    workers, which load their own model in the background. A few articles of the timed
    cluster itself are not enough: some models load on first use, a worker still loading
    leaves the whole parse to this process, and the timed texts would be cached."""
    others = [c for c in clusters if c["id"] != "duc2006-D0609I"][:2]
    for number, cluster in enumerate(others):
        run_stages(reporter, articles_of(cluster["documents"][:20]))  # type: ignore[index]
        if number == 0:
            time.sleep(5)


def parse_rate() -> int:
    from storyline.analyze import load_nlp

    pool = [d for c in load() for d in c["documents"]][:60]  # type: ignore[attr-defined]
    paragraphs = [p for d in pool for p in d["text"].split("\n") if p.strip()]
    words = sum(len(p.split()) for p in paragraphs)
    nlp = load_nlp()
    list(nlp.pipe(paragraphs[:30]))  # warm
    started = time.process_time()
    list(nlp.pipe(paragraphs, batch_size=64))
    cpu = time.process_time() - started
    print(f"{words} words, {cpu:.1f} s of CPU: {cpu / words * 1000:.3f} ms per word")
    return 0


def workers_ab(args: argparse.Namespace, rounds: int = 3) -> int:
    clusters = load()
    by_id = {c["id"]: c for c in clusters}
    wire = articles_of(by_id["duc2006-D0609I"]["documents"][:20])  # type: ignore[index]
    alone = Reporter(ReportOptions(parse_workers=0))
    shared = Reporter(ReportOptions())
    warm_up(alone, clusters)
    warm_up(shared, clusters)
    pool = [d for c in clusters for d in c["documents"]]  # type: ignore[attr-defined]
    rows = [("D0609I, 20 articles", wire)]
    rows += [(f"DUC 2006, first {n} articles", articles_of(pool[:n])) for n in args.sizes]
    results: dict[str, object] = {}
    print(
        "| cluster | words | one process: total s (parse s) | with parse workers: total s (parse s) | ratio |"
    )
    print("|---|---|---|---|---|")
    for name, articles in rows:
        a_runs, b_runs = [], []
        for _ in range(rounds if len(articles) <= 50 else 1):
            a_runs.append(run_stages(alone, articles))
            b_runs.append(run_stages(shared, articles))
        a = min(a_runs, key=lambda r: sum(r.values()))
        b = min(b_runs, key=lambda r: sum(r.values()))
        ta, tb = sum(a.values()), sum(b.values())
        words = sum(len(x.text.split()) for x in articles)
        results[name] = {"words": words, "alone": a, "shared": b}
        print(
            f"| {name} | {words} | {ta:.2f} ({a['parse']:.2f}) | {tb:.2f} ({b['parse']:.2f}) | {tb / ta:.2f} |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
