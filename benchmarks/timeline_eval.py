"""Timeline summarization on the Entities dev topics: Date-F1 and concatenated ROUGE.

Standard setting (Ghalandari & Ifrim, ACL 2020): the system is given N = the number
of gold dates and writes K = 1 sentence per date. The copy in ../shared/data lost
which gold sentence belongs to which date, so the timeline is scored as one text
against the gold summary (concatenated ROUGE-1/2 F1, `storyline.evaluate.rouge`),
and its dates by exact-day Date-F1. Alignment ROUGE (AR-1/AR-2) needs the per-date
gold text and is tested on an invented example in tests/timelines.

Baseline, in the same run: the N days on which most articles were published, each
summarized by the lead sentence of its first article.

    .venv/bin/python benchmarks/timeline_eval.py                  # all 6 topics
    .venv/bin/python benchmarks/timeline_eval.py --topics 2 --json out.json
    .venv/bin/python benchmarks/timeline_eval.py --default-n       # also: N chosen without --dates

`--default-n` also reports, per topic, how many dates `storyline timeline` chooses when
it is not given N (`choose_n_dates`), against the gold N, and the Date-F1 of that many
top-ranked days.

These 6 topics are the only data the timeline's constants were chosen on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from storyline.evaluate import date_f1, rouge
from storyline.model import Article
from storyline.text import make_splitter, split_paragraphs
from storyline.timelines import choose_n_dates, collect, rank_days, timeline, topic_names

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timelines" / "entities_dev.jsonl.gz"


def load_topics(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def to_articles(topic: dict[str, Any]) -> list[Article]:
    return [
        Article(text=d["text"], id=str(d["id"]), date=dt.date.fromisoformat(d["date"][:10]))
        for d in topic["documents"]
    ]


def baseline(articles: list[Article], n_dates: int) -> dict[dt.date, list[str]]:
    """The N days with most articles published, each told by its first article's lead."""
    splitter = make_splitter("blingfire")
    first: dict[dt.date, Article] = {}
    counts: dict[dt.date, int] = {}
    for article in articles:
        assert article.date is not None
        counts[article.date] = counts.get(article.date, 0) + 1
        first.setdefault(article.date, article)
    days = sorted(counts, key=lambda d: (-counts[d], d))[:n_dates]
    out = {}
    for day in days:
        paragraphs = split_paragraphs(first[day].text)
        lead = ""
        for paragraph in paragraphs:
            spans = splitter.split(paragraph)
            if spans:
                lead = paragraph[spans[0][0] : spans[0][1]]
                break
        out[day] = [lead]
    return out


def gold_sentences(summary: str) -> list[str]:
    """The gold summary's sentences; the copy glued them ("chairman.Skilling")."""
    return [s for s in re.split(r"(?<=[.!?])(?=[A-Z])|\n", summary) if s.strip()]


def score(pred: dict[dt.date, list[str]], topic: dict[str, Any]) -> dict[str, float]:
    gold_dates = [dt.date.fromisoformat(d) for d in topic["gold_dates"]]
    text = [s for day in sorted(pred) for s in pred[day]]
    r = rouge(text, [gold_sentences(topic["gold_summary"])]) if text else None
    return {
        "date_f1": date_f1(pred.keys(), gold_dates).f1,
        "rouge1": r.rouge1 if r else 0.0,
        "rouge2": r.rouge2 if r else 0.0,
    }


def default_n(articles: list[Article], topic: dict[str, Any]) -> dict[str, float]:
    """The number of dates chosen without N, and the Date-F1 of that many top-ranked days."""
    today = dt.date.today()
    reports, _ = collect(articles, splitter=make_splitter("blingfire"), today=today)
    published = [r.published for r in reports if r.published is not None]
    latest = min(max(published), today) if published else today
    ranked = rank_days(reports, start=None, end=None, latest=latest, names=topic_names(reports))
    n = choose_n_dates(ranked, n_reports=len(reports))
    gold = [dt.date.fromisoformat(d) for d in topic["gold_dates"]]
    return {"n": n, "gold_n": len(gold), "date_f1": date_f1([e.day for e in ranked[:n]], gold).f1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--topics", type=int, default=None, help="only the first N topics")
    parser.add_argument("--json", type=Path, default=None, help="write per-topic scores here")
    parser.add_argument("--default-n", action="store_true", help="also the number of dates chosen without N")
    args = parser.parse_args(argv)
    topics = load_topics(args.data)[: args.topics]
    rows = []
    for topic in topics:
        articles = to_articles(topic)
        n_dates = len(topic["gold_dates"])
        started = time.perf_counter()
        result = timeline(articles, dates=n_dates, sentences=1)
        elapsed = time.perf_counter() - started
        ours = score({d.date: [s.text for s in d.summary] for d in result.dates}, topic)
        base = score(baseline(articles, n_dates), topic)
        rows.append({"topic": topic["id"], "n_articles": len(articles), "n_dates": n_dates,
                     "seconds": elapsed, "timeline": ours, "baseline": base})  # fmt: skip
        if args.default_n:
            rows[-1]["default_n"] = default_n(articles, topic)
        print(
            f"{topic['id']:<36} {len(articles):>5} art {n_dates:>3} dates {elapsed:6.1f} s | "
            f"ours F1d {ours['date_f1']:.3f} R1 {ours['rouge1']:.3f} R2 {ours['rouge2']:.3f} | "
            f"base F1d {base['date_f1']:.3f} R1 {base['rouge1']:.3f} R2 {base['rouge2']:.3f}",
            file=sys.stderr,
        )
    print("\n| system | Date-F1 | ROUGE-1 F | ROUGE-2 F |\n|---|---|---|---|")
    for system in ("baseline", "timeline"):
        means = {k: sum(r[system][k] for r in rows) / len(rows) for k in ("date_f1", "rouge1", "rouge2")}
        print(f"| {system} | {means['date_f1']:.3f} | {means['rouge1']:.3f} | {means['rouge2']:.3f} |")
    n_articles = sum(r["n_articles"] for r in rows)
    seconds = sum(r["seconds"] for r in rows)
    print(
        f"\n{n_articles} articles in {seconds:.1f} s: {1000 * seconds / n_articles:.1f} s per 1,000 articles"
    )
    if args.default_n:
        print("\n| topic | gold N | default N | Date-F1 at default N |\n|---|---|---|---|")
        for row in rows:
            d = row["default_n"]
            print(f"| {row['topic']} | {d['gold_n']} | {d['n']} | {d['date_f1']:.3f} |")
        means = [sum(r["default_n"][k] for r in rows) / len(rows) for k in ("gold_n", "n", "date_f1")]
        print(f"| mean | {means[0]:.1f} | {means[1]:.1f} | {means[2]:.3f} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
