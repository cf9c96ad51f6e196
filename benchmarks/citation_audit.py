"""Citations beyond a summary sentence's origin, against the citation audit.

    .venv/bin/python benchmarks/citation_audit.py

`tests/gold/audits/citations.jsonl` holds 180 citations storyline made at 1b9aafb, judged by
a helper from the cited report's best-matching passage: "yes" (it states the sentence's
fact), "partly" or "no" (README there). This script runs the same reports (the first 30
clusters of the Multi-News original sample and of the DUC 2007 update sets, and two
Entities clusters whose report ids are in `citations_clusters.json`), finds each audited
sentence again by its hash, and counts which audited citations the code still makes: a
change that drops "no" citations and keeps "yes" ones is better. It also prints every
citation the reports make, audited or not.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from storyline.ingest import Cluster, read_clusters
from storyline.model import Article
from storyline.pipeline import Reporter

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
AUDIT = ROOT / "tests" / "gold" / "audits"
SETS = (
    ("web", SHARED / "multinews" / "original_sample.jsonl", 30),
    ("wire", SHARED / "duc" / "duc2007_update.jsonl.gz", 30),
)


def archive_clusters() -> list[tuple[str, list[Article]]]:
    wanted = json.loads((AUDIT / "citations_clusters.json").read_text(encoding="utf-8"))
    by_id = {
        a.id: a
        for c in read_clusters(SHARED / "timelines" / "entities_dev.jsonl.gz")
        if isinstance(c, Cluster)
        for a in c.articles
    }
    return [(name, [by_id[i] for i in ids]) for name, ids in wanted.items()]


def main() -> int:
    audit = [
        json.loads(line) for line in (AUDIT / "citations.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    labels = {(a["cluster"], a["sentence_sha1"], a["cited"]): a["label"] for a in audit}
    sentences = {(a["cluster"], a["sentence_sha1"]) for a in audit}
    reporter = Reporter()
    runs: list[tuple[str, str, list[Article]]] = []
    for name, path, limit in SETS:
        clusters = [c for c in read_clusters(path) if isinstance(c, Cluster)][:limit]
        runs += [(name, c.id, c.articles) for c in clusters]
    runs += [("archive", cid, articles) for cid, articles in archive_clusters()]
    kept: Counter[str] = Counter()
    kept_by_set: Counter[tuple[str, str]] = Counter()
    found_sentences = 0
    made: Counter[str] = Counter()
    for name, cluster_id, articles in runs:
        story = reporter(articles, cluster_id=cluster_id)
        for sentence in story.summary.sentences:
            key = hashlib.sha1(sentence.text.encode()).hexdigest()[:16]
            found_sentences += (cluster_id, key) in sentences
            for source in sentence.sources:
                if source == sentence.origin:
                    continue
                made[name] += 1
                label = labels.get((cluster_id, key, source))
                if label:
                    kept[label] += 1
                    kept_by_set[name, label] += 1
    total = Counter(a["label"] for a in audit)
    print(f"audited sentences found again: {found_sentences} of {len(sentences)}")
    print("| label | audited | still cited |")
    print("|---|---:|---:|")
    for label in ("yes", "partly", "no"):
        print(f"| {label} | {total[label]} | {kept[label]} |")
    by_set = Counter((a["set"], a["label"]) for a in audit)
    for name in ("web", "wire", "archive"):
        cells = ", ".join(
            f"{label} {kept_by_set[name, label]}/{by_set[name, label]}" for label in ("yes", "partly", "no")
        )
        print(f"{name}: still cited of audited: {cells}")
    cited = sum(kept.values())
    print(f"precision of the audited citations still made (yes / all): {kept['yes']}/{cited}")
    print(
        f"citations beyond the origin made: {dict(made)} ({sum(made.values())}; audited {sum(total.values())})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
