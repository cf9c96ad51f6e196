"""Lines whose opening words are a page's notice to the reader's browser, on cluster files.

    .venv/bin/python benchmarks/browser_notices.py [FILE ...] [--sample N] [--seed S]

Each FILE is a file of clusters (`{"id", "documents": [...]}`, JSONL, plain or gzip); by
default the Multi-News original-web-text sample, val and train beside the repository. For
each line of each report that the cleaner's `BROWSER_NOTICE_PREFIX` matches ("Please enable
javascript to watch this video", "JavaScript must be enabled to view our maps"), it counts
the line, and whether the notice is the whole line or a prefix with the report run on after
it; then prints the most common cut prefixes and a random sample of N cuts with the words
that follow, so that a reader can check the rule cuts junk only.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from storyline.clean._rules import BROWSER_NOTICE_PREFIX
from storyline.ingest import Cluster, read_clusters

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews"
DEFAULT = [DATA / "original_sample.jsonl", DATA / "val.jsonl.gz", DATA / "train.jsonl.gz"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--sample", type=int, default=15, help="random cuts to print")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    cuts: list[tuple[str, str]] = []
    for path in args.files:
        if not path.exists():
            print(f"error: {path} not found", file=sys.stderr)
            return 1
        for cluster in read_clusters(path):
            if not isinstance(cluster, Cluster):
                continue
            for article in cluster.articles:
                for line in article.text.split("\n"):
                    line = line.strip()
                    lower = line.lower()
                    if "javascript" not in lower and "browser" not in lower:
                        continue  # every opening the pattern knows names one of the two
                    found = BROWSER_NOTICE_PREFIX.match(line)
                    if found:
                        cuts.append((line[: found.end()], line[found.end() :]))
    whole = sum(1 for _, rest in cuts if not rest.strip())
    print(f"lines cut: {len(cuts)} ({whole} whole lines, {len(cuts) - whole} prefixes before a report)")
    for prefix, n in Counter(p[:70] for p, _ in cuts).most_common(10):
        print(f"{n:5}  {prefix!r}")
    random.seed(args.seed)
    print("sample:")
    for prefix, rest in random.sample(cuts, min(args.sample, len(cuts))):
        print(f"  {prefix[-60:]!r} || {rest[:60]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
