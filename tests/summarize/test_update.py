"""Update summaries: what is new to a reader who already read part of the story."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import storyline
from storyline import Article, ConfigError, SummaryOptions
from storyline.embed import FactMatcher, HashEmbedder
from storyline.model import Corpus
from storyline.pipeline import embed_corpora, prepare
from storyline.summarize import Seen, split_since, summarize_corpus
from storyline.text import make_splitter

MONDAY, WEDNESDAY = dt.date(2021, 3, 1), dt.date(2021, 3, 3)
OLD_FACT = "A fire destroyed the Harwick paper mill on Monday night, the fire service said."
# What the reader already read (the earlier set).
A = [
    Article(id="a1", date=MONDAY, text=OLD_FACT),
    Article(
        id="a2",
        date=MONDAY,
        text="The fire service said a fire destroyed the Harwick paper mill on Monday night.",
    ),
]
# The later set: both reports repeat the old fact and add a new one.
B = [
    Article(
        id="b1",
        date=WEDNESDAY,
        text=OLD_FACT + "\nPolice arrested a former mill worker on Wednesday on suspicion of arson.",
    ),
    Article(
        id="b2",
        date=WEDNESDAY,
        text="A fire destroyed the Harwick paper mill on Monday night, the fire service said on Tuesday.\n"
        "On Wednesday police arrested a former worker at the mill on suspicion of arson.",
    ),
]


def _embedded(articles: list[Article]) -> Corpus:
    return embed_corpora([prepare(articles, splitter=make_splitter("blingfire"))], HashEmbedder())[0]


def _summary(articles: list[Article], *, seen: Seen | None = None, words: int = 16) -> list[str]:
    summary = summarize_corpus(
        _embedded(articles),
        options=SummaryOptions(embedder="hash", words=words),
        embedder=HashEmbedder(),
        seen=seen,
    )
    return [s.text for s in summary.sentences]


def _is_old(text: str) -> bool:
    return "destroyed" in text


def _is_new(text: str) -> bool:
    return "arrested" in text


def test_plain_summary_repeats_the_old_fact() -> None:
    # The premise of the tests below: without update mode the old fact wins the budget.
    assert [_is_old(s) for s in _summary(B)] == [True]


def test_update_summary_keeps_the_new_fact_and_leaves_out_the_seen_one() -> None:
    picked = _summary(B, seen=Seen.of_corpus(_embedded(A)))
    assert picked and all(_is_new(s) for s in picked)


def test_since_date_counts_earlier_reports_as_seen() -> None:
    summary = summarize_corpus(
        _embedded([*A, *B]),
        options=SummaryOptions(embedder="hash", words=16, since=WEDNESDAY),
        embedder=HashEmbedder(),
    )
    assert summary.sentences and all(_is_new(s.text) for s in summary.sentences)
    assert {s for x in summary.sentences for s in x.sources} <= {"b1", "b2"}
    assert set(summary.excluded) == {"a1", "a2"}
    assert {d.source for d in summary.dropped if d.reason == "seen_before"} == {"a1", "a2"}


def test_since_after_every_report_says_nothing_is_new() -> None:
    summary = summarize_corpus(
        _embedded(A),
        options=SummaryOptions(embedder="hash", since=WEDNESDAY),
        embedder=HashEmbedder(),
    )
    assert summary.sentences == ()
    assert summary.warnings and "no report dated on or after 2021-03-03" in summary.warnings[0]


def test_undated_reports_count_as_new() -> None:
    undated = [Article(id="u", text="Police arrested a former mill worker on suspicion of arson.")]
    corpus, seen, docs = split_since(_embedded([*A[:1], *undated]), WEDNESDAY)
    assert docs == frozenset({0}) and len(seen) == 1
    assert {corpus.articles[s.doc_index].id for s in corpus.sentences} == {"u"}


def test_a_paragraph_copied_from_a_seen_report_is_not_new() -> None:
    # Cleaning keeps the first copy of a repeated paragraph, here in the new report,
    # and drops the seen report's: the copy record still says the reader saw it.
    new = Article(
        id="new", date=WEDNESDAY, text=OLD_FACT + "\nThe mill employed about 80 people from the town."
    )
    old = Article(id="old", date=MONDAY, text=OLD_FACT)
    summary = summarize_corpus(
        _embedded([new, old]),
        options=SummaryOptions(embedder="hash", words=60, since=WEDNESDAY),
        embedder=HashEmbedder(),
    )
    assert [s.text for s in summary.sentences] == ["The mill employed about 80 people from the town."]
    assert [d.text for d in summary.dropped if d.reason == "seen_before"] == [OLD_FACT]


def test_unrelated_seen_reports_change_nothing() -> None:
    other = Seen.of_corpus(_embedded([Article(id="x", text="Rovers beat Haltby 3-1 with two late goals.")]))
    assert _summary(B, seen=other, words=60) == _summary(B, words=60)


def test_a_changed_figure_is_news_not_a_repeat() -> None:
    seen = Seen.of_corpus(_embedded([Article(id="a", text="The floods killed three people in Marlow.")]))
    texts = ["The floods killed three people in Marlow.", "The floods killed twelve people in Marlow."]
    embeddings = HashEmbedder().embed(texts)
    matcher = FactMatcher.for_embedder(HashEmbedder())
    assert seen.repeats(texts, embeddings, matcher=matcher).tolist() == [True, False]
    # ... even past the similarity cap that catches near-copies.
    assert seen.repeats(texts, embeddings, matcher=matcher, cap=0.0).tolist() == [True, False]


def test_repeats_on_nothing_seen() -> None:
    empty = Seen.join([], dim=8)
    assert len(empty) == 0
    out = empty.repeats(["Anything at all."], np.ones((1, 8), dtype=np.float32), matcher=FactMatcher(0.5))
    assert out.tolist() == [False]


def test_python_api_seen_documents() -> None:
    options = SummaryOptions(embedder="hash", words=16)
    plain = storyline.summarize(B, options=options)
    update = storyline.summarize(B, options=options, seen=A)
    assert any(_is_old(s.text) for s in plain.sentences)
    assert update.sentences and all(_is_new(s.text) for s in update.sentences)
    assert storyline.summarize(B, options=options, seen=[]).sentences == plain.sentences


def test_seen_needs_one_embedding_per_sentence() -> None:
    with pytest.raises(ConfigError, match="seen"):
        Seen(texts=("One.", "Two."), embeddings=np.zeros((1, 8), dtype=np.float32))


def test_nothing_new_is_said_not_padded() -> None:
    summary = summarize_corpus(
        _embedded([Article(id="b", text=OLD_FACT.replace("said.", "said on Tuesday."))]),
        options=SummaryOptions(embedder="hash", words=60),
        embedder=HashEmbedder(),
        seen=Seen.of_corpus(_embedded(A)),
    )
    assert summary.sentences == ()
    assert summary.warnings and summary.warnings[0].startswith("nothing new")
