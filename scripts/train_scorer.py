"""Train the shipped sentence scorer on Multi-News train; never on val.

Reproduces src/storyline/summarize/data/scorer.json:

    .venv/bin/python scripts/train_scorer.py --clusters 8000 --folds 3

Each sentence of a training cluster gets the features storyline computes at run time
and a target: the mean of its unigram and bigram precision against the human summary
(stemmed tokens as in ROUGE), i.e. how much of the sentence the editor kept.
Cross-validation by cluster scores each configuration the way it will be used: the
trees score, the selector picks within 230 words, ROUGE is computed on the held-out
clusters. The best configuration is then fitted on all clusters and exported as
plain JSON trees (scikit-learn is needed here, not at run time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from rouge_score import tokenizers
from sklearn.ensemble import GradientBoostingRegressor

from storyline.embed import make_embedder
from storyline.evaluate import rouge, truncate_words
from storyline.ingest import parse_cluster
from storyline.model import Corpus, SummaryOptions
from storyline.pipeline import embed_corpora, prepare
from storyline.summarize import FEATURE_NAMES, MMRSelector, compute_features, lead_sentences
from storyline.summarize._learned import DEFAULT_MODEL
from storyline.text import make_splitter

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "multinews" / "train.jsonl.gz"
TOKENIZER = tokenizers.DefaultTokenizer(use_stemmer=True)


def ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def precision(sentence: str, ref: list[Counter[tuple[str, ...]]]) -> float:
    tokens = TOKENIZER.tokenize(sentence)
    out = 0.0
    for k, n in enumerate((1, 2)):
        grams = ngrams(tokens, n)
        total = sum(grams.values())
        out += sum((grams & ref[k]).values()) / total if total else 0.0
    return out / 2


def load(path: Path, n_clusters: int, options: SummaryOptions) -> list[dict[str, Any]]:
    """Prepare, embed and featurize the first clusters of the training file."""
    splitter = make_splitter(options.splitter)
    embedder = make_embedder(options.embedder, model=options.model)
    cite_at = options.citation_threshold or embedder.citation_threshold
    out: list[dict[str, Any]] = []
    pending: list[tuple[Corpus, str]] = []

    def flush() -> None:
        for corpus, summary in zip(
            embed_corpora([c for c, _ in pending], embedder), [s for _, s in pending], strict=True
        ):
            if not corpus.sentences:
                continue
            features = compute_features(corpus, citation_threshold=cite_at)
            ref_tokens = TOKENIZER.tokenize(summary)
            ref = [ngrams(ref_tokens, 1), ngrams(ref_tokens, 2)]
            texts = [s.text for s in corpus.sentences]
            out.append(
                {
                    "x": features.matrix(FEATURE_NAMES),
                    "y": np.array([precision(t, ref) for t in texts], dtype=np.float32),
                    "texts": texts,
                    "emb": corpus.embeddings,
                    "n_words": features.n_words,
                    "corpus": corpus,
                    "reference": [summary[a:b] for a, b in splitter.split(summary)],
                }
            )
        pending.clear()

    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if len(out) + len(pending) >= n_clusters:
                break
            record = json.loads(line)
            cluster = parse_cluster(record, line_no=line_no)
            pending.append((prepare(cluster.articles, splitter=splitter), record["summary"]))
            if len(pending) >= 128:
                flush()
    if pending:
        flush()
    return out


def summarize_with(
    scores: np.ndarray, item: dict[str, Any], options: SummaryOptions, redundancy: float, lam: float
) -> list[str]:
    """Select and order as summarize_corpus does, from given scores."""
    words = item["n_words"]
    cand = np.flatnonzero((words >= options.min_sentence_words) & (words <= options.max_sentence_words))
    picked = MMRSelector(lam=lam).select(
        scores[cand], item["emb"][cand], words[cand], budget=options.words, redundancy=redundancy
    )
    chosen = sorted(
        (int(cand[p]) for p in picked),
        key=lambda i: (item["corpus"].sentences[i].position, item["corpus"].sentences[i].doc_index),
    )
    return [item["texts"][i] for i in chosen]


def fit(items: list[dict[str, Any]], params: dict[str, Any], seed: int) -> GradientBoostingRegressor:
    x = np.concatenate([it["x"] for it in items])
    y = np.concatenate([it["y"] for it in items])
    model = GradientBoostingRegressor(random_state=seed, **params)
    model.fit(x, y)
    return model


def export(model: GradientBoostingRegressor, params: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    trees = []
    for estimator in model.estimators_[:, 0]:
        t = estimator.tree_
        trees.append(
            {
                "feature": [int(f) if f >= 0 else 0 for f in t.feature],
                "threshold": [round(float(v), 6) for v in t.threshold],
                "left": [int(v) for v in t.children_left],
                "right": [int(v) for v in t.children_right],
                "value": [round(float(v), 7) for v in t.value[:, 0, 0]],
            }
        )
    return {
        "format": "storyline-gbrt-1",
        "features": list(FEATURE_NAMES),
        "learning_rate": params["learning_rate"],
        "init": float(model.init_.constant_[0][0]),
        "max_depth": params["max_depth"] + 1,
        "trees": trees,
        "meta": meta,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=TRAIN)
    parser.add_argument("--clusters", type=int, default=8000)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--embedder", default="static")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args()
    options = SummaryOptions(embedder=args.embedder)
    embedder = make_embedder(options.embedder)
    started = time.perf_counter()
    items = load(args.data, args.clusters, options)
    print(
        f"{len(items)} clusters, {sum(len(i['y']) for i in items)} sentences featurized in {time.perf_counter() - started:.0f} s"
    )

    rng = np.random.default_rng(args.seed)
    fold_of = rng.integers(0, args.folds, size=len(items))
    grid = [
        {"n_estimators": 150, "max_depth": 3, "learning_rate": 0.1, "subsample": 0.8},
        {"n_estimators": 300, "max_depth": 4, "learning_rate": 0.05, "subsample": 0.8},
    ]
    selections = [(embedder.redundancy_threshold, 0.75), (embedder.redundancy_threshold, 1.0), (0.8, 1.0)]
    results = []
    for params in grid:
        scores_by_sel: dict[tuple[float, float], list[float]] = {s: [0.0, 0.0, 0.0] for s in selections}
        lead = [0.0, 0.0, 0.0]
        for fold in range(args.folds):
            train = [it for it, f in zip(items, fold_of, strict=True) if f != fold]
            test = [it for it, f in zip(items, fold_of, strict=True) if f == fold]
            model = fit(train, params, args.seed)
            for item in test:
                predicted = model.predict(item["x"]).astype(np.float32)
                for sel in selections:
                    out = summarize_with(predicted, item, options, *sel)
                    s = rouge(truncate_words(out, options.words), [item["reference"]])
                    for k, v in enumerate((s.rouge1, s.rouge2, s.rougeLsum)):
                        scores_by_sel[sel][k] += v / len(items)
                if params is grid[0]:
                    s = rouge(
                        truncate_words(lead_sentences(item["corpus"], budget=options.words), options.words),
                        [item["reference"]],
                    )
                    for k, v in enumerate((s.rouge1, s.rouge2, s.rougeLsum)):
                        lead[k] += v / len(items)
        if params is grid[0]:
            print(
                f"lead on the same folds: R1 {100 * lead[0]:.2f} R2 {100 * lead[1]:.2f} RLsum {100 * lead[2]:.2f}"
            )
        for sel, s in scores_by_sel.items():
            print(
                f"{params} redundancy={sel[0]} lam={sel[1]}: R1 {100 * s[0]:.2f} R2 {100 * s[1]:.2f} RLsum {100 * s[2]:.2f}"
            )
            results.append((s[0] + s[1] + s[2], params, sel, s))
    best = max(results, key=lambda r: r[0])
    _, params, sel, cv = best
    print(f"best: {params} redundancy={sel[0]} lam={sel[1]}")
    model = fit(items, params, args.seed)
    meta = {
        "trained_on": f"{args.data.name}, first {len(items)} clusters",
        "embedder": args.embedder,
        "target": "mean of unigram and bigram precision against the reference (stemmed)",
        "cv_folds": args.folds,
        "cv_rouge_f1_230": {
            "rouge1": round(100 * cv[0], 2),
            "rouge2": round(100 * cv[1], 2),
            "rougeLsum": round(100 * cv[2], 2),
        },
        "selection": {"redundancy": sel[0], "lam": sel[1]},
        "date": dt.date.today().isoformat(),
        "command": f"python scripts/train_scorer.py --clusters {args.clusters} --folds {args.folds} --seed {args.seed} --embedder {args.embedder}",
    }
    spec = export(model, params, meta)
    args.out.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
