"""Build article streams for `storyline cluster` from Multi-News (issue 5) and the Entities topics (issue 11).

Each document of a Multi-News cluster becomes one article; the cluster's id is its gold
story (`story_id`). Documents that Multi-News+ marks as irrelevant to their cluster
(`meta.multinews_plus_irrelevant_doc_indices`) are left out. Multi-News files list a
cluster's documents together, so the stream is shuffled with a fixed seed: otherwise
an online clusterer would see every story in one run of lines.

    # the dev stream (evaluation only): ~12,500 articles, 5,622 stories
    .venv/bin/python benchmarks/make_stream.py --split val -o /tmp/stream-val.jsonl
    # a train stream of the same size for tuning thresholds
    .venv/bin/python benchmarks/make_stream.py --split train --start 20000 --count 5622 -o /tmp/stream-train.jsonl

`--entities` writes the 6 Entities timeline topics (../shared/data/timelines/
entities_dev.jsonl.gz: Steve Jobs, Julian Assange, Lance Armstrong, Oscar Pistorius,
Dominique Strauss-Kahn, Enron; 3,603 dated articles, 1999-2017) as one stream in date
order, the topic as `story_id`: gold at the thread level (a person or company followed
over years), like the DUC topics stream.

    .venv/bin/python benchmarks/make_stream.py --entities -o /tmp/stream-entities.jsonl

The data stays outside the repository; write the stream to /tmp or another path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews"
ENTITIES = Path(__file__).resolve().parents[2] / "shared" / "data" / "timelines" / "entities_dev.jsonl.gz"


def entities_stream() -> list[dict[str, str]]:
    """Every article of every Entities topic, in date order (ties by id), its topic as gold."""
    articles = []
    with gzip.open(ENTITIES, "rt", encoding="utf-8") as src:
        for line in src:
            topic = json.loads(line)
            for doc in topic["documents"]:
                articles.append(
                    {"id": doc["id"], "date": doc["date"][:10], "text": doc["text"], "story_id": topic["id"]}
                )
    articles.sort(key=lambda a: (a["date"], a["id"]))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="where to write the JSONL stream")
    parser.add_argument("--split", choices=("val", "train"), default="val")
    parser.add_argument("--start", type=int, default=0, help="first cluster (line) of the split to use")
    parser.add_argument("--count", type=int, default=None, help="number of clusters (default: all)")
    parser.add_argument("--seed", type=int, default=0, help="shuffle seed")
    parser.add_argument("--keep-order", action="store_true", help="do not shuffle (stream in story order)")
    parser.add_argument("--entities", action="store_true", help="the Entities topics stream (thread level)")
    parser.add_argument(
        "--random-days",
        type=int,
        default=None,
        metavar="N",
        help="date the stream: each story one seeded random day of N from 2015-01-01, each of its "
        "articles that day or up to two days later, in date order (the 100,000-article run of "
        "docs/scaling.md: --split train --count 44972 --random-days 1000)",
    )
    parser.add_argument("--days-seed", type=int, default=7, help="seed of --random-days")
    args = parser.parse_args()
    if args.output.resolve().is_relative_to(Path(__file__).resolve().parents[1]):
        parser.error("write the stream outside the repository (e.g. /tmp)")
    if args.entities:
        write(args.output, entities_stream())
        return
    articles = []
    with gzip.open(DATA / f"{args.split}.jsonl.gz", "rt", encoding="utf-8") as src:
        for line_no, line in enumerate(src):
            if line_no < args.start:
                continue
            if args.count is not None and line_no >= args.start + args.count:
                break
            record = json.loads(line)
            irrelevant = set(record.get("meta", {}).get("multinews_plus_irrelevant_doc_indices") or [])
            for index, doc in enumerate(record["documents"]):
                text = doc if isinstance(doc, str) else doc.get("text", "")
                if index in irrelevant or not text.strip():
                    continue
                articles.append({"id": f"{record['id']}/{index}", "text": text, "story_id": record["id"]})
    if not args.keep_order:
        random.Random(args.seed).shuffle(articles)
    if args.random_days is not None:
        articles = dated(articles, args.random_days, args.days_seed)
    write(args.output, articles)


def dated(articles: list[dict[str, str]], days: int, seed: int) -> list[dict[str, str]]:
    """The stream with a date on every article (see --random-days), sorted by date then id."""
    rng = random.Random(seed)
    base = dt.date(2015, 1, 1).toordinal()
    story_day: dict[str, int] = {}
    out = []
    for article in articles:
        day = story_day.setdefault(article["story_id"], base + rng.randint(0, days))
        out.append({**article, "date": dt.date.fromordinal(day + rng.randint(0, 2)).isoformat()})
    out.sort(key=lambda a: (a["date"], a["id"]))
    return out


def write(path: Path, articles: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as dst:
        for article in articles:
            dst.write(json.dumps(article, ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles, {len({a['story_id'] for a in articles})} gold groups -> {path}")


if __name__ == "__main__":
    main()
