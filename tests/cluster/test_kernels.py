"""The compiled inner loops give the numbers of their plain numpy definitions."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.cluster import ClusterOptions, Featurizer
from storyline.cluster import _kernels as K
from storyline.cluster._features import _code_points, _counts

TEXTS = [
    "Ça va? Élysée met O'Brien and McDonald's staff in New York. The U.S. and NATO said so.",
    "He met (Smith) and 'Jones' at IBM; Al-Qaeda's x-Ray A B C. “Quoted” Sentence: Next Word",
    "Mr. Blair met Tony Blair’s aide on Monday in Downing Street, said Alastair Campbell.",
    "日本語のテキスト と 中文 한국어 текст Ελληνικά İstanbul ǅemal STRASSE straße",
    "emoji 😀 and astral 𝒜𝒷 letters fall back to the numpy path",
    "\ud800 a lone surrogate in otherwise plain words",
    "x" * 100 + " " + "y" * 30 + " the and of",
    "",
    "a",
]


@pytest.fixture(scope="module")
def featurizer() -> Featurizer:
    return Featurizer(ClusterOptions())


@pytest.mark.parametrize("text", TEXTS)
def test_compiled_featurizing_matches_numpy(featurizer: Featurizer, text: str) -> None:
    opt = featurizer.options
    hashes = featurizer._token_hashes(text)[: opt.max_words]
    n_words, lead, full, signature = featurizer._arrays(text)
    assert n_words == len(hashes)
    for got, want in (
        (lead, _counts(hashes[: opt.lead_words], opt.n_features)),
        (full, _counts(hashes, opt.n_features)),
    ):
        np.testing.assert_array_equal(got[0], want[0])
        np.testing.assert_array_equal(got[1], want[1])
    np.testing.assert_array_equal(signature, featurizer._signature(hashes[: opt.shingle_words]))
    if max(map(ord, text), default=0) < 65536:
        fast, slow = featurizer._fast_names(_code_points(text)), featurizer._names(text)
        np.testing.assert_array_equal(fast[0], slow[0])
        np.testing.assert_array_equal(fast[1], slow[1])


def test_names_found_and_sentence_starts_skipped(featurizer: Featurizer) -> None:
    ids, _ = featurizer._fast_names(_code_points("Police said Pinochet met Garzon. Then the WTO met."))
    slow, _ = featurizer._names("Police said Pinochet met Garzon. Then the WTO met.")
    assert len(ids) == 3  # Pinochet, Garzon, WTO; not "Police" or "Then" (sentence starts)
    np.testing.assert_array_equal(ids, slow)


def _dot(rows: K.Ragged, g: int, idx: np.ndarray, w: np.ndarray) -> float:
    r_idx, r_sum = rows.row(g)
    _, a, b = np.intersect1d(r_idx, idx, return_indices=True)
    return float(np.sum(r_sum[a].astype(np.float64) * w[b]))


def test_ragged_rows_sum_truncate_and_round_trip() -> None:
    rng = np.random.default_rng(0)
    rows = K.Ragged(max_terms=50)
    dense = [np.zeros(1000) for _ in range(30)]
    for step in range(400):
        g = step % 30 if step >= 30 else rows.open()
        idx = np.unique(rng.integers(0, 1000, 20))
        w = rng.random(len(idx)).astype(np.float32)
        rows.add(g, idx, w)
        dense[g][idx] += w
    for g in range(30):
        r_idx, r_sum = rows.row(g)
        assert len(r_idx) == 50 and np.all(np.diff(r_idx) > 0)
        assert rows.norm[g] == pytest.approx(float(np.sqrt(np.sum(r_sum.astype(np.float64) ** 2))))
    # The features' dot products, by walking and by binary search, equal plain sums.
    groups = np.arange(30, dtype=np.int64)
    for size in (3, 40, 400):
        idx = np.unique(rng.integers(0, 1000, size))
        w = rng.random(len(idx)).astype(np.float32)
        days = np.zeros(30, np.int64)
        x = K.features(rows, rows, np.ones(30, np.int64), days, days, groups, (idx, w), (idx, w), 5, -1)
        want = np.array([_dot(rows, g, idx, w) for g in range(30)])
        np.testing.assert_allclose(x[:, 0], want, rtol=1e-6)
    restored = K.Ragged.from_flat(50, *rows.flatten())
    for g in range(30):
        np.testing.assert_array_equal(restored.row(g)[0], rows.row(g)[0])
        np.testing.assert_array_equal(restored.row(g)[1], rows.row(g)[1])
    np.testing.assert_allclose(restored.norm[:30], rows.norm[:30])


def test_a_full_row_keeps_its_heaviest_terms_ties_to_the_lower_id() -> None:
    """Truncation against a plain stable sort, with many tied weights."""
    rng = np.random.default_rng(3)
    for _ in range(300):
        max_terms = int(rng.integers(1, 12))
        rows = K.Ragged(max_terms)
        g = rows.open()
        want_idx, want_w = np.zeros(0, np.int64), np.zeros(0, np.float32)
        for _ in range(int(rng.integers(1, 6))):
            idx = np.sort(rng.choice(40, int(rng.integers(1, 10)), replace=False)).astype(np.int64)
            w = rng.choice([0.5, 1.0, 1.5, 2.0], len(idx)).astype(np.float32)
            rows.add(g, idx, w)
            merged = np.union1d(want_idx, idx)
            sums = np.zeros(len(merged), np.float32)
            for a, b in ((want_idx, want_w), (idx, w)):
                at = np.searchsorted(merged, a)
                sums[at] = (sums[at].astype(np.float64) + b.astype(np.float64)).astype(np.float32)
            if len(merged) > max_terms:
                keep = np.sort(np.argsort(-sums, kind="mergesort")[:max_terms])
                merged, sums = merged[keep], sums[keep]
            want_idx, want_w = merged, sums
            got_idx, got_w = rows.row(g)
            np.testing.assert_array_equal(got_idx, want_idx)
            np.testing.assert_array_equal(got_w, want_w)


def test_features_cohesion_is_the_mean_pairwise_cosine_of_a_groups_articles() -> None:
    rng = np.random.default_rng(1)
    rows = K.Ragged(max_terms=1000)
    members: list[list[np.ndarray]] = []
    for size in (1, 2, 5):
        g = rows.open()
        vectors = []
        for _ in range(size):
            idx = np.unique(rng.integers(0, 60, 15))
            w = rng.random(len(idx)).astype(np.float32)
            w /= np.float32(np.sqrt(np.sum(w.astype(np.float64) ** 2)))
            rows.add(g, idx, w)
            dense = np.zeros(60)
            dense[idx] = w
            vectors.append(dense)
        members.append(vectors)
    groups = np.arange(3, dtype=np.int64)
    count = np.array([1, 2, 5], np.int64)
    days = np.zeros(3, np.int64)
    probe = (np.array([1, 2], np.int64), np.array([0.6, 0.8], np.float32))
    x = K.features(rows, rows, count, days, days, groups, probe, probe, 5, -1)
    for g, vectors in enumerate(members):
        pairs = [a @ b for i, a in enumerate(vectors) for b in vectors[i + 1 :]]
        assert x[g, 8] == pytest.approx(float(np.mean(pairs)) if pairs else 0.0, abs=1e-5)
        assert x[g, 9] == (1.0 if len(vectors) == 1 else 0.0)
        # The centroid cosine relative to how alike the group's own articles are.
        cohesion = max(float(np.mean(pairs)), K.MIN_COHESION) if pairs else K.ONE_ARTICLE_COHESION
        assert x[g, 11] == pytest.approx(x[g, 1] / np.sqrt(cohesion), rel=1e-5)


def test_postings_keep_the_last_groups_and_round_trip() -> None:
    postings = K.Postings(n_features=64, length=4)
    term = (np.array([7], np.int64), np.ones(1, np.float32))
    for group in (1, 1, 2, 3, 2, 5, 6):
        postings.post(group, term)
    terms, _, groups = postings.lists()
    assert terms.tolist() == [7] and groups.tolist() == [3, 2, 5, 6]  # runs once, last four
    # Highest score first, ties to the most recent group.
    other = (np.array([7, 9], np.int64), np.array([1.0, 2.0], np.float32))
    postings.post(6, (np.array([9], np.int64), np.ones(1, np.float32)))
    assert postings.lookup([other], 3) == [6, 5, 3]
    again = K.Postings.from_lists(64, 4, *postings.lists())
    assert again.lookup([other], 10) == postings.lookup([other], 10)
    with pytest.raises(ValueError):
        K.Postings.from_lists(64, 4, np.array([70]), np.array([0, 1]), np.array([1]))


def test_stop_words_read_without_importing_sklearn_are_sklearns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from storyline.cluster._features import _sklearn_stop_words

    assert _sklearn_stop_words() == ENGLISH_STOP_WORDS


@pytest.mark.parametrize("num_perm", [8, 32, 128])
def test_lsh_bands_are_datasketchs_choice(num_perm: int) -> None:
    from datasketch.lsh import _optimal_param

    from storyline.cluster._online import lsh_bands

    for threshold in (0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95):
        assert lsh_bands(threshold, num_perm) == _optimal_param(threshold, num_perm, 0.5, 0.5)


def test_weigh_top_matches_numpy_and_flags_ties_at_the_cut() -> None:
    from storyline.cluster._online import POSTED_TERMS, _top_terms

    rng = np.random.default_rng(7)
    doc_freq = rng.integers(0, 50, 4096).astype(np.float32)
    prior = np.zeros(0, np.float32)
    for n in (0, 1, 5, POSTED_TERMS, POSTED_TERMS + 1, 300):
        idx = np.sort(rng.choice(4096, n, replace=False)).astype(np.int64)
        tf = (1.0 + rng.random(n)).astype(np.float32)  # distinct weights: no ties
        weights, top, tied = K.weigh_top(idx, tf, doc_freq, prior, 1000.0, POSTED_TERMS)
        assert not tied
        np.testing.assert_array_equal(weights, K.weigh(idx, tf, doc_freq, prior, 1000.0))
        want_idx, want_w = _top_terms(idx, weights)
        np.testing.assert_array_equal(idx[top], want_idx)
        np.testing.assert_array_equal(weights[top], want_w)
    # 30 equal weights: the cut falls among them, so the caller must choose.
    idx = np.arange(30, dtype=np.int64)
    _, top, tied = K.weigh_top(
        idx, np.ones(30, np.float32), np.zeros(64, np.float32), prior, 10.0, POSTED_TERMS
    )
    assert tied and top.tolist() == list(range(POSTED_TERMS))
    # Ties above the cut only: kept in term order, and no flag.
    tf = np.concatenate([np.full(5, 2.0), np.linspace(1.5, 1.0, 25)]).astype(np.float32)
    weights, top, tied = K.weigh_top(idx, tf, np.zeros(64, np.float32), prior, 10.0, POSTED_TERMS)
    assert not tied and top[:5].tolist() == [0, 1, 2, 3, 4]
    np.testing.assert_array_equal(idx[top], _top_terms(idx, weights)[0])


def test_weigh_top_with_nothing_to_keep_or_a_nan() -> None:
    idx = np.arange(5, dtype=np.int64)
    tf = np.ones(5, np.float32)
    prior = np.zeros(0, np.float32)
    _, top, tied = K.weigh_top(idx, tf, np.zeros(8, np.float32), prior, 10.0, 0)
    assert len(top) == 0 and not tied
    # A negative document count makes a NaN weight: the caller's rule decides, never the loop.
    doc_freq = np.array([0, 0, -20, 0, 0, 0, 0, 0], np.float32)
    weights, _, tied = K.weigh_top(idx, tf, doc_freq, prior, 10.0, 3)
    assert np.isnan(weights).any() and tied


def test_a_weight_that_is_not_a_number_leaves_a_sorted_row_without_stale_terms() -> None:
    rows = K.Ragged(max_terms=4)
    g = rows.open()
    rows.add(g, np.array([1, 2, 3, 4], np.int64), np.full(4, 1.0, np.float32))
    rows.add(g, np.array([5, 6], np.int64), np.array([np.nan, 2.0], np.float32))
    idx, w = rows.row(g)
    assert np.all(np.diff(idx) > 0)
    assert set(idx.tolist()) <= {1, 2, 3, 4, 5, 6} and not np.isnan(w).any()
