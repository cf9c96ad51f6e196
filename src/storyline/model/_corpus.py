"""The corpus: one cluster's articles as they move through the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from storyline.model._article import Article, Dropped, Sentence

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class Corpus:
    """A cluster of articles, the sentences split from them and what was dropped.

    Stages return a new corpus (`with_`), never mutate one. `articles` keeps every
    input article in input order (with cleaned text once `clean` ran); `excluded`
    names the articles left out of the summary (off-topic, empty).
    """

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    excluded: frozenset[int] = frozenset()
    copies: dict[tuple[int, int], tuple[int, ...]] = field(default_factory=dict)
    """(doc_index, paragraph) -> other doc indices whose identical paragraph was dropped."""
    embeddings: npt.NDArray[np.float32] | None = None
    """One unit-length row per sentence, in `sentences` order."""
    lang: str = "en"

    def with_(self, **changes: object) -> Corpus:
        """Return a copy with the given fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def included(self) -> list[int]:
        """Indices of the articles that take part in the summary."""
        return [i for i in range(len(self.articles)) if i not in self.excluded]
