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
- duc2007-BC: its 20 B and C sets, 100 words; duc2007-B and duc2007-C: the 10 B and
  the 10 C sets alone.

Update summaries (issue 15): on the B and C sets the reader already saw the topic's
earlier sets (A for B; A and B for C: `meta.previous_clusters`). Two more systems run
there, `storyline-update` (storyline given the earlier sets' reports as seen) and
`storyline-since` (storyline on the earlier and the current reports as one cluster,
with `since` the current set's first date), and every system's output is checked for
sentences that repeat a fact of an earlier set (the report's same-fact test,
`FactMatcher`): the "repeats seen" column (zero for the update systems by
construction: they leave such sentences out). "R2 earlier" is an independent check:
ROUGE-2 F1 of the same output against the earlier sets' references (what the reader
was already told; lower is less old news).

    .venv/bin/python benchmarks/summary_sets.py --limit 500 --json /tmp/sets.json --md /tmp/sets.md
    .venv/bin/python benchmarks/summary_sets.py --sets duc2007-B,duc2007-C \
        --systems storyline,storyline-update,storyline-since,lead,lexrank

Dev data for tuning is Multi-News train and DUC 2006 / DUC 2007 (issue 15); val is
reported, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from storyline.compare import SYSTEMS, SystemScore, evaluate_clusters, references_of
from storyline.evaluate import Readability, rouge, truncate_words
from storyline.ingest import BadLine, Cluster, read_clusters
from storyline.model import Corpus, SummaryOptions
from storyline.pipeline import Summarizer, embed_corpora, prepare
from storyline.summarize import Seen, summarize_corpus
from storyline.text import make_splitter

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@dataclass(frozen=True)
class DataSet:
    name: str
    path: Path
    words: int
    part: str = ""  # DUC 2007 update sets: "A", "B", "C" or "BC" (B and C)

    def clusters(self) -> Iterator[Cluster | BadLine]:
        for record in read_clusters(self.path):
            if isinstance(record, Cluster) and self.part and _part(record) not in self.part:
                continue
            yield record

    def previous(self) -> dict[str, list[Cluster]]:
        """Each cluster's earlier clusters (what its reader saw), by cluster id."""
        everything = [r for r in read_clusters(self.path) if isinstance(r, Cluster)]
        by_name = {_name(c): c for c in everything}
        return {
            c.id: [by_name[p] for p in (c.extra.get("meta") or {}).get("previous_clusters") or []]
            for c in everything
        }


def _name(cluster: Cluster) -> str:
    """The DUC set name that `meta.previous_clusters` uses: "D0703A-B" of "duc2007-update-D0703A-B"."""
    return "-".join(cluster.id.split("-")[-2:])


def _part(cluster: Cluster) -> str:
    """A, B or C: the set's place in its topic (A when the reader saw nothing before)."""
    return (
        cluster.id.rsplit("-", 1)[-1] if (cluster.extra.get("meta") or {}).get("previous_clusters") else "A"
    )


SETS = {
    s.name: s
    for s in (
        DataSet("multinews-val", DATA / "multinews" / "val.jsonl.gz", 230),
        DataSet("duc2006", DATA / "duc" / "duc2006.jsonl.gz", 250),
        DataSet("duc2007-A", DATA / "duc" / "duc2007_update.jsonl.gz", 100, part="A"),
        DataSet("duc2007-BC", DATA / "duc" / "duc2007_update.jsonl.gz", 100, part="BC"),
        DataSet("duc2007-B", DATA / "duc" / "duc2007_update.jsonl.gz", 100, part="B"),
        DataSet("duc2007-C", DATA / "duc" / "duc2007_update.jsonl.gz", 100, part="C"),
    )
}
UPDATE_SYSTEMS = ("storyline-update", "storyline-since")
DEFAULT_SETS = ("multinews-val", "duc2006", "duc2007-A", "duc2007-B", "duc2007-C")


def positions_of(corpus: Corpus) -> dict[str, tuple[int, int]]:
    """Each sentence text's (document, position); the first occurrence wins."""
    out: dict[str, tuple[int, int]] = {}
    for s in corpus.sentences:
        out.setdefault(s.text, (s.doc_index, s.position))
    return out


def run_set(data: DataSet, systems: list[str], options: SummaryOptions, limit: int | None) -> dict[str, Any]:
    options = SummaryOptions(
        words=data.words, embedder=options.embedder, model=options.model, scorer=options.scorer
    )
    updates = data.part in ("B", "C", "BC")
    systems = [s for s in systems if updates or s not in UPDATE_SYSTEMS]
    readability = {name: Readability() for name in systems}
    summarizer = Summarizer(options) if updates else None
    previous = data.previous() if updates else {}
    seen_of = _seen_sets(previous, summarizer) if summarizer is not None else {}
    repeats = dict.fromkeys(systems, 0)
    earlier = dict.fromkeys(systems, 0.0)
    splitter = make_splitter(options.splitter)
    earlier_refs = {
        cid: [[r[a:b] for a, b in splitter.split(r)] or [r] for c in cs for r in references_of(c)]
        for cid, cs in previous.items()
        if cs
    }

    def on_output(
        cluster: Cluster, system: str, words: int, output: list[str], cut: list[str], corpus: Corpus
    ) -> None:
        was_cut = bool(cut) and cut[-1] != output[len(cut) - 1]
        readability[system].add(cut, cut=was_cut, positions=positions_of(corpus))
        if summarizer is not None and cut:
            seen = seen_of[cluster.id]
            found = seen.repeats(cut, summarizer.embedder.embed(cut), matcher=summarizer.matcher)
            repeats[system] += int(found.sum())
            earlier[system] += rouge(cut, earlier_refs[cluster.id]).rouge2

    started = time.perf_counter()
    plain = [s for s in systems if s not in UPDATE_SYSTEMS]
    result = evaluate_clusters(
        data.clusters(), systems=plain, words=[data.words], options=options, limit=limit, on_output=on_output
    )
    scores = result.at(data.words)
    if summarizer is not None:
        for name in (s for s in systems if s in UPDATE_SYSTEMS):
            scores[name] = _run_update(name, data, summarizer, previous, seen_of, on_output)
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
            | (
                {
                    "repeats_seen": repeats[name],
                    "rouge2_earlier": round(100 * earlier[name] / max(scores[name].n, 1), 3),
                }
                if updates
                else {}
            )
            for name in systems
        },
        "skipped": result.skipped[:20],
    }


