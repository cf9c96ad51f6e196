import json

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


def _shipped() -> dict:  # type: ignore[type-arg]
    from storyline.summarize._learned import DEFAULT_MODEL

    return json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))


def _damaged(spec: dict, change: str) -> dict:  # type: ignore[type-arg]
    tree = spec["trees"][0]
    if change == "loop":  # a node its own child: prediction would never end
        tree["left"][0] = tree["right"][0] = 0
        spec["max_depth"] = 10**12
    elif change == "child past the end":
        tree["left"][0] = len(tree["left"]) + 5
    elif change == "unknown feature":
        spec["features"][0] = "no_such_feature"
    elif change == "feature twice":
        spec["features"][1] = spec["features"][0]
    elif change == "feature index out of range":
        tree["feature"][0] = len(spec["features"])
    elif change == "negative feature index":  # numpy would read the last column
        tree["feature"][0] = -1
    elif change == "NaN init":
        spec["init"] = float("nan")
    elif change == "NaN value":
        tree["value"][-1] = float("nan")
    elif change == "huge number":
        tree["threshold"][0] = 10**400
    elif change == "list cut short":
        tree["left"].pop()
    elif change == "too shallow":
        spec["max_depth"] = 1
    elif change == "features not a list":
        spec["features"] = None
    elif change == "no trees":
        spec["trees"] = []
    elif change == "meta not an object":
        spec["meta"] = []
    elif change == "finite values that overflow a score":
        spec["init"] = -1e39  # past float32: every score -inf
    return spec


