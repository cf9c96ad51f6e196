"""Citations beyond a summary sentence's origin, against a blind citation audit.

    .venv/bin/python benchmarks/citation_audit.py                      # the dev audit
    .venv/bin/python benchmarks/citation_audit.py --audit dev2         # the second dev audit
    .venv/bin/python benchmarks/citation_audit.py --audit held-out     # the held-out audit
    .venv/bin/python benchmarks/citation_audit.py dump OUT --audit held-out --per-set 60

`tests/gold/audits/citations.jsonl` holds 180 citations storyline made at 1b9aafb, judged by
a helper from the cited report's best-matching passage: "yes" (it states the sentence's
fact), "partly" or "no" (README there). The citation rules were chosen on it: it is dev.
`citations_heldout.jsonl` holds citations of other clusters (`citations_heldout_clusters.json`),
dumped at a later commit with `dump` and judged the same way before any rule was measured
on them; `citations_dev2.jsonl` (`citations_dev2_clusters.json`) is a second dev audit of
yet other clusters, dumped after the topic rule, for rules chosen after it.

Scoring runs the same reports, finds each audited sentence again by its hash, and counts
which audited citations the code still makes: a change that drops "no" citations and
keeps "yes" ones is better. `dump` writes every citation the reports make now, sampled
per set, with the summary sentence and the cited report's best-matching passage (text for
the annotator; it stays out of the repository).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from storyline.ingest import Cluster, read_clusters
from storyline.model import Article, Story
from storyline.pipeline import Reporter
from storyline.text import content_words
from storyline.timelines import timeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
AUDIT = ROOT / "tests" / "gold" / "audits"
DEV_SETS = (
    ("web", SHARED / "multinews" / "original_sample.jsonl", 30),
    ("wire", SHARED / "duc" / "duc2007_update.jsonl.gz", 30),
)
LABELS = ("yes", "partly", "no")
AUDITS = {
    "dev": "citations",
    "dev2": "citations_dev2",
    "held-out": "citations_heldout",
    "timelines": "citations_timelines",
}


def archive_clusters() -> list[tuple[str, list[Article]]]:
    """The dev audit's two archive clusters, by report id."""
    wanted = json.loads((AUDIT / "citations_clusters.json").read_text(encoding="utf-8"))
    by_id = {
        a.id: a
        for c in read_clusters(SHARED / "timelines" / "entities_dev.jsonl.gz")
        if isinstance(c, Cluster)
        for a in c.articles
    }
    return [(name, [by_id[i] for i in ids]) for name, ids in wanted.items()]


def dev_runs() -> list[tuple[str, str, list[Article]]]:
    runs: list[tuple[str, str, list[Article]]] = []
    for name, path, limit in DEV_SETS:
        clusters = [c for c in read_clusters(path) if isinstance(c, Cluster)][:limit]
        runs += [(name, c.id, c.articles) for c in clusters]
    return runs + [("archive", cid, articles) for cid, articles in archive_clusters()]


def spec_runs(spec_path: Path) -> list[tuple[str, str, list[Article]]]:
    """The clusters a spec file names (`citations_heldout_clusters.json`)."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    runs: list[tuple[str, str, list[Article]]] = []
    for name, how in spec["sets"].items():
        clusters = [c for c in read_clusters(SHARED / how["input"]) if isinstance(c, Cluster)]
        if "windows" not in how:
            chosen = clusters[how["start"] : how["start"] + how["count"]]
            runs += [(name, c.id, c.articles) for c in chosen]
            continue
        by_topic = {c.id: c.articles for c in clusters}
        for topic, first, days in how["windows"]:
            start = dt.date.fromisoformat(first)
            end = start + dt.timedelta(days=days)
            articles = [a for a in by_topic[topic] if a.date is not None and start <= a.date <= end]
            runs.append((name, f"{topic}@{first}", articles))
    return runs


def sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def citations(story: Story) -> Iterator[tuple[str, str]]:
    """(summary sentence, cited report id) for each citation beyond the sentence's origin."""
    for sentence in story.summary.sentences:
        for source in sentence.sources:
            if source != sentence.origin:
                yield sentence.text, source


Cited = tuple[list[tuple[str, str]], dict[str, str], list[str]]
"""A run's citations beyond the origin, (sentence, cited report id), its reports' texts, and
every sentence it chose (cited beyond its origin or not)."""


def report_citations() -> Callable[[str, list[Article]], Cited]:
    """The citations of each run's story report summary."""
    reporter = Reporter()

    def cited(cluster_id: str, articles: list[Article]) -> Cited:
        story = reporter(articles, cluster_id=cluster_id)
        texts = {d.article.id: d.article.text for d in story.documents}
        return list(citations(story)), texts, [s.text for s in story.summary.sentences]

    return cited


def timeline_citations(cluster_id: str, articles: list[Article]) -> Cited:
    """The citations of each key date's sentences in the run's timeline (`storyline
    timeline` defaults): every report but the first that a sentence lists."""
    found = timeline(articles)
    pairs = [(s.text, source) for d in found.dates for s in d.summary for source in s.sources[1:]]
    return pairs, {a.id: a.text for a in articles}, [s.text for d in found.dates for s in d.summary]


