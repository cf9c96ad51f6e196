"""Re-threading's choice on a stream: every candidate grouping's silhouette and B-cubed F1.

The online pass runs over the stream (date order, ties in input order, as `storyline
cluster` decides a sorted stream), then `_rethread.groupings` gives the candidates and the
silhouette of each is computed as re-threading computes it, and its fit to the online
threads (the mean silhouette of the sampled articles that share their online thread with
another article; a candidate under the online threads' own fit is "rejected"); the
gold (`story_id`, or `--gold-field`) scores every candidate, so one sees whether the
gold-free choice picked well:

    .venv/bin/python benchmarks/rethread_choice.py ../shared/data/streams/duc_topics_dev.jsonl.gz \\
        /tmp/stream-entities.jsonl /tmp/stream-train2.jsonl /tmp/stream-val.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from storyline.cluster import ClusterOptions, Featurizer, OnlineClusterer, bcubed
from storyline.cluster import _rethread as R
from storyline.model import Article


def _read(path: Path, gold_field: str) -> tuple[list[Article], list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        rows = [json.loads(line) for line in fh]
    order = sorted(range(len(rows)), key=lambda i: (rows[i].get("date") or "", i))
    articles = [
        Article(
            text=rows[i]["text"],
            id=str(rows[i]["id"]),
            title=rows[i].get("title"),
            date=dt.date.fromisoformat(rows[i]["date"][:10]) if rows[i].get("date") else None,
        )
        for i in order
    ]
    return articles, [str(rows[i][gold_field]) for i in order]


def _per_article(
    similar: np.ndarray,
    own: np.ndarray,
    self_dot: np.ndarray,
    size: np.ndarray,
    groups: np.ndarray,  # type: ignore[type-arg]
) -> np.ndarray:  # type: ignore[type-arg]
    return R.sampled_silhouettes(similar, own, self_dot, groups, size)


def _score(per_article: Callable[[np.ndarray], np.ndarray], groups: np.ndarray) -> float:  # type: ignore[type-arg]
    return float(per_article(groups).mean())


def _fit(
    per_article: Callable[[np.ndarray], np.ndarray],  # type: ignore[type-arg]
    in_thread: np.ndarray,  # type: ignore[type-arg]
    groups: np.ndarray,  # type: ignore[type-arg]
) -> float:
    values = per_article(groups)[in_thread]
    return float(values.mean()) if len(values) else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("streams", type=Path, nargs="+")
    parser.add_argument("--gold-field", default="story_id")
    args = parser.parse_args()
    options = ClusterOptions()
    for path in args.streams:
        articles, gold = _read(path, args.gold_field)
        featurize = Featurizer(options)
        clusterer = OnlineClusterer(options)
        started = time.perf_counter()
        kept: list[int] = []
        for start in range(0, len(articles), options.batch_size):
            batch = articles[start : start + options.batch_size]
            features = featurize(batch)
            for row, article in enumerate(batch):
                if features.has_text[row]:
                    day = article.date.toordinal() if article.date else None
                    clusterer.add(features, row, day=day)
                    kept.append(start + row)
        online_s = time.perf_counter() - started
        state = clusterer.state
        assert state.vectors is not None
        stories = state.article_story[: state.n_articles]
        online = state.stories.parent[: len(state.stories)].copy()
        truth = [gold[i] for i in kept]
        started = time.perf_counter()
        chosen = clusterer.rethread()
        rethread_s = time.perf_counter() - started
        n = state.n_articles
        size = np.bincount(stories, minlength=len(online)).astype(np.float64)
        sample, similar, self_dot = R._sample_similarities(state.vectors, n, stories, len(online))
        print(f"\n## {path.name}: {len(kept)} articles, {len(set(truth))} gold groups")
        print(
            f"online pass {online_s:.1f} s, re-threading {rethread_s:.1f} s; chosen: {chosen.choice}; "
            f"loose threads split: {chosen.split}\n"
        )
        print("| candidate | silhouette | fit to the online threads | B3 P / R / F1 | groups |")
        print("|---|---|---|---|---|")

        # the stream is shorter than the window: every story is in it, numbered as it is
        assert state.vectors.first == 0
        per_article = functools.partial(_per_article, similar, stories[sample], self_dot, size)

        score = functools.partial(_score, per_article)
        walked = {name for name in chosen.silhouettes}
        # The fit rule of `_rethread.rethread`: the mean silhouette of the sampled articles
        # that share their online thread with another article may not fall.
        thread_size = np.bincount(online[stories])
        in_thread = thread_size[online[stories[sample]]] >= 2

        fit = functools.partial(_fit, per_article, in_thread)
        floor = fit(online)
        for name, groups, value in R.groupings(state.vectors, stories, online, score, exhaustive=True):
            b = bcubed(groups[stories].tolist(), truth)
            mark = " **chosen**" if name == chosen.choice else ("" if name in walked else " (not run)")
            fits = fit(groups)
            rejected = " (rejected)" if name != "online" and not fits >= floor else ""
            print(
                f"| {name}{mark} | {value:.4f} | {fits:.4f}{rejected} | "
                f"{b.precision:.4f} / {b.recall:.4f} / {b.f1:.4f} | {b.n_pred} |"
            )
        final = bcubed(chosen.story_thread[stories].tolist(), truth)
        print(f"\nre-threaded (numbers as output): F1 {final.f1:.4f}, {final.n_pred} threads")
        assert np.array_equal(np.unique(chosen.story_thread[stories]).shape, (final.n_pred,))


if __name__ == "__main__":
    main()
