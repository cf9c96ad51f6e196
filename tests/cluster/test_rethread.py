"""Re-threading (`cluster/_rethread.py`): the kNN search, the silhouette, the choice, the numbers."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
import scipy.sparse as sp
from sklearn.metrics import silhouette_samples

from storyline.cluster import _rethread, bcubed
from storyline.cluster._kernels import nearest_earlier
from storyline.cluster._rethread import ArticleVectors, rethread

N_FEATURES = 512
IntArray = npt.NDArray[np.int64]


def _vectors(rows: list[dict[int, float]], k: int = 5, window: int = 10_000) -> ArticleVectors:
    vectors = ArticleVectors(N_FEATURES, k, window)
    for row in rows:
        terms = np.array(sorted(row), np.int64)
        weights = np.array([row[t] for t in sorted(row)], np.float32)
        vectors.add(terms, weights / np.linalg.norm(weights))
    return vectors


def _topic_rows(rng: np.random.Generator, topics: list[range], per_topic: int) -> list[dict[int, float]]:
    """Articles drawn from topics: each uses 12 of its topic's words and 3 common words."""
    rows = []
    for _ in range(per_topic):
        for vocabulary in topics:
            words = rng.choice(np.array(vocabulary), 12, replace=False).tolist()
            common = rng.choice(np.arange(500, 512), 3, replace=False).tolist()
            rows.append({int(w): float(rng.uniform(0.5, 1.5)) for w in words + common})
    return rows


def test_nearest_earlier_is_the_brute_force_answer() -> None:
    rng = np.random.default_rng(1)
    dense = (rng.random((60, 40)) < 0.15) * rng.random((60, 40))
    m = sp.csr_matrix(dense.astype(np.float32))
    by_term = m.T.tocsr()
    by_term.sort_indices()
    rows, sims = nearest_earlier(
        m.indptr.astype(np.int64), m.indices.astype(np.int32), m.data.astype(np.float32),
        by_term.indptr.astype(np.int64), by_term.indices.astype(np.int32), by_term.data.astype(np.float32),
        10, 60, 4,
    )  # fmt: skip
    dots = dense @ dense.T
    for i in range(10, 60):
        earlier = [(-dots[i, j], j) for j in range(i) if dots[i, j] > 0]
        expected = [j for _, j in sorted(earlier)[:4]]
        got = [int(r) for r in rows[i - 10] if r >= 0]
        assert got == expected, i
        assert np.allclose(sims[i - 10][: len(got)], [dots[i, j] for j in got], atol=1e-5)


def _random_window(
    n: int, seed: int, *, window: int = 10_000, empty: tuple[int, ...] = ()
) -> tuple[ArticleVectors, npt.NDArray[np.float64]]:
    """n articles of random sparse terms (those in `empty` have none), and their dense rows."""
    rng = np.random.default_rng(seed)
    vectors = ArticleVectors(60, 5, window)
    dense = np.zeros((n, 60))
    for i in range(n):
        terms = np.unique(rng.integers(0, 20 + 10 * (i % 4), 8))
        weights = rng.random(len(terms)).astype(np.float32) + 0.1
        if i in empty:
            terms, weights = terms[:0], weights[:0]
        vectors.add(terms.astype(np.int64), weights)
        dense[i, terms] = weights.astype(np.float16)  # as the vectors keep them
    return vectors, dense


def _full_table(dense: npt.NDArray[np.float64], labels: IntArray) -> npt.NDArray[np.float64]:
    """Each item's silhouette from the full table of cosine distances, the diagonal as
    computed (so an item without terms is at distance 1 from itself too)."""
    norms = np.linalg.norm(dense, axis=1, keepdims=True)
    unit = np.divide(dense, norms, out=np.zeros_like(dense), where=norms > 0)
    distances = np.maximum(1.0 - unit @ unit.T, 0.0)
    out = np.zeros(len(labels))
    for i, label in enumerate(labels):
        own = labels == label
        if own.sum() < 2:
            continue
        a = distances[i, own].sum() / (own.sum() - 1)
        b = min(distances[i, labels == other].mean() for other in set(labels.tolist()) - {label})
        out[i] = (b - a) / max(a, b)
    return out


