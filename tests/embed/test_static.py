from pathlib import Path

import numpy as np
import pytest

from storyline import BackendError
from storyline.embed import DEFAULT_STATIC_MODEL, StaticEmbedder, make_embedder

pytestmark = pytest.mark.slow  # loads the real models (spaCy, the static table)


def test_static_model_ships_in_package() -> None:
    assert (Path(DEFAULT_STATIC_MODEL) / "model.safetensors").is_file()
    assert (Path(DEFAULT_STATIC_MODEL) / "tokenizer.json").is_file()


def test_static_embedder_paraphrase_above_unrelated() -> None:
    emb = StaticEmbedder()
    v = emb.embed(
        [
            "Seven people died in the fire at the fertiliser plant, officials said.",
            "Officials said the blaze at the fertiliser factory killed seven people.",
            "The football club won its third match in a row on Saturday.",
        ]
    )
    assert v.shape == (3, 128) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > emb.citation_threshold > v[0] @ v[2]
    assert emb.embed([]).shape == (0, 128)


def test_static_embedder_bad_model_path(tmp_path: Path) -> None:
    with pytest.raises(BackendError, match="SL402"):
        make_embedder("static", model=str(tmp_path / "nope")).embed(["x"])
