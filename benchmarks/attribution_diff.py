"""Which figures' voices (`ClaimValue.attributed_to`) a change alters, to be read by hand.

The report gold holds few attributed figures (73 in all), so a rule of who gives a figure is
checked on text nobody annotated: this runs two source trees of storyline (the old one, for
example from `git worktree add /tmp/before REV`, and this checkout), each in its own child
process (`PYTHONPATH`), over the 92 Multi-News sample clusters and the 50 DUC 2006 clusters,
and prints every figure whose voice only one of them gives, or that they give differently,
with the paragraph it is in:

    - 'OLD VOICE' | figure | paragraph      the old tree gave a voice, the new one none
    + 'NEW VOICE' | figure | paragraph      the new tree gives a voice, the old one none
    ~ 'OLD' -> 'NEW' | figure | paragraph   the voice changed

    .venv/bin/python benchmarks/attribution_diff.py --before /tmp/before/src [--sets sample duc2006]
"""

from __future__ import annotations

from two_trees import ROOT, compare

DATA = ROOT.parent / "shared" / "data"
SETS = {
    "sample": DATA / "multinews" / "original_sample.jsonl",
    "duc2006": DATA / "duc" / "duc2006.jsonl.gz",
}

CHILD = """
import json, sys
from storyline.ingest import Cluster, read_clusters
from storyline.pipeline import Reporter
out, paths = sys.argv[1], sys.argv[2:]
reporter = Reporter()
voices = []
for path in paths:
    for c in read_clusters(path):
        if not isinstance(c, Cluster):
            continue
        story = reporter(c.articles, cluster_id=c.id)
        texts = {a.id: a.text for a in c.articles}
        seen = set()
        for claim in story.claims:
            for v in claim.values:
                if not v.attributed_to or v.span is None or (v.source, v.span.start) in seen:
                    continue
                seen.add((v.source, v.span.start))
                text = texts[v.source]
                start = text.rfind("\\n", 0, v.span.start) + 1
                end = text.find("\\n", v.span.end)
                paragraph = text[start : len(text) if end < 0 else end][:400]
                voices.append([c.id, paragraph, v.text, v.attributed_to])
json.dump(voices, open(out, "w", encoding="utf-8"))
"""


def main() -> int:
    both = compare(__doc__.split("\n\n")[0], SETS, CHILD)
    if both is None:
        return 1
    old, new = both
    # one voice per cluster, paragraph and figure as written (a figure written twice in one
    # paragraph is one line)
    before = {(c, p, f): voice for c, p, f, voice in old}
    after = {(c, p, f): voice for c, p, f, voice in new}
    gone = [k for k in before if k not in after]
    came = [k for k in after if k not in before]
    changed = [k for k in before if k in after and before[k] != after[k]]
    print(f"voices removed {len(gone)}, added {len(came)}, changed {len(changed)} (of {len(before)} before)")
    for key in gone:
        print(f"- {before[key]!r} | {key[2]} | {key[1][:260]}")
    for key in came:
        print(f"+ {after[key]!r} | {key[2]} | {key[1][:260]}")
    for key in changed:
        print(f"~ {before[key]!r} -> {after[key]!r} | {key[2]} | {key[1][:260]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
