"""Threads on real dated streams (read from ../shared/data, never copied): a long-running
topic stays one thread, and topics stay apart.

The Entities stream follows six people and companies over up to 18 years (3,603 articles):
a thread model with a size term (the one shipped before) made 522 threads of them, B-cubed
F1 0.16. The DUC topics stream holds 60 topics of months to years. Both are dev streams the
thread model was trained on (and re-threading's grid was looked at on), so these are
floors against a regression, not claims of quality (docs/benchmarks.md has the measured
numbers).
"""

from __future__ import annotations

import collections
import datetime as dt
import gzip
import json
import random
from pathlib import Path

import pytest

from storyline.cluster import ClusterOptions, OnlineClusterer, bcubed, cluster_articles
from storyline.cluster._rethread import rethread
from storyline.model import Article

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
ENTITIES = SHARED / "timelines" / "entities_dev.jsonl.gz"
DUC = SHARED / "streams" / "duc_topics_dev.jsonl.gz"
VAL = SHARED / "multinews" / "val.jsonl.gz"


def _entities() -> tuple[list[Article], list[str]]:
    rows = []
    with gzip.open(ENTITIES, "rt", encoding="utf-8") as src:
        for line in src:
            topic = json.loads(line)
            for doc in topic["documents"]:
                rows.append((doc["date"][:10], doc["id"], doc["text"], topic["id"]))
    rows.sort()
    articles = [Article(id=i, text=t, date=dt.date.fromisoformat(d)) for d, i, t, _ in rows]
    return articles, [g for *_, g in rows]


def _duc() -> tuple[list[Article], list[str]]:
    articles, gold = [], []
    with gzip.open(DUC, "rt", encoding="utf-8") as src:
        for line in src:
            r = json.loads(line)
            articles.append(
                Article(
                    id=r["id"], text=r["text"], title=r.get("title"), date=dt.date.fromisoformat(r["date"])
                )
            )
            gold.append(r["story_id"])
    return articles, gold


def _threads(articles: list[Article], options: ClusterOptions | None = None) -> list[int]:
    assignments = cluster_articles(articles, options=options)
    return [a.thread if a.thread is not None else -1 - i for i, a in enumerate(assignments)]


@pytest.mark.skipif(not ENTITIES.exists(), reason="../shared/data is not here")
def test_long_running_topics_stay_one_thread_each() -> None:
    articles, gold = _entities()
    threads = _threads(articles)
    score = bcubed(threads, gold)
    assert score.f1 >= 0.9, score
    assert score.precision >= 0.97, score  # six people and companies: hardly ever mixed
    # Each topic's largest thread holds most of it (522 threads before).
    for topic in set(gold):
        mine = [t for t, g in zip(threads, gold, strict=True) if g == topic]
        assert max(mine.count(t) for t in set(mine)) >= 0.6 * len(mine), topic


@pytest.mark.skipif(not DUC.exists(), reason="../shared/data is not here")
def test_duc_topics_are_threads() -> None:
    articles, gold = _duc()
    score = bcubed(_threads(articles), gold)
    assert score.f1 >= 0.9, score  # 0.8155 online alone; re-threading regroups the fragments
    assert 50 <= score.n_pred <= 80, score
    online = bcubed(_threads(articles, ClusterOptions(rethread=False)), gold)
    assert online.f1 >= 0.78, online
    assert online.n_pred > score.n_pred, online


def _val_documents() -> list[tuple[str, str, str]]:
    """Every Multi-News val document Multi-News+ keeps, as (id, text, cluster id)."""
    documents = []
    with gzip.open(VAL, "rt", encoding="utf-8") as src:
        for line in src:
            record = json.loads(line)
            irrelevant = set(record.get("meta", {}).get("multinews_plus_irrelevant_doc_indices") or [])
            for index, doc in enumerate(record["documents"]):
                text = doc if isinstance(doc, str) else doc.get("text", "")
                if index not in irrelevant and text.strip():
                    documents.append((f"{record['id']}/{index}", text, record["id"]))
    return documents


