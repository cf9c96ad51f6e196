"""Threads when a topical stream is mixed into a larger one (issue 11, generalization).

Real feeds are not one corpus: long-running topics arrive among thousands of one-off
stories. This builds such a stream from two dev streams and checks that each part keeps
the quality it has alone:

- the DUC dev stream (../shared/data/streams/duc_topics_dev.jsonl.gz: 1,489 dated wire
  articles, 1996-2000, 60 topics; gold at the thread level);
- the Multi-News val stream (`benchmarks/make_stream.py --split val`: 12,479 undated
  articles, one story per Multi-News cluster). Each val story is given one random day in
  DUC's span (seeded), and each of its articles that day or up to two days later, so a val
  story stays one event in time.

`storyline cluster` runs over the mixed stream in each configuration asked for; B-cubed is
scored on each part separately (DUC articles against their topics, val articles against
their stories, at the thread and the story level), beside the same part run alone. The
largest threads are listed with how many articles of each part they hold: a thread that
takes many parts is a topic that swallowed others.

    .venv/bin/python benchmarks/make_stream.py --split val -o /tmp/stream-val.jsonl
    .venv/bin/python benchmarks/mixed_stream.py /tmp/stream-val.jsonl \\
        ../shared/data/streams/duc_topics_dev.jsonl.gz --runs default,--no-rethread

Any dated topic stream with `story_id` can stand in for DUC (the tables still call it
"DUC"); the Entities timeline stream (`make_stream.py --entities`: six topics followed for
years) checks that broad topics are not cut into pieces among one-off stories:

    .venv/bin/python benchmarks/mixed_stream.py /tmp/stream-val.jsonl /tmp/stream-entities.jsonl --runs default

Nothing here was tuned on the mixed stream; see docs/benchmarks.md for what it was used for.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from storyline.cluster import bcubed

SEED = 1
SPREAD_DAYS = 2
"""A val story's articles fall on its day or up to this many days later."""


def _read(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        return [json.loads(line) for line in fh if line.strip()]


def mix(val: list[dict[str, Any]], duc: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The mixed stream in date order, each article's part and gold in `part` and `gold`."""
    days = [dt.date.fromisoformat(a["date"][:10]).toordinal() for a in duc]
    low, high = min(days), max(days)
    rng = random.Random(SEED)
    story_day: dict[str, int] = {}
    rows = [{**a, "part": "duc", "gold": str(a["story_id"])} for a in duc]
    for a in val:
        day = story_day.setdefault(str(a["story_id"]), rng.randint(low, high))
        date = dt.date.fromordinal(day + rng.randint(0, SPREAD_DAYS)).isoformat()
        rows.append({**a, "date": date, "part": "val", "gold": str(a["story_id"])})
    rows.sort(key=lambda a: (a["date"][:10], str(a["id"])))
    return rows


def _cluster(stream: Path, out: Path, args: list[str]) -> dict[str, dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-m", "storyline", "cluster", str(stream), "-o", str(out), "--quiet", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"storyline cluster {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    with out.open(encoding="utf-8") as fh:
        return {str(r["id"]): r for r in map(json.loads, fh)}


def _scores(rows: list[dict[str, Any]], result: dict[str, dict[str, Any]], part: str) -> dict[str, Any]:
    picked = [r for r in rows if r["part"] == part]
    gold = [r["gold"] for r in picked]
    scores: dict[str, Any] = {}
    for level in ("thread", "story"):
        b = bcubed([result[str(r["id"])][level] for r in picked], gold)
        scores[level] = {"p": b.precision, "r": b.recall, "f1": b.f1, "groups": b.n_pred}
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("val", type=Path, help="the Multi-News val stream (make_stream.py --split val)")
    parser.add_argument("duc", type=Path, help="duc_topics_dev.jsonl.gz")
    parser.add_argument(
        "--runs",
        default="default,--no-rethread",
        help="comma-separated configurations: 'default' or extra `storyline cluster` flags",
    )
    parser.add_argument("--json", type=Path, help="write every score here")
    args = parser.parse_args()
    val, duc = _read(args.val), _read(args.duc)
    rows = mix(val, duc)
    report: dict[str, Any] = {"articles": len(rows), "runs": {}}
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        paths = {"mixed": tmp / "mixed.jsonl", "duc": tmp / "duc.jsonl", "val": tmp / "val.jsonl"}
        for name, subset in (
            ("mixed", rows),
            ("duc", [r for r in rows if r["part"] == "duc"]),
            ("val", [r for r in rows if r["part"] == "val"]),
        ):
            with paths[name].open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in subset)
        print(
            f"{len(rows)} articles: {len(duc)} DUC ({len({r['gold'] for r in rows if r['part'] == 'duc'})} topics), "
            f"{len(val)} val ({len({r['gold'] for r in rows if r['part'] == 'val'})} stories)\n"
        )
        print(
            "| run | part | alone: thread F1 / story F1 | mixed: thread P / R / F1 (threads) | mixed: story F1 |"
        )
        print("|---|---|---|---|---|")
        for run in [r.strip() for r in args.runs.split(",") if r.strip()]:
            extra = [] if run == "default" else run.split()
            mixed = _cluster(paths["mixed"], tmp / "out-mixed.jsonl", extra)
            entry: dict[str, Any] = {}
            for part in ("duc", "val"):
                alone = _cluster(paths[part], tmp / f"out-{part}.jsonl", extra)
                a = _scores(rows, alone, part)
                m = _scores(rows, mixed, part)
                entry[part] = {"alone": a, "mixed": m}
                t = m["thread"]
                print(
                    f"| {run} | {part} | {a['thread']['f1']:.4f} / {a['story']['f1']:.4f} | "
                    f"{t['p']:.4f} / {t['r']:.4f} / **{t['f1']:.4f}** ({t['groups']}) | {m['story']['f1']:.4f} |"
                )
            sizes = collections.Counter(r["thread"] for r in mixed.values())
            parts = collections.defaultdict(collections.Counter)
            for r in rows:
                parts[mixed[str(r["id"])]["thread"]][r["part"]] += 1
            largest = [
                {
                    "thread": t,
                    "articles": n,
                    **dict(parts[t]),
                    "duc_topics": len(
                        {r["gold"] for r in rows if r["part"] == "duc" and mixed[str(r["id"])]["thread"] == t}
                    ),
                }
                for t, n in sizes.most_common(5)
            ]
            entry["largest_threads"] = largest
            report["runs"][run] = entry
            print(
                "|  | largest threads | "
                + "; ".join(
                    f"{x['articles']} ({x.get('duc', 0)} DUC of {x['duc_topics']} topics, {x.get('val', 0)} val)"
                    for x in largest
                )
                + " | | |"
            )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
