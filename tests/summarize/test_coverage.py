import datetime as dt

import numpy as np
import pytest

from storyline import Article, SummaryOptions
from storyline.embed import HashEmbedder
from storyline.pipeline import embed_corpora, prepare
from storyline.summarize import MMRSelector
from storyline.summarize._coverage import Coverage, coverage_of, word_pairs
from storyline.text import make_splitter


def _unit(rows: list[list[float]]) -> np.ndarray:
    m = np.array(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_word_pairs_skip_pairs_of_stop_words() -> None:
    assert word_pairs("The dam burst in the night") == {
        ("the", "dam"),
        ("dam", "burst"),
        ("burst", "in"),
        ("the", "night"),
    }


def test_coverage_weighs_pairs_by_the_share_of_reports_using_them() -> None:
    day = dt.date(2020, 5, 1)
    texts = [
        "The dam burst near Larrow on Sunday night after heavy rain.",
        "Officials said the dam burst near Larrow and flooded farms.",
        "A local baker sold bread all day at the market square.",
    ]
    articles = [Article(id=str(k), date=day, text=t) for k, t in enumerate(texts)]
    corpus = embed_corpora([prepare(articles, splitter=make_splitter("blingfire"))], HashEmbedder())[0]
    cover = coverage_of(corpus, np.arange(len(corpus.sentences)), weight=0.3)
    gains = cover.gains(np.zeros(len(cover.weights), dtype=bool))
    # "dam burst", "burst near", "near larrow" are in two of three reports; the baker's
    # pairs are in one report only and weigh nothing.
    assert gains[0] == gains[1] > 0
    assert gains[2] == 0
    assert np.allclose(cover.weights, 2 / 3)
    # Once the first sentence is in the summary, the second adds nothing new.
    covered = np.zeros(len(cover.weights), dtype=bool)
    covered[cover.ids[cover.starts[0] : cover.starts[1]]] = True
    assert cover.gains(covered)[1] == 0
    assert np.array_equal(cover.rows(np.array([1, 0])).gains(covered), [0.0, 0.0])


def test_selector_prefers_a_sentence_that_covers_new_concepts() -> None:
    # Sentences 0 and 1 carry the same concept; 2 a new one. Without coverage the
    # scores decide (0 then 1); with it, after 0, sentence 2 adds what 1 cannot.
    scores = np.array([0.9, 0.8, 0.75], dtype=np.float32)
    emb = _unit([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    words = np.array([5, 5, 5], dtype=np.int32)
    cover = Coverage(
        starts=np.array([0, 1, 2, 3], dtype=np.int64),
        ids=np.array([0, 0, 1], dtype=np.int64),
        weights=np.array([1.0, 1.0]),
        weight=0.3,
    )
    selector = MMRSelector(lam=1.0)
    assert selector.select(scores, emb, words, budget=10, redundancy=0.9) == [0, 1]
    assert selector.select(scores, emb, words, budget=10, redundancy=0.9, coverage=cover) == [0, 2]
    off = Coverage(cover.starts, cover.ids, cover.weights, weight=0.0)
    assert selector.select(scores, emb, words, budget=10, redundancy=0.9, coverage=off) == [0, 1]


def test_coverage_is_off_when_the_budget_is_half_the_cluster(monkeypatch: pytest.MonkeyPatch) -> None:
    # Multi-News at 230 words (a budget share of 0.5 or more) runs the selector as before.
    from storyline.summarize import _summarize as summarize_module

    def fail(*args: object, **kwargs: object) -> Coverage:
        raise AssertionError("coverage computed")

    monkeypatch.setattr(summarize_module, "coverage_of", fail)
    day = dt.date(2020, 5, 1)
    texts = ["The dam burst near Larrow on Sunday night.", "Officials said the dam burst near Larrow."]
    articles = [Article(id=str(k), date=day, text=t) for k, t in enumerate(texts)]
    embedder = HashEmbedder()
    corpus = embed_corpora([prepare(articles, splitter=make_splitter("blingfire"))], embedder)[0]
    summary = summarize_module.summarize_corpus(corpus, options=SummaryOptions(words=12), embedder=embedder)
    assert summary.sentences
