"""Threads in a feed's first articles: B-cubed at several stream lengths (issue 11).

A user's first run is often small: a day's few hundred articles, or the first weeks of a
new feed. Re-threading (`cluster/_rethread.py`) decides on the whole run by a silhouette,
and what holds on 1,500 or 12,000 articles may not hold on 300. For each stream given and
each length N, the first N articles (date order, ties in file order; undated streams in
file order) are scored with `storyline evaluate-clusters --level thread`, once as shipped
and once with `--no-rethread` (the online threads), with the TF-IDF + agglomerative
baseline at its best threshold in the first run:

    .venv/bin/python benchmarks/make_stream.py --split val -o /tmp/stream-val.jsonl
    .venv/bin/python benchmarks/squeeze_stream.py ../shared/data/streams/duc_topics_dev.jsonl.gz \\
        --days 90 --keep /tmp/sqall
    .venv/bin/python benchmarks/first_articles.py /tmp/stream-val.jsonl \\
        ../shared/data/streams/duc_topics_dev.jsonl.gz /tmp/sqall/squeezed-90.jsonl

The Multi-News val stream (undated; each Multi-News cluster its own thread) was never
tuned on. The DUC stream, as given or squeezed, is a tuning stream of the thread model.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from squeeze_stream import evaluate  # benchmarks/: the same call, one place


def _read(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        rows = [json.loads(line) for line in fh if line.strip()]
    return sorted(rows, key=lambda r: str(r.get("date") or "")[:10])  # stable: file order within a day


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("streams", type=Path, nargs="+", help="streams with thread gold in story_id")
    parser.add_argument(
        "--first", default="200,250,300,400,500,600,800,1200,3000", help="comma-separated lengths"
    )
    parser.add_argument("--json", type=Path, help="write every score here")
    args = parser.parse_args()
    try:
        lengths = sorted({int(n) for n in args.first.split(",")})
        if not lengths or lengths[0] < 1:
            raise ValueError("lengths must be positive")
    except ValueError as error:
        sys.exit(f"first_articles: --first {args.first!r}: {error}")
    report: dict[str, Any] = {}
    print(
        "| stream | first N (gold threads) | re-threaded: P / R / **F1** (threads) | online: F1 (threads) | baseline F1 |"
    )
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        for path in args.streams:
            try:
                rows = _read(path)
                golds = [str(r["story_id"]) for r in rows]
            except (OSError, ValueError, KeyError, TypeError) as error:
                sys.exit(
                    f"first_articles: cannot read {path} (one JSON object per line with story_id): {error!r}"
                )
            name = f"{path.parent.name}/{path.name}" if path.parent.name.startswith("sq") else path.name
            for n in [n for n in lengths if n <= len(rows)]:
                part = Path(scratch) / f"first-{n}.jsonl"
                with part.open("w", encoding="utf-8") as fh:
                    fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows[:n])
                shipped = evaluate(part, True)
                online = evaluate(part, False, "--no-rethread")
                report[f"{name} {n}"] = {"rethreaded": shipped, "online": online}
                base = shipped.get("baseline") or {}
                gold = len(set(golds[:n]))
                print(
                    f"| {name} | {n} ({gold}) | {shipped['bcubed_precision']:.4f} / "
                    f"{shipped['bcubed_recall']:.4f} / **{shipped['bcubed_f1']:.4f}** ({shipped['n_pred']}) | "
                    f"{online['bcubed_f1']:.4f} ({online['n_pred']}) | {base.get('bcubed_f1', float('nan')):.4f} |",
                    flush=True,
                )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
