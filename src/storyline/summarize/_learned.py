"""A sentence scorer learned from human summaries: gradient-boosted regression trees.

Histogram gradient-boosted trees (scikit-learn) are trained by `scripts/train_scorer.py`
on Multi-News train (never on val)
to predict how much of a sentence a human summary keeps (the mean of its unigram and
bigram precision against the reference, stemmed as in ROUGE). They ship as a small
JSON file and run here in plain numpy: no pickles, no scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
import stat
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


MAX_FILE_BYTES = 50_000_000
"""The largest scorer file read (the shipped one is under 1 MB)."""
MAX_CELLS = 5_000_000
"""The most nodes the trees may take once padded to the widest (trees x widest tree)."""
MAX_DEPTH = 64
"""The deepest tree a scorer file may hold (the exporter's, with 31 leaves, are at most 31)."""
_FLOAT32_MAX = float(np.finfo(np.float32).max)


def load_model(path: str | Path) -> tuple[tuple[str, ...], TreeEnsemble, dict[str, Any]]:
    """Read a scorer file, checked whole: one a user gives may be anything, and a tree that
    points outside itself or back at itself would fail or never end at run time. The file
    is read again only when it changes."""
    try:
        where = Path(path).expanduser()
        info = where.stat()
    except (OSError, RuntimeError, ValueError) as exc:  # no such user's home, a NUL in the path
        raise _bad(path, getattr(exc, "strerror", None) or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise _bad(where, "is a directory")
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device would never end
        raise _bad(where, "not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise _bad(where, f"larger than {MAX_FILE_BYTES // 1_000_000} MB")
    names, model, meta = _load(str(where), info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_size)
    return names, model, dict(meta)


@lru_cache(maxsize=4)
def _load(path: str, *_changed: int) -> tuple[tuple[str, ...], TreeEnsemble, dict[str, Any]]:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _bad(path, exc.strerror or str(exc)) from None
    if len(raw) > MAX_FILE_BYTES:  # it grew since it was looked at
        raise _bad(path, f"larger than {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        spec = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _bad(path, str(exc)) from None
    except (ValueError, RecursionError) as exc:  # not JSON, nested past the parser, a 5,000-digit number
        raise _bad(path, f"not JSON ({exc.__class__.__name__})") from None
    if not isinstance(spec, dict) or spec.get("format") != "storyline-gbrt-1":
        raise _bad(path, "not a scorer file (scripts/train_scorer.py writes format storyline-gbrt-1)")
    try:
        reason, deepest = _damage(spec)
    except (TypeError, ValueError, OverflowError) as exc:
        reason, deepest = f"{exc.__class__.__name__} {exc}", 0
    if reason:
        raise _bad(path, f"a damaged scorer file: {reason}")
    # Run as deep as the trees are, whatever the file says (checked at least that deep).
    return tuple(spec["features"]), TreeEnsemble({**spec, "max_depth": deepest}), spec.get("meta", {})


def _bad(path: str | Path, reason: str) -> ConfigError:
    return ConfigError(Errors.SL202, name="scorer", value=str(path), reason=reason)


_ARRAYS = ("feature", "threshold", "left", "right", "value")


def _damage(spec: dict[str, Any]) -> tuple[str, int]:
    """What makes `spec` no scorer `TreeEnsemble` can run ("" when nothing does), and the
    depth of its deepest tree."""
    names = spec.get("features")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        return "features must be a non-empty list of feature names", 0
    if unknown := sorted(set(names) - set(FEATURE_NAMES)):
        return f"unknown features {unknown}", 0
    if len(set(names)) != len(names):
        return "a feature named twice", 0
    if not all(_finite(spec.get(key)) for key in ("learning_rate", "init")):
        return "learning_rate and init must be finite numbers", 0
    if not isinstance(spec.get("meta", {}), dict):
        return "meta must be an object", 0
    trees = spec.get("trees")
    if not isinstance(trees, list) or not trees:
        return "no trees", 0
    deepest = widest = 0
    largest = abs(spec["init"])  # the largest score the trees can add up to
    for number, tree in enumerate(trees):
        if not isinstance(tree, dict) or not all(isinstance(tree.get(k), list) for k in _ARRAYS):
            return f"tree {number}: needs the lists {', '.join(_ARRAYS)}", 0
        sizes = {len(tree[k]) for k in _ARRAYS}
        if len(sizes) != 1 or not min(sizes):
            return f"tree {number}: its lists differ in length or are empty", 0
        n = sizes.pop()
        widest = max(widest, n)
        if widest * len(trees) > MAX_CELLS:
            return f"more than {MAX_CELLS:,} nodes once the trees are padded to the widest", 0
        depth = [1] * n
        for node in range(n):
            feature, left, right = tree["feature"][node], tree["left"][node], tree["right"][node]
            if not (_index(feature) and 0 <= feature < len(names)):
                return f"tree {number}, node {node}: no feature {feature!r}", 0
            if not (_finite(tree["threshold"][node]) and _finite(tree["value"][node])):
                return f"tree {number}, node {node}: a threshold or value that is no finite number", 0
            # Children come after their node (as the exporter writes them), so no tree
            # loops; a leaf has none. A child of two nodes is as deep as the deeper path.
            if not (_index(left) and _index(right)):
                return f"tree {number}, node {node}: children must be whole numbers", 0
            if (left, right) != (-1, -1):
                if not (node < left < n and node < right < n):
                    return f"tree {number}, node {node}: a child outside the tree or before its node", 0
                for child in (left, right):
                    depth[child] = max(depth[child], depth[node] + 1)
        deepest = max(deepest, max(depth))
        largest += abs(spec["learning_rate"]) * max(abs(v) for v in tree["value"])
    if deepest > MAX_DEPTH:
        return f"a tree {deepest} deep; at most {MAX_DEPTH}", 0
    if largest > _FLOAT32_MAX:
        return "values so large that a score would overflow", 0
    max_depth = spec.get("max_depth", deepest)
    if not _index(max_depth) or max_depth < deepest:
        return f"max_depth must be a whole number of at least {deepest}, the deepest tree", 0
    return "", deepest


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _index(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


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
