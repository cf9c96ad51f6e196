"""Digest throughput: stories reported here, and on Ray with 1 and 2 local workers, in one run.

    .venv/bin/python benchmarks/make_stream.py --split val -o /tmp/stream-val.jsonl
    .venv/bin/python benchmarks/digest_speed.py /tmp/stream-val.jsonl --articles 600

Takes the first N articles of a stream, clusters them once (the local engine), then
times `build_digest` over the same stories three ways: in this process, and on a local
Ray cluster with 1 and with 2 worker actors. Checks that the three give the same reports.
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import islice
from pathlib import Path

from storyline.digest import build_digest, group_stories
from storyline.ingest import ArticleRow, iter_articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stream", type=Path)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = (r for r in iter_articles(args.stream) if isinstance(r, ArticleRow))
    articles = [r.article for r in islice(rows, args.articles)]
    stories = group_stories(articles)
    print(f"{len(articles)} articles, {len(stories)} stories")
    results: dict[str, dict[str, float]] = {}
    reference = None
    for name, engine, workers in (
        ("local", "local", None),
        ("ray, 1 worker", "ray", 1),
        ("ray, 2 workers", "ray", 2),
    ):
        started = time.perf_counter()
        entries = build_digest(stories, engine=engine, n_workers=workers)
        elapsed = time.perf_counter() - started
        texts = [e.report.summary.text if e.report else e.error for e in entries]
        if reference is None:
            reference = texts
        same = texts == reference
        results[name] = {"seconds": elapsed, "stories_per_s": len(stories) / elapsed, "same_as_local": same}
        print(f"{name:15s} {elapsed:7.1f} s  {len(stories) / elapsed:6.2f} stories/s  same reports: {same}")
        if engine == "ray":
            import ray

            ray.shutdown()  # the next run starts its own cluster with its own worker count
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
