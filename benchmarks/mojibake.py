"""Mojibake left after repair, on feeds or cluster files.

    .venv/bin/python benchmarks/mojibake.py FILE [FILE ...]

Each FILE is a feed (one article per line: `{"id", "text", ...}`) or a file of clusters
(`{"id", "documents": [...]}`), JSONL, plain or gzip. For each it counts the texts that hold
the start of a UTF-8-as-Windows-1252 sequence ("â€", "Ã"), and the texts where characters
that only mojibake leaves ("â€", "†", "™", U+FFFD, "Ã", "Â") are still there after
repair: the given text, cleaning's repair (`storyline.text.fix_text`, ftfy after the split
sequences are joined), and the cheap repair the timeline and the clusterer read
(`storyline.text.repair_mojibake`). It also times both repairs on the texts that hold a
sequence (milliseconds per text, one pass each, in this process).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from storyline.text import fix_text, has_split_mojibake, repair_mojibake

LEFT = ("â€", "†", "™", "\ufffd", "Ã", "Â")


def texts_of(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            if isinstance(record.get("documents"), list):
                for document in record["documents"]:
                    yield document["text"] if isinstance(document, dict) else str(document)
            elif isinstance(record.get("text"), str):
                yield record["text"]


def left(texts: list[str]) -> tuple[int, Counter[str]]:
    counts: Counter[str] = Counter()
    n = 0
    for text in texts:
        found = [c for c in LEFT if c in text]
        n += bool(found)
        counts.update(found)
    return n, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    print(
        "| file | texts | with a sequence | left as given | left after cleaning | left after the cheap repair | ms per text: cleaning / cheap |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for path in args.files:
        try:
            texts = list(texts_of(path))
        except (OSError, ValueError, KeyError, TypeError) as exc:  # unreadable, not JSONL, no text
            print(f"mojibake.py: cannot read {path}: {exc}", file=sys.stderr)
            return 2
        marked = [t for t in texts if has_split_mojibake(t)]
        start = time.perf_counter()
        cleaned = [fix_text(t) for t in marked]
        middle = time.perf_counter()
        cheap = ["\n".join(repair_mojibake(t)) for t in marked]
        end = time.perf_counter()
        n = max(len(marked), 1)
        given_left, _ = left(marked)
        clean_left, clean_chars = left(cleaned)
        cheap_left, _ = left(cheap)
        print(
            f"| {path.name} | {len(texts):,} | {len(marked):,} | {given_left:,} | {clean_left:,} "
            f"({', '.join(f'{c!r} {k}' for c, k in clean_chars.most_common())}) | {cheap_left:,} | "
            f"{(middle - start) * 1000 / n:.2f} / {(end - middle) * 1000 / n:.2f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
