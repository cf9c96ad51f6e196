"""Connect the stages: articles -> clean -> sentences -> embeddings -> cited summary -> story.

    ingest (Articles) -> clean_corpus -> split_corpus -> embed -> summarize_corpus
    (report) publication dates -> ... -> summary -> spaCy parse -> entities, quotes,
             claims; dated sentences -> timeline; wider summary -> agreements

Each stage takes and returns a `Corpus`; a stage that fails on valid input is
reported by name (StageError). `summarize_many` batches the embedding stage across
clusters, which is what makes large runs fast.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy as np

from storyline.analyze import (
    build_timeline,
    extract_claims,
    extract_entities,
    extract_quotes,
    find_publication_date,
    infer_publication_dates,
    load_nlp,
    parse_corpus,
)
from storyline.clean import clean_corpus
from storyline.embed import Embedder, make_embedder
from storyline.errors import ConfigError, Errors, InputError, StageError, StorylineError
from storyline.model import (
    Agreement,
    Article,
    Corpus,
    DocumentInfo,
    ReportOptions,
    Story,
    Summary,
    SummaryOptions,
)
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
    if isinstance(documents, str | bytes):
        raise InputError(
            Errors.SL109, doc_id=0, reason="documents must be a list of strings or Articles, not one string"
        )
    articles = []
    for index, doc in enumerate(documents):
        if isinstance(doc, Article):
            doc = _checked(doc, index)
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


def _checked(article: Article, index: int) -> Article:
    """An Article with a str text and a calendar date (a datetime is cut to its date)."""
    if not isinstance(article.text, str):
        raise InputError(Errors.SL109, doc_id=article.id or index, reason="text must be a string")
    if isinstance(article.date, dt.datetime):
        return replace(article, date=article.date.date())
    if article.date is not None and not isinstance(article.date, dt.date):
        raise InputError(
            Errors.SL109, doc_id=article.id or index, reason="date must be a datetime.date (or None)"
        )
    return article


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


class Reporter:
    """A configured story reporter; build once, call on many clusters (models load once)."""

    def __init__(self, options: ReportOptions | None = None, *, embedder: Embedder | None = None) -> None:
        self.options = options or ReportOptions()
        self.summarizer = Summarizer(self.options.summary, embedder=embedder)
        self.nlp = load_nlp(self.options.ner_model)

    def __call__(self, documents: Iterable[Document], *, cluster_id: str | None = None) -> Story:
        articles = to_articles(documents)
        if not articles:
            raise InputError(Errors.SL101)
        if not any(a.text.strip() for a in articles):
            raise InputError(Errors.SL107)
        summarizer = self.summarizer
        with _stage("dates"):
            found = [find_publication_date(a) for a in articles]
        articles = [replace(a, date=f.date) if f else a for a, f in zip(articles, found, strict=True)]
        (corpus,) = embed_corpora([prepare(articles, splitter=summarizer.splitter)], summarizer.embedder)
        if not corpus.sentences:
            raise InputError(Errors.SL107)
        with _stage("summarize"):
            summary = self._summarize(corpus, self.options.summary, cluster_id)
        ids = [a.id for a in articles]
        corpus = corpus.with_(excluded=frozenset(ids.index(i) for i in summary.excluded))
        embedder = summarizer.embedder
        threshold = self.options.summary.citation_threshold or embedder.citation_threshold
        min_overlap = float(getattr(embedder, "citation_min_overlap", 0.0))
        dates: dict[int, dt.date | None] = {i: a.date for i, a in enumerate(articles)}
        origins = {i: (f.origin, f.evidence) for i, f in enumerate(found) if f}
        with _stage("dates"):
            inferred = infer_publication_dates(corpus, dates, threshold=threshold, min_overlap=min_overlap)
        for index, (date, evidence) in inferred.items():
            dates[index] = date
            origins[index] = ("inferred", evidence)
        with _stage("timeline"):
            timeline = build_timeline(corpus, dates=dates, threshold=threshold, min_overlap=min_overlap)
        with _stage("parse"):
            paragraphs = parse_corpus(corpus, self.nlp)
        with _stage("entities"):
            entities = extract_entities(corpus, paragraphs)
        with _stage("quotes"):
            quotes = extract_quotes(corpus, paragraphs, entities)
        with _stage("claims"):
            claims = extract_claims(corpus, paragraphs, entities, dates=dates)
        with _stage("agreements"):
            agreements = self._agreements(corpus, cluster_id)
        documents_info = tuple(
            DocumentInfo(
                article=replace(raw, title=corpus.articles[i].title or raw.title, date=dates[i]),
                date_origin=origins.get(i, (None, None))[0],
                date_evidence=origins.get(i, (None, None))[1],
                excluded=i in corpus.excluded,
            )
            for i, raw in enumerate(articles)
        )
        return Story(
            summary=summary,
            documents=documents_info,
            timeline=tuple(timeline),
            entities=entities.entities,
            quotes=tuple(quotes),
            claims=tuple(claims),
            agreements=tuple(agreements),
        )

    def _summarize(self, corpus: Corpus, options: SummaryOptions, cluster_id: str | None) -> Summary:
        summarizer = self.summarizer
        return summarize_corpus(
            corpus,
            options=options,
            embedder=summarizer.embedder,
            scorer=summarizer.scorer,
            selector=summarizer.selector,
            cluster_id=cluster_id,
        )

    def _agreements(self, corpus: Corpus, cluster_id: str | None) -> list[Agreement]:
        """The facts of a wider summary that two or more reports carry, best-corroborated first."""
        wide = replace(self.options.summary, words=self.options.agreement_words, drop_off_topic=False)
        summary = self._summarize(corpus, wide, cluster_id)
        shared = [s for s in summary.sentences if len(s.sources) >= 2]
        shared.sort(key=lambda s: (-len(s.sources), -s.score))
        return [Agreement(s.text, s.sources) for s in shared[: self.options.max_agreements]]


def report(
    documents: Iterable[Document],
    *,
    words: int = 230,
    options: ReportOptions | None = None,
    embedder: Embedder | None = None,
) -> Story:
    """Build the story report of one cluster: summary, timeline, entities, quotes, claims, agreements.

    Documents are strings or `Article`s; an Article's `date` is kept as given.
    """
    options = options or ReportOptions()
    options = replace(options, summary=replace(options.summary, words=words))
    return Reporter(options, embedder=embedder)(documents, cluster_id=None)
