"""Stories on dated full-length news, against stories read by hand.

`tests/gold/stories/entities_weeks.json` groups the articles of the busiest 7 days of each
Entities topic (../shared/data/timelines/entities_dev.jsonl.gz, read from there, never
copied) into stories, as two annotators read them from the texts. The story model is
trained on Multi-News, whose stories hold at most ten 150-word articles; here a story can
hold twenty long ones ("Steve Jobs dies", 22 reports in the week, which the shipped model
cuts into 19). These are floors against a regression, just under today's numbers (dev F1
0.742, precision 0.785; held-out F1 0.652, precision 0.551), not claims of quality; a story
model without its size term reached dev 0.709 and held-out 0.608 here but let stories
snowball on long streams, so it was not shipped (docs/benchmarks.md).

`tests/gold/stories/duc_topics.json` does the same for every article of the DUC topics
stream (../shared/data/streams/duc_topics_dev.jsonl.gz): 60 subjects followed over months
or years, so most stories are one report and the hard part is the other way round, keeping
apart reports of one subject about different events ("hard pairs"). Floors just under
today's numbers again (dev F1 0.943, held-out 0.931; 46 of 240 hard pairs in one story).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.cluster import ClusterOptions, bcubed, cluster_articles
from storyline.model import Article

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "stories" / "entities_weeks.json"
ENTITIES = ROOT.parent / "shared" / "data" / "timelines" / "entities_dev.jsonl.gz"
DUC_GOLD = ROOT / "tests" / "gold" / "stories" / "duc_topics.json"
DUC = ROOT.parent / "shared" / "data" / "streams" / "duc_topics_dev.jsonl.gz"

pytestmark = pytest.mark.skipif(not ENTITIES.exists(), reason="../shared/data is not here")


@functools.cache
def _days() -> dict[str, dt.date]:
    """Each article's date."""
    out = {}
    with gzip.open(ENTITIES, "rt", encoding="utf-8") as src:
        for line in src:
            for doc in json.loads(line)["documents"]:
                out[doc["id"]] = dt.date.fromisoformat(doc["date"][:10])
    return out


@functools.cache
def _stories() -> dict[str, int]:
    """Each article's story, the whole Entities stream clustered in date order (ties by id)."""
    rows = []
    with gzip.open(ENTITIES, "rt", encoding="utf-8") as src:
        for line in src:
            for doc in json.loads(line)["documents"]:
                rows.append((doc["date"][:10], doc["id"], doc["text"]))
    rows.sort()
    articles = [Article(id=i, text=t, date=dt.date.fromisoformat(d)) for d, i, t in rows]
    return {a.article_id: a.story for a in cluster_articles(articles) if a.story is not None}


@functools.cache
def _duc_articles() -> tuple[Article, ...]:
    with gzip.open(DUC, "rt", encoding="utf-8") as src:
        rows = [json.loads(line) for line in src]
    return tuple(
        Article(id=r["id"], text=r["text"], title=r.get("title"), date=dt.date.fromisoformat(r["date"]))
        for r in rows
    )


@functools.cache
def _duc_stories() -> dict[str, int]:
    """Each article's story, the DUC topics stream clustered as given (in date order)."""
    return {a.article_id: a.story for a in cluster_articles(list(_duc_articles())) if a.story is not None}


needs_duc = pytest.mark.skipif(not DUC.exists(), reason="../shared/data/streams is not here")


def _score(split: str, gold_file: Path = GOLD) -> tuple[float, float, float]:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    stories = _stories() if gold_file == GOLD else _duc_stories()
    predicted, labels = [], []
    for name, topic in gold["topics"].items():
        if topic["split"] != split:
            continue
        for article, entry in topic["articles"].items():
            predicted.append(stories[article])
            labels.append(f"{name}:{entry['story']}")
    score = bcubed(predicted, labels)
    return score.precision, score.recall, score.f1


@pytest.mark.parametrize(
    "gold_file", [GOLD, pytest.param(DUC_GOLD, marks=needs_duc)], ids=["entities", "duc"]
)
def test_the_gold_names_articles_of_the_stream_and_declares_its_stories(gold_file: Path) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    stories = _stories() if gold_file == GOLD else _duc_stories()
    assert {t["split"] for t in gold["topics"].values()} == {"dev", "held_out"}
    for topic in gold["topics"].values():
        assert set(topic["articles"]) <= set(stories)
        assert {a["story"] for a in topic["articles"].values()} == set(topic["stories"])
        for first, second, *_why in topic["hard_pairs"]:
            assert topic["articles"][first]["story"] != topic["articles"][second]["story"]
    if gold_file == DUC_GOLD:  # every article of the stream is read
        assert sum(len(t["articles"]) for t in gold["topics"].values()) == len(stories) == 1489