@pytest.mark.parametrize("sample_size", [2000, 12])
def test_silhouette_is_sklearns_against_every_article(
    monkeypatch: pytest.MonkeyPatch, sample_size: int
) -> None:
    """Each sampled article's silhouette is sklearn's, computed over every kept article:
    with a sample of 12 of 90 articles too, so a small group whose mates were not sampled
    is measured as it is (a sample's own distances would score its article 0)."""
    monkeypatch.setattr(_rethread, "SILHOUETTE_SAMPLE", sample_size)
    vectors, dense = _random_window(90, 2)
    rng = np.random.default_rng(3)
    stories = rng.integers(0, 40, 90)
    _, stories = np.unique(stories, return_inverse=True)
    n_stories = int(stories.max()) + 1
    story_size = np.bincount(stories).astype(np.float64)
    sample, similar, self_dot = _rethread._sample_similarities(vectors, 90, stories, n_stories)
    assert len(sample) == min(sample_size, 90)
    for groups in (rng.integers(0, 7, n_stories), rng.integers(0, 25, n_stories)):
        groups[0] = 99  # a group of one story, maybe of one article: sklearn scores it 0 too
        ours = _rethread.sampled_silhouettes(similar, stories[sample], self_dot, groups, story_size)
        theirs = silhouette_samples(dense, groups[stories], metric="cosine")[sample]
        assert np.allclose(ours, theirs, atol=1e-5)
    # one group, or every article alone: no evidence either way
    one = _rethread.sampled_silhouettes(
        similar, stories[sample], self_dot, np.zeros(n_stories, np.int64), story_size
    )
    assert not one.any()
    alone = np.arange(90)
    _, alone_similar, alone_dot = _rethread._sample_similarities(vectors, 90, alone, 90)
    assert not _rethread.sampled_silhouettes(
        alone_similar, alone[sample], alone_dot, alone, np.ones(90)
    ).any()


