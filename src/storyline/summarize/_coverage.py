"""What the cluster's reports keep saying, as word pairs a summary can cover (issue 15).

When the budget is a small share of the cluster (100 or 250 words for 10 to 25 wire
reports), the selector also rewards a sentence for the word pairs it adds that the
summary does not carry yet, each weighted by the share of the cluster's reports that use
it: the "concepts" of Gillick & Favre (2009), whose coverage of document-frequent bigrams
led TAC 2008 and 2009, taken greedily here. A pair said by one report alone weighs
nothing; a pair already in the summary counts once, however often it is repeated, as
ROUGE counts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from storyline.model import Corpus
from storyline.text import STOPWORDS, WORD

COVERAGE_WEIGHT = 0.3
"""The weight of a sentence's new concepts per word, relative to the best of the open
candidates (0 to 1), added to its score where the rank blend is whole (`blend_fade`:
none at 230 words on Multi-News). Chosen on the DUC 2006 and 2007 dev sets."""
MIN_REPORTS = 2
"""A pair counts when at least this many of the cluster's reports use it."""


@dataclass(frozen=True, slots=True)
class Coverage:
    """The concepts of some sentences, flattened: sentence `k` holds concept ids
    `ids[starts[k]:starts[k + 1]]`; `weights[c]` is concept c's share of the reports."""

    starts: npt.NDArray[np.int64]
    ids: npt.NDArray[np.int64]
    weights: npt.NDArray[np.float64]
    weight: float

    def rows(self, rows: npt.NDArray[np.intp]) -> Coverage:
        """The same concepts for the given sentences only, in that order."""
        lengths = self.starts[1:] - self.starts[:-1]
        picked = [self.ids[self.starts[k] : self.starts[k + 1]] for k in rows.tolist()]
        starts = np.zeros(len(rows) + 1, dtype=np.int64)
        starts[1:] = np.cumsum(lengths[rows]) if len(rows) else starts[1:]
        ids = np.concatenate(picked) if picked else np.zeros(0, dtype=np.int64)
        return Coverage(starts, ids.astype(np.int64), self.weights, self.weight)

    def gains(self, covered: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:
        """Each sentence's total weight of the concepts not yet `covered`."""
        new = np.where(covered[self.ids], 0.0, self.weights[self.ids])
        sums = np.concatenate(([0.0], np.cumsum(new)))
        out: npt.NDArray[np.float64] = sums[self.starts[1:]] - sums[self.starts[:-1]]
        return out


def word_pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent lowercased words, except pairs of two stop words."""
    tokens = WORD.findall(text.lower())
    return {(a, b) for a, b in pairwise(tokens) if a not in STOPWORDS or b not in STOPWORDS}


def coverage_of(corpus: Corpus, candidates: npt.NDArray[np.intp], *, weight: float) -> Coverage:
    """The concepts of the `candidates` (indices into `corpus.sentences`), weighted by the
    share of the corpus's reports that use them; pairs of fewer than `MIN_REPORTS` are left out."""
    pairs = [word_pairs(s.text) for s in corpus.sentences]
    reports: dict[tuple[str, str], set[int]] = {}
    for s, found in zip(corpus.sentences, pairs, strict=True):
        for pair in found:
            reports.setdefault(pair, set()).add(s.doc_index)
    n_docs = max(len({s.doc_index for s in corpus.sentences}), 1)
    concept: dict[tuple[str, str], int] = {}
    weights: list[float] = []
    for pair, docs in reports.items():
        if len(docs) >= MIN_REPORTS:
            concept[pair] = len(weights)
            weights.append(len(docs) / n_docs)
    rows = [[concept[p] for p in pairs[int(i)] if p in concept] for i in candidates]
    starts = np.zeros(len(rows) + 1, dtype=np.int64)
    starts[1:] = np.cumsum([len(r) for r in rows]) if rows else starts[1:]
    ids = np.array([c for r in rows for c in r], dtype=np.int64)
    return Coverage(starts, ids, np.array(weights, dtype=np.float64), weight)
