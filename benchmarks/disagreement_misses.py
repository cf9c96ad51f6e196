"""Why the dev gold's disagreements that storyline misses are missed, by class.

    PYTHONHASHSEED=0 .venv/bin/python benchmarks/disagreement_misses.py [--list]

`report_figures.py` counts the gold disagreement pairs a report finds; this says, for each
one it misses, what keeps its two figures apart in the report's claims (`Story.claims`):

- unread: a figure of the pair is in no claim (not read, or read as no count);
- one claim, one reading: both figures are in one claim that reports no disagreement
  between them (it finds them compatible, or of two times or events);
- same key, two claims: both are keyed alike ("deaths") but sit in two claims: the key's
  rival figures and the rest, or one noun counted by two verbs ("20 states sued", "19
  states joined");
- scope differs: what they count is one, where or when is not ("deaths (in Kenya)"
  against "deaths");
- counted differs: they count different words ("crew" against "man").

Dev files only (`split` in tests/gold/figures/*.json): the held-out part is scored by
`report_figures.py` alone, as totals, and is never read pair by pair. `--list` prints
each missed pair with its gold key, the two claims and the figures as written.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from report_figures import GOLD, ROOT, SAMPLE, Value, _by_article_id, gold_pairs, rival_pairs

from storyline.ingest import Cluster, read_clusters
from storyline.model import Claim
from storyline.pipeline import Reporter

CLASSES = ("unread", "one claim, one reading", "same key, two claims", "scope differs", "counted differs")


def classify(a: list[Claim], b: list[Claim]) -> str:
    """The class of a missed pair whose figures are held by claims `a` and `b`."""
    if not a or not b:
        return "unread"
    if any(x is y for x in a for y in b):
        return "one claim, one reading"
    if any(x.counted == y.counted and x.scope == y.scope for x in a for y in b):
        return "same key, two claims"
    if any(x.counted == y.counted for x in a for y in b):
        return "scope differs"
    return "counted differs"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print every missed pair")
    args = parser.parse_args()
    reporter = Reporter()
    inputs: dict[Path, dict[str, list]] = {}
    tally: Counter[str] = Counter()
    listed: list[tuple[str, str, str, str]] = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["split"] != "dev":
            continue
        source = (ROOT / gold.get("input", str(SAMPLE))).resolve()
        if source not in inputs:
            inputs[source] = {c.id: c.articles for c in read_clusters(source) if isinstance(c, Cluster)}
        articles = inputs[source][gold["id"]]
        if "documents" in gold:
            by_id = {a.id: a for a in articles}
            articles = [by_id[d] for d in gold["documents"]]
        fixed = _by_article_id(gold, articles)
        story = reporter(articles, cluster_id=gold["id"])
        _, positive = gold_pairs(fixed)
        found = {pair for claim in story.claims if claim.disagreement for pair in rival_pairs(claim)}
        holders: dict[Value, list[Claim]] = {}
        written: dict[Value, str] = {}
        for claim in story.claims:
            for value in claim.values:
                holders.setdefault((value.source, value.value), []).append(claim)
                written[(value.source, value.value)] = value.text
        key_of = {
            (str(v["doc"]), float(v["value"])): q["key"] for q in fixed["quantities"] for v in q["values"]
        }
        for pair in sorted(positive - found, key=sorted):
            a, b = sorted(pair)
            kind = classify(holders.get(a, []), holders.get(b, []))
            tally[kind] += 1
            abouts = " / ".join(
                "|".join(sorted({c.about for c in holders.get(v, [])})) or "-" for v in (a, b)
            )
            texts = f"{written.get(a, a[1])!r} / {written.get(b, b[1])!r}"
            listed.append((kind, path.stem, key_of.get(a, ""), f"{abouts} :: {texts}"))
    total = sum(tally.values())
    print(f"missed dev gold disagreement pairs: {total}")
    print()
    print("| class | pairs |")
    print("|---|---|")
    for kind in CLASSES:
        print(f"| {kind} | {tally[kind]} |")
    if args.list:
        print()
        for row in sorted(listed):
            print(" | ".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