def _seen_sets(previous: dict[str, list[Cluster]], summarizer: Summarizer) -> dict[str, Seen]:
    """Each cluster's seen sentences: every sentence of its earlier clusters, embedded."""
    corpora = {}
    for before in {c.id: c for cs in previous.values() for c in cs}.values():
        corpora[before.id] = prepare(before.articles, splitter=summarizer.splitter)
    embedded = dict(zip(corpora, embed_corpora(list(corpora.values()), summarizer.embedder), strict=True))
    dim = next(iter(embedded.values())).embeddings.shape[1] if embedded else 0  # type: ignore[union-attr]
    return {cid: Seen.of_corpora([embedded[c.id] for c in cs], dim=dim) for cid, cs in previous.items() if cs}


def _run_update(
    name: str,
    data: DataSet,
    summarizer: Summarizer,
    previous: dict[str, list[Cluster]],
    seen_of: dict[str, Seen],
    on_output: Callable[[Cluster, str, int, list[str], list[str], Corpus], None],
) -> SystemScore:
    """Storyline as an update summary, scored as `evaluate_clusters` scores the others:
    "storyline-update" is given the earlier sets' sentences as seen; "storyline-since"
    reads the earlier and current reports as one cluster, with `since` the current set's
    first date (each earlier set ends before the next begins)."""
    splitter = make_splitter(summarizer.options.splitter)
    score = SystemScore(name, data.words)
    for cluster in data.clusters():
        if not isinstance(cluster, Cluster) or cluster.id not in seen_of:
            continue
        refs = references_of(cluster)
        ref_sentences = [[ref[a:b] for a, b in splitter.split(ref)] or [ref] for ref in refs]
        started = time.perf_counter()
        if name == "storyline-update":
            corpus = embed_corpora([prepare(cluster.articles, splitter=splitter)], summarizer.embedder)[0]
            options, seen = summarizer.options, seen_of[cluster.id]
        else:
            earlier = [a for c in previous[cluster.id] for a in c.articles]
            since = min(a.date for a in cluster.articles if a.date is not None)
            assert all(a.date is not None and a.date < since for a in earlier), cluster.id
            corpus = embed_corpora(
                [prepare([*earlier, *cluster.articles], splitter=splitter)], summarizer.embedder
            )[0]
            options, seen = replace(summarizer.options, since=since), None
        summary = summarize_corpus(
            corpus,
            options=options,
            embedder=summarizer.embedder,
            scorer=summarizer.scorer,
            selector=summarizer.selector,
            matcher=summarizer.matcher,
            seen=seen,
        )
        score.seconds += time.perf_counter() - started
        output = [s.text for s in summary.sentences]
        cut = truncate_words(output, data.words)
        for metric, value in rouge(cut, ref_sentences).as_dict().items():
            score.totals[metric] += value
        score.n += 1
        on_output(cluster, name, data.words, output, cut, corpus)
    return score


def markdown(results: list[dict[str, Any]]) -> str:
    lines = [
        "| set | clusters | words | system | R1 | R2 | RLsum | clusters/s | fragments | wire credits | unresolved pronouns | unresolved connectives | quotes left open | sentences | repeats seen | R2 earlier |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        for name, s in r["systems"].items():
            rd = s["readability"]
            lines.append(
                f"| {r['set']} | {r['clusters']} | {r['words']} | {name} | {s['rouge1']:.2f} | {s['rouge2']:.2f} "
                f"| {s['rougeLsum']:.2f} | {s['clusters_per_s']:.1f} | {rd['fragments']} | {rd['wire_credits']} "
                f"| {rd['unresolved_pronouns']} | {rd.get('unresolved_connectives', '')} | {rd.get('open_quotes', '')} | {rd['sentences']} "
                f"| {s.get('repeats_seen', '')} "
                f"| {_number(s.get('rouge2_earlier'))} |"
            )
    lines.append("")
    lines.append("Margins of storyline over the best of Lead and LexRank (ROUGE-1 / ROUGE-2):")
    lines.append("")
    for r in results:
        s = r["systems"]
        rivals = [b for b in ("lead", "lexrank") if b in s]
        for mine in (m for m in ("storyline", *UPDATE_SYSTEMS) if m in s and rivals):
            r1 = s[mine]["rouge1"] - max(s[b]["rouge1"] for b in rivals)
            r2 = s[mine]["rouge2"] - max(s[b]["rouge2"] for b in rivals)
            name = r["set"] if mine == "storyline" else f"{r['set']} {mine}"
            lines.append(f"- {name}: R1 {r1:+.2f}, R2 {r2:+.2f} (against {' and '.join(rivals)})")
    return "\n".join(lines) + "\n"


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS), help="comma-separated: " + ",".join(SETS))
    choices = (*SYSTEMS, *UPDATE_SYSTEMS)
    parser.add_argument(
        "--systems",
        default=",".join(choices),
        help="comma-separated: " + ",".join(choices) + " (the update systems run on B and C sets only)",
    )
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
