from pathlib import Path

import numpy as np
import pytest

from storyline import BackendError
from storyline.embed import TransformerEmbedder, default_model_path, make_embedder


@pytest.mark.slow
def test_default_model_loads_offline_and_embeds(minilm: TransformerEmbedder) -> None:
    vectors = minilm.embed(
        [
            "Seven people died in the fire at the fertiliser plant, officials said.",
            "Officials said the blaze at the fertiliser factory killed seven people.",
            "The football club won its third match in a row on Saturday.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > minilm.citation_threshold > vectors[0] @ vectors[2]


@pytest.mark.slow
def test_empty_batch(minilm: TransformerEmbedder) -> None:
    assert minilm.embed([]).shape == (0, 384)


def test_default_model_path_is_installed_package() -> None:
    assert (Path(default_model_path()) / "config.json").is_file()


def test_missing_model_is_a_backend_error(tmp_path: Path) -> None:
    embedder = make_embedder("transformer", model=str(tmp_path / "no-such-model"))
    with pytest.raises(BackendError, match="SL402"):
        embedder.embed(["text"])