def test_silhouette_of_a_dropped_window_start_and_articles_without_terms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A window whose oldest vectors were dropped (`first` > 0), articles without terms,
    and a table too large for `SILHOUETTE_CELLS` (the sample shrinks to fit): each sampled
    article's silhouette is still the full table's over the kept articles."""
    vectors, dense = _random_window(100, 5, window=30, empty=(70, 71, 85))
    first = vectors.first
    assert first > 0
    kept = dense[first:]
    rng = np.random.default_rng(6)
    _, stories = np.unique(rng.integers(0, 25, len(kept)), return_inverse=True)
    n_stories = int(stories.max()) + 1
    monkeypatch.setattr(_rethread, "SILHOUETTE_CELLS", 10 * n_stories)
    sample, similar, self_dot = _rethread._sample_similarities(vectors, 100, stories, n_stories)
    assert len(sample) == 10 and (sample >= first).all()
    groups = rng.integers(0, 4, n_stories)
    ours = _rethread.sampled_silhouettes(
        similar, stories[sample - first], self_dot, groups, np.bincount(stories).astype(np.float64)
    )
    assert np.allclose(ours, _full_table(kept, groups[stories])[sample - first], atol=1e-5)


def test_a_topic_split_online_is_one_thread_again() -> None:
    rng = np.random.default_rng(3)
    topics = [range(0, 60), range(60, 120), range(120, 180)]
    rows = _topic_rows(rng, topics, 20)  # 60 articles, topics interleaved
    gold = [i % 3 for i in range(len(rows))]
    vectors = _vectors(rows)
    # Online: every article its own story; topic 0 split over threads 0 and 3 (by halves).
    article_story = np.arange(len(rows), dtype=np.int64)
    online = np.array([g if g != 0 or i < 30 else 3 for i, g in enumerate(gold)], np.int64)
    result = rethread(vectors, article_story, online, 4, min_articles=0)
    threads = result.story_thread[article_story]
    assert bcubed(threads.tolist(), gold).f1 == 1.0, result
    assert result.choice != "online"
    # Numbers of the online threads are kept: topic 1 stays 1, topic 2 stays 2.
    assert set(threads[[i for i in range(60) if gold[i] == 1]].tolist()) == {1}
    assert set(threads[[i for i in range(60) if gold[i] == 2]].tolist()) == {2}


def test_many_small_distinct_threads_stay_apart() -> None:
    """Pairs of articles on their own words: the kNN graph links each to unrelated ones,
    and no community of it is as good as the online threads, which are kept."""
    rng = np.random.default_rng(4)
    topics = [range(12 * t, 12 * t + 12) for t in range(40)]
    rows = _topic_rows(rng, topics, 2)[:80]
    gold = [i % 40 for i in range(len(rows))]
    vectors = _vectors(rows, k=10)
    article_story = np.array(gold, np.int64)
    online = np.arange(40, dtype=np.int64)
    result = rethread(vectors, article_story, online, 40, min_articles=0)
    assert bcubed(result.story_thread[article_story].tolist(), gold).f1 == 1.0, result


def test_vectors_round_trip_and_the_window() -> None:
    rng = np.random.default_rng(5)
    rows = _topic_rows(rng, [range(0, 40), range(40, 80)], 10)
    vectors = _vectors(rows, k=3, window=6)
    assert len(vectors) == 20
    assert vectors.first >= 20 - 12  # at most two windows kept
    assert vectors.n_linked >= vectors.first  # nothing dropped before it was linked
    vectors.link()
    assert vectors.n_linked == 20
    # rows are the kept articles' (the dropped ones' went with their vectors); earlier only
    assert len(vectors.neighbours) == 20 - vectors.first
    assert (vectors.neighbours < vectors.first + np.arange(len(vectors.neighbours))[:, None]).all()
    copy = ArticleVectors.restore(N_FEATURES, 3, 6, vectors.arrays())
    assert len(copy) == 20 and copy.first == vectors.first
    assert np.array_equal(copy.neighbours, vectors.neighbours)
    for a, b in zip(copy.terms, vectors.terms, strict=True):
        assert np.array_equal(a, b)
    broken = vectors.arrays()
    broken["vectors_terms"] = broken["vectors_terms"] + N_FEATURES
    with pytest.raises(ValueError, match="term space"):
        ArticleVectors.restore(N_FEATURES, 3, 6, broken)


def test_too_little_to_rethread_keeps_the_online_threads() -> None:
    vectors = _vectors([{1: 1.0}, {2: 1.0}])
    result = rethread(vectors, np.array([0, 1], np.int64), np.array([0, 1], np.int64), 2)
    assert result.choice == "online"
    assert result.story_thread.tolist() == [0, 1]
    # The split topic above, under the size re-threading needs: kept as it was online.
    rng = np.random.default_rng(3)
    rows = _topic_rows(rng, [range(0, 60), range(60, 120)], 20)
    online = np.array([i % 2 if i < 20 else 2 + i % 2 for i in range(40)], np.int64)
    result = rethread(_vectors(rows), np.arange(40, dtype=np.int64), online, 4)
    assert result.choice == "online" and result.story_thread.tolist() == online.tolist()


def test_linking_in_background_blocks_finds_what_one_link_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(6)
    rows = _topic_rows(rng, [range(0, 60), range(60, 120), range(120, 180)], 30)
    at_once = _vectors(rows, k=4)
    at_once.link()
    monkeypatch.setattr(_rethread, "LINK_BLOCK", 7)
    monkeypatch.setattr(_rethread, "PARALLEL_ROWS", 5)  # the last link splits over two threads
    in_blocks = _vectors(rows, k=4)
    assert in_blocks.n_linked > 0  # blocks were linked while articles were being added
    in_blocks.link()
    assert np.array_equal(in_blocks.neighbours, at_once.neighbours)
    assert np.array_equal(in_blocks.similarities, at_once.similarities)


def test_a_split_gets_a_new_number_and_a_merged_number_is_not_reused() -> None:
    # Stories 0-3 were thread 5; 4-5 thread 6. Now: {0, 1}, {2, 3} (a split) and {4, 5} with 0-1.
    known = np.array([5, 5, 5, 5, 6, 6], np.int64)
    groups = np.array([0, 0, 1, 1, 0, 0], np.int64)
    numbers = _rethread._renumber(groups, known, np.arange(6, dtype=np.int64), 7)
    assert numbers.tolist() == [5, 5, 7, 7, 5, 5]  # 6 was merged away: not given to the split


def test_only_the_window_is_re_threaded_older_stories_keep_their_threads() -> None:
    """Articles that left the window are fixed already: their stories keep the thread they
    had; the window's stories are regrouped (here: topic 0 split online is joined again)."""
    rng = np.random.default_rng(7)
    rows = _topic_rows(rng, [range(0, 60), range(60, 120), range(120, 180)], 30)  # 90 articles
    gold = [i % 3 for i in range(len(rows))]
    vectors = _vectors(rows, window=25)  # keeps the last 25 to 50 articles
    assert vectors.first > 0
    stories = np.arange(len(rows), dtype=np.int64)  # every article its own story
    online = np.array([g if g != 0 or i < 70 else 3 for i, g in enumerate(gold)], np.int64)
    assert {0, 3} <= set(online[vectors.first :].tolist())  # topic 0 split inside the window
    previous = np.full(len(rows), -1, np.int64)
    previous[: vectors.first] = 9  # fixed at an earlier checkpoint, as thread 9
    result = rethread(vectors, stories, online, 10, min_articles=0, previous=previous)
    assert result.story_thread[: vectors.first].tolist() == [9] * vectors.first
    window = result.story_thread[vectors.first :]
    window_gold = gold[vectors.first :]
    assert bcubed(window.tolist(), window_gold).f1 == 1.0, result


