"""What a change to titles, dates or quotes does to whole streams, one line per item, to diff.

The counts in docs/benchmarks.md, "Text as an archive tokenized it", come from running this
once with each tree's code and diffing the two outputs:

    .venv/bin/python benchmarks/archive_dump.py titles /tmp/stream-entities.jsonl > new.tsv
    PYTHONPATH=<worktree of the commit before>/src .venv/bin/python benchmarks/archive_dump.py \
        titles /tmp/stream-entities.jsonl > old.tsv
    diff old.tsv new.tsv | grep -c '^>'

- `titles STREAM`: the stream clustered with the default settings, and the title of each
  story of two or more articles (story, size, title);
- `dates STREAM...`: every event date resolved in every dated article (article, offset, cue,
  date); the last line counts them;
- `quotes CLUSTERS`: the report of each cluster of a clusters JSONL file, and each quote
  (report, offset, speaker, text);
- `credits STREAM`: the lines outside archive quote runs whose run-on tail starts with a credit
  ('" said Ben Drury, founder of ...'), which the quote rules do not take for a quote; the
  last line counts them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from story_gold import read_stream

from storyline.cluster import cluster_articles, story_title


def titles(path: Path) -> None:
    articles = read_stream(path)
    stories: dict[int, list[int]] = defaultdict(list)
    for index, assignment in enumerate(cluster_articles(articles)):
        if assignment.story is not None:
            stories[assignment.story].append(index)
    for story, members in sorted(stories.items()):
        if len(members) >= 2:
            print(story, len(members), story_title([articles[i] for i in members]), sep="\t")


def dates(paths: list[Path]) -> None:
    from storyline.text._dates import find_event_dates

    n = 0
    for path in paths:
        for article in read_stream(path):
            published = article.date if isinstance(article.date, dt.date) else None
            if published is None:
                continue
            for found in find_event_dates(article.text, published=published):
                print(article.id, found.span.start, found.cue, found.date, sep="\t")
                n += 1
    print(f"# {n} event dates")


def quotes(path: Path) -> None:
    from storyline.ingest import Cluster, read_clusters
    from storyline.pipeline import Reporter

    reporter = Reporter()
    for cluster in read_clusters(path):
        if not isinstance(cluster, Cluster):
            continue
        for quote in reporter(cluster.articles, cluster_id=cluster.id).quotes:
            print(cluster.id, quote.span.article_id, quote.span.start, quote.speaker, quote.text, sep="\t")


def credits(path: Path) -> None:
    from storyline.analyze import _quotes
    from storyline.text import count_words

    class Line:
        def __init__(self, doc_index: int, text: str) -> None:
            self.doc_index, self.text = doc_index, text

    n = 0
    for index, article in enumerate(read_stream(path)):
        lines = [Line(index, line) for line in article.text.split("\n") if line.strip()]
        runs = _quotes._run_on_paragraphs(lines)  # type: ignore[arg-type]  # reads doc_index, text
        for number, line in enumerate(lines):
            if number in runs:
                continue
            closed = list(_quotes._QUOTE.finditer(line.text))
            tail = _quotes._RUN_ON.search(line.text, closed[-1].end() if closed else 0)
            if tail and count_words(tail.group(1)) >= 4 and _quotes._CREDIT_START.match(tail.group(1)):
                print(article.id, tail.group(1), sep="\t")
                n += 1
    print(f"# {n} credits")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["titles", "dates", "quotes", "credits"])
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args()
    if args.what == "dates":
        dates(args.paths)
    else:
        {"titles": titles, "quotes": quotes, "credits": credits}[args.what](args.paths[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
