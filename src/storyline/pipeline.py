"""Connect the stages: articles -> clean -> sentences -> embeddings -> cited summary.

    ingest (Articles) -> clean_corpus -> split_corpus -> embed -> summarize_corpus

Each stage takes and returns a `Corpus`; a stage that fails on valid input is
reported by name (StageError). `summarize_many` batches the embedding stage across
clusters, which is what makes large runs fast.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy as np

from storyline.clean import clean_corpus
from storyline.embed import Embedder, make_embedder
from storyline.errors import ConfigError, Errors, InputError, StageError, StorylineError
from storyline.model import Article, Corpus, Summary, SummaryOptions
from storyline.summarize import make_scorer, make_selector, summarize_corpus
from storyline.text import Splitter, make_splitter, split_corpus

Document = str | Article


@dataclass(frozen=True, slots=True)
class Failed:
    """A cluster of a batch that produced no summary, and why."""

    id: str
    message: str


def to_articles(documents: Iterable[Document]) -> list[Article]:
    """Accept strings or Articles; give every article an id (its index if it has none)."""
    articles = []
    for index, doc in enumerate(documents):
        if isinstance(doc, Article):
            articles.append(doc if doc.id else replace(doc, id=str(index)))
        elif isinstance(doc, str):
            articles.append(Article(text=doc, id=str(index)))
        else:
            raise InputError(
                Errors.SL109, doc_id=index, reason=f"expected a string or Article, got {type(doc).__name__}"
            )
    dupes = sorted(i for i, n in Counter(a.id for a in articles).items() if n > 1)
    if dupes:
        raise InputError(Errors.SL109, doc_id=dupes[0], reason="duplicate document id")
    return articles


@contextmanager
def _stage(name: str) -> Iterator[None]:
    """Name the stage in any unexpected failure; storyline's own errors pass through."""
    try:
        yield
    except StorylineError:
        raise
    except Exception as exc:  # re-raised with the stage named, never swallowed
        raise StageError(Errors.SL301, stage=name, reason=f"{type(exc).__name__}: {exc}") from exc


def prepare(articles: Sequence[Article], *, splitter: Splitter) -> Corpus:
    """Clean a cluster and split it into sentences (everything before embedding)."""
    corpus = Corpus(articles=tuple(articles))
    with _stage("clean"):
        corpus = clean_corpus(corpus)
    with _stage("split"):
        corpus = split_corpus(corpus, splitter)
    return corpus


def embed_corpora(corpora: Sequence[Corpus], embedder: Embedder) -> list[Corpus]:
    """Embed the sentences of several corpora in one batch."""
    texts = [s.text for c in corpora for s in c.sentences]
    with _stage("embed"):
        vectors = embedder.embed(texts)
    out, at = [], 0
    for corpus in corpora:
        n = len(corpus.sentences)
        out.append(corpus.with_(embeddings=np.ascontiguousarray(vectors[at : at + n])))
        at += n
    return out


class Summarizer:
    """A configured summarizer; build once, call on many clusters (models load once)."""

    def __init__(self, options: SummaryOptions | None = None, *, embedder: Embedder | None = None) -> None:
        self.options = options or SummaryOptions()
        if self.options.words < 1:
            raise ConfigError(
                Errors.SL202, name="words", value=self.options.words, reason="must be at least 1"
            )
        self.splitter = make_splitter(self.options.splitter)
        self.embedder = embedder or make_embedder(
            self.options.embedder, model=self.options.model, batch_size=self.options.batch_size
        )
        self.scorer = make_scorer(self.options.scorer, embedder=self.embedder.name)
        self.selector = make_selector(self.options.selector, lam=self.options.mmr_lambda)

    def __call__(self, documents: Iterable[Document], *, cluster_id: str | None = None) -> Summary:
        articles = to_articles(documents)
        if not articles:
            raise InputError(Errors.SL101)
        result = next(self.summarize_many([(cluster_id, articles)], batch_clusters=1))
        if isinstance(result, Failed):
            raise InputError(Errors.SL107)
        return result

    def summarize_many(
        self,
        clusters: Iterable[tuple[str | None, Sequence[Article]]],
        *,
        batch_clusters: int = 64,
    ) -> Iterator[Summary | Failed]:
        """Summarize clusters in order, embedding `batch_clusters` clusters at a time."""
        batch: list[tuple[str | None, Corpus]] = []
        for cluster_id, articles in clusters:
            batch.append((cluster_id, prepare(articles, splitter=self.splitter)))
            if len(batch) >= batch_clusters:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    def _finish(self, batch: list[tuple[str | None, Corpus]]) -> Iterator[Summary | Failed]:
        corpora = embed_corpora([c for _, c in batch], self.embedder)
        for (cluster_id, _), corpus in zip(batch, corpora, strict=True):
            if not corpus.sentences:
                yield Failed(cluster_id or "", Errors.SL107.format())
                continue
            with _stage("summarize"):
                yield summarize_corpus(
                    corpus,
                    options=self.options,
                    embedder=self.embedder,
                    scorer=self.scorer,
                    selector=self.selector,
                    cluster_id=cluster_id,
                )


def summarize(
    documents: Iterable[Document],
    *,
    words: int = 230,
    options: SummaryOptions | None = None,
    embedder: Embedder | None = None,
) -> Summary:
    """Summarize one cluster of news reports into a cited summary of at most `words` words.

    Documents are strings or `Article`s. Raises InputError when nothing usable is left.
    """
    options = replace(options, words=words) if options else SummaryOptions(words=words)
    return Summarizer(options, embedder=embedder)(documents)
