"""Timeline metrics: Date-F1, concatenated ROUGE, and alignment ROUGE (AR-1, AR-2).

Alignment ROUGE is "align+ m:1" of Martschat & Markert (2017, "Improving ROUGE for
Timeline Summarization", EACL), the AR-N that Ghalandari & Ifrim (ACL 2020) and later
work report. For precision, each predicted date is aligned to the reference date that
costs least; for recall, each reference date to the predicted date that costs least.
The cost of a pair is (1 - 1/(|days apart| + 1)) * (1 - ROUGE-1 F of their summaries),
so a pair on the same day costs nothing and a far pair costs little only if its text
matches. The n-grams the two summaries share count 1/(|days apart| + 1) each.
The reference implementation is the `tilse` package; tests/timelines check that this
one gives its numbers (with tilse's Python ROUGE, `rouge_computation="reimpl"`).

Tokens follow `rouge-score` (lower case, alphanumeric runs, Porter stems), as
`storyline.evaluate.rouge` does, so the same words count in every metric.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1, as fractions in [0, 1]."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        total = precision + recall
        return cls(precision, recall, 2 * precision * recall / total if total else 0.0)

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def date_f1(predicted: Collection[dt.date], reference: Collection[dt.date]) -> PRF:
    """Exact-day match between the predicted and the reference dates."""
    pred, ref = set(predicted), set(reference)
    hits = len(pred & ref)
    return PRF.of(hits / len(pred) if pred else 0.0, hits / len(ref) if ref else 0.0)


def alignment_rouge(
    predicted: Mapping[dt.date, Sequence[str]],
    reference: Mapping[dt.date, Sequence[str]],
    *,
    n: int = 1,
    stopwords: Collection[str] = frozenset(),
) -> PRF:
    """AR-`n`: ROUGE-`n` of a timeline over a many-to-one alignment of its dates.

    `predicted` and `reference` map each date to its summary sentences. `stopwords`
    (lower case) are left out before counting, as ROUGE's `-s` option does.
    """
    pred = {d: _tokens(sents, stopwords) for d, sents in predicted.items() if sents}
    ref = {d: _tokens(sents, stopwords) for d, sents in reference.items() if sents}
    pred_dates, ref_dates = sorted(pred), sorted(ref)
    prec_num = rec_num = 0.0
    prec_den = sum(sum(_ngrams(pred[d], n).values()) for d in pred_dates)
    rec_den = sum(sum(_ngrams(ref[d], n).values()) for d in ref_dates)
    if not pred_dates or not ref_dates:
        return PRF.of(0.0, 0.0)
    for d in pred_dates:
        r = min(ref_dates, key=lambda r: _cost(d, r, pred[d], ref[r]))  # first of equal costs
        prec_num += _weight(d, r) * _matches(pred[d], ref[r], n)
    for r in ref_dates:
        d = min(pred_dates, key=lambda d: _cost(d, r, pred[d], ref[r]))
        rec_num += _weight(d, r) * _matches(pred[d], ref[r], n)
    return PRF.of(prec_num / prec_den if prec_den else 0.0, rec_num / rec_den if rec_den else 0.0)


def _weight(a: dt.date, b: dt.date) -> float:
    return 1 / (abs((a - b).days) + 1)


def _cost(pred_date: dt.date, ref_date: dt.date, pred: list[str], ref: list[str]) -> float:
    return (1 - _weight(pred_date, ref_date)) * (1 - _rouge1_f(pred, ref))


def _rouge1_f(pred: list[str], ref: list[str]) -> float:
    """The alignment's content similarity: unigram F1 (tilse's "ROUGE approximation")."""
    hits = _matches(pred, ref, 1)
    if not hits:
        return 0.0
    p, r = hits / len(pred), hits / len(ref)
    return 2 * p * r / (p + r)


def _matches(pred: list[str], ref: list[str], n: int) -> int:
    """Clipped n-gram matches, as ROUGE counts them."""
    a, b = _ngrams(pred, n), _ngrams(ref, n)
    return sum(min(count, b[gram]) for gram, count in a.items())


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _tokens(sentences: Sequence[str], stopwords: Collection[str]) -> list[str]:
    """One token list for a day: its sentences joined, so bigrams run across them (as tilse counts).

    Stopwords go before stemming, as in ROUGE-1.5.5; words of 3 letters or fewer are not
    stemmed, as in `rouge-score`.
    """
    from rouge_score.tokenize import tokenize

    stem = _stemmer().stem
    words = [w for s in sentences for w in tokenize(s, None) if w not in stopwords]
    return [stem(w) if len(w) > 3 else w for w in words]


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem import porter  # type: ignore[import-untyped]  # installed with rouge-score

    return porter.PorterStemmer()
