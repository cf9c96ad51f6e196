"""A sentence scorer learned from human summaries: gradient-boosted regression trees.

Histogram gradient-boosted trees (scikit-learn) are trained by `scripts/train_scorer.py`
on Multi-News train (never on val)
to predict how much of a sentence a human summary keeps (the mean of its unigram and
bigram precision against the reference, stemmed as in ROUGE). They ship as a small
JSON file and run here in plain numpy: no pickles, no scikit-learn at run time.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.errors import ConfigError, Errors
from storyline.summarize._features import FEATURE_NAMES, Features, FloatArray, rank01

DEFAULT_MODEL = Path(__file__).parent / "data" / "scorer.json"
RANK_BLEND = (("trees", 3 / 7), ("word_doc_share_rank", 2 / 7), ("lexrank_rank", 2 / 7))
"""When the budget is a small share of the cluster (issue 15), a sentence's score is a
weighted mean of three ranks in its cluster (each 0 lowest to 1 highest): the trees'
score, the mean share of the cluster's documents that use its content words
(`word_doc_share_rank`) and its LexRank (`lexrank_rank`). Trees fitted on Multi-News,
where 230 words are half of a cluster's words, lean on the lead; when 100 or 250 words
must stand for 10 to 25 full wire reports (1 to 6% of their words), a lead is one of
many and what the cluster's reports keep repeating is the better guide. Ranks, not raw
scores: the trees' scores of the top thirty sentences of a 25-report cluster lie within
0.1 of each other, so a raw blend hardly moves them. The weights (3:2:2) were chosen on
the DUC 2006 and 2007 dev sets; on Multi-News at 230 words the blend is off (below)."""
BLEND_SHARE = (0.1, 0.5)
"""The blend is whole at a budget share up to the first value and gone from the second
(`budget_share`: the budget over the cluster's words), linear between. No dev set lies
between them (Multi-News at 230 words: 0.50 to 0.80; DUC at 100 and 250: 0.01 to 0.06)."""


class TreeEnsemble:
    """Additive regression trees stored as flat arrays, evaluated level by level."""

    def __init__(self, spec: dict[str, Any]) -> None:
        trees = spec["trees"]
        width = max(len(t["feature"]) for t in trees)

        def pad(key: str, fill: float) -> npt.NDArray[Any]:
            return np.array([t[key] + [fill] * (width - len(t[key])) for t in trees])

        self.feature = pad("feature", 0).astype(np.int64)
        self.threshold = pad("threshold", 0.0).astype(np.float64)
        self.left = pad("left", -1).astype(np.int64)
        self.right = pad("right", -1).astype(np.int64)
        self.value = pad("value", 0.0).astype(np.float64)
        self.depth = int(spec.get("max_depth", 8))
        self.learning_rate = float(spec["learning_rate"])
        self.init = float(spec["init"])

    def predict(self, x: npt.NDArray[np.float32]) -> FloatArray:
        n_trees, n = len(self.feature), len(x)
        if n == 0:
            return np.zeros(0, dtype=np.float32)
        rows = np.arange(n)[None, :]
        trees = np.arange(n_trees)[:, None]
        node = np.zeros((n_trees, n), dtype=np.int64)
        for _ in range(self.depth):
            left = self.left[trees, node]
            leaf = left < 0
            if leaf.all():
                break
            go_left = x[rows, self.feature[trees, node]] <= self.threshold[trees, node]
            node = np.where(leaf, node, np.where(go_left, left, self.right[trees, node]))
        total: FloatArray = (self.init + self.learning_rate * self.value[trees, node].sum(axis=0)).astype(
            np.float32
        )
        return total


def export_trees(model: Any, *, features: list[str], meta: dict[str, Any]) -> dict[str, Any]:
    """Turn a fitted scikit-learn HistGradientBoostingRegressor into our JSON spec.

    Reads each tree's node table (`_predictors[i][0].nodes`: feature_idx,
    num_threshold, left, right, is_leaf, value) and the baseline prediction. Leaf
    values already carry the learning rate; a sample goes left when
    `x[feature] <= threshold`, as in scikit-learn for features without missing
    values. tests/summarize/test_learned.py checks that predictions match exactly.
    """
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "feature": [int(v) for v in nodes["feature_idx"]],
                "threshold": [float(v) for v in nodes["num_threshold"]],
                "left": [-1 if is_leaf else int(v) for v, is_leaf in zip(nodes["left"], leaf, strict=True)],
                "right": [-1 if is_leaf else int(v) for v, is_leaf in zip(nodes["right"], leaf, strict=True)],
                "value": [float(v) for v in nodes["value"]],
            }
        )
    return {
        "format": "storyline-gbrt-1",
        "features": list(features),
        "learning_rate": 1.0,
        "init": float(np.asarray(model._baseline_prediction).ravel()[0]),
        "max_depth": int(max(max(p.nodes["depth"]) for (p,) in model._predictors)) + 1,
        "trees": trees,
        "meta": meta,
    }


@lru_cache(maxsize=4)
def load_model(path: str) -> tuple[tuple[str, ...], TreeEnsemble, dict[str, Any]]:
    """Read a scorer file once per process."""
    try:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(Errors.SL202, name="scorer model", value=path, reason=str(exc)) from None
    if not isinstance(spec, dict) or spec.get("format") != "storyline-gbrt-1":
        reason = "not a scorer file (scripts/train_scorer.py writes format storyline-gbrt-1)"
        raise ConfigError(Errors.SL202, name="scorer model", value=path, reason=reason)
    unknown = sorted(set(spec.get("features", [])) - set(FEATURE_NAMES))
    try:
        if unknown or not spec["trees"]:
            raise ValueError(f"unknown features {unknown}" if unknown else "no trees")
        return tuple(spec["features"]), TreeEnsemble(spec), spec.get("meta", {})
    except (KeyError, TypeError, ValueError) as exc:
        reason = f"a damaged scorer file: {exc.__class__.__name__} {exc}"
        raise ConfigError(Errors.SL202, name="scorer model", value=path, reason=reason) from None


class LearnedScorer:
    """Scores sentences with the shipped tree ensemble (or one named by `path`), blended
    with the cluster ranks of `RANK_BLEND` when the budget is a small share of the
    cluster; `blend` scales the blend (0: the trees alone)."""

    def __init__(self, path: str | Path | None = None, *, blend: float = 1.0) -> None:
        self.path = str(path or DEFAULT_MODEL)
        self.names, self.model, self.meta = load_model(self.path)
        self.blend = blend

    def score(self, features: Features) -> FloatArray:
        return blend_ranks(self.model.predict(features.matrix(self.names)), features, self.blend)


def blend_fade(features: Features) -> float:
    """How much of the blend applies: 1 at a budget share up to `BLEND_SHARE[0]`, 0 from
    `BLEND_SHARE[1]`, linear between."""
    share = features.values["budget_share"]
    if not len(share):
        return 0.0
    full, zero = BLEND_SHARE
    return float(np.clip((zero - float(share[0])) / (zero - full), 0.0, 1.0))


def blend_ranks(scores: FloatArray, features: Features, weight: float = 1.0) -> FloatArray:
    """`scores` moved toward the weighted mean of the cluster ranks of `RANK_BLEND` ("trees":
    the rank of `scores` themselves) by `weight` times `blend_fade`."""
    fade = min(1.0, weight * blend_fade(features))
    if not fade or not len(scores):
        return scores
    mix = np.zeros(len(scores), dtype=np.float64)
    for name, share in RANK_BLEND:
        mix += share * (rank01(scores) if name == "trees" else features.values[name])
    out: FloatArray = ((1.0 - fade) * scores + fade * mix).astype(np.float32)
    return out
