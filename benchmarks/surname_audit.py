"""Whom a lone surname is given to where its report names several people of that surname.

"Gingrich" in a report that names Newt Gingrich and his wife Marianne Gingrich in full
may be either. The audit in `tests/gold/audits/surnames.jsonl` holds 164 such surnames
of untuned text (the Multi-News original-web-text sample and DUC 2006 and 2007 wire
clusters; clusters of the held-out gold left out), drawn at random, at most two per
cluster and surname, and read by annotator helpers from the report's text up to the
surname and a little after, without any output: the candidate meant, OTHER (someone
else), NOT_PERSON (a place, a storm, "the Sherman family") or UNCLEAR. Set `tune` is
the one the rule (`_lead_of_report` in `storyline.analyze._entities`) was chosen on;
set `test` was read after the rule was written.

For each surname this reports whether the entity it now belongs to is the person meant
(placed right), another person of the candidates (placed wrong), or none of them (left:
the surname stays an entity of its own, as every one of them did before the rule).

    .venv/bin/python benchmarks/surname_audit.py [--list]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from storyline.analyze import extract_entities, load_nlp, parse_corpus
from storyline.clean import clean_corpus
from storyline.ingest import Cluster, read_clusters
from storyline.model import Article, Corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
AUDIT = ROOT / "tests" / "gold" / "audits" / "surnames.jsonl"
SOURCES = (
    DATA / "multinews" / "original_sample.jsonl",
    DATA / "duc" / "duc2006.jsonl.gz",
    DATA / "duc" / "duc2007_update.jsonl.gz",
)


def entities_at(articles: list[Article], wanted: list[dict]) -> list[set[str] | None]:
    """For each wanted (article, start, end) of the given text, the names of the entity of
    the mention there (its name and aliases), or None where no mention is there."""
    corpus = clean_corpus(Corpus(articles=tuple(articles)))
    index = extract_entities(corpus, parse_corpus(corpus, load_nlp()))
    number = {a.id: i for i, a in enumerate(corpus.articles)}
    found: list[set[str] | None] = []
    for item in wanted:
        doc = number[item["article"]]
        article = corpus.articles[doc]
        entity = next(
            (
                index.entities[e]
                for m, e in index.mentions_in(doc)
                if (span := article.to_given(m.span.start, m.span.end))[0] < item["end"]
                and item["start"] < span[1]
            ),
            None,
        )
        found.append({entity.name, *entity.aliases} if entity is not None else None)
    return found


def verdict(item: dict, names: set[str] | None) -> str:
    """placed right, placed wrong, left, or unclear (the reader could not tell)."""
    if item["answer"] == "UNCLEAR":
        return "unclear"
    placed = [c for c in item["candidates"] if names is not None and c in names]
    if not placed:
        return "left"
    return "placed right" if item["answer"] in placed else "placed wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print every surname placed wrong")
    args = parser.parse_args()
    audit = [json.loads(line) for line in AUDIT.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_cluster: defaultdict[str, list[dict]] = defaultdict(list)
    for item in audit:
        by_cluster[item["cluster"]].append(item)
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: list[str] = []
    for path in SOURCES:
        for cluster in read_clusters(path):
            if not isinstance(cluster, Cluster) or cluster.id not in by_cluster:
                continue
            items = by_cluster.pop(cluster.id)
            for item, names in zip(items, entities_at(list(cluster.articles), items), strict=True):
                result = verdict(item, names)
                tally[item["set"]][result] += 1
                if result == "placed wrong":
                    wrong.append(
                        f"{cluster.id} {item['article']}:{item['start']} {item['word']!r} -> {sorted(names or ())}"
                        f" (meant: {item['answer']})"
                    )
    if by_cluster:
        raise SystemExit(f"clusters not found: {sorted(by_cluster)}")
    columns = ("placed right", "placed wrong", "left", "unclear")
    print("| set | surnames | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for name in ("tune", "test"):
        counts = tally[name]
        print(f"| {name} | {sum(counts.values())} | " + " | ".join(str(counts[c]) for c in columns) + " |")
    if args.list:
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