def _disjoint_topics(
    rng: np.random.Generator, n_topics: int, per_topic: int
) -> tuple[list[dict[int, float]], list[int]]:
    """Articles of topics with no word in common: 12 of their topic's 20 words each."""
    rows, gold = [], []
    for _ in range(per_topic):
        for topic in range(n_topics):
            words = rng.choice(np.arange(20 * topic, 20 * topic + 20), 12, replace=False).tolist()
            rows.append({int(w): float(rng.uniform(0.5, 1.5)) for w in words})
            gold.append(topic)
    return rows, gold


def test_cohesion_is_the_mean_pairwise_cosine(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(8)
    rows = _topic_rows(rng, [range(0, 30), range(30, 60)], 9)
    vectors = _vectors(rows)
    groups = rng.integers(0, 5, len(rows)).astype(np.int64)
    groups[0] = 5  # a group of one article
    dense = np.zeros((len(rows), N_FEATURES))
    for i, row in enumerate(rows):
        for t, w in row.items():
            dense[i, t] = w
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    cosines = dense @ dense.T
    expected = []
    for g in range(6):
        members = np.flatnonzero(groups == g)
        block = cosines[np.ix_(members, members)]
        n = len(members)
        expected.append(1.0 if n == 1 else (block.sum() - n) / (n * (n - 1)))
    articles = np.arange(len(rows), dtype=np.int64)
    monkeypatch.setattr(_rethread, "COHESION_CHUNK", 4)  # sums over several chunks of whole groups
    assert _rethread.cohesion(vectors, articles, groups) == pytest.approx(expected, abs=1e-3)


def test_a_thread_of_many_unrelated_topics_is_split_into_them() -> None:
    """A thread that grew broad (one online thread over twelve topics with no word in
    common, mean pairwise cosine ~0.04) is cut into its topics; a tight one is left alone."""
    rng = np.random.default_rng(9)
    rows, gold = _disjoint_topics(rng, 12, 5)
    vectors = _vectors(rows, k=5)
    vectors.link()
    stories = np.arange(len(rows), dtype=np.int64)  # every article its own story
    everything = np.zeros(len(rows), np.int64)
    assert _rethread.cohesion(vectors, stories, everything)[0] < _rethread.LOOSE_COHESION
    result, split = _rethread.split_loose(vectors, stories, everything)
    assert split >= 1
    assert bcubed(result[stories].tolist(), gold).f1 == 1.0
    # Each topic as its own thread: all cohesive, nothing split, the labels returned as given.
    by_topic = np.array(gold, np.int64)
    kept, none = _rethread.split_loose(vectors, stories, by_topic)
    assert none == 0 and kept is by_topic


def test_cohesion_counts_an_article_without_terms_in_the_pairs() -> None:
    """An article whose text had no terms has an empty vector: its pairs count with cosine 0,
    and its own length is 0, not 1 (two such articles and one other: 0, not below it)."""
    vectors = _vectors([{1: 1.0}, {2: 1.0, 3: 1.0}])
    vectors.add(np.zeros(0, np.int64), np.zeros(0, np.float32))
    both = _rethread.cohesion(vectors, np.arange(3, dtype=np.int64), np.zeros(3, np.int64))
    assert both == pytest.approx([0.0])
    pair = _rethread.cohesion(vectors, np.array([1, 2], np.int64), np.zeros(2, np.int64))
    assert pair == pytest.approx([0.0])


def _twelve_topics() -> tuple[ArticleVectors, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(9)
    rows, gold = _disjoint_topics(rng, 12, 5)
    vectors = _vectors(rows, k=5)
    vectors.link()
    return vectors, np.arange(len(rows), dtype=np.int64), np.array(gold, np.int64)


def test_split_parts_do_not_take_another_groups_label() -> None:
    vectors, stories, gold = _twelve_topics()
    groups = np.where(gold == 11, 7, 3).astype(
        np.int64
    )  # topic 11 alone (7); topics 0-10 one loose thread (3)
    result, split = _rethread.split_loose(vectors, stories, groups)
    assert split >= 1
    assert bcubed(result.tolist(), gold.tolist()).f1 == 1.0
    assert (result[gold == 11] == 7).all()


def test_a_part_still_loose_is_split_again(monkeypatch: pytest.MonkeyPatch) -> None:
    vectors, stories, gold = _twelve_topics()
    real, calls = _rethread._louvain, []

    def first_cut_leaves_a_loose_part(graph, resolution):  # type: ignore[no-untyped-def]
        calls.append(graph.vcount())
        if len(calls) == 1:
            return (gold == 11).astype(np.int64)  # topics 0-10 stay together: still loose
        return real(graph, resolution)

    monkeypatch.setattr(_rethread, "_louvain", first_cut_leaves_a_loose_part)
    result, split = _rethread.split_loose(vectors, stories, np.zeros(len(gold), np.int64))
    assert split >= 2, (split, calls)
    assert bcubed(result.tolist(), gold.tolist()).f1 == 1.0


def test_rethread_splits_a_loose_chosen_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    vectors, stories, gold = _twelve_topics()
    monkeypatch.setattr(_rethread, "groupings", lambda v, s, online, score, **k: [("online", online, 0.0)])
    result = _rethread.rethread(vectors, stories, np.zeros(len(gold), np.int64), 1, min_articles=0)
    assert result.choice == "online" and result.split >= 1
    assert bcubed(result.story_thread.tolist(), gold.tolist()).f1 == 1.0
    assert len(set(result.story_thread.tolist())) == 12 and result.story_thread.min() == 0


def test_the_best_resolution_is_refined_half_a_step_each_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk runs down the grid while the score rises; then the best Louvain grouping's
    resolution is tried REFINE times above and below. Louvain is faked: resolution r gives
    round(r * 4) groups of the 64 stories, and the score peaks at 23 groups (r ~ 5.66)."""
    rng = np.random.default_rng(8)
    vectors = _vectors(_topic_rows(rng, [range(0, 40), range(40, 80)], 32))
    stories = np.arange(64, dtype=np.int64)
    online = np.arange(64, dtype=np.int64)  # threads of one story: both kinds walk alike
    tried: list[float] = []

    def louvain(graph: object, resolution: float) -> np.ndarray:  # type: ignore[type-arg]
        tried.append(resolution)
        return np.arange(64, dtype=np.int64) % round(resolution * 4)

    def score(groups: np.ndarray) -> float:  # type: ignore[type-arg]
        return -abs(len(set(groups.tolist())) - 23) if len(set(groups.tolist())) > 1 else -100.0

    monkeypatch.setattr(_rethread, "_louvain", louvain)
    candidates = _rethread.groupings(vectors, stories, online, score)
    names = [name for name, _, _ in candidates]
    best = max(candidates, key=lambda c: c[2])[0]
    assert best == "stories at resolution 5.65685", names
    # per kind: 16, 8, 4 (64, 32, 16 groups: rising), 2 (8 groups: lower, the walk stops);
    # then 4 * sqrt(2) and 4 / sqrt(2), for the stories only (first of the tied best)
    assert tried[:8] == [16.0, 8.0, 4.0, 2.0] * 2
    assert tried[8:] == pytest.approx([4 * 2**0.5, 4 / 2**0.5])
    # exhaustive: the 6 grid resolutions and the 7 half steps beside them, per kind, and
    # nothing refined after; what a run chooses is among them
    tried.clear()
    every = _rethread.groupings(vectors, stories, online, score, exhaustive=True)
    assert len(tried) == 2 * 13
    assert best in [name for name, _, _ in every]


def test_no_refining_when_the_online_threads_win(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(9)
    vectors = _vectors(_topic_rows(rng, [range(0, 40), range(40, 80)], 16))
    tried: list[float] = []

    def louvain(graph: object, resolution: float) -> np.ndarray:  # type: ignore[type-arg]
        tried.append(resolution)
        return np.arange(32, dtype=np.int64) % round(resolution)

    def score(groups: np.ndarray) -> float:  # type: ignore[type-arg]
        n_groups = len(set(groups.tolist()))
        return 1.0 if n_groups == 32 else -abs(n_groups - 8) / 100  # online best; Louvain peaks at 8

    monkeypatch.setattr(_rethread, "_louvain", louvain)
    stories = np.arange(32, dtype=np.int64)
    candidates = _rethread.groupings(vectors, stories, stories.copy(), score)
    assert max(candidates, key=lambda c: c[2])[0] == "online"
    assert tried == [16.0, 8.0, 4.0] * 2  # each walk stops at its first drop; nothing after


def _lone_stories_and_pairs(rng: np.random.Generator, n_lone: int, n_pairs: int) -> list[dict[int, float]]:
    """Lone articles, each 12 words of a 200-word general vocabulary, then pairs of
    articles on topic words (30 topics of 10 words, in turn)."""
    rows = [
        {int(w): float(rng.uniform(0.5, 1.5)) for w in rng.choice(200, 12, replace=False)}
        for _ in range(n_lone)
    ]
    for pair in range(n_pairs):
        topic = np.arange(200 + 10 * (pair % 30), 210 + 10 * (pair % 30))
        for _ in range(2):
            words = [*rng.choice(topic, 8, replace=False), *rng.choice(200, 4, replace=False)]
            rows.append({int(w): float(rng.uniform(0.5, 1.5)) for w in words})
    return rows


def test_re_threading_needs_enough_articles_in_threads_with_others() -> None:
    """MIN_ARTICLES counts the articles the online pass put in threads with others, not all
    articles: 250 lone articles and 10 pairs are not re-threaded (not even tried); 10 lone
    articles and 110 pairs are."""
    rng = np.random.default_rng(11)
    rows = _lone_stories_and_pairs(rng, 250, 10)
    online = np.array([*range(250), *np.repeat(np.arange(250, 260), 2)], np.int64)
    result = rethread(_vectors(rows, k=10), np.arange(len(rows), dtype=np.int64), online, 260)
    assert result.choice == "online" and result.silhouettes == {}
    rows = _lone_stories_and_pairs(rng, 10, 110)
    online = np.array([*range(10), *np.repeat(np.arange(10, 120), 2)], np.int64)
    result = rethread(_vectors(rows, k=10), np.arange(len(rows), dtype=np.int64), online, 120)
    assert result.silhouettes  # tried


def test_threads_shared_within_the_list() -> None:
    """The fit rule counts thread-mates among the sampled articles only: an article whose
    thread-mates were not sampled is alone in the sample."""
    assert _rethread._in_shared_threads(np.array([5, 7, 5, 9, 7, 7], np.int64)).tolist() == [
        True, True, True, False, True, True,
    ]  # fmt: skip
    assert _rethread._in_shared_threads(np.zeros(0, np.int64)).tolist() == []
