"""Every news set x {storyline, Lead, LexRank, TextRank, oracle} in one run (issue 15).

Each set is scored at its reference length, the same word budget for every system,
through the library's evaluation (`storyline.compare.evaluate_clusters`, what
`storyline evaluate` runs): ROUGE-1/2/Lsum F1 x100 (rouge-score, stemmed; the mean
over references where a cluster has several), plus readability counts over every
system's output as scored (`storyline.evaluate.Readability`: fragments, wire credits,
unresolved pronoun starts).

Sets (from ../shared/data, never copied into the repository):
- multinews-val: Multi-News val at 230 words (`--limit N`: the first N clusters);
- duc2006: DUC 2006, 50 clusters of 25 articles, 250 words, four references;
- duc2007-A: DUC 2007 update task, the 10 A sets, 100 words, four references;
- duc2007-BC: its 20 B and C sets, 100 words, scored as plain summaries for now
  (not yet as updates on what the reader saw in the earlier sets).

    .venv/bin/python benchmarks/summary_sets.py --limit 500 --json /tmp/sets.json --md /tmp/sets.md

Dev data for tuning is Multi-News train and DUC 2006 / DUC 2007 (issue 15); val is
reported, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.compare import SYSTEMS, evaluate_clusters
from storyline.evaluate import Readability
from storyline.ingest import BadLine, Cluster, read_clusters
from storyline.model import Corpus, SummaryOptions

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@dataclass(frozen=True)
class DataSet:
    name: str
    path: Path
    words: int
    part: str = ""  # "A": DUC 2007 A sets only; "BC": B and C sets only

    def clusters(self) -> Iterator[Cluster | BadLine]:
        for record in read_clusters(self.path):
            if isinstance(record, Cluster) and self.part:
                previous = (record.extra.get("meta") or {}).get("previous_clusters") or []
                if (self.part == "A") == bool(previous):
                    continue
            yield record


SETS = {
    s.name: s
    for s in (
        DataSet("multinews-val", DATA / "multinews" / "val.jsonl.gz", 230),
        DataSet("duc2006", DATA / "duc" / "duc2006.jsonl.gz", 250),
        DataSet("duc2007-A", DATA / "duc" / "duc2007_update.jsonl.gz", 100, part="A"),
        DataSet("duc2007-BC", DATA / "duc" / "duc2007_update.jsonl.gz", 100, part="BC"),
    )
}


def positions_of(corpus: Corpus) -> dict[str, tuple[int, int]]:
    """Each sentence text's (document, position); the first occurrence wins."""
    out: dict[str, tuple[int, int]] = {}
    for s in corpus.sentences:
        out.setdefault(s.text, (s.doc_index, s.position))
    return out


def run_set(data: DataSet, systems: list[str], options: SummaryOptions, limit: int | None) -> dict[str, Any]:
    readability = {name: Readability() for name in systems}

    def on_output(
        cluster: Cluster, system: str, words: int, output: list[str], cut: list[str], corpus: Corpus
    ) -> None:
        was_cut = bool(cut) and cut[-1] != output[len(cut) - 1]
        readability[system].add(cut, cut=was_cut, positions=positions_of(corpus))

    started = time.perf_counter()
    result = evaluate_clusters(
        data.clusters(),
        systems=systems,
        words=[data.words],
        options=SummaryOptions(
            words=data.words, embedder=options.embedder, model=options.model, scorer=options.scorer
        ),
        limit=limit,
        on_output=on_output,
    )
    scores = result.at(data.words)
    n = max((s.n for s in scores.values()), default=0)
    return {
        "set": data.name,
        "data": f"../shared/data/{data.path.relative_to(DATA)}",
        "words": data.words,
        "clusters": n,
        "limit": limit,
        "references": result.n_references,
        "seconds": round(time.perf_counter() - started, 1),
        "systems": {
            name: scores[name].as_dict()
            | {"readability": readability[name].as_dict(), "examples": readability[name].examples}
            for name in systems
        },
        "skipped": result.skipped[:20],
    }


def markdown(results: list[dict[str, Any]]) -> str:
    lines = [
        "| set | clusters | words | system | R1 | R2 | RLsum | clusters/s | fragments | wire credits | unresolved pronouns | sentences |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        for name, s in r["systems"].items():
            rd = s["readability"]
            lines.append(
                f"| {r['set']} | {r['clusters']} | {r['words']} | {name} | {s['rouge1']:.2f} | {s['rouge2']:.2f} "
                f"| {s['rougeLsum']:.2f} | {s['clusters_per_s']:.1f} | {rd['fragments']} | {rd['wire_credits']} "
                f"| {rd['unresolved_pronouns']} | {rd['sentences']} |"
            )
    lines.append("")
    lines.append("Margins of storyline over the best of Lead and LexRank (ROUGE-1 / ROUGE-2):")
    lines.append("")
    for r in results:
        s = r["systems"]
        if "storyline" not in s:
            continue
        rivals = [b for b in ("lead", "lexrank") if b in s]
        if not rivals:
            continue
        r1 = s["storyline"]["rouge1"] - max(s[b]["rouge1"] for b in rivals)
        r2 = s["storyline"]["rouge2"] - max(s[b]["rouge2"] for b in rivals)
        lines.append(f"- {r['set']}: R1 {r1:+.2f}, R2 {r2:+.2f} (against {' and '.join(rivals)})")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ",".join(SETS))
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated: " + ",".join(SYSTEMS))
    parser.add_argument("--limit", type=int, default=None, help="Multi-News val: the first N clusters only")
    parser.add_argument("--embedder", default="static")
    parser.add_argument("--scorer", default="auto")
    parser.add_argument("--json", type=Path, help="write every score and count as JSON")
    parser.add_argument("--md", type=Path, help="write the markdown table")
    args = parser.parse_args()
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    names = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown set {unknown[0]!r}; choose from {', '.join(SETS)}")
    options = SummaryOptions(embedder=args.embedder, scorer=args.scorer)
    results = []
    for name in names:
        limit = args.limit if name == "multinews-val" else None
        print(f"{name}: running {', '.join(systems)} ...", file=sys.stderr, flush=True)
        results.append(run_set(SETS[name], systems, options, limit))
        print(f"{name}: done in {results[-1]['seconds']} s", file=sys.stderr, flush=True)
        if args.json:  # written after every set, so a long run leaves what it finished
            args.json.write_text(json.dumps({"results": results}, indent=2) + "\n", encoding="utf-8")
    table = markdown(results)
    print(table)
    if args.md:
        args.md.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
