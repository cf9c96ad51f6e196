"""Embedders by name, for options and the command line."""

from __future__ import annotations

from collections.abc import Callable

from storyline.embed._base import Embedder
from storyline.embed._hash import HashEmbedder
from storyline.embed._static import StaticEmbedder
from storyline.embed._transformer import TransformerEmbedder
from storyline.errors import ConfigError, Errors


def _hash(*, model: str | None, batch_size: int) -> Embedder:
    if model is not None:
        raise ConfigError(Errors.SL202, name="model", value=model, reason="the hash embedder has no model")
    return HashEmbedder()


def _static(*, model: str | None, batch_size: int) -> Embedder:
    # The static table embeds thousands of sentences a call; its own batch size fits it.
    return StaticEmbedder(model=model)


def _transformer(*, model: str | None, batch_size: int) -> Embedder:
    return TransformerEmbedder(model=model, batch_size=batch_size)


EMBEDDERS: dict[str, Callable[..., Embedder]] = {
    "hash": _hash,
    "static": _static,
    "transformer": _transformer,
}


def make_embedder(name: str, *, model: str | None = None, batch_size: int = 64) -> Embedder:
    """Build the embedder registered under `name` in `EMBEDDERS`."""
    if name not in EMBEDDERS:
        raise ConfigError(Errors.SL201, kind="embedder", name=name, choices=", ".join(sorted(EMBEDDERS)))
    return EMBEDDERS[name](model=model, batch_size=batch_size)
