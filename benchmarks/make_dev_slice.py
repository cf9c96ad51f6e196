"""Write a held-out slice of Multi-News train for exploring without touching val.

The shipped scorer trains on the first 12,000 train clusters; clusters 40,000-40,999
are never seen in training, so they serve as a development set:

    .venv/bin/python benchmarks/make_dev_slice.py -o /tmp/dev1000.jsonl
    .venv/bin/storyline evaluate /tmp/dev1000.jsonl --systems storyline,lead
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews" / "train.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--start", type=int, default=40_000)
    parser.add_argument("--count", type=int, default=1_000)
    args = parser.parse_args()
    with gzip.open(TRAIN, "rt", encoding="utf-8") as src, args.output.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= args.start + args.count:
                break
            if i >= args.start:
                dst.write(line)


if __name__ == "__main__":
    main()
