"""The summary's features reused by a second summary of the same sentences (a report's
agreements), with only the budget's share recomputed."""

from dataclasses import replace

import numpy as np

from storyline.summarize import FeatureCache, compute_features

REPORTS = [
    "The river Lune burst its banks after three days of storms. Schools closed in Halvey.",
    "After three days of storms the river Lune burst its banks. A minister visited Halvey.",
    "The river Lune burst its banks after three days of storms, the council said. 300 homes flooded.",
]


def _same(a, b) -> bool:  # type: ignore[no-untyped-def]
    return (
        a.docs == b.docs
        and np.array_equal(a.doc_support, b.doc_support)
        and a.values.keys() == b.values.keys()
        and all(np.array_equal(a.values[k], b.values[k]) for k in a.values)
    )


def test_a_second_budget_gets_the_features_a_fresh_computation_gives(make_corpus) -> None:  # type: ignore[no-untyped-def]
    corpus = make_corpus(REPORTS)
    cache = FeatureCache()
    first = cache.get(corpus, citation_threshold=0.5, budget=20)
    assert _same(first, compute_features(corpus, citation_threshold=0.5, budget=20))
    later = cache.get(corpus, citation_threshold=0.5, budget=400)
    fresh = compute_features(corpus, citation_threshold=0.5, budget=400)
    assert _same(later, fresh)
    assert not np.array_equal(later.values["budget_share"], first.values["budget_share"])
    assert later.doc_support is first.doc_support, "reused, not computed again"


def test_the_entry_is_used_once_and_only_for_the_same_sentences(make_corpus) -> None:  # type: ignore[no-untyped-def]
    corpus = make_corpus(REPORTS)
    cache = FeatureCache()
    first = cache.get(corpus, citation_threshold=0.5, budget=20)
    assert cache.get(corpus, citation_threshold=0.5, budget=30).doc_support is first.doc_support
    # Dropped after its one reuse: a third call computes again.
    assert cache.get(corpus, citation_threshold=0.5, budget=30).doc_support is not first.doc_support
    # Other sentences (a corpus with a report left out), or another threshold: computed.
    fewer = make_corpus(REPORTS[:2])
    cache.get(corpus, citation_threshold=0.5, budget=20)
    assert _same(
        cache.get(fewer, citation_threshold=0.5, budget=20),
        compute_features(fewer, citation_threshold=0.5, budget=20),
    )
    kept = cache.get(corpus, citation_threshold=0.5, budget=20)
    assert cache.get(corpus, citation_threshold=0.6, budget=20).doc_support is not kept.doc_support
    # The same sentences with other embeddings (a copy): computed.
    stored = cache.get(corpus, citation_threshold=0.5, budget=20)
    copied = replace(corpus, embeddings=corpus.embeddings.copy())
    assert cache.get(copied, citation_threshold=0.5, budget=20).doc_support is not stored.doc_support
