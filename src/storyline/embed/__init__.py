"""Sentence embeddings behind one interface; backends are looked up by name."""

from storyline.embed._base import Embedder, Vectors, normalize_rows
from storyline.embed._hash import HashEmbedder
from storyline.embed._registry import EMBEDDERS, make_embedder
from storyline.embed._transformer import TransformerEmbedder, default_model_path, load_model

__all__ = [
    "EMBEDDERS",
    "Embedder",
    "HashEmbedder",
    "TransformerEmbedder",
    "Vectors",
    "default_model_path",
    "load_model",
    "make_embedder",
    "normalize_rows",
]
