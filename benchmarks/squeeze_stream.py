"""Threads when a stream's topics overlap in time (issue 11, generalization).

The DUC dev stream (../shared/data/streams/duc_topics_dev.jsonl.gz: 1,489 wire articles,
60 topics) spans 1996-2000, and most of its topics run for years, so few of them are in
the news on the same days. A wire stream of a few months holds as many topics at once.
This squeezes the DUC stream into `--days` days (each article's date rank mapped linearly
onto the span, so the order of every article and every topic is kept, and each topic's
gaps shrink in proportion) and scores `storyline evaluate-clusters --level thread` on
it beside the stream as it is, in one run with the baseline.

    .venv/bin/python benchmarks/squeeze_stream.py ../shared/data/streams/duc_topics_dev.jsonl.gz --days 90,30
    .venv/bin/python benchmarks/squeeze_stream.py ../shared/data/streams/duc_topics_dev.jsonl.gz --days 90 --first 300

`--first N` scores the first N articles in date order of each stream (squeezed: the same
articles over a shorter span), as a feed's first days would give them. `--keep DIR` writes
the streams scored there (`as-given.jsonl`, `squeezed-90.jsonl`, ...), for
`benchmarks/rethread_choice.py`.

The DUC stream is a tuning stream of the thread model (`scripts/train_pair_model.py`);
squeezing keeps its articles and topics, so these are numbers on tuning data in a new
arrangement, not on held-out data.

Nothing was tuned on the squeezed streams.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

START = dt.date(1998, 1, 1)


def _read(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        return [json.loads(line) for line in fh if line.strip()]


def squeeze(rows: list[dict[str, Any]], days: int) -> list[dict[str, Any]]:
    """The stream in date order, its dates mapped by rank onto `days` days from `START`."""
    order = sorted(range(len(rows)), key=lambda i: (str(rows[i]["date"])[:10], i))
    out = []
    for rank, i in enumerate(order):
        day = START + dt.timedelta(days=rank * days // len(rows))
        out.append({**rows[i], "date": day.isoformat()})
    return out


def evaluate(stream: Path, baseline: bool, *extra: str) -> dict[str, Any]:
    """`storyline evaluate-clusters --level thread` on `stream` (with the baseline or not,
    and any `extra` options), its JSON scores; exits with the error where it fails."""
    with tempfile.NamedTemporaryFile(suffix=".json") as scores:
        args = [sys.executable, "-m", "storyline", "evaluate-clusters", str(stream), "--level", "thread"]
        args += ["--quiet", "--json", scores.name, *extra] + ([] if baseline else ["--no-baseline"])
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.exit(f"evaluate-clusters failed on {stream}:\n{done.stderr[-2000:]}")
        result: dict[str, Any] = json.loads(Path(scores.name).read_text(encoding="utf-8"))
        return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("stream", type=Path, help="a dated stream with thread gold in story_id")
    parser.add_argument("--days", default="90,30", help="comma-separated spans to squeeze into")
    parser.add_argument(
        "--first", type=int, help="score only the first N articles (in date order) of each stream"
    )
    parser.add_argument("--json", type=Path, help="write every score here")
    parser.add_argument("--keep", type=Path, help="also write the streams scored into this folder")
    args = parser.parse_args()
    try:
        rows = sorted(_read(args.stream), key=lambda r: str(r["date"])[:10])  # stable within a day
        spans = [int(d) for d in args.days.split(",")]
    except (OSError, ValueError, KeyError) as error:
        sys.exit(f"squeeze_stream: cannot read {args.stream} or --days {args.days!r}: {error}")
    first = args.first or len(rows)
    report: dict[str, Any] = {}
    print("| stream | storyline thread P / R / F1 (threads) | baseline F1 at its best threshold |")
    print("|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        streams = {"as given": ("as-given.jsonl", rows[:first])}
        streams |= {f"{d} days": (f"squeezed-{d}.jsonl", squeeze(rows, d)[:first]) for d in spans}
        for name, (file_name, stream) in streams.items():
            path = folder / file_name
            with path.open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in stream)
            scores = evaluate(path, baseline=True)
            report[name] = scores
            base = scores.get("baseline") or {}
            print(
                f"| {name} | {scores['bcubed_precision']:.4f} / {scores['bcubed_recall']:.4f} / "
                f"**{scores['bcubed_f1']:.4f}** ({scores['n_pred']}) | {base.get('bcubed_f1', float('nan')):.4f} |"
            )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
