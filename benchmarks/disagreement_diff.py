"""Which disagreements a change adds or drops, on clusters no one has read.

A rule built from the dev gold or the audits is tuned on them; before it is trusted, see
what it changes on text no one tuned on. This runs two source trees of storyline (the old
one, for example from `git worktree add /tmp/before REV`, and this checkout) over the same
clusters of Multi-News train (never read to build storyline), picked by a pattern the
change is about, and prints every reported disagreement only one of them gives, with the
words around each figure, to be read by hand: a change that generalizes drops false ones
and adds real ones there too.

    .venv/bin/python benchmarks/disagreement_diff.py --before /tmp/before/src \\
        --grep 'including the (?:gunman|shooter)' [--n 60] [--seed 7] [--data FILE]

The pattern is a case-insensitive regular expression over a cluster's raw line; of the
clusters it matches, `--n` are drawn with `--seed`. Multi-News train is mostly lower case:
for a rule that reads capitals, give `--data ../shared/data/duc/duc2006.jsonl.gz` (wire
text in its case; the sets with figure gold are left out) and `(?-i:...)` in the pattern.
Each tree runs in its own child process (`PYTHONPATH`), so the two never share a module.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "multinews" / "train.jsonl.gz"
GOLD = ROOT / "tests" / "gold" / "figures"

CHILD = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
import storyline
from disagreement_audit import reported
from storyline.ingest import Cluster, read_clusters
reporter = storyline.Reporter()
out = []
for cluster in read_clusters(Path(sys.argv[1])):
    if isinstance(cluster, Cluster):
        out.extend({"cluster": cluster.id, **item} for item in reported(cluster, reporter, context=160))
Path(sys.argv[2]).write_text(json.dumps({"file": storyline.__file__, "reported": out}, default=str))
"""


def pick(pattern: str, n: int, seed: int, source: Path = TRAIN) -> list[str]:
    """Up to `n` raw cluster lines of `source` that match `pattern`, drawn with `seed`; never
    a cluster a figure gold file holds."""
    wanted = re.compile(pattern, re.IGNORECASE)
    gold = {json.loads(p.read_text(encoding="utf-8")).get("id") for p in GOLD.glob("*.json")}
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as lines:
        matching = [line for line in lines if wanted.search(line) and json.loads(line).get("id") not in gold]
    random.Random(seed).shuffle(matching)
    return matching[:n]


def run_tree(src: Path, clusters: Path, out: Path) -> list[dict[str, Any]]:
    env = dict(os.environ, PYTHONPATH=str(src))
    args = [sys.executable, "-c", CHILD, str(clusters), str(out), str(ROOT / "benchmarks")]
    subprocess.run(args, env=env, check=True)
    result = json.loads(out.read_text(encoding="utf-8"))
    if not str(result["file"]).startswith(str(src.resolve())):
        raise SystemExit(f"the child imported {result['file']}, not the tree under {src}")
    return list(result["reported"])


def _key(item: dict[str, Any]) -> tuple[Any, ...]:
    values = tuple(sorted((str(v["source"]), float(v["value"])) for v in item["values"]))
    return item["cluster"], item["about"], values


def differences(
    before: list[dict[str, Any]], after: list[dict[str, Any]]
) -> list[tuple[str, dict[str, Any]]]:
    """("dropped", item) for each disagreement only `before` reports (same cluster, label and
    figures), ("added", item) for each only `after` reports."""
    old, new = {_key(i): i for i in before}, {_key(i): i for i in after}
    return [("dropped", old[k]) for k in old if k not in new] + [
        ("added", new[k]) for k in new if k not in old
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", type=Path, required=True, help="the old tree's src directory")
    parser.add_argument("--grep", required=True, help="pick clusters whose line matches this pattern")
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=TRAIN, help="clusters, one JSON a line (.gz or not)")
    args = parser.parse_args()
    if not args.data.is_file():
        raise SystemExit(f"no such file: {args.data}")
    if not (args.before / "storyline").is_dir():
        raise SystemExit(
            f"--before must be a source tree's src directory (with storyline/ in it): {args.before}"
        )
    try:
        re.compile(args.grep)
    except re.error as exc:
        raise SystemExit(f"--grep is no regular expression: {exc}") from None
    lines = pick(args.grep, args.n, args.seed, args.data)
    if not lines:
        raise SystemExit(f"no cluster of {args.data.name} matches {args.grep!r}")
    with tempfile.TemporaryDirectory() as tmp:
        clusters = Path(tmp) / "clusters.jsonl"
        clusters.write_text("".join(lines), encoding="utf-8")
        before = run_tree(args.before, clusters, Path(tmp) / "before.json")
        after = run_tree(ROOT / "src", clusters, Path(tmp) / "after.json")
    changed = differences(before, after)
    for what, item in changed:
        print(f"=== {what}: {item['cluster']} {item['about']} ({item.get('kind')})")
        for value in item["values"]:
            context = " ".join(str(value.get("context") or "").split())
            print(
                f"  * {value['text']!r} ({value['source']}, {value.get('date') or 'undated'}): {context[:320]}"
            )
    print(
        f"\n{len(lines)} clusters matching {args.grep!r} (seed {args.seed}): {len(before)} disagreements "
        f"before, {len(after)} after; {sum(w == 'dropped' for w, _ in changed)} dropped, "
        f"{sum(w == 'added' for w, _ in changed)} added"
    )


if __name__ == "__main__":
    main()
