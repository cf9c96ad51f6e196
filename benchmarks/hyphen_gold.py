"""Spaced hyphens against hand labels: which " - " of an archive's text storyline joins.

    .venv/bin/python benchmarks/hyphen_gold.py [--gold tests/gold/hyphens/entities.json] [--show] [--by-topic]
    .venv/bin/python benchmarks/hyphen_gold.py --texts ../shared/data/multinews/val.jsonl.gz

The gold (`tests/gold/hyphens/`) holds a document id, the offset of a "-" in its text and a
label (hyphen, dash, range, unsure) written by reading the text, never storyline's output.
Printed per split: of the hyphens, how many are joined; of the dashes, how many are joined
(each one a fault: "systems-have"); of all joins, how many are right. With `--texts`, the
number of documents of other files whose text is taken as spacing its hyphens (on text
that writes hyphens as hyphens, every one is a fault).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.text._hyphens import hyphens_to_join, spaces_hyphens, spaces_hyphens_in  # noqa: E402


def _lines(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _texts(record: dict) -> Iterator[tuple[str, str]]:
    for k, doc in enumerate(record.get("documents") or []):
        if isinstance(doc, dict):
            yield str(doc.get("id", k)), doc.get("text") or ""
        else:
            yield f"{record.get('id')}/{k}", doc
    if "text" in record:
        yield str(record.get("id")), record["text"] or ""


def joined_offsets(text: str, spaced: bool | None = None) -> set[int]:
    """Offsets in `text` of the hyphens storyline joins (`spaced`: as its cluster says)."""
    if not (spaces_hyphens(text) if spaced is None else spaced):
        return set()
    out: set[int] = set()
    at = 0
    for line in text.split("\n"):
        out.update(at + mark for mark in hyphens_to_join(line))
        at += len(line) + 1
    return out


def score(gold_path: Path, show: bool, by_topic: bool = False) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    wanted = {item["doc"] for item in gold["items"]}
    texts: dict[str, str] = {}
    spaced: dict[str, bool] = {}
    for record in _lines(ROOT / gold["input"]):
        documents = list(_texts(record))
        # As a cluster of the topic's reports says (`spaces_hyphens_in`), or each alone.
        flags = spaces_hyphens_in([t for _, t in documents]) if by_topic else [None] * len(documents)
        for (doc_id, text), flag in zip(documents, flags, strict=True):
            if doc_id in wanted:
                texts[doc_id], spaced[doc_id] = text, flag
    joins: dict[str, set[int]] = {doc: joined_offsets(text, spaced[doc]) for doc, text in texts.items()}
    by_split: dict[str, Counter] = {}
    for item in gold["items"]:
        text = texts[item["doc"]]
        if text[item["offset"]] != "-":
            raise SystemExit(f"gold item {item} does not point at a hyphen")
        joined = item["offset"] in joins[item["doc"]]
        counts = by_split.setdefault(item["split"], Counter())
        counts[item["label"]] += 1
        counts[(item["label"], joined)] += 1
        wrong = joined != (item["label"] in ("hyphen", "range")) and item["label"] != "unsure"
        if show and wrong and item["split"] == "dev":  # held-out errors are never read
            at = item["offset"]
            print(
                f"  {item['split']:8} {item['label']:6} joined={joined!s:5} ...{text[max(at - 50, 0) : at + 40]!r}"
            )
    for split, c in sorted(by_split.items()):
        right = c[("hyphen", True)] + c[("range", True)]
        joined = right + c[("dash", True)] + c[("unsure", True)]
        print(
            f"{split}: hyphens joined {c[('hyphen', True)]}/{c['hyphen']}"
            f" ({c[('hyphen', True)] / max(c['hyphen'], 1):.2f}),"
            f" dashes joined {c[('dash', True)]}/{c['dash']},"
            f" ranges joined {c[('range', True)]}/{c['range']},"
            f" joins right {right}/{joined} ({right / max(joined, 1):.3f}), unsure {c['unsure']}"
        )


def detections(paths: list[Path]) -> None:
    for path in paths:
        n = found = 0
        for record in _lines(path):
            for _, text in _texts(record):
                n += 1
                found += spaces_hyphens(text)
        print(f"{path}: {found} of {n} documents taken as spacing their hyphens")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests/gold/hyphens/entities.json")
    parser.add_argument("--texts", type=Path, nargs="*", default=[])
    parser.add_argument("--show", action="store_true", help="print each wrong decision on dev items")
    parser.add_argument(
        "--by-topic",
        action="store_true",
        help="decide each report as a cluster of all its topic's reports does",
    )
    args = parser.parse_args()
    if args.texts:
        detections(args.texts)
    else:
        score(args.gold, args.show, args.by_topic)


if __name__ == "__main__":
    main()
