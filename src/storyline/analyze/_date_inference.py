"""Date inference: an undated report takes the date of the reports that tell the same events."""

from __future__ import annotations

import datetime as dt

import numpy as np

from storyline.embed import FactMatcher
from storyline.model import Corpus


def infer_publication_dates(
    corpus: Corpus, dates: dict[int, dt.date | None], *, matcher: FactMatcher
) -> dict[int, tuple[dt.date, str]]:
    """Date undated reports from the dated reports that tell the same events.

    An undated report that shares facts (sentences `matcher` calls the same) with
    dated reports gets their date when they all share one date; with dated reports
    of different dates it stays undated, since no rule picks one of them safely.
    Returns {doc_index: (date, evidence)} for the reports it could date.
    """
    emb = corpus.embeddings
    if emb is None:
        return {}
    undated = [i for i in corpus.included if dates.get(i) is None]
    if not undated:
        return {}
    by_doc: dict[int, list[int]] = {}
    for index, sentence in enumerate(corpus.sentences):
        by_doc.setdefault(sentence.doc_index, []).append(index)
    words = [matcher.words(s.text) for s in corpus.sentences]
    figures = [matcher.figures(s.text) for s in corpus.sentences]
    out = {}
    for doc in undated:
        mine = by_doc.get(doc, [])
        shared: dict[dt.date, int] = {}
        for other, rows in by_doc.items():
            date = dates.get(other)
            if date is None or other == doc or not mine or not rows:
                continue
            sims = emb[mine] @ emb[rows].T
            n_shared = sum(
                1
                for a, b in zip(*np.nonzero(sims >= matcher.threshold), strict=True)
                if matcher.same(
                    float(sims[a, b]),
                    words[mine[a]],
                    words[rows[b]],
                    figures_a=figures[mine[a]],
                    figures_b=figures[rows[b]],
                )
            )
            if n_shared:
                shared[date] = shared.get(date, 0) + n_shared
        if len(shared) == 1:
            (date,) = shared
            out[doc] = (date, f"shares {shared[date]} facts with reports of {date.isoformat()}")
    return out