@pytest.mark.parametrize(
    "change",
    [
        "loop",
        "child past the end",
        "unknown feature",
        "feature twice",
        "feature index out of range",
        "negative feature index",
        "NaN init",
        "NaN value",
        "huge number",
        "list cut short",
        "too shallow",
        "features not a list",
        "no trees",
        "meta not an object",
        "finite values that overflow a score",
    ],
)
def test_a_damaged_scorer_file_is_refused_whole(tmp_path, change: str) -> None:  # type: ignore[no-untyped-def]
    # A user's scorer file is checked when it is read, so that nothing fails, loops or
    # scores silently wrong at run time.
    from storyline import ConfigError

    bad = tmp_path / "scorer.json"
    bad.write_text(json.dumps(_damaged(_shipped(), change)))
    with pytest.raises(ConfigError, match="damaged scorer file"):
        LearnedScorer(bad)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not JSON"),
        (b"", "not JSON"),
        (b"[" * 100_000, "not JSON"),
        (b"\xff\xfe\x00x", "decode"),
        (b"[1, 2]", "not a scorer file"),
        (b'{"format": "something else"}', "not a scorer file"),
    ],
)
def test_a_file_that_is_no_scorer_is_refused(tmp_path, content: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    from storyline import ConfigError

    bad = tmp_path / "scorer.json"
    bad.write_bytes(content)
    with pytest.raises(ConfigError, match=message):
        LearnedScorer(bad)
    with pytest.raises(ConfigError, match="is a directory"):
        LearnedScorer(tmp_path)
    with pytest.raises(ConfigError, match="No such file"):
        LearnedScorer(tmp_path / "missing.json")


def test_a_pipe_or_a_huge_file_is_never_read(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    from storyline import ConfigError
    from storyline.summarize import _learned

    fifo = tmp_path / "scorer.json"
    os.mkfifo(fifo)  # reading it would wait for a writer for ever
    with pytest.raises(ConfigError, match="not a regular file"):
        LearnedScorer(fifo)
    big = tmp_path / "big.json"
    big.write_text(" " * 2_000)
    monkeypatch.setattr(_learned, "MAX_FILE_BYTES", 1_000)
    with pytest.raises(ConfigError, match="larger than"):
        LearnedScorer(big)
    with pytest.raises(ConfigError, match="scorer"):
        LearnedScorer("~no_such_user_here/scorer.json")


def _one_tree(left: list[int], right: list[int], values: list[float], **extra: object) -> dict:  # type: ignore[type-arg]
    n = len(left)
    tree = {"feature": [0] * n, "threshold": [1e9] * n, "left": left, "right": right, "value": values}
    return {"format": "storyline-gbrt-1", "features": [FEATURE_NAMES[0]], "learning_rate": 1.0, "init": 0.0,
            "trees": [tree], **extra}  # fmt: skip


def test_a_tree_runs_as_deep_as_it_is(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Node 7 is a child of node 4 (on level 4, the root on level 1) and of node 6 (level 2),
    # so it lies on level 5 and its leaf 9 on level 6: the depth read is that of the deeper
    # path (the later parent alone would say 4), and the file runs that deep whether it
    # gives a max_depth or not.
    from storyline import ConfigError

    left = [1, 2, 4, -1, 7, -1, 7, 9, -1, -1, -1]
    right = [6, 3, 5, -1, 8, -1, 8, 10, -1, -1, -1]
    values = [0.0] * 11
    values[7], values[9] = -1.0, 100.0
    path = tmp_path / "dag.json"
    path.write_text(json.dumps(_one_tree(left, right, values, max_depth=4)))
    with pytest.raises(ConfigError, match="at least 6"):
        LearnedScorer(path)
    path.write_text(json.dumps(_one_tree(left, right, values)))  # no max_depth
    model = LearnedScorer(path).model
    assert model.predict(np.zeros((2, 1), dtype=np.float32)).tolist() == [100.0, 100.0]  # 0, 1, 2, 4, 7, 9
    spec = _shipped()
    del spec["max_depth"]
    path.write_text(json.dumps(spec))
    x = np.random.default_rng(0).normal(size=(200, len(spec["features"]))).astype(np.float32)
    assert np.array_equal(LearnedScorer(path).model.predict(x), LearnedScorer().model.predict(x))


def test_a_scorer_file_is_read_again_when_it_changes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "scorer.json"
    spec = _shipped()
    path.write_text(json.dumps(spec))
    first = LearnedScorer(path).model.init
    spec["init"] = first + 1.0
    path.write_text(json.dumps(spec) + "\n")  # another size, whatever the clock
    assert LearnedScorer(path).model.init == first + 1.0


def test_a_scorer_file_runs_its_own_trees_for_its_own_embedder(tmp_path, example_dir) -> None:  # type: ignore[no-untyped-def]
    from storyline import ConfigError, Summarizer
    from storyline.ingest import read_files
    from storyline.model import SummaryOptions

    spec = _shipped()
    for tree in spec["trees"]:  # the same trees, every leaf's value turned round
        tree["value"] = [-v for v in tree["value"]]
    spec["init"] = -spec["init"]
    upside_down = tmp_path / "upside-down.json"
    upside_down.write_text(json.dumps(spec))
    articles, _ = read_files([example_dir])
    shipped = Summarizer(SummaryOptions())(articles)
    mine = Summarizer(SummaryOptions(scorer=upside_down))(articles)  # a Path is taken too
    assert [s.text for s in mine.sentences] != [s.text for s in shipped.sentences]
    spec["meta"]["embedder"] = "hash"
    upside_down.write_text(json.dumps(spec))
    with pytest.raises(ConfigError, match="--embedder hash"):
        Summarizer(SummaryOptions(scorer=str(upside_down)))
    assert (
        Summarizer(SummaryOptions(scorer=str(upside_down), embedder="hash")).scorer.meta["embedder"] == "hash"
    )


def test_rank_blend_at_a_small_share(make_corpus) -> None:  # type: ignore[no-untyped-def]
    from storyline.summarize._features import rank01
    from storyline.summarize._learned import BLEND_SHARE, RANK_BLEND

    corpus = make_corpus(
        [
            "The river Lune burst its banks after storms in Marrow. Schools shut for a week.",
            "Storms burst the river Lune's banks in Marrow. A football match was cancelled.",
            "The river Lune flooded Marrow after storms. Residents were moved to a hall.",
        ]
    )
    assert sum(w for _, w in RANK_BLEND) == pytest.approx(1.0)
    # A budget that is a small share of the cluster: the weighted mean of the three ranks.
    features = compute_features(corpus, citation_threshold=0.5, budget=2)
    assert features.values["budget_share"][0] < BLEND_SHARE[0]
    trees = LearnedScorer(blend=0.0).score(features)
    blended = LearnedScorer().score(features)
    weights = dict(RANK_BLEND)
    expected = (
        weights["trees"] * rank01(trees)
        + weights["word_doc_share_rank"] * features.values["word_doc_share_rank"]
        + weights["lexrank_rank"] * features.values["lexrank_rank"]
    )
    assert np.allclose(blended, expected, atol=1e-6)
    assert blended.min() >= 0.0 and blended.max() <= 1.0
    # Half the cluster's words or more (Multi-News at 230 words): the trees alone.
    for budget in (None, 1000):
        wide = compute_features(corpus, citation_threshold=0.5, budget=budget)
        assert wide.values["budget_share"][0] == 1.0
        assert np.array_equal(LearnedScorer().score(wide), LearnedScorer(blend=0.0).score(wide))
    # Between the two shares the trees' score moves linearly toward the mean of the ranks.
    words = sum(s.n_words for s in corpus.sentences)
    mid = compute_features(corpus, citation_threshold=0.5, budget=round(0.3 * words))
    fade = (BLEND_SHARE[1] - mid.values["budget_share"][0]) / (BLEND_SHARE[1] - BLEND_SHARE[0])
    assert 0 < fade < 1
    mid_trees = LearnedScorer(blend=0.0).score(mid)
    mix = (
        weights["trees"] * rank01(mid_trees)
        + weights["word_doc_share_rank"] * mid.values["word_doc_share_rank"]
        + weights["lexrank_rank"] * mid.values["lexrank_rank"]
    )
    assert np.allclose(LearnedScorer().score(mid), (1 - fade) * mid_trees + fade * mix, atol=1e-5)


def test_rank_blend_lets_the_cluster_overrule_close_tree_scores() -> None:
    from storyline.summarize import Features
    from storyline.summarize._learned import blend_ranks

    def features(share: float) -> Features:
        values = {
            "budget_share": np.full(3, share, dtype=np.float32),
            # Sentence 1 uses the words most of the cluster's reports use, and LexRank agrees.
            "word_doc_share_rank": np.array([0.5, 1.0, 0.0], dtype=np.float32),
            "lexrank_rank": np.array([0.5, 1.0, 0.0], dtype=np.float32),
        }
        return Features(docs=(0,), doc_support=np.zeros((3, 1), dtype=np.float32), values=values)

    # The trees prefer sentence 0, by a hair (scores of 25-report clusters lie close).
    trees = np.array([0.50, 0.49, 0.10], dtype=np.float32)
    small = blend_ranks(trees, features(0.02))
    assert int(np.argmax(small)) == 1
    assert np.allclose(small, [3 / 7 * 1.0 + 2 / 7, 3 / 7 * 0.5 + 4 / 7, 0.0], atol=1e-6)
    # At half the cluster's words or more, and with no blend, the trees decide.
    assert np.array_equal(blend_ranks(trees, features(0.6)), trees)
    assert np.array_equal(blend_ranks(trees, features(0.02), 0.0), trees)
