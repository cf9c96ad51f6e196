"""Group an article stream into stories and threads, online, and score clusterings (B-cubed)."""

from storyline.cluster._baseline import AgglomerativeClusterer
from storyline.cluster._bcubed import BCubed, bcubed
from storyline.cluster._features import Features, Featurizer
from storyline.cluster._online import OnlineClusterer, OnlineState
from storyline.cluster._options import ClusterOptions
from storyline.cluster._pairmodel import PairModel, default_pair_model
from storyline.cluster._ray import actor_map, init_ray, ray_featurize
from storyline.cluster._registry import CLUSTERERS, Clusterer
from storyline.cluster._state import StateStore, read_assignments
from storyline.cluster._stream import ENGINES, Assignment, cluster_articles, stories_among
from storyline.cluster._titles import (
    clean_headline,
    extract_headline,
    lead_sentence,
    story_title,
    thread_title,
    topic_terms,
)

__all__ = [
    "CLUSTERERS",
    "ENGINES",
    "AgglomerativeClusterer",
    "Assignment",
    "BCubed",
    "ClusterOptions",
    "Clusterer",
    "Features",
    "Featurizer",
    "OnlineClusterer",
    "OnlineState",
    "PairModel",
    "StateStore",
    "actor_map",
    "bcubed",
    "clean_headline",
    "cluster_articles",
    "default_pair_model",
    "extract_headline",
    "init_ray",
    "lead_sentence",
    "ray_featurize",
    "read_assignments",
    "stories_among",
    "story_title",
    "thread_title",
    "topic_terms",
]
