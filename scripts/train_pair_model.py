"""Train the pairwise decision model of `storyline cluster` (src/storyline/cluster/data/pair_model.json).

Pairs come from the decisions the online clusterer actually faces, with the gold
labels forcing every decision (teacher forcing), so each pair is (an article, a candidate
story or thread as the clusterer would hold it), labelled same / not same:

1. story level: Multi-News train streams (`benchmarks/make_stream.py --split train`), one
   event per gold cluster;
2. thread level: the same train streams (each cluster its own thread) and the dev streams
   whose gold groups are threads: DUC (`../shared/data/streams/duc_topics_dev.jsonl.gz`,
   60 topics of months to years) and Entities (`benchmarks/make_stream.py --entities`, 6
   people and companies followed over up to 18 years), with stories decided by the story
   model, as they will be at run time. Each stream weighs the same in total.

Each level is a logistic regression on standardized features (scikit-learn), exported as
JSON coefficients. Multi-News val is never read here.

    .venv/bin/python benchmarks/make_stream.py --split train --start 20000 --count 5622 -o /tmp/stream-train.jsonl
    .venv/bin/python benchmarks/make_stream.py --split train --start 0 --count 10000 -o /tmp/stream-prior.jsonl
    .venv/bin/python benchmarks/make_stream.py --entities -o /tmp/stream-entities.jsonl
    .venv/bin/python scripts/train_pair_model.py --train /tmp/stream-train.jsonl --prior /tmp/stream-prior.jsonl \\
        --thread-stream ../shared/data/streams/duc_topics_dev.jsonl.gz --thread-stream /tmp/stream-entities.jsonl \\
        --keep-story src/storyline/cluster/data/pair_model.json -o src/storyline/cluster/data/pair_model.json

The shipped thread model was trained when `_kernels.MIN_COHESION` was 0.01 (now 0.05), so
this command gives a slightly different one (seventh session of 2026-12-02: DUC 0.9300,
Entities 0.9742, train2 0.8347 and val 0.8348 thread F1, against 0.9300, 0.9737, 0.8363,
0.8364 shipped; docs/benchmarks.md).

`--keep-story` keeps the shipped story model (trained when each article posted 10 terms;
retraining it now gives a slightly different one of equal F1, docs/benchmarks.md), so
that only the thread model changes. `--keep-thread` is the other way round: a new story
model, the thread model of the file named (how a story model of other features is tried
without moving the threads; docs/benchmarks.md, sixth session of 2026-12-03).

Besides pair_model.json it writes data/doc_freq.npy: document frequencies of the hashed
terms over the --prior stream's articles, the IDF prior of every stream.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.cluster import ClusterOptions, Featurizer, OnlineClusterer
from storyline.cluster._online import THREAD_COLUMNS
from storyline.cluster._pairmodel import STORY_FEATURES, THREAD_FEATURES, Logistic, PairModel
from storyline.model import Article

Rows = list[tuple[Article, str]]


def read_stream(path: Path) -> Rows:
    opener = gzip.open if path.suffix == ".gz" else open
    rows: Rows = []
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            r = json.loads(line)
            date = dt.date.fromisoformat(r["date"]) if r.get("date") else None
            rows.append(
                (Article(text=r["text"], id=r["id"], title=r.get("title"), date=date), str(r["story_id"]))
            )
    return rows


def processing_order(rows: Rows) -> list[int]:
    """Date order, an undated article keyed by the latest date before it (as `_stream.py` does)."""
    latest, keys = -1, []
    for i, (article, _) in enumerate(rows):
        day = article.date.toordinal() if article.date else -1
        latest = max(latest, day)
        keys.append((day if day >= 0 else latest, i))
    return [i for _, i in sorted(keys)]


def views(clusterer: OnlineClusterer, rows: Rows, featurizer: Featurizer) -> Any:
    """Yield (position, view) in processing order, featurizing in batches."""
    features = []
    size = 512
    for start in range(0, len(rows), size):
        batch = featurizer([a for a, _ in rows[start : start + size]])
        features.extend((batch, row) for row in range(len(batch)))
    for i in processing_order(rows):
        batch, row = features[i]
        if not batch.has_text[row]:
            continue
        article = rows[i][0]
        yield i, clusterer.view(batch, row, day=article.date.toordinal() if article.date else None)


def story_pairs(rows: Rows, options: ClusterOptions, model: PairModel) -> tuple[list[Any], list[Any]]:
    clusterer = OnlineClusterer(options, pair_model=model)
    xs, ys = [], []
    story_of: dict[str, int] = {}
    gold_of: list[str] = []
    for i, view in views(clusterer, rows, Featurizer(options)):
        gold = rows[i][1]
        if clusterer.state.n_articles:
            stories = clusterer.story_candidates(view, clusterer.neighbours(view))
            if stories:
                xs.append(clusterer.story_features(view, stories))
                ys.append(np.array([gold_of[c] == gold for c in stories]))
        story = story_of.setdefault(gold, len(gold_of))
        if story == len(gold_of):
            gold_of.append(gold)
        clusterer.commit(view, story, story)
    return xs, ys


def thread_pairs(rows: Rows, options: ClusterOptions, model: PairModel) -> tuple[list[Any], list[Any]]:
    """Stories decided by `model`; threads forced to gold, sampled where a story opens."""
    clusterer = OnlineClusterer(options, pair_model=model)
    s = clusterer.state
    xs, ys = [], []
    thread_of: dict[str, int] = {}
    gold_of: list[str] = []
    for i, view in views(clusterer, rows, Featurizer(options)):
        gold = rows[i][1]
        story, _ = clusterer.decide(view)
        if story < len(s.stories):
            clusterer.commit(view, story, s.thread_of(story))
            continue
        if s.n_articles:
            threads = clusterer.thread_candidates(view, clusterer.neighbours(view))
            if threads:
                xs.append(clusterer.thread_features(view, threads)[:, THREAD_COLUMNS])
                ys.append(np.array([gold_of[t] == gold for t in threads]))
        thread = thread_of.setdefault(gold, len(gold_of))
        if thread == len(gold_of):
            gold_of.append(gold)
        clusterer.commit(view, story, thread)
    return xs, ys


def fit(
    xs: list[Any], ys: list[Any], weights: list[float], names: tuple[str, ...]
) -> tuple[Logistic, dict[str, Any]]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    x = np.concatenate(xs)
    y = np.concatenate(ys).astype(int)
    w = np.concatenate([np.full(len(a), wt) for a, wt in zip(xs, weights, strict=True)])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y, sample_weight=w)
    logistic = Logistic(names, mean, scale, model.coef_[0].astype(np.float64), float(model.intercept_[0]))
    p = logistic.probability(x)
    stats = {"pairs": len(y), "positive": int(y.sum()), "auc": round(float(roc_auc_score(y, p)), 4)}
    return logistic, stats


def doc_freq_prior(path: Path, options: ClusterOptions) -> tuple[npt.NDArray[np.float32], int]:
    """Document frequencies of hashed terms over the articles of a train stream."""
    rows = read_stream(path)
    featurizer = Featurizer(ClusterOptions(retrieval="sketch"))  # no embedding needed
    df = np.zeros(options.n_features, np.float64)
    for start in range(0, len(rows), 512):
        features = featurizer([a for a, _ in rows[start : start + 512]])
        for idx in features.full_indices:
            df[idx] += 1.0
    return df.astype(np.float32), len(rows)


def kept_model(
    path: Path, level: str, features: tuple[str, ...]
) -> tuple[Logistic, dict[str, Any], list[str]]:
    """One level's model from a pair model file, with its training statistics and data names."""
    kept = json.loads(path.read_text(encoding="utf-8"))
    model = Logistic.from_dict(kept[level], features)
    return model, dict(kept["meta"][level], kept_from=path.name), list(kept["meta"][f"{level}_data"])