def test_busy_weeks_of_long_running_topics_keep_their_stories_apart_and_together() -> None:
    precision, recall, f1 = _score("dev")
    # Merging dated stories a day apart at 0.12 (`story_merge_dated`; 0.2 before) took dev
    # F1 from 0.684 to 0.742: recall 0.545 -> 0.704, precision 0.917 -> 0.785.
    assert f1 >= 0.72, (precision, recall, f1)
    assert precision >= 0.76, (precision, recall, f1)
    assert recall >= 0.68, (precision, recall, f1)
    precision, recall, f1 = _score("held_out")
    # Story merging (`_merge.py`) took held-out recall from 0.45 to 0.52, precision from
    # 0.84 to 0.80, F1 from 0.59 to 0.63; merging dated stories at 0.12 took it on to
    # recall 0.80, precision 0.55, F1 0.65.
    assert f1 >= 0.63, (precision, recall, f1)
    assert precision >= 0.53, (precision, recall, f1)
    assert recall >= 0.78, (precision, recall, f1)


def test_no_story_of_the_stream_grows_into_a_topic() -> None:
    """The gold scores 7 days per topic, so it cannot see a story that keeps growing: a
    story model without a size term made an "Enron" story of 68 articles over 66 days, 10
    gold stories among its annotated ones. Today: largest 44 articles (the week of
    Strauss-Kahn's arrest, 15-25 May 2011; 20 before dated stories merged at 0.12, 14
    before story merging); no dated story runs past `story_span_days` (10) from first
    report to last (24 days before the span)."""
    stories = _stories()
    sizes: dict[int, int] = {}
    for story in stories.values():
        sizes[story] = sizes.get(story, 0) + 1
    assert max(sizes.values()) <= 50
    days: dict[int, list[dt.date]] = {}
    for article, day in _days().items():
        days.setdefault(stories[article], []).append(day)
    assert max((max(d) - min(d)).days for d in days.values()) <= ClusterOptions().story_span_days


@needs_duc
def test_reports_of_one_subject_about_different_events_stay_apart_in_wire_news() -> None:
    precision, recall, f1 = _score("dev", DUC_GOLD)
    # Dated stories merged at 0.12: dev 0.945 / 0.933 / 0.939 -> 0.931 / 0.956 / 0.943
    # (P / R / F1), held out 0.921 / 0.940 / 0.930 -> 0.896 / 0.967 / 0.931.
    assert f1 >= 0.935 and precision >= 0.92 and recall >= 0.945, (precision, recall, f1)
    precision, recall, f1 = _score("held_out", DUC_GOLD)
    assert f1 >= 0.925 and precision >= 0.885 and recall >= 0.955, (precision, recall, f1)
    gold = json.loads(DUC_GOLD.read_text(encoding="utf-8"))
    stories = _duc_stories()
    joined = [stories[a] == stories[b] for t in gold["topics"].values() for a, b in t["hard_pairs"]]
    assert len(joined) == 240
    # today 46 (20 dev, 26 held out): 39 with dated stories merged at 0.2 as undated ones,
    # 35 before story merging, 49 at 0.2 with no gap limit
    assert sum(joined) <= 48, sum(joined)
    days: dict[int, list[dt.date]] = {}
    for article in _duc_articles():
        days.setdefault(stories[article.id], []).append(article.date or dt.date.min)
    assert max((max(d) - min(d)).days for d in days.values()) <= ClusterOptions().story_span_days


@needs_duc
@pytest.mark.parametrize("kill_after", [150, 900])
def test_a_killed_run_on_dated_wire_news_resumes_to_the_same_merged_stories(
    resumed_after_kill: Callable[..., object], kill_after: int
) -> None:
    """Checkpoints every 300 decisions and a short reorder buffer, so that lines come out
    while the run goes on and dated stories merge (at `story_merge_dated`, below the
    undated threshold) at checkpoints before and after the kill."""
    articles = list(_duc_articles())
    options = ClusterOptions(rethread_every=300, reorder_buffer=50, snapshot_every=100)
    whole = [(a.story, a.thread) for a in cluster_articles(articles, options=options)]
    as_undated = replace(options, story_merge_dated=options.story_merge)
    assert whole != [(a.story, a.thread) for a in cluster_articles(articles, options=as_undated)]
    assert resumed_after_kill(articles, options, kill_after) == whole
