import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingRegressor

from storyline.summarize import FEATURE_NAMES, LearnedScorer, compute_features
from storyline.summarize._learned import TreeEnsemble, export_trees


def test_tree_ensemble_matches_scikit_learn() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 5)).astype(np.float32)
    y = x[:, 0] * 2 - (x[:, 1] > 0.3) + 0.1 * rng.normal(size=400)
    model = HistGradientBoostingRegressor(
        max_iter=30, max_leaf_nodes=15, learning_rate=0.1, random_state=0
    ).fit(x, y)
    spec = export_trees(model, features=["a", "b", "c", "d", "e"], meta={})
    ours = TreeEnsemble(spec).predict(x)
    assert np.allclose(ours, model.predict(x), atol=1e-5)
    assert TreeEnsemble(spec).predict(x[:0]).shape == (0,)


def test_shipped_scorer_loads_and_scores(make_corpus) -> None:  # type: ignore[no-untyped-def]
    scorer = LearnedScorer()
    assert set(scorer.names) <= set(FEATURE_NAMES)
    # Issue 15: no feature whose scale grows with article length or the number of documents.
    assert not set(scorer.names) & {"position", "n_docs", "doc_sentences", "doc_words", "cluster_words"}
    assert scorer.meta["trained_on"].startswith("train")
    corpus = make_corpus(
        [
            "The river rose overnight in Marrow, the council said. Schools shut.",
            "Marrow's river burst its banks overnight.",
        ]
    )
    scores = scorer.score(compute_features(corpus, citation_threshold=0.5))
    assert scores.shape == (len(corpus.sentences),) and np.isfinite(scores).all()


def test_bad_scorer_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from storyline import ConfigError

    bad = tmp_path / "scorer.json"
    bad.write_text("{not json")
    with pytest.raises(ConfigError, match="scorer model"):
        LearnedScorer(bad)


def test_lexrank_blend_adds_the_cluster_rank(make_corpus) -> None:  # type: ignore[no-untyped-def]
    from storyline.summarize._learned import BLEND_SHARE, LEXRANK_BLEND

    corpus = make_corpus(
        [
            "The river Lune burst its banks after storms in Marrow. Schools shut for a week.",
            "Storms burst the river Lune's banks in Marrow. A football match was cancelled.",
            "The river Lune flooded Marrow after storms. Residents were moved to a hall.",
        ]
    )
    # A budget that is a small share of the cluster: the whole blend.
    features = compute_features(corpus, citation_threshold=0.5, budget=2)
    assert features.values["budget_share"][0] < BLEND_SHARE[0]
    trees = LearnedScorer(blend=0.0).score(features)
    blended = LearnedScorer().score(features)
    assert LEXRANK_BLEND > 0
    assert np.allclose(blended - trees, LEXRANK_BLEND * features.values["lexrank_rank"], atol=1e-6)
    assert (blended - trees).max() > 0.5 * LEXRANK_BLEND  # the most central sentences gain
    # Half the cluster's words or more (Multi-News at 230 words): the trees alone.
    for budget in (None, 1000):
        wide = compute_features(corpus, citation_threshold=0.5, budget=budget)
        assert wide.values["budget_share"][0] == 1.0
        assert np.array_equal(LearnedScorer().score(wide), LearnedScorer(blend=0.0).score(wide))
    # Between the two shares the weight fades linearly.
    words = sum(s.n_words for s in corpus.sentences)
    mid = compute_features(corpus, citation_threshold=0.5, budget=round(0.3 * words))
    fade = (BLEND_SHARE[1] - mid.values["budget_share"][0]) / (BLEND_SHARE[1] - BLEND_SHARE[0])
    gain = LearnedScorer().score(mid) - LearnedScorer(blend=0.0).score(mid)
    assert 0 < fade < 1
    assert np.allclose(gain, LEXRANK_BLEND * fade * mid.values["lexrank_rank"], atol=1e-5)