def _zero(names: tuple[str, ...]) -> Logistic:
    n = len(names)
    ones: npt.NDArray[np.float64] = np.ones(n)
    return Logistic(names, np.zeros(n), ones, np.zeros(n), 0.0)


def train_threads(
    args: argparse.Namespace, train: list[Rows], story: Logistic, prior: Any, prior_docs: int
) -> tuple[Logistic, dict[str, Any]]:
    """The thread model, from pairs where the stories are decided by `story`.

    Every thread-level stream weighs the same in total, whatever its number of pairs: the
    train streams' one-story threads, DUC's topics and the Entities' long-running topics
    each teach one kind of thread, and none should drown the others."""
    options = ClusterOptions()
    with_story = PairModel(story, _zero(THREAD_FEATURES), "stage1", {}, prior, prior_docs)
    streams = [*train, *(read_stream(p) for p in args.thread_stream)]
    per_stream = [thread_pairs(rows, options, with_story) for rows in streams]
    total = sum(sum(len(y) for y in ys) for _, ys in per_stream)
    xs, ys, weights = [], [], []
    for x, y in per_stream:
        n = sum(len(a) for a in y)
        xs.extend(x)
        ys.extend(y)
        weights.extend([total / (len(per_stream) * n)] * len(x))
    return fit(xs, ys, weights, THREAD_FEATURES)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--train", type=Path, action="append", required=True, help="a Multi-News train stream"
    )
    parser.add_argument(
        "--thread-stream",
        type=Path,
        action="append",
        default=[],
        help="a dev stream whose gold groups are threads (DUC topics, Entities topics); repeat",
    )
    parser.add_argument("--prior", type=Path, required=True, help="a train stream for document frequencies")
    parser.add_argument(
        "--keep-story",
        type=Path,
        help="take the story model from this pair model file instead of training it (threads only)",
    )
    parser.add_argument(
        "--keep-thread",
        type=Path,
        help="take the thread model from this pair model file instead of training it (stories only)",
    )
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    if any("val" in p.name for p in [*args.train, *args.thread_stream]):
        parser.error("train on train and dev streams, never on val")
    if args.keep_thread is not None and args.thread_stream:
        parser.error("--keep-thread keeps the thread model: --thread-stream would not be read")
    if args.keep_thread is None and not args.thread_stream:
        parser.error("name the --thread-stream files, or --keep-thread")
    if args.keep_story is not None and args.keep_thread is not None:
        parser.error("--keep-story and --keep-thread together would train nothing")
    options = ClusterOptions()
    train = [read_stream(p) for p in args.train]
    if "val" in args.prior.name or args.prior in args.train:
        parser.error("count document frequencies on another train stream")
    prior, prior_docs = doc_freq_prior(args.prior, options)
    empty = PairModel(_zero(STORY_FEATURES), _zero(THREAD_FEATURES), "untrained", {}, prior, prior_docs)

    if args.keep_story is not None:
        story, story_stats, story_data = kept_model(args.keep_story, "story", STORY_FEATURES)
    else:
        xs, ys = [], []
        for rows in train:
            x, y = story_pairs(rows, options, empty)
            xs.extend(x)
            ys.extend(y)
        story, story_stats = fit(xs, ys, [1.0] * len(xs), STORY_FEATURES)
        story_data = [p.name for p in args.train]
    print("story:", story_stats, dict(zip(STORY_FEATURES, story.coef.round(3).tolist(), strict=True)))

    if args.keep_thread is not None:
        thread, thread_stats, thread_data = kept_model(args.keep_thread, "thread", THREAD_FEATURES)
    else:
        thread, thread_stats = train_threads(args, train, story, prior, prior_docs)
        thread_data = [p.name for p in [*args.train, *args.thread_stream]]
    print("thread:", thread_stats, dict(zip(THREAD_FEATURES, thread.coef.round(3).tolist(), strict=True)))

    meta = {
        "trained_by": "scripts/train_pair_model.py",
        "story_data": story_data,
        "thread_data": thread_data,
        "thread_weights": "each stream the same total weight",
        "story": story_stats,
        "thread": thread_stats,
    }
    meta["prior_data"] = args.prior.name
    args.output.write_text(PairModel(story, thread, "", meta, prior, prior_docs).to_json(), encoding="utf-8")
    with (args.output.parent / "doc_freq.npy").open("wb") as fh:
        np.save(fh, prior, allow_pickle=False)
    print(f"-> {args.output}")


if __name__ == "__main__":
    main()
