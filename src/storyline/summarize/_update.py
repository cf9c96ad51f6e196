"""Update summaries: what is new to a reader who already saw some of the story.

The reader saw earlier reports (a previous cluster, or every report dated before a
`since` date). Their sentences count as if they were already in the summary: a
candidate that states one of their facts (`FactMatcher`, the test citations use) or
that is as close to one as the selector lets two summary sentences be (the embedder's
redundancy cap) is left out. A sentence that gives a different figure for a count the
reader saw ("12 dead" after "3 dead") is not a repeat: it is the news.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from storyline.embed import FactMatcher
from storyline.errors import ConfigError, Errors
from storyline.model import Corpus, Dropped
from storyline.summarize._features import FloatArray

# Same-fact test on figures alone: `same(1.0, ...)` is False only when figures conflict.
_FIGURES_ONLY = FactMatcher(threshold=-1.0)
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Seen:
    """The sentences a reader already saw, with their unit embeddings (one row each)."""

    texts: tuple[str, ...]
    embeddings: FloatArray
    # Caches, filled on first use: seen content words (sizes, inverted index) and figures.
    _index: list[tuple[FloatArray, dict[str, npt.NDArray[np.intp]]]] = field(
        default_factory=list, repr=False, compare=False
    )
    _figures: dict[int, tuple[tuple[str, float], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if len(self.texts) != len(self.embeddings):
            reason = f"{len(self.texts)} sentences but {len(self.embeddings)} embedding rows"
            raise ConfigError(Errors.SL202, name="seen", value=len(self.texts), reason=reason)

    def __len__(self) -> int:
        return len(self.texts)

    @classmethod
    def of_corpus(cls, corpus: Corpus, indices: list[int] | None = None) -> Seen:
        """The sentences of an embedded corpus (or those at `indices`) as seen."""
        assert corpus.embeddings is not None, "embed the corpus first"
        keep = list(range(len(corpus.sentences))) if indices is None else indices
        return cls(
            texts=tuple(corpus.sentences[i].text for i in keep),
            embeddings=np.ascontiguousarray(corpus.embeddings[keep], dtype=np.float32),
        )

    @classmethod
    def of_corpora(cls, corpora: list[Corpus], *, dim: int) -> Seen:
        """Every sentence of several embedded corpora (earlier clusters the reader saw)."""
        parts = [cls.of_corpus(c) for c in corpora if c.sentences]
        return cls.join(parts, dim=dim)

    @classmethod
    def join(cls, parts: list[Seen], *, dim: int) -> Seen:
        """One `Seen` of several; an empty one of width `dim` when there are none."""
        parts = [p for p in parts if len(p)]
        if not parts:
            return cls(texts=(), embeddings=np.zeros((0, dim), dtype=np.float32))
        if len(parts) == 1:
            return parts[0]
        return cls(
            texts=tuple(t for p in parts for t in p.texts),
            embeddings=np.ascontiguousarray(np.concatenate([p.embeddings for p in parts]), dtype=np.float32),
        )

    def repeats(
        self, texts: list[str], embeddings: FloatArray, *, matcher: FactMatcher, cap: float = 1.0
    ) -> npt.NDArray[np.bool_]:
        """Whether each sentence repeats something the reader saw: it states the same
        fact as a seen sentence (`matcher`), or its similarity to one reaches `cap`.
        Neither holds against a seen sentence with a different figure for one count."""
        out = np.zeros(len(texts), dtype=bool)
        if not len(self) or not texts:
            return out
        sims = embeddings @ self.embeddings.T
        hits = sims >= cap
        same = sims >= matcher.threshold
        if matcher.uses_words:
            same &= self._overlaps([matcher.words(t) for t in texts], matcher) >= matcher.min_overlap
        hits |= same
        for i in np.flatnonzero(hits.any(axis=1)).tolist():
            figures = matcher.figures(texts[i])
            out[i] = not figures or any(
                _FIGURES_ONLY.same(1.0, _NONE, _NONE, figures_a=figures, figures_b=self._figures_of(j))
                for j in np.flatnonzero(hits[i]).tolist()
            )
        return out

    def _overlaps(self, words: list[frozenset[str]], matcher: FactMatcher) -> FloatArray:
        """The word test's overlap coefficient (`storyline.text.overlap`) of each given
        word set with each seen sentence's content words, from an inverted index."""
        if not self._index:
            postings: dict[str, list[int]] = {}
            sizes = np.zeros(len(self), dtype=np.float32)
            for j, text in enumerate(self.texts):
                mine = matcher.words(text)
                sizes[j] = len(mine)
                for w in mine:
                    postings.setdefault(w, []).append(j)
            self._index.append((sizes, {w: np.array(js, dtype=np.intp) for w, js in postings.items()}))
        sizes, index = self._index[0]
        out = np.zeros((len(words), len(self)), dtype=np.float32)
        for i, mine in enumerate(words):
            found = [index[w] for w in mine if w in index]
            if found:
                shared = np.bincount(np.concatenate(found), minlength=len(self)).astype(np.float32)
                out[i] = shared / np.maximum(np.minimum(sizes, len(mine)), 1.0)
        return out

    def _figures_of(self, j: int) -> tuple[tuple[str, float], ...]:
        if j not in self._figures:
            self._figures[j] = FactMatcher.figures(self.texts[j])
        return self._figures[j]


def split_since(corpus: Corpus, since: dt.date) -> tuple[Corpus, Seen, frozenset[int]]:
    """Split an embedded corpus at `since`: reports dated before it were seen.

    Returns the corpus of what is left to summarize (seen reports join `excluded`,
    each recorded as dropped, reason "seen_before"), the seen sentences, and the seen
    documents' indices. Undated reports count as new: nothing says the reader saw them.
    """
    assert corpus.embeddings is not None, "embed the corpus first"
    before = frozenset(
        i
        for i, a in enumerate(corpus.articles)
        if a.date is not None and a.date < since and i not in corpus.excluded
    )
    if not before:
        return corpus, Seen.join([], dim=corpus.embeddings.shape[1]), before
    seen_rows = [i for i, s in enumerate(corpus.sentences) if s.doc_index in before]
    keep = [i for i, s in enumerate(corpus.sentences) if s.doc_index not in before]
    dropped = list(corpus.dropped)
    for k in sorted(before):
        article = corpus.articles[k]
        excerpt = (article.title or article.body.strip() or article.text.strip()).split("\n", 1)[0][:200]
        dropped.append(
            Dropped(
                article.id,
                excerpt,
                "seen_before",
                kind="document",
                detail=f"dated {article.date}, before {since} (since)",
            )
        )
    seen = Seen.of_corpus(corpus, seen_rows)
    rest = corpus.with_(
        sentences=tuple(corpus.sentences[i] for i in keep),
        embeddings=corpus.embeddings[keep],
        excluded=corpus.excluded | before,
        dropped=tuple(dropped),
    )
    return rest, seen, before


def copied_from(corpus: Corpus, index: int, docs: frozenset[int]) -> bool:
    """Whether sentence `index`'s paragraph was also, word for word, in one of `docs`
    (cleaning keeps one copy of a repeated paragraph and records the others)."""
    sentence = corpus.sentences[index]
    return any(d in docs for d in corpus.copies.get((sentence.doc_index, sentence.paragraph), ()))
