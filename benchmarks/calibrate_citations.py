"""Calibrate the citation test: when does another report "say the same thing"?

Data: benchmarks/data/citation_pairs.tsv, 160 invented sentence pairs written for this
project (80 paraphrases across outlets, 50 same-story different-fact pairs, 30
unrelated). For an embedder, prints precision/recall/F1 of "cosine >= t" over t, and,
with --overlap, of "cosine >= t and shared content words >= o" (the test storyline
uses for embedders whose similarities run high; see StaticEmbedder).

    .venv/bin/python benchmarks/calibrate_citations.py [--embedder static|transformer|hash] [--overlap 0.5]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

from storyline.embed import make_embedder
from storyline.text import content_words, overlap

PAIRS = Path(__file__).parent / "data" / "citation_pairs.tsv"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedder", default="static")
    parser.add_argument("--model", default=None)
    parser.add_argument("--overlap", type=float, default=0.0, help="also require this content-word overlap")
    args = parser.parse_args()
    with PAIRS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    embedder = make_embedder(args.embedder, model=args.model)
    a = embedder.embed([r["sentence_a"] for r in rows])
    b = embedder.embed([r["sentence_b"] for r in rows])
    sims = (a * b).sum(axis=1)
    shared = np.array([overlap(content_words(r["sentence_a"]), content_words(r["sentence_b"])) for r in rows])
    labels = np.array([r["label"] == "1" for r in rows])
    kinds = np.array([r["kind"] for r in rows])
    for kind in ("paraphrase", "same_story", "unrelated"):
        s = sims[kinds == kind]
        print(f"{kind:11s} n={len(s):3d} mean={s.mean():.3f} min={s.min():.3f} max={s.max():.3f}")
    print(f"\n{'threshold':>9} {'precision':>9} {'recall':>7} {'f1':>6}  (overlap >= {args.overlap})")
    best = (0.0, 0.0)
    for t in np.arange(0.10, 0.91, 0.02):
        predicted = (sims >= t) & (shared >= args.overlap)
        tp = int((predicted & labels).sum())
        precision = tp / max(int(predicted.sum()), 1)
        recall = tp / int(labels.sum())
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        best = max(best, (f1, float(t)))
        print(f"{t:9.2f} {precision:9.3f} {recall:7.3f} {f1:6.3f}")
    print(f"\nbest F1 {best[0]:.3f} at threshold {best[1]:.2f} ({args.embedder}, overlap >= {args.overlap})")


if __name__ == "__main__":
    main()
