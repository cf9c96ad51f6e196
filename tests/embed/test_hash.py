import numpy as np

from storyline.embed import HashEmbedder


def test_hash_embedder_unit_rows_and_deterministic() -> None:
    emb = HashEmbedder()
    a = emb.embed(["The river burst its banks.", "", "The river burst its banks."])
    assert a.shape == (3, emb.dim) and a.dtype == np.float32
    assert np.isclose(np.linalg.norm(a[0]), 1.0) and np.linalg.norm(a[1]) == 0.0
    assert np.array_equal(a[0], a[2])
    assert np.array_equal(HashEmbedder().embed(["The river burst its banks."])[0], a[0])


def test_hash_embedder_similarity_follows_wording() -> None:
    a, b, c = HashEmbedder().embed(
        [
            "The river Lune burst its banks after three days of storms.",
            "After three days of storms the river Lune burst its banks.",
            "Shares in the carmaker fell sharply on Monday.",
        ]
    )
    assert a @ b > 0.8 > 0.2 > a @ c
