"""Stories and threads on the dev streams in one go, ours beside the baseline (issue 11).

Runs, each in its own process (so that peak memory is its own):

1. `storyline evaluate-clusters VAL --level story` (Multi-News val stream, gold `story_id`:
   one event per Multi-News cluster), with the TF-IDF + agglomerative baseline at its
   best threshold;
2. `storyline evaluate-clusters DUC --level thread` (the DUC dev stream, gold `story_id`:
   a DUC topic, months to years long), with the baseline;
3. `storyline evaluate-clusters VAL --level thread` (each Multi-News cluster is its own
   thread: how much threads over-merge unrelated stories), without the baseline, whose
   scores are those of run 1;
4. with `--entities STREAM` (`benchmarks/make_stream.py --entities`): `storyline
   evaluate-clusters ENTITIES --level thread` (six people and companies followed over up
   to 18 years), with the baseline;
5. `storyline cluster VAL` end to end: articles/s and peak memory (VmHWM of the process
   plus its featurizing helper).

    .venv/bin/python benchmarks/make_stream.py --split val -o /tmp/stream-val.jsonl
    .venv/bin/python benchmarks/cluster_quality.py /tmp/stream-val.jsonl \\
        ../shared/data/streams/duc_topics_dev.jsonl.gz --entities /tmp/stream-entities.jsonl \\
        --json /tmp/cluster-quality.json

What was tuned on what: the pair model is trained on Multi-News train streams and on the
DUC and Entities dev streams (scripts/train_pair_model.py), so their thread scores are on
tuning data; Multi-News val was never used for training or tuning.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

_MEASURE = """
import resource, sys
from storyline.cli import main
code = main(sys.argv[1:])
# The peaks of this process and of its largest child (the featurizing helper), added up.
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("PEAK_MB", peak // 1024, file=sys.stderr)
sys.exit(code)
"""


def _storyline(*args: str) -> tuple[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"storyline {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout, done.stderr


def _evaluate(stream: Path, level: str, scratch: Path, *extra: str) -> dict[str, Any]:
    out = scratch / f"{stream.name}-{level}.json"
    _, err = _storyline(
        "evaluate-clusters", str(stream), "--level", level, "--json", str(out), "--quiet", *extra
    )
    result: dict[str, Any] = json.loads(out.read_text())
    result["peak_mb"] = int(re.search(r"PEAK_MB (\d+)", err).group(1))  # type: ignore[union-attr]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("val", type=Path, help="the Multi-News val stream (benchmarks/make_stream.py)")
    parser.add_argument("duc", type=Path, help="the DUC dev stream (duc_topics_dev.jsonl.gz)")
    parser.add_argument("--entities", type=Path, help="the Entities stream (make_stream.py --entities)")
    parser.add_argument("--json", type=Path, help="write every result here")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        results["val_story"] = _evaluate(args.val, "story", scratch)
        results["duc_thread"] = _evaluate(args.duc, "thread", scratch)
        results["val_thread"] = _evaluate(args.val, "thread", scratch, "--no-baseline")
        if args.entities is not None:
            results["entities_thread"] = _evaluate(args.entities, "thread", scratch)
        _storyline("cluster", str(args.val), "-o", str(scratch / "warm.jsonl"), "--quiet")  # page cache
        _, err = _storyline("cluster", str(args.val), "-o", str(scratch / "out.jsonl"))
        rate = re.search(r"\(([\d.]+) articles/s\)", err)
        peak = re.search(r"PEAK_MB (\d+)", err)
        results["val_cluster"] = {
            "articles_per_s": float(rate.group(1)) if rate else None,
            "peak_mb": int(peak.group(1)) if peak else None,
        }
    print(
        "| stream, level | tuned on it? | storyline P / R / F1 (groups) | baseline P / R / F1 (groups) @ t |"
    )
    print("|---|---|---|---|")
    tuned = {"val_story": "no", "duc_thread": "yes", "val_thread": "no", "entities_thread": "yes"}
    for key in [k for k in tuned if k in results]:
        r = results[key]
        ours = f"{r['bcubed_precision']:.4f} / {r['bcubed_recall']:.4f} / **{r['bcubed_f1']:.4f}** ({r['n_pred']}, gold {r['n_gold']})"
        b = r.get("baseline")
        base = (
            f"{b['bcubed_precision']:.4f} / {b['bcubed_recall']:.4f} / {b['bcubed_f1']:.4f} ({b['n_pred']}) @ {b['distance_threshold']}"
            if b
            else "as in the story row"
        )
        print(f"| {key.replace('_', ', ')} | {tuned[key]} | {ours} | {base} |")
    c = results["val_cluster"]
    print(
        f"\n`storyline cluster` on the val stream: {c['articles_per_s']} articles/s, peak {c['peak_mb']} MB"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