def score(
    audit_path: Path, runs: list[tuple[str, str, list[Article]]], cite: Callable[[str, list[Article]], Cited]
) -> None:
    audit = [json.loads(line) for line in audit_path.read_text(encoding="utf-8").splitlines()]
    labels = {(a["cluster"], a["sentence_sha1"], a["cited"]): a["label"] for a in audit}
    second = {(a["cluster"], a["sentence_sha1"], a["cited"]): a["label_b"] for a in audit if "label_b" in a}
    kept_b: Counter[str] = Counter()
    sentences = {(a["cluster"], a["sentence_sha1"]) for a in audit}
    sets = list(dict.fromkeys(a["set"] for a in audit))
    kept: Counter[str] = Counter()
    kept_by_set: Counter[tuple[str, str]] = Counter()
    found: set[tuple[str, str]] = set()
    made: Counter[str] = Counter()
    for name, cluster_id, articles in runs:
        pairs, _, chosen = cite(cluster_id, articles)
        found.update((cluster_id, sha(text)) for text in chosen if (cluster_id, sha(text)) in sentences)
        for text, source in pairs:
            key = sha(text)
            made[name] += 1
            label = labels.get((cluster_id, key, source))
            if label:
                kept[label] += 1
                kept_by_set[name, label] += 1
            if (cluster_id, key, source) in second:
                kept_b[second[cluster_id, key, source]] += 1
    total = Counter(a["label"] for a in audit)
    print(f"audit: {audit_path.relative_to(ROOT)}")
    print(f"audited sentences found again: {len(found)} of {len(sentences)}")
    print("| label | audited | still cited |")
    print("|---|---:|---:|")
    for label in LABELS:
        print(f"| {label} | {total[label]} | {kept[label]} |")
    by_set = Counter((a["set"], a["label"]) for a in audit)
    for name in sets:
        cells = ", ".join(f"{label} {kept_by_set[name, label]}/{by_set[name, label]}" for label in LABELS)
        print(f"{name}: still cited of audited: {cells}")
    cited = sum(kept.values())
    print(f"precision of the audited citations still made (yes / all): {kept['yes']}/{cited}")
    if second:
        total_b = Counter(second.values())
        cells = ", ".join(f"{label} {kept_b[label]}/{total_b[label]}" for label in LABELS)
        print(f"by the second annotator: still cited of audited: {cells}")
    print(
        f"citations beyond the origin made: {dict(made)} ({sum(made.values())}; audited {sum(total.values())})"
    )


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+|\n+")


def passage(summary: str, report: str) -> str:
    """The report's sentence that shares most content words with `summary`, with the
    sentences on either side of it."""
    parts = [p.strip() for p in _SENTENCE_END.split(report) if p.strip()]
    if not parts:
        return ""
    mine = set(content_words(summary))
    best = max(range(len(parts)), key=lambda i: (len(mine & set(content_words(parts[i]))), -i))
    return " ".join(parts[max(best - 1, 0) : best + 2])


def dump(
    out: Path,
    runs: list[tuple[str, str, list[Article]]],
    cite: Callable[[str, list[Article]], Cited],
    *,
    per_set: int,
    seed: int,
) -> None:
    by_set: dict[str, list[dict[str, Any]]] = {}
    for name, cluster_id, articles in runs:
        pairs, texts, _ = cite(cluster_id, articles)
        for text, source in pairs:
            by_set.setdefault(name, []).append(
                {
                    "set": name,
                    "cluster": cluster_id,
                    "sentence_sha1": sha(text),
                    "cited": source,
                    "summary_sentence": text,
                    "passage": passage(text, texts.get(source, "")),
                }
            )
    rng = random.Random(seed)
    chosen: list[dict[str, Any]] = []
    for name, items in by_set.items():
        chosen += rng.sample(items, min(per_set, len(items)))
        print(f"{name}: {len(items)} citations made, {min(per_set, len(items))} sampled", file=sys.stderr)
    rng.shuffle(chosen)
    with out.open("w", encoding="utf-8") as fh:
        for n, item in enumerate(chosen):
            fh.write(json.dumps({"item": n, **item}, ensure_ascii=False) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", choices=["score", "dump"], default="score")
    parser.add_argument("out", nargs="?", type=Path, help="dump: where to write the sampled citations")
    parser.add_argument(
        "--audit",
        choices=list(AUDITS),
        default="dev",
        help="which audit and its clusters: dev (citations.jsonl), dev2, held-out, or timelines",
    )
    parser.add_argument("--per-set", type=int, default=45)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    name = AUDITS[args.audit]
    runs = dev_runs() if args.audit == "dev" else spec_runs(AUDIT / f"{name}_clusters.json")
    cite = timeline_citations if args.audit == "timelines" else report_citations()
    if args.command == "dump":
        if args.out is None:
            parser.error("dump needs OUT")
        dump(args.out, runs, cite, per_set=args.per_set, seed=args.seed)
        return 0
    score(AUDIT / f"{name}.jsonl", runs, cite)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
