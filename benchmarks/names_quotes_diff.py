"""Which entities and quote speakers a change alters, and which untagged acronyms it reads.

A names or speakers rule built from the dev gold is tuned on it; this shows everything it
changes elsewhere, to be read by hand. It runs two source trees of storyline (the old one,
for example from `git worktree add /tmp/before REV`, and this checkout), each in its own
child process (`PYTHONPATH`), over the 92 Multi-News sample clusters and DUC 2006 and
2007 (wire text in its case; Multi-News train is lower case and cannot test names), and
prints every entity (type, name, aliases) and every quote speaker only one of them gives.
It also lists each acronym the new tree's `_untagged_acronyms` reads, with its body and
the words around it.

    .venv/bin/python benchmarks/names_quotes_diff.py --before /tmp/before/src [--sets sample duc2006 duc2007]
"""

from __future__ import annotations

from two_trees import ROOT, compare

DATA = ROOT.parent / "shared" / "data"
SETS = {
    "sample": DATA / "multinews" / "original_sample.jsonl",
    "duc2006": DATA / "duc" / "duc2006.jsonl.gz",
    "duc2007": DATA / "duc" / "duc2007_update.jsonl.gz",
}

CHILD = """
import json, sys
import storyline.analyze._entities as E
from storyline.ingest import Cluster, read_clusters
from storyline.pipeline import Reporter
out, paths = sys.argv[1], sys.argv[2:]
found = []
if hasattr(E, "_untagged_acronyms"):
    read = E._untagged_acronyms

    def logged(corpus, paragraphs, mentions, lower):
        new = read(corpus, paragraphs, mentions, lower)
        bodies = {}
        for m in mentions:
            if m.label == "ORG" and len(m.tokens) > 1:
                for letters in E._initials(m.tokens):
                    bodies.setdefault(letters, set()).add(" ".join(m.tokens))
        for m in new:
            text = corpus.articles[m.doc_index].body
            around = text[max(0, m.span.start - 60) : m.span.end + 40].replace("\\n", " ")
            found.append([m.text, sorted(bodies.get(m.text, ())), around])
        return new

    E._untagged_acronyms = logged
reporter = Reporter()
clusters = {}
for path in paths:
    for c in read_clusters(path):
        if not isinstance(c, Cluster):
            continue
        story = reporter(c.articles, cluster_id=c.id)
        clusters[c.id] = {
            "entities": sorted(f"{e.type} | {e.name} | {' | '.join(sorted(e.aliases))}" for e in story.entities),
            "quotes": {f"{q.sources[0]} | {q.text[:60]}": q.speaker for q in story.quotes},
        }
json.dump({"clusters": clusters, "acronyms": found}, open(out, "w", encoding="utf-8"))
"""


def main() -> int:
    both = compare(__doc__.split("\n\n")[0], SETS, CHILD)
    if both is None:
        return 1
    old, new = both
    entities = quotes = 0
    for cid, before in old["clusters"].items():
        after = new["clusters"][cid]
        gone, came = (
            set(before["entities"]) - set(after["entities"]),
            set(after["entities"]) - set(before["entities"]),
        )
        changed = [
            k for k in before["quotes"] if k in after["quotes"] and before["quotes"][k] != after["quotes"][k]
        ]
        if gone or came or changed:
            print(f"== {cid}")
        for line in sorted(gone):
            print(f"  - {line}")
        for line in sorted(came):
            print(f"  + {line}")
        for key in changed:
            print(f"  quote {before['quotes'][key]!r} -> {after['quotes'][key]!r} | {key}")
        entities += bool(gone or came)
        quotes += len(changed)
    print(
        f"\nclusters with entities changed: {entities}; quotes whose speaker changed: {quotes} "
        f"of {sum(len(c['quotes']) for c in old['clusters'].values())}"
    )
    print(f"untagged acronyms the new tree reads: {len(new['acronyms'])}")
    for word, bodies, around in new["acronyms"]:
        print(f"  {word} -> {bodies}: ...{around}...")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
