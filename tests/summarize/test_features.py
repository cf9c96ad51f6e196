import numpy as np
import pytest

from storyline.summarize import compute_features, doc_vectors


def test_features_single_document(make_corpus) -> None:  # type: ignore[no-untyped-def]
    corpus = make_corpus(["The river rose. Shelters opened in schools. More rain is forecast."])
    f = compute_features(corpus, citation_threshold=0.5)
    assert f.docs == (0,)
    assert np.all(f.support == 0) and np.all(f.corroboration == 0)
    assert list(f.lead) == [1.0, 0.5, 1 / 3]


def test_features_corroboration_counts_other_sources(make_corpus) -> None:  # type: ignore[no-untyped-def]
    corpus = make_corpus(
        [
            "The river Lune burst its banks after three days of storms. Schools closed.",
            "After three days of storms the river Lune burst its banks. A minister visited.",
            "The river Lune burst its banks after three days of storms, the council said.",
        ]
    )
    f = compute_features(corpus, citation_threshold=0.5)
    first = 0
    assert f.corroboration[first] == 1.0
    assert f.doc_support[first, 0] == -1.0  # its own document does not count
    schools = [s.text for s in corpus.sentences].index("Schools closed.")
    assert f.corroboration[schools] == 0.0


def test_doc_vectors_unit_length(make_corpus) -> None:  # type: ignore[no-untyped-def]
    corpus = make_corpus(["One two three. Four five six.", "Seven eight nine."])
    docs, vectors = doc_vectors(corpus)
    assert docs == (0, 1)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def test_cluster_relative_features_do_not_depend_on_cluster_size(make_corpus) -> None:  # type: ignore[no-untyped-def]
    docs = [
        "The river Lune burst its banks after three days of storms. Schools closed.",
        "After three days of storms the river Lune burst its banks. A minister visited.",
    ]
    more = [
        f"Report {k}: the river Lune burst its banks in storm number {k}. Roads closed for {k} days."
        for k in range(2, 8)
    ]
    small = compute_features(make_corpus(docs), citation_threshold=0.5)
    large = compute_features(make_corpus(docs + more), citation_threshold=0.5)
    assert len(large.docs) == 8
    for f in (small, large):
        for name in (
            "centrality_rank",
            "word_prob_rank",
            "centrality_rel",
            "word_prob_rel",
            "doc_order_frac",
        ):
            column = f.values[name]
            assert column.min() >= 0.0 and column.max() <= 1.0, name
        assert f.values["centrality_rel"].max() == 1.0 and f.values["word_prob_rel"].max() == 1.0
        assert f.values["doc_order_frac"].max() == 1.0
    # The raw word probability shrinks as the cluster grows; its share of the top does not.
    assert large.values["word_prob"].max() < small.values["word_prob"].max()


def test_lexrank_ranks_the_sentence_the_others_share_words_with_first() -> None:
    from storyline.summarize._features import _lexrank

    tokens = [
        ["river", "lune", "burst", "banks", "storms"],  # shares words with every other sentence
        ["river", "lune", "flood", "schools"],
        ["banks", "burst", "minister", "visit"],
        ["storms", "three", "days", "rain"],
        ["football", "match", "cancelled"],  # shares nothing
    ]
    score, degree = _lexrank(tokens)
    assert int(np.argmax(score)) == 0
    assert np.isclose(score.mean(), 1.0)  # a distribution times n: mean 1 on any cluster size
    assert degree[0] == 0.75 and degree[4] == 0.0
    assert score[4] == score.min()


def test_lexrank_degenerate_clusters() -> None:
    from storyline.summarize._features import _lexrank

    score, degree = _lexrank([["alone"]])
    assert list(score) == [1.0] and list(degree) == [0.0]
    score, degree = _lexrank([["a"], ["b"], []])  # nothing shared: every sentence alike
    assert np.allclose(score, 1.0) and np.all(degree == 0.0)


def test_lexrank_is_the_dense_random_walk_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    # The sparse, blocked computation against the textbook dense one (Erkan & Radev):
    # cosine matrix, 0.1 edges, isolated rows jump anywhere, damped power iteration.
    from storyline.summarize import _features

    monkeypatch.setattr(_features, "_LEXRANK_BLOCK", 7)  # several blocks on a small cluster
    rng = np.random.default_rng(3)
    vocabulary = [f"w{k}" for k in range(40)]
    tokens = [list(rng.choice(vocabulary, size=int(rng.integers(0, 9)))) for _ in range(30)]
    score, degree = _features._lexrank(tokens)

    n = len(tokens)
    df: dict[str, int] = {}
    for words in tokens:
        for w in set(words):
            df[w] = df.get(w, 0) + 1
    vectors = np.zeros((n, len(vocabulary)))
    for i, words in enumerate(tokens):
        for w in set(words):
            vectors[i, vocabulary.index(w)] = words.count(w) * np.log(n / df[w])
    norms = np.linalg.norm(vectors, axis=1)
    vectors /= np.where(norms > 0, norms, 1.0)[:, None]
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, 0.0)
    linked = (sims >= 0.1).astype(float)
    links = linked.sum(axis=1)
    linked[links == 0] = 1.0 / n
    walk = linked / linked.sum(axis=1, keepdims=True)
    p = np.full(n, 1.0 / n)
    for _ in range(100):
        p = 0.15 / n + 0.85 * (walk.T @ p)
    assert np.allclose(score, p * n, atol=1e-5)
    assert np.allclose(degree, links / (n - 1))


def test_lexrank_features_are_computed(make_corpus) -> None:  # type: ignore[no-untyped-def]
    corpus = make_corpus(
        [
            "The river Lune burst its banks after three days of storms. Schools closed.",
            "After three days of storms the river Lune burst its banks. A minister visited.",
        ]
    )
    f = compute_features(corpus, citation_threshold=0.5)
    for name in ("lexrank", "lexrank_rank", "lex_degree"):
        assert f.values[name].shape == (len(corpus.sentences),), name
    texts = [s.text for s in corpus.sentences]
    assert f.values["lexrank"][0] > f.values["lexrank"][texts.index("Schools closed.")]
