"""Sentence embeddings behind one interface; backends are looked up by name."""

from storyline.embed._base import Embedder, Vectors, normalize_rows
from storyline.embed._facts import FactMatcher, Topic
from storyline.embed._hash import HashEmbedder
from storyline.embed._registry import EMBEDDERS, make_embedder
from storyline.embed._static import DEFAULT_STATIC_MODEL, StaticEmbedder, load_static_model
from storyline.embed._transformer import TransformerEmbedder, default_model_path, load_model

__all__ = [
    "DEFAULT_STATIC_MODEL",
    "EMBEDDERS",
    "Embedder",
    "FactMatcher",
    "HashEmbedder",
    "StaticEmbedder",
    "Topic",
    "TransformerEmbedder",
    "Vectors",
    "default_model_path",
    "load_model",
    "load_static_model",
    "make_embedder",
    "normalize_rows",
]
