"""How often a quote's speaker is right on text nobody wrote speaker gold for.

The figure gold (`report_figures.py`) scores speakers on its own clusters. This audit reads
storyline's output instead: quotes drawn at random from clusters no gold file uses, each
judged by an annotator helper from the text around it, without seeing any rule: RIGHT,
WRONG (with the right speaker and a cause), NONE_OK (no speaker given, none credited),
NOT_A_QUOTE or UNCLEAR (`tests/gold/audits/README.md`). Five sets:

- `duc2006`: the first eight DUC 2006 clusters in file order but D0640D (figure gold), ten
  quotes each (wire text, AP/NYT/Xinhua);
- `entities`: the six topics of the Entities timeline data, articles 60-65 and 260-265 of
  each (figure gold articles left out), seven quotes each (web pages, with their junk);
- `web`: the 24 clusters of the Multi-News original-web-text sample that no gold file uses
  (`tests/gold/*.json`, `tests/gold/figures/*.json`), six quotes each: the genre of the
  held-out gold.
- `duc2006-more`: the DUC 2006 clusters after those of `duc2006` that no figure gold
  uses, four quotes each (wire text, as two held-out files are);
- `pairs`: 36 pairs of Entities web pages drawn at random (seed 2612; six per topic, in
  turn), pages of 2,500 to 9,000 characters with four quote marks or more, figure gold
  pages left out; every quote of each pair's report (403, judged at 37c478e).

`score` re-reports the clusters with today's code and, for every judged quote still found
(a quote whose span overlaps the judged one), says whether its speaker is right now: the
same speaker as judged RIGHT, or now the right speaker of one judged WRONG (by the last
word of the name; whole where the fault was the name's form), and how many judged
NOT_A_QUOTE (narration or a title given a speaker) are now given none or not found. A
changed speaker on a RIGHT one, and a quote no longer found, are listed to be read.

    .venv/bin/python benchmarks/speaker_audit.py score
    .venv/bin/python benchmarks/speaker_audit.py dump OUT.jsonl --set entities   # to judge anew
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from storyline import Reporter
from storyline.cli._common import refuse_overwriting_input, write
from storyline.errors import StorylineError
from storyline.ingest import Cluster, read_clusters
from storyline.model import Article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
AUDIT = ROOT / "tests" / "gold" / "audits" / "speakers.jsonl"
FIGURE_GOLD = ROOT / "tests" / "gold" / "figures"


def clusters(name: str) -> list[tuple[str, list[Article], int, int]]:
    """The set's clusters: (id, articles, quotes to draw, seed)."""
    out: list[tuple[str, list[Article], int, int]] = []
    if name == "duc2006":
        for c in read_clusters(DATA / "duc" / "duc2006.jsonl.gz"):
            if isinstance(c, Cluster) and not c.id.endswith("D0640D") and len(out) < 8:
                out.append((c.id, list(c.articles), 10, 0))
        return out
    if name == "duc2006-more":
        gold = {p.stem for p in FIGURE_GOLD.glob("duc2006-*.json")}
        first = {c[0] for c in clusters("duc2006")}
        for c in read_clusters(DATA / "duc" / "duc2006.jsonl.gz"):
            if isinstance(c, Cluster) and c.id not in gold and c.id not in first:
                out.append((c.id, list(c.articles), 4, 3))
        return out
    if name == "web":
        used = {
            str(json.loads(p.read_text(encoding="utf-8")).get("id"))
            for p in [*FIGURE_GOLD.glob("*.json"), *(ROOT / "tests" / "gold").glob("*.json")]
        }
        for c in read_clusters(DATA / "multinews" / "original_sample.jsonl"):
            if isinstance(c, Cluster) and c.id not in used:
                out.append((c.id, list(c.articles), 6, 2))
        return out
    gold_docs: set[str] = set()
    for path in FIGURE_GOLD.glob("entities-*.json"):
        gold_docs |= set(json.loads(path.read_text(encoding="utf-8")).get("documents", []))
    if name == "pairs":
        return _pairs(gold_docs)
    for c in read_clusters(DATA / "timelines" / "entities_dev.jsonl.gz"):
        if not isinstance(c, Cluster):
            continue
        for low in (60, 260):
            articles = [a for a in c.articles[low : low + 6] if a.id not in gold_docs]
            if len(articles) >= 3:
                out.append((f"{c.id}@{low}", articles, 7, 1))
    return out


def _pairs(gold_docs: set[str]) -> list[tuple[str, list[Article], int, int]]:
    """The `pairs` set: two pages of one topic at a time, the topics in turn."""
    topics = [
        c for c in read_clusters(DATA / "timelines" / "entities_dev.jsonl.gz") if isinstance(c, Cluster)
    ]
    rng = random.Random(2612)
    out: list[tuple[str, list[Article], int, int]] = []
    for n in range(36):
        topic = topics[n % len(topics)]
        pages = [
            a
            for a in topic.articles
            if a.id not in gold_docs
            and 2500 < len(a.text) < 9000
            and a.text.count('"') + a.text.count("“") >= 4
        ]
        out.append((f"{topic.id}@pair{n}", rng.sample(pages, 2), 10**6, 0))
    return out


def context(text: str, start: int, end: int) -> str:
    """The paragraph holding `start:end` and up to three paragraphs before it."""
    begin = start
    for _ in range(3):
        begin = text.rfind("\n", 0, max(0, begin - 1))
        if begin <= 0:
            begin = 0
            break
    stop = text.find("\n", end)
    return text[begin : len(text) if stop < 0 else stop].strip()[-3000:]


