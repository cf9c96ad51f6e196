"""Embedders by name, for options and the command line."""

from __future__ import annotations

from storyline.embed._base import Embedder
from storyline.embed._hash import HashEmbedder
from storyline.embed._static import StaticEmbedder
from storyline.embed._transformer import TransformerEmbedder
from storyline.errors import ConfigError, Errors

EMBEDDERS: dict[str, type[Embedder]] = {
    "hash": HashEmbedder,
    "static": StaticEmbedder,
    "transformer": TransformerEmbedder,
}


def make_embedder(name: str, *, model: str | None = None, batch_size: int = 64) -> Embedder:
    """Build the embedder registered under `name`."""
    if name == "transformer":
        return TransformerEmbedder(model=model, batch_size=batch_size)
    if name == "static":
        return StaticEmbedder(model=model)
    if name == "hash":
        return HashEmbedder()
    raise ConfigError(Errors.SL201, kind="embedder", name=name, choices=", ".join(sorted(EMBEDDERS)))
