"""The greedy extractive oracle: the ceiling for any sentence-picking system.

Adds, one at a time, the sentence that most raises ROUGE-1 + ROUGE-2 F1 against the
reference, until no sentence raises it or the budget is spent (Nallapati et al.,
2017, as used for Multi-News by Fabbri et al., 2019). Uses the same tokenizer and
stemmer as `rouge-score`, with n-gram counts cached per sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=True)


def _tokens(text: str) -> list[str]:
    tokens: list[str] = _tokenizer().tokenize(text)
    return tokens


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, n_pred: int, n_ref: int) -> float:
    if overlap == 0:
        return 0.0
    p, r = overlap / n_pred, overlap / n_ref
    return 2 * p * r / (p + r)


def greedy_oracle(sentences: Sequence[str], reference: str, *, budget: int) -> list[int]:
    """Indices of the sentences the greedy oracle picks, in pick order."""
    ref_tokens = _tokens(reference)
    ref = [_ngrams(ref_tokens, 1), _ngrams(ref_tokens, 2)]
    n_ref = [max(sum(r.values()), 1) for r in ref]
    cand = []
    for s in sentences:
        t = _tokens(s)
        cand.append((_ngrams(t, 1), _ngrams(t, 2), len(s.split())))
    chosen: list[int] = []
    current = [Counter[tuple[str, ...]](), Counter[tuple[str, ...]]()]
    best_score, words = 0.0, 0
    while True:
        best = None
        for i, (g1, g2, w) in enumerate(cand):
            if i in chosen or words + w > budget:
                continue
            score = 0.0
            for k, grams in enumerate((g1, g2)):
                merged = current[k] + grams
                overlap = sum((merged & ref[k]).values())
                score += _f1(overlap, max(sum(merged.values()), 1), n_ref[k])
            if score > best_score + 1e-12:
                best_score, best = score, i
        if best is None:
            return chosen
        chosen.append(best)
        words += cand[best][2]
        current = [current[0] + cand[best][0], current[1] + cand[best][1]]
