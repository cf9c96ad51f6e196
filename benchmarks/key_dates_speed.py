"""The report's key_dates stage: reading the corpus's sentences and embeddings vs splitting again.

    .venv/bin/python benchmarks/key_dates_speed.py [--runs 3] [--duc]

The stage builds the story's summarized timeline (issue 12). It used to run
`storyline.timelines.timeline` over the cleaned texts, which splits and embeds every
sentence a second time; it now reads the corpus as the earlier stages left it
(`timeline_of_corpus`). Both forms run here, in one process, on the same reporter
(models loaded once, one warm-up report first), alternately `--runs` times each; each
stage of `Reporter.pipeline` is timed on its own. The input is the bundled example
(examples/kessport-fire); `--duc` adds the first 20 articles of DUC 2006 cluster
D0609I (../shared/data/duc), long wire text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import statistics
import time
from dataclasses import replace
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest import read_files
from storyline.model import Agreement, Article, Corpus, KeyDate
from storyline.pipeline import Reporter, Stage
from storyline.timelines import timeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kessport-fire"
DUC = ROOT.parent / "shared" / "data" / "duc" / "duc2006.jsonl.gz"


def resplit_stage(reporter: Reporter) -> Stage:
    """The former stage: `timeline()` over the included articles' cleaned texts."""
    embedder = reporter.summarizer.embedder

    def run(corpus: Corpus) -> Corpus:
        articles = [
            replace(a, text=a.body) for i, a in enumerate(corpus.articles) if i not in corpus.excluded
        ]
        try:
            found = timeline(articles, embedder=embedder)
        except InputError:
            return corpus.with_(key_dates=())
        key_dates = tuple(
            KeyDate(day.date, tuple(Agreement(s.text, s.sources) for s in day.summary)) for day in found.dates
        )
        return corpus.with_(key_dates=key_dates)

    return Stage("key_dates", run)


def run_stages(stages: list[Stage], articles: list[Article]) -> tuple[dict[str, float], Corpus]:
    corpus = Corpus(articles=tuple(articles))
    seconds: dict[str, float] = {}
    for stage in stages:
        started = time.perf_counter()
        corpus = stage.run(corpus)
        seconds[stage.name] = time.perf_counter() - started
    return seconds, corpus


def duc_cluster() -> list[Article]:
    with gzip.open(DUC, "rt", encoding="utf-8") as handle:
        clusters = {c["id"]: c for c in map(json.loads, handle)}
    docs = clusters["duc2006-D0609I"]["documents"][:20]
    return [Article(id=d["id"], text=d["text"], date=dt.date.fromisoformat(d["date"])) for d in docs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duc", action="store_true", help="also the 20-article DUC wire cluster")
    args = parser.parse_args()
    reporter = Reporter()
    now = list(reporter.pipeline.stages)
    before = [*now[:-1], resplit_stage(reporter)]
    example, _ = read_files([EXAMPLE])
    inputs = [("bundled example", list(example))]
    if args.duc:
        inputs.append(("DUC 2006 D0609I, 20 articles", duc_cluster()))
    run_stages(now, inputs[0][1])  # warm-up: load the models
    for label, articles in inputs:
        times: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
        key_dates: dict[str, tuple[KeyDate, ...] | None] = {}
        for _ in range(args.runs):
            for name, stages in (("before", before), ("after", now)):
                seconds, corpus = run_stages(stages, articles)
                times[name].append(seconds)
                key_dates[name] = corpus.key_dates
        print(f"{label} ({len(articles)} articles), {args.runs} runs each, alternating:")
        means = {}
        for name in ("before", "after"):
            totals = [sum(s.values()) for s in times[name]]
            stage = [s["key_dates"] for s in times[name]]
            means[name] = (statistics.mean(totals), statistics.mean(stage))
            print(
                f"  {name:<6} report {' '.join(f'{t:.3f}' for t in totals)} s (mean {means[name][0]:.3f}); "
                f"key_dates stage {' '.join(f'{t:.3f}' for t in stage)} s (mean {means[name][1]:.3f})"
            )
        print(
            f"  after/before: report {means['after'][0] / means['before'][0]:.3f}, "
            f"key_dates stage {means['after'][1] / means['before'][1]:.3f}"
        )
        same = [k.date for k in key_dates["before"] or ()] == [k.date for k in key_dates["after"] or ()]
        print(f"  same key dates: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