@pytest.mark.skipif(not (DUC.exists() and VAL.exists()), reason="../shared/data is not here")
def test_a_broad_thread_does_not_swallow_topics_in_a_mixed_stream() -> None:
    """DUC's topics inside the Multi-News val stream, each val story on one seeded day of
    DUC's span (as benchmarks/mixed_stream.py builds it, in another order). With a cohesion
    floor of 0.01 and no split of loose threads, one thread here took 442 articles. Now a
    thread under the floor takes no more stories, with re-threading or without: the largest
    has 134 articles and the DUC part's F1 is 0.792 either way (0.815 with re-threading
    when loose threads still grew until a checkpoint; the benchmark's mix: 0.7878 now,
    0.8045 then, docs/benchmarks.md)."""
    duc_articles, duc_gold = _duc()
    days = [a.date.toordinal() for a in duc_articles if a.date is not None]
    rng = random.Random(1)
    story_day: dict[str, int] = {}
    rows = [(a.date, a.id, a.text, "duc-" + g) for a, g in zip(duc_articles, duc_gold, strict=True)]
    for doc_id, text, story in _val_documents():
        day = story_day.setdefault(story, rng.randint(min(days), max(days)))
        rows.append((dt.date.fromordinal(day + rng.randint(0, 2)), doc_id, text, "val-" + story))
    rows.sort(key=lambda r: (r[0], r[1]))
    articles = [Article(id=i, text=t, date=d) for d, i, t, _ in rows]
    gold = [g for *_, g in rows]
    duc = [i for i, g in enumerate(gold) if g.startswith("duc-")]
    for options, floor in ((None, 0.78), (ClusterOptions(rethread=False), 0.76)):
        threads = _threads(articles, options)
        largest = collections.Counter(threads).most_common(1)[0][1]
        assert largest <= 300, (options, largest)
        score = bcubed([threads[i] for i in duc], [gold[i] for i in duc])
        assert score.f1 >= floor, (options, score)


@pytest.mark.skipif(not VAL.exists(), reason="../shared/data is not here")
@pytest.mark.parametrize("n", [250, 400])
def test_a_small_feed_of_unrelated_stories_keeps_them_apart(n: int) -> None:
    """A few hundred Multi-News val documents in a seeded shuffle: nearly every story is
    its own, and the online threads are right. Pairing lone articles with their nearest
    neighbours raises the silhouette (a lone article scores 0), and re-threading did so:
    F1 0.55 at 250 articles and 0.46 at 400 (docs/benchmarks.md). It now needs 200
    articles in threads with others, and a regrouping may not fit those worse."""
    documents = _val_documents()
    random.Random(0).shuffle(documents)
    documents = documents[:n]
    articles = [Article(id=i, text=t) for i, t, _ in documents]
    score = bcubed(_threads(articles), [g for *_, g in documents])
    online = bcubed(_threads(articles, ClusterOptions(rethread=False)), [g for *_, g in documents])
    assert score.f1 >= online.f1 - 0.01, (score, online)
    assert score.f1 >= 0.95, score


@pytest.mark.skipif(not VAL.exists(), reason="../shared/data is not here")
def test_a_regrouping_that_fits_the_online_threads_worse_is_not_chosen() -> None:
    """The second rule alone (no floor on articles): on 400 val documents every Louvain
    candidate pairs lone articles and scores a higher silhouette than the online threads,
    but fits the articles the online pass grouped worse; the online threads are kept."""
    documents = _val_documents()
    random.Random(0).shuffle(documents)
    clusterer = OnlineClusterer()
    clusterer.cluster_levels([Article(id=i, text=t) for i, t, _ in documents[:400]])
    state = clusterer.state
    assert state.vectors is not None
    result = rethread(
        state.vectors,
        state.article_story[: state.n_articles],
        state.stories.parent[: len(state.stories)],
        len(state.threads),
        min_articles=0,
    )
    best = max(result.silhouettes, key=lambda name: result.silhouettes[name])
    assert best != "online", result.silhouettes
    assert result.choice == "online", result


@pytest.mark.skipif(not DUC.exists(), reason="../shared/data is not here")
@pytest.mark.parametrize("rethread", [True, False])
def test_a_loose_thread_takes_no_more_stories(monkeypatch: pytest.MonkeyPatch, rethread: bool) -> None:
    """A thread of two or more articles less cohesive than the floor takes no new story, with
    re-threading (the CLI's default) as without it: re-threading splits a loose thread only
    at a checkpoint, and on 100,000 Multi-News articles 14 loose online threads had taken
    half the stream by then (docs/benchmarks.md). Here the floor is raised above every
    thread's cohesion, so a thread stops at the story that made it two articles."""
    from storyline.cluster import _online

    articles, _ = _duc()
    clusterer = OnlineClusterer(ClusterOptions(rethread=rethread))
    clusterer.cluster_levels(articles[:300])
    state = clusterer.state
    stories_per_thread = collections.Counter(state.stories.parent[: len(state.stories)].tolist())
    assert max(stories_per_thread.values()) > 2  # the stream has threads of many stories
    monkeypatch.setattr(_online, "LOOSE_THREAD", 1.01)
    clusterer = OnlineClusterer(ClusterOptions(rethread=rethread))
    clusterer.cluster_levels(articles[:300])
    state = clusterer.state
    stories_per_thread = collections.Counter(state.stories.parent[: len(state.stories)].tolist())
    assert max(stories_per_thread.values()) <= 2
