"""Clusterers by name: one interface, interchangeable algorithms."""

from __future__ import annotations

from typing import Protocol

from storyline.cluster._baseline import AgglomerativeClusterer
from storyline.cluster._online import OnlineClusterer
from storyline.model import Article


class Clusterer(Protocol):
    """Groups articles into stories: label i is article i's story (None: no text)."""

    name: str

    def cluster(self, articles: list[Article]) -> list[int | None]: ...


CLUSTERERS: dict[str, type[Clusterer]] = {
    "agglomerative": AgglomerativeClusterer,
    "online": OnlineClusterer,
}
