"""The pairwise decision model: P(an article belongs to a candidate story or thread).

Two logistic regressions over a few similarity features, one per level, trained by
scripts/train_pair_model.py and shipped as plain JSON coefficients in `data/pair_model.json`
(data, never code: nothing is unpickled). Their outputs are probabilities, so one
threshold per level means the same on every corpus.

Story features compare the article's lead with a candidate story; thread features
compare the article's full text and names with a candidate thread (see `STORY_FEATURES`
and `THREAD_FEATURES`, computed in `_online.py`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.errors import ConfigError, Errors

FORMAT = "storyline-pair-model"
VERSION = 2

STORY_FEATURES = (
    "lead_mean",  # mean TF-IDF cosine of the leads to the story's articles (average linkage)
    "lead_centroid",  # cosine of the lead to the story's centroid
    "dense",  # cosine of the centered embeddings (article vs story centroid)
    "names",  # cosine of IDF-weighted name vectors (0 when either side has none)
    "log_size",  # log(1 + articles in the story)
)
# Only similarities and size, no length or interaction terms: a linear model extrapolates,
# and an earlier version with them gave a 40-word brief a lower probability at a higher
# similarity. With these, P rises with every similarity on every corpus.
THREAD_FEATURES = (
    "names",  # cosine of IDF-weighted name vectors
    "log_gap",  # log(1 + days between the article and the thread's span); 0 undated
    "undated",  # either side has no date
    "relative_centroid",  # full-text cosine to the thread's centroid over sqrt(its cohesion)
    "nearest_story",  # lead cosine to the closest story of the thread that shares its terms
    "single",  # the thread is one article
)
# Nothing that grows with the thread: a size term (and the mean cosine to every article,
# which falls as a thread widens) learned on DUC's 25-article topics kept every
# long-running topic of the Entities stream from growing (522 threads for 6 topics). The
# centroid cosine is read against the thread's cohesion (its articles' mean pairwise
# cosine): a topic followed for years is broad, a thread of wire copies tight. As a ratio,
# not a separate term: a low cohesion added on its own let broad threads take articles
# of any similarity and snowball (one DUC thread joined three topics). No length feature:
# DUC's threads are all long wire stories, and a linear term in length learned there turns
# into confidence on short texts.


@dataclass(frozen=True, slots=True)
class Logistic:
    """A standardized logistic regression: p = sigmoid(((x - mean) / scale) . coef + intercept)."""

    features: tuple[str, ...]
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]
    intercept: float

    def probability(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        # ((x - mean) / scale) . coef + intercept, folded into one product.
        weights = self.coef / self.scale
        z = x @ weights + (self.intercept - float(self.mean @ weights))
        result: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))
        return result

    def as_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], expected: tuple[str, ...]) -> Logistic:
        features = tuple(data["features"])
        if features != expected:
            raise ValueError(f"features {features} are not {expected}")
        arrays = [np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef")]
        if any(a.shape != (len(features),) for a in arrays) or not np.all(arrays[1] > 0):
            raise ValueError("coefficient arrays do not match the features")
        return cls(features, arrays[0], arrays[1], arrays[2], float(data["intercept"]))


@dataclass(frozen=True, slots=True)
class PairModel:
    """The story-level and thread-level models, and a digest of them for state fingerprints.

    `prior_df` holds document frequencies of hashed terms counted on `prior_docs` Multi-News
    train articles (`data/doc_freq.npy`). They start every stream's IDF, so that "said",
    "officials" or "Tuesday" weigh little from the first article on, not only after the
    stream has shown them to be common.
    """

    story: Logistic
    thread: Logistic
    digest: str
    meta: dict[str, Any]
    prior_df: npt.NDArray[np.float32] | None = None
    prior_docs: int = 0

    def to_json(self) -> str:
        payload = {
            "format": FORMAT,
            "version": VERSION,
            "meta": self.meta,
            "prior_docs": self.prior_docs,
            "story": self.story.as_dict(),
            "thread": self.thread.as_dict(),
        }
        return json.dumps(payload, indent=1) + "\n"

    @classmethod
    def from_json(
        cls, text: str, *, where: str, prior_df: npt.NDArray[np.float32] | None = None
    ) -> PairModel:
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT or data.get("version") != VERSION:
                raise ValueError(f"not a {FORMAT} version {VERSION}")
            story = Logistic.from_dict(data["story"], STORY_FEATURES)
            thread = Logistic.from_dict(data["thread"], THREAD_FEATURES)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(Errors.SL203, path=where, reason=f"unreadable pair model ({exc})") from None
        hasher = hashlib.sha256(text.encode())
        if prior_df is not None:
            hasher.update(prior_df.tobytes())
        prior_docs = int(data.get("prior_docs") or 0) if prior_df is not None else 0
        return cls(story, thread, hasher.hexdigest()[:16], dict(data.get("meta") or {}), prior_df, prior_docs)


_DEFAULT: list[PairModel] = []


def default_pair_model() -> PairModel:
    """The shipped model (read once per process)."""
    if not _DEFAULT:
        data = resources.files("storyline.cluster").joinpath("data")
        text = data.joinpath("pair_model.json").read_text("utf-8")
        with data.joinpath("doc_freq.npy").open("rb") as fh:
            prior = np.load(fh, allow_pickle=False).astype(np.float32)
        _DEFAULT.append(
            PairModel.from_json(text, where="storyline/cluster/data/pair_model.json", prior_df=prior)
        )
    return _DEFAULT[0]
