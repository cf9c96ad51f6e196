"""`timeline_of_corpus`: a report's key dates from the corpus's own sentences and embeddings."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from storyline.embed import HashEmbedder, Vectors
from storyline.model import Article
from storyline.pipeline import embed_corpora, prepare
from storyline.text import make_splitter
from storyline.timelines import from_corpus, timeline, timeline_of_corpus

TODAY = dt.date(2012, 3, 1)


class CountingEmbedder(HashEmbedder):
    """The hash embedder, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.n_texts = 0

    def embed(self, texts: list[str]) -> Vectors:
        self.n_texts += len(texts)
        return super().embed(texts)


def _embedded(story: list[Article], embedder: HashEmbedder):  # type: ignore[no-untyped-def]
    (corpus,) = embed_corpora([prepare(story, splitter=make_splitter("blingfire"))], embedder)
    return corpus


def test_from_corpus_keeps_each_sentence_and_its_embedding_row(story: list[Article]) -> None:
    corpus = _embedded(story, HashEmbedder())
    reports, notes = from_corpus(corpus, today=TODAY)
    assert notes == [] and [r.article.id for r in reports] == [a.id for a in story]
    rows = [s.row for r in reports for s in r.sentences]
    assert rows == list(range(len(corpus.sentences)))
    for report in reports:
        for sentence in report.sentences:
            assert sentence.row is not None
            assert sentence.text == " ".join(corpus.sentences[sentence.row].text.split())
    wire = reports[1].sentences
    assert wire[0].days == (dt.date(2012, 2, 4),)  # "on Saturday" in a report of Tuesday 7 February


def test_excluded_articles_are_left_out(story: list[Article]) -> None:
    corpus = _embedded(story, HashEmbedder())
    corpus = corpus.with_(excluded=frozenset({0}))
    reports, _ = from_corpus(corpus, today=TODAY)
    assert "herald" not in [r.article.id for r in reports]
    result = timeline_of_corpus(corpus, embedder=HashEmbedder(), dates=5, today=TODAY)
    assert "herald" not in {x for d in result.dates for s in d.summary for x in s.sources}


def test_nothing_is_embedded_again(story: list[Article]) -> None:
    embedder = CountingEmbedder()
    corpus = _embedded(story, embedder)
    n_embedded = embedder.n_texts
    assert n_embedded == len(corpus.sentences)
    result = timeline_of_corpus(corpus, embedder=embedder, dates=3, today=TODAY)
    assert embedder.n_texts == n_embedded
    # The same days and sentences as the timeline of the same texts that splits and embeds them itself.
    again = timeline(story, dates=3, embedder=HashEmbedder(), today=TODAY)
    assert [d.to_dict() for d in result.dates] == [d.to_dict() for d in again.dates]


def test_a_corpus_not_yet_embedded_is_refused(story: list[Article]) -> None:
    corpus = prepare(story, splitter=make_splitter("blingfire"))
    with pytest.raises(ValueError, match="embed"):
        timeline_of_corpus(corpus, embedder=HashEmbedder(), today=TODAY)
    wrong = corpus.with_(embeddings=np.zeros((1, 4), dtype=np.float32))
    with pytest.raises(ValueError, match="embed"):
        timeline_of_corpus(wrong, embedder=HashEmbedder(), today=TODAY)
