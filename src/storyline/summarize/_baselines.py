"""Baseline summarizers, for comparison: Lead, and sumy's LexRank and TextRank.

They work on the same cleaned, split corpus as storyline, and each returns sentence
texts in its own output order, ranked past the budget so that the evaluation can
cut every system at the same word count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from storyline.errors import BackendError, Errors
from storyline.model import Corpus

_WORD = re.compile(r"\w+", re.UNICODE)


def lead_sentences(corpus: Corpus, *, budget: int) -> list[str]:
    """Round-robin Lead: first sentence of each report, then the second of each, ...

    The multi-document form of the Lead baseline (Fabbri et al., 2019).
    """
    ordered = sorted(corpus.sentences, key=lambda s: (s.position, s.doc_index))
    out, words = [], 0
    for sentence in ordered:
        if words >= budget:
            break
        out.append(sentence.text)
        words += sentence.n_words
    return out


class _SumyTokenizer:
    """sumy's tokenizer interface over our splitter: its default needs nltk data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


class SumyRanker:
    """LexRank (Erkan & Radev, 2004) or TextRank (Mihalcea & Tarau, 2004) from sumy 0.13.

    Each report is a paragraph of one sumy document whose sentences are ours; sumy
    rates them, and sentences are taken best first until the budget is reached.
    Output follows document order, as sumy returns it.
    """

    def __init__(self, method: str) -> None:
        try:
            from sumy.nlp.stemmers import Stemmer
            from sumy.summarizers.lex_rank import LexRankSummarizer
            from sumy.summarizers.text_rank import TextRankSummarizer
            from sumy.utils import get_stop_words
        except ImportError:
            raise BackendError(Errors.SL401, what="sumy", extra="'storyline[eval]'") from None
        classes: dict[str, Any] = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}
        self._summarizer = classes[method](Stemmer("english"))
        self._summarizer.stop_words = get_stop_words("english")
        self._tokenizer = _SumyTokenizer()

    def __call__(self, corpus: Corpus, *, budget: int) -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        by_doc: dict[int, list[str]] = {}
        for s in corpus.sentences:
            by_doc.setdefault(s.doc_index, []).append(s.text)
        paragraphs = [
            Paragraph([Sentence(text, self._tokenizer) for text in texts]) for texts in by_doc.values()
        ]
        document = ObjectDocumentModel(paragraphs)
        if not document.sentences:
            return []
        # sumy's power method divides by a zero norm on degenerate clusters (all
        # sentences alike); it still returns a ranking, so the warning is noise.
        with np.errstate(invalid="ignore", divide="ignore"):
            picked = self._summarizer(document, _take_words(budget))
        return [str(s) for s in picked]


def _take_words(budget: int) -> Callable[[Sequence[Any]], list[Any]]:
    """A sumy "count": the best-rated sentences until `budget` words are reached."""

    def take(infos: Sequence[Any]) -> list[Any]:
        out, words = [], 0
        for info in infos:
            if words >= budget:
                break
            out.append(info)
            words += len(str(info.sentence).split())
        return out

    return take