def dump(args: argparse.Namespace) -> None:
    # Never over the audit or the data it reads: checked before anything is read.
    refuse_overwriting_input(Path(args.out), [AUDIT, DATA, ROOT / "tests" / "gold"])
    reporter = Reporter()
    items: list[dict[str, Any]] = []
    for cluster_id, articles, draw, seed in clusters(args.set):
        story = reporter(articles, cluster_id=cluster_id)
        texts = {a.id: a.text for a in articles}
        quotes = [q for q in story.quotes if q.span is not None]
        random.Random(seed).shuffle(quotes)
        for q in quotes[:draw]:
            assert q.span is not None
            span = q.span
            items.append(
                {
                    "set": args.set,
                    "cluster": cluster_id,
                    "article": span.article_id,
                    "start": span.start,
                    "end": span.end,
                    "quote": q.text,
                    "speaker_given": q.speaker,
                    "context": context(texts[span.article_id], span.start, span.end),
                }
            )
        print(cluster_id, len(quotes), file=sys.stderr, flush=True)
    write("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), Path(args.out))
    print(f"{len(items)} quotes -> {args.out}")


_FIELDS = ("set", "cluster", "article", "start", "end", "speaker_then", "verdict", "right_speaker", "cause")


def _read_audit() -> list[dict[str, Any]]:
    """The judged quotes, each line checked: a broken line is one clear error, not a traceback."""
    try:
        lines = AUDIT.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        sys.exit(f"error: cannot read {AUDIT}: {exc}")
    audit = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            sys.exit(f"error: {AUDIT}:{number}: not JSON ({exc.msg})")
        if not isinstance(item, dict) or any(k not in item for k in _FIELDS):
            sys.exit(f"error: {AUDIT}:{number}: a judged quote needs {', '.join(_FIELDS)}")
        audit.append(item)
    return audit


def _plain(name: str | None) -> str:
    """A name without an annotator's note in brackets, a leading article or case."""
    text = re.sub(r"\s*\(.*?\)", "", name or "").strip().lower()
    return re.sub(r"^(the|a|an) ", "", text)


def _fixed(now: str | None, right: str | None, cause: str | None) -> bool:
    """Whether the speaker given now is the one judged right: by the last word of the name,
    or whole where the fault was the name's form ("Korean government" for "the South Korean
    government")."""
    now_plain, right_plain = _plain(now), _plain(right)
    if not now_plain or not right_plain:
        return False
    if cause == "NAME_FORM":
        return now_plain == right_plain
    return now_plain.split()[-1].strip(".,'’") == right_plain.split()[-1].strip(".,'’")


def score(args: argparse.Namespace) -> None:
    audit = _read_audit()
    reporter = Reporter()
    counts: Counter[tuple[str, str]] = Counter()
    to_read: list[str] = []
    for name in sorted({a["set"] for a in audit}):
        judged = [a for a in audit if a["set"] == name]
        for cluster_id, articles, _, _ in clusters(name):
            items = [a for a in judged if a["cluster"] == cluster_id]
            if not items:
                continue
            quotes = reporter(articles, cluster_id=cluster_id).quotes
            for item in items:
                now = next(
                    (
                        q
                        for q in quotes
                        if q.span is not None
                        and q.span.article_id == item["article"]
                        and q.span.start < item["end"]
                        and item["start"] < q.span.end
                    ),
                    None,
                )
                counts[name, "judged"] += 1
                verdict = item["verdict"]
                if verdict in ("RIGHT", "WRONG", "NOT_A_QUOTE"):
                    counts[name, f"judged {verdict}"] += 1
                if verdict == "NOT_A_QUOTE":
                    # narration or a title read as speech: right now where no speaker is given
                    counts[name, "cleared" if now is None or now.speaker is None else "still given"] += 1
                    continue
                if now is None:
                    counts[name, "not found now"] += 1
                    to_read.append(f"{cluster_id} {item['article']}:{item['start']} not found now")
                    continue
                if verdict == "RIGHT":
                    same = now.speaker == item["speaker_then"]
                    counts[name, "right now" if same else "changed"] += 1
                    if not same:
                        to_read.append(
                            f"{cluster_id} {item['article']}:{item['start']} {item['speaker_then']!r} -> {now.speaker!r}"
                        )
                elif verdict == "WRONG":
                    fixed = _fixed(now.speaker, item["right_speaker"], item["cause"])
                    counts[name, "right now" if fixed else "wrong now"] += 1
    print(
        "| set | judged | right then | wrong then | right now | wrong now | right changed | not found now "
        "| not quotes | not quotes cleared now |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in sorted({a["set"] for a in audit}):
        c = {k: v for (s, k), v in counts.items() if s == name}
        print(
            f"| {name} | {c.get('judged', 0)} | {c.get('judged RIGHT', 0)} | {c.get('judged WRONG', 0)} | "
            f"{c.get('right now', 0)} | {c.get('wrong now', 0)} | {c.get('changed', 0)} | {c.get('not found now', 0)} "
            f"| {c.get('judged NOT_A_QUOTE', 0)} | {c.get('cleared', 0)} |"
        )
    if to_read:
        print("\nread these:", *to_read, sep="\n  ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("score", help="re-report the audited clusters and score the judged quotes")
    d = sub.add_parser("dump", help="quotes drawn at random, with the text around each, to judge")
    d.add_argument("out")
    d.add_argument("--set", choices=("duc2006", "duc2006-more", "entities", "web", "pairs"), required=True)
    args = parser.parse_args()
    try:
        score(args) if args.command == "score" else dump(args)
    except StorylineError as exc:  # an output that is an input, a full disk, an unwritable path
        sys.exit(f"error: {exc}")
    except BrokenPipeError:  # `score | head`: the reader closed the pipe
        sys.stderr.close()
        sys.exit(1)


if __name__ == "__main__":
    main()
