"""Calibrate off-topic document detection on Multi-News train (never on val).

Labels: `meta.multinews_plus_irrelevant_doc_indices` (Multi-News+, Choi et al. 2024).
For clusters of three or more documents, each document's similarity to the rest of
its cluster is computed exactly as the summarizer does; the script prints precision,
recall and F1 of the rule "similarity < t (and only a minority flagged)" over t,
together with the error-page rule, which also covers two-document clusters.

    .venv/bin/python benchmarks/calibrate_off_topic.py --limit 1500
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import numpy as np

from storyline.clean import error_page_reason, find_off_topic, off_topic_scores
from storyline.embed import make_embedder
from storyline.ingest import parse_cluster
from storyline.pipeline import embed_corpora, prepare
from storyline.summarize import doc_vectors
from storyline.text import make_splitter

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews" / "train.jsonl.gz"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=TRAIN)
    parser.add_argument("--limit", type=int, default=1500, help="clusters of 3+ documents to embed")
    parser.add_argument("--embedder", default="transformer")
    parser.add_argument("--low", type=float, default=0.2)
    parser.add_argument("--high", type=float, default=0.7)
    args = parser.parse_args()
    splitter = make_splitter("blingfire")
    embedder = make_embedder(args.embedder)

    # Error-page rule over every cluster read (it needs no embeddings).
    page_tp = page_fp = page_fn = 0
    big: list[tuple[list[int], object]] = []
    started = time.perf_counter()
    with gzip.open(args.data, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            record = json.loads(line)
            labels = set(record["meta"].get("multinews_plus_irrelevant_doc_indices", []))
            cluster = parse_cluster(record, line_no=line_no)
            for i, article in enumerate(cluster.articles):
                flagged = error_page_reason(article.text) is not None
                page_tp += flagged and i in labels
                page_fp += flagged and i not in labels
                page_fn += (not flagged) and i in labels
            if len(cluster.articles) >= 3 and len(big) < args.limit:
                big.append((sorted(labels), cluster))
            if len(big) >= args.limit and line_no >= 4 * args.limit:
                break
    p, r, f = prf(page_tp, page_fp, page_fn)
    print(
        f"error-page rule over {line_no} clusters: precision {p:.3f} recall {r:.3f} f1 {f:.3f} (tp {page_tp}, fp {page_fp})"
    )

    scored: list[tuple[list[float], list[int], list[int]]] = []
    for start in range(0, len(big), 64):
        chunk = big[start : start + 64]
        corpora = [prepare(c.articles, splitter=splitter) for _, c in chunk]  # type: ignore[attr-defined]
        for (labels, _), corpus in zip(chunk, embed_corpora(corpora, embedder), strict=True):
            docs, vectors = doc_vectors(corpus)
            scored.append((off_topic_scores(vectors).tolist(), list(docs), labels))
    print(f"embedded {len(big)} clusters of 3+ documents in {time.perf_counter() - started:.0f} s\n")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'f1':>6}  (documents in 3+ clusters)")
    for t in np.arange(args.low, args.high + 1e-9, 0.05):
        tp = fp = fn = 0
        for scores, docs, labels in scored:
            vectors_flagged = find_off_topic_from_scores(scores, t)
            flagged = {docs[k] for k in vectors_flagged}
            tp += len(flagged & set(labels))
            fp += len(flagged - set(labels))
            fn += len(set(labels) - flagged)
        p, r, f = prf(tp, fp, fn)
        print(f"{t:9.2f} {p:9.3f} {r:7.3f} {f:6.3f}")


def find_off_topic_from_scores(scores: list[float], threshold: float) -> list[int]:
    """The same minority rule as `find_off_topic`, from precomputed scores."""
    flagged = [i for i, s in enumerate(scores) if s < threshold]
    return flagged if len(flagged) * 2 < len(scores) else []


assert find_off_topic  # the rule mirrored above lives in storyline.clean

if __name__ == "__main__":
    main()
