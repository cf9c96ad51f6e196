"""ROUGE through Google's `rouge-score` (the reference Python port of ROUGE-1.5.5).

Settings follow the summarization literature on Multi-News: Porter stemming on,
ROUGE-Lsum over newline-separated sentences (the summary-level LCS of Lin 2004, as
`rouge-score` computes it when sentences are split by "\\n").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.text import count_words

METRICS = ("rouge1", "rouge2", "rougeLsum")
_SCORERS: dict[bool, Any] = {}


@dataclass(frozen=True, slots=True)
class RougeScore:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum of one summary, as fractions in [0, 1]."""

    rouge1: float
    rouge2: float
    rougeLsum: float  # the metric's own name, as rouge-score spells it

    def as_dict(self) -> dict[str, float]:
        return {"rouge1": self.rouge1, "rouge2": self.rouge2, "rougeLsum": self.rougeLsum}


def _scorer(stem: bool = True) -> Any:
    if stem not in _SCORERS:
        from rouge_score import rouge_scorer

        _SCORERS[stem] = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=stem)
    return _SCORERS[stem]


def truncate_words(sentences: Sequence[str], budget: int) -> list[str]:
    """Cut a summary to `budget` words, shortening the last sentence if needed.

    Every system is cut the same way, so no system gains from running long.
    """
    out: list[str] = []
    left = budget
    for sentence in sentences:
        if left <= 0:
            break
        words = sentence.split()
        if len(words) > left:
            out.append(" ".join(words[:left]))
            break
        out.append(sentence)
        left -= len(words)
    return out


def rouge(
    summary: Sequence[str],
    references: Sequence[Sequence[str]],
    *,
    metric: str = "f1",
) -> RougeScore:
    """Score a summary (its sentences) against one or more references (their sentences).

    With several references the score is the mean over references. `metric` is "f1"
    or "recall".
    """
    if metric not in ("f1", "recall"):
        raise ValueError(f"metric must be 'f1' or 'recall', not {metric!r}")
    if not references:
        raise ValueError("at least one reference is needed")
    prediction = "\n".join(summary)
    totals = dict.fromkeys(METRICS, 0.0)
    for reference in references:
        scores = _scorer().score("\n".join(reference), prediction)
        for name in METRICS:
            totals[name] += scores[name].fmeasure if metric == "f1" else scores[name].recall
    n = len(references)
    return RougeScore(totals["rouge1"] / n, totals["rouge2"] / n, totals["rougeLsum"] / n)


def n_words(sentences: Sequence[str]) -> int:
    return sum(count_words(s) for s in sentences)
