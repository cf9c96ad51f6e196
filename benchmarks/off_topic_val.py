"""Off-topic document detection, scored against Multi-News+ labels on val.

Reads the output of a batch run (`storyline summarize --jsonl val.jsonl.gz -o OUT`)
and the gold `meta.multinews_plus_irrelevant_doc_indices` of the same file. A document
counts as flagged when storyline left it out as `off_topic` or `error_page`.

    .venv/bin/python benchmarks/off_topic_val.py /tmp/out.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

VAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews" / "val.jsonl.gz"
FLAGS = ("off_topic", "error_page")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    parser.add_argument("--data", type=Path, default=VAL)
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    by_size: dict[str, Counter[str]] = {}
    with (
        gzip.open(args.data, "rt", encoding="utf-8") as gold_fh,
        args.output.open(encoding="utf-8") as out_fh,
    ):
        for gold_line, out_line in zip(gold_fh, out_fh, strict=True):
            gold = json.loads(gold_line)
            result = json.loads(out_line)
            assert result.get("id") == gold["id"], (result.get("id"), gold["id"])
            labels = {str(i) for i in gold["meta"].get("multinews_plus_irrelevant_doc_indices", [])}
            flagged = {
                d["source"]
                for d in result.get("dropped", [])
                if d["kind"] == "document" and d["reason"] in FLAGS
            }
            size = "2 docs" if len(gold["documents"]) == 2 else "3+ docs"
            bucket = by_size.setdefault(size, Counter())
            for c in (counts, bucket):
                c["tp"] += len(flagged & labels)
                c["fp"] += len(flagged - labels)
                c["fn"] += len(labels - flagged)
                c["docs"] += len(gold["documents"])
                c["gold"] += len(labels)
    print(f"{'subset':8s} {'docs':>6} {'gold':>5} {'flagged':>7} {'precision':>9} {'recall':>6} {'f1':>5}")
    for name, c in [("all", counts), *sorted(by_size.items())]:
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        f = 2 * p * r / max(p + r, 1e-9)
        print(f"{name:8s} {c['docs']:6d} {c['gold']:5d} {c['tp'] + c['fp']:7d} {p:9.3f} {r:6.3f} {f:5.3f}")


if __name__ == "__main__":
    main()
