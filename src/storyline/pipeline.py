"""Named stages over one `Corpus`, checked when the pipeline is built (as spaCy's `Language`).

A stage is a function `Corpus -> Corpus` that declares the fields it reads
(`requires`) and fills (`assigns`). `Pipeline` checks, when it is built, that every
field a stage reads is given or filled by an earlier stage, and names the stage in
any failure. The summary and the story report are stage lists:

    summary:  clean -> split -> embed -> summarize
    report:   publication_dates -> clean -> split -> embed -> summarize -> infer_dates
              -> timeline -> parse -> entities -> quotes -> claims -> agreements -> key_dates

An analysis is added by adding a stage (see docs/architecture.md). `Pipeline.pipe`
runs many corpora, a batch at a time: a stage with a batched form (`embed`) runs
once per batch, which is what makes large runs fast.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TypeVar

import numpy as np

from storyline.analyze import (
    PendingParse,
    begin_parse,
    build_timeline,
    default_workers,
    extract_claims,
    extract_entities,
    find_publication_date,
    find_quotes,
    infer_publication_dates,
    load_nlp,
    parse_corpus,
    parse_workers,
)
from storyline.clean import clean_corpus
from storyline.cluster import stories_among
from storyline.embed import Embedder, FactMatcher, make_embedder
from storyline.errors import ConfigError, Errors, InputError, StageError, StorylineError
from storyline.model import (
    ARTICLE_FIELDS,
    CORPUS_FIELDS,
    Agreement,
    Article,
    Corpus,
    DateOrigin,
    DocumentInfo,
    KeyDate,
    ReportOptions,
    Story,
    Summary,
    SummaryOptions,
)
from storyline.summarize import (
    FeatureCache,
    Seen,
    Selector,
    SentenceScorer,
    make_scorer,
    make_selector,
    summarize_corpus,
)
from storyline.text import Splitter, make_splitter, split_corpus, to_calendar_date
from storyline.timelines import timeline_of_corpus

Document = str | Article
_Options = TypeVar("_Options", SummaryOptions, ReportOptions)

INPUT_FIELDS = frozenset(
    {"articles", "id", *(f"article.{name}" for name in ARTICLE_FIELDS if name != "clean")}
)
"""What a corpus holds before any stage runs: the articles as given."""


@dataclass(frozen=True, slots=True)
class Failed:
    """A cluster of a batch that produced no result, and why."""

    id: str
    message: str
    error: StorylineError | None = field(default=None, compare=False, repr=False)
    """The error itself, for a caller of one cluster to raise."""


@dataclass(frozen=True, slots=True)
class Stage:
    """One named step `Corpus -> Corpus`, with the fields it reads and fills.

    A field is a `Corpus` field ("sentences") or an article field ("article.clean").
    `run_batch`, when given, processes several corpora at once (same result as
    `run` on each).
    """

    name: str
    run: Callable[[Corpus], Corpus]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    run_batch: Callable[[list[Corpus]], list[Corpus]] | None = None

    def __post_init__(self) -> None:
        for name in (*self.requires, *self.assigns):
            owner, _, attr = name.partition(".")
            known = attr in ARTICLE_FIELDS if owner == "article" and attr else name in CORPUS_FIELDS
            if not known:
                raise ConfigError(Errors.SL204, stage=self.name, reason=f"declares unknown field {name!r}")


class Pipeline:
    """Stages run in order over a `Corpus`; the order is checked when the pipeline is built."""

    def __init__(self, stages: Sequence[Stage], *, given: Iterable[str] = INPUT_FIELDS) -> None:
        available = set(given)
        seen: set[str] = set()
        for stage in stages:
            if stage.name in seen:
                raise ConfigError(Errors.SL204, stage=stage.name, reason="appears twice")
            seen.add(stage.name)
            missing = sorted(set(stage.requires) - available)
            if missing:
                reason = f"needs {', '.join(missing)}, which no earlier stage assigns"
                raise ConfigError(Errors.SL204, stage=stage.name, reason=reason)
            available.update(stage.assigns)
        self.stages = tuple(stages)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def describe(self) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        """One row per stage: its name, the fields it requires and those it assigns."""
        return [(stage.name, stage.requires, stage.assigns) for stage in self.stages]

    def __call__(self, corpus: Corpus) -> Corpus:
        for stage in self.stages:
            corpus = _run(stage, corpus)
        return corpus

    def pipe(self, corpora: Iterable[Corpus], *, batch_size: int = 64) -> Iterator[Corpus | Failed]:
        """Run many corpora in order, `batch_size` at a time.

        A corpus that a stage rejects (bad input, or a stage failing on it) becomes a
        `Failed` in its place, naming the stage, and the others go on.
        """
        batch: list[Corpus] = []
        for corpus in corpora:
            batch.append(corpus)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Corpus]) -> list[Corpus | Failed]:
        results: list[Corpus | Failed] = list(batch)
        for stage in self.stages:
            live = [i for i, r in enumerate(results) if isinstance(r, Corpus)]
            if stage.run_batch is not None:
                corpora = [r for r in results if isinstance(r, Corpus)]
                outs: list[Corpus | Failed]
                try:
                    with _named(stage.name):
                        outs = list(stage.run_batch(corpora))
                except (InputError, StageError) as exc:
                    outs = [Failed(c.id or "", str(exc), exc.with_traceback(None)) for c in corpora]
                for i, out in zip(live, outs, strict=True):
                    results[i] = out
                continue
            for i in live:
                corpus = results[i]
                assert isinstance(corpus, Corpus)
                try:
                    results[i] = _run(stage, corpus)
                except (InputError, StageError) as exc:
                    results[i] = Failed(corpus.id or "", str(exc), exc.with_traceback(None))
        return results


def _run(stage: Stage, corpus: Corpus) -> Corpus:
    with _named(stage.name):
        out = stage.run(corpus)
    if not isinstance(out, Corpus):
        raise StageError(
            Errors.SL301, stage=stage.name, reason=f"returned {type(out).__name__}, not a Corpus"
        )
    return out


@contextmanager
def _named(name: str) -> Iterator[None]:
    """Name the stage in any unexpected failure; storyline's own errors pass through."""
    try:
        yield
    except StorylineError:
        raise
    except Exception as exc:  # re-raised with the stage named, never swallowed
        raise StageError(Errors.SL301, stage=name, reason=f"{type(exc).__name__}: {exc}") from exc


# ---------------------------------------------------------------------------------------
# Input


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
    try:
        date = to_calendar_date(article.date)
    except ValueError as exc:
        raise InputError(Errors.SL109, doc_id=article.id or index, reason=str(exc)) from None
    return article if date == article.date else replace(article, date=date)


def _corpus(documents: Iterable[Document], cluster_id: str | None) -> Corpus:
    articles = to_articles(documents)
    if not articles:
        raise InputError(Errors.SL101)
    return Corpus(articles=tuple(articles), id=cluster_id)


def _merge_option(options: _Options, name: str, value: object, *, given: bool) -> _Options:
    """Apply an explicit keyword to an options object; a keyword that contradicts an
    options object the caller also gave is an error, never silently dropped."""
    if value is None:
        return options
    current = getattr(options, name)
    if given and current != value:
        raise ConfigError(Errors.SL205, name=name, value=value, other=current)
    return replace(options, **{name: value})  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# The stages


def _split_stage(splitter: Splitter) -> Stage:
    return Stage(
        "split", lambda c: split_corpus(c, splitter), requires=("article.clean",), assigns=("sentences",)
    )


def _embed_stage(embedder: Embedder) -> Stage:
    def embed_many(corpora: list[Corpus]) -> list[Corpus]:
        texts = [s.text for c in corpora for s in c.sentences]
        vectors = embedder.embed(texts)
        out, at = [], 0
        for corpus in corpora:
            n = len(corpus.sentences)
            out.append(corpus.with_(embeddings=np.ascontiguousarray(vectors[at : at + n])))
            at += n
        return out

    return Stage(
        "embed",
        lambda c: embed_many([c])[0],
        requires=("sentences",),
        assigns=("embeddings",),
        run_batch=embed_many,
    )


CLEAN = Stage(
    "clean",
    clean_corpus,
    requires=("article.text",),
    assigns=("article.clean", "article.title", "dropped", "excluded", "copies"),
)


def _summarize_stage(
    options: SummaryOptions,
    embedder: Embedder,
    matcher: FactMatcher,
    *,
    scorer: SentenceScorer | None = None,
    selector: Selector | None = None,
    name: str = "summarize",
    seen: Seen | None = None,
    features: FeatureCache | None = None,
) -> Stage:
    scorer = scorer or make_scorer(options.scorer, embedder=embedder.name)
    selector = selector or make_selector(options.selector, lam=options.mmr_lambda)

    def run(corpus: Corpus) -> Corpus:
        if not corpus.sentences:
            raise InputError(Errors.SL107)
        summary = summarize_corpus(
            corpus,
            options=options,
            embedder=embedder,
            scorer=scorer,
            selector=selector,
            matcher=matcher,
            cluster_id=corpus.id,
            seen=seen,
            features_cache=features,
        )
        ids = [a.id for a in corpus.articles]
        excluded = corpus.excluded | {ids.index(i) for i in summary.excluded}
        return corpus.with_(summary=summary, excluded=frozenset(excluded))

    return Stage(name, run, requires=("sentences", "embeddings", "excluded"), assigns=("summary", "excluded"))


def _publication_dates(corpus: Corpus) -> Corpus:
    articles, origins = [], dict(corpus.date_origins)
    for index, article in enumerate(corpus.articles):
        found = find_publication_date(article)
        if found is not None:
            article = replace(article, date=found.date)
            origins[index] = DateOrigin(found.origin, found.evidence)
        articles.append(article)
    return corpus.with_(articles=tuple(articles), date_origins=origins)


def _infer_dates_stage(matcher: FactMatcher) -> Stage:
    def run(corpus: Corpus) -> Corpus:
        dates = {i: a.date for i, a in enumerate(corpus.articles)}
        inferred = infer_publication_dates(corpus, dates, matcher=matcher)
        if not inferred:
            return corpus
        articles = list(corpus.articles)
        origins = dict(corpus.date_origins)
        for index, (date, evidence) in inferred.items():
            articles[index] = replace(articles[index], date=date)
            origins[index] = DateOrigin("inferred", evidence)
        return corpus.with_(articles=tuple(articles), date_origins=origins)

    return Stage(
        "infer_dates",
        run,
        requires=("sentences", "embeddings", "excluded", "article.date"),
        assigns=("article.date", "date_origins"),
    )


def _events(corpus: Corpus) -> Corpus:
    """Each article's event among the cluster's own articles (`Corpus.events`)."""
    stories = stories_among(list(corpus.articles))
    return corpus.with_(events=tuple(-1 if story is None else story for story in stories))


def _dates_of(corpus: Corpus) -> dict[int, dt.date | None]:
    return {i: a.date for i, a in enumerate(corpus.articles)}


def _analysis_stages(options: ReportOptions, matcher: FactMatcher) -> tuple[Stage, list[Stage]]:
    """The stage that starts the parse workers right after cleaning, and the analyses."""
    nlp = load_nlp(options.ner_model)
    n = default_workers() if options.parse_workers is None else options.parse_workers
    workers = parse_workers(options.ner_model, n)

    def timeline(c: Corpus) -> Corpus:
        return c.with_(timeline=tuple(build_timeline(c, dates=_dates_of(c), matcher=matcher)))

    def parse_begin(c: Corpus) -> Corpus:
        return c.with_(parsing=begin_parse(c, nlp, workers=workers))

    def parse(c: Corpus) -> Corpus:
        if isinstance(c.parsing, PendingParse):
            paragraphs = c.parsing.finish(c, nlp)
        else:
            paragraphs = parse_corpus(c, nlp, workers=workers)
        return c.with_(parses=tuple(paragraphs), parsing=None)

    def entities(c: Corpus) -> Corpus:
        return c.with_(entities=extract_entities(c, list(c.parses or ())))

    def quotes(c: Corpus) -> Corpus:
        found, quoted = find_quotes(c, list(c.parses or ()), c.entities)
        return c.with_(quotes=tuple(found), quoted=quoted)

    def claims(c: Corpus) -> Corpus:
        found = extract_claims(
            c, list(c.parses or ()), c.entities, dates=_dates_of(c), events=c.events, quoted=c.quoted
        )
        return c.with_(claims=tuple(found))

    begin = Stage("parse_begin", parse_begin, requires=("article.clean", "excluded"), assigns=("parsing",))
    return begin, [
        Stage(
            "timeline", timeline, requires=("sentences", "embeddings", "article.date"), assigns=("timeline",)
        ),
        Stage("parse", parse, requires=("article.clean", "excluded"), assigns=("parses", "parsing")),
        Stage("entities", entities, requires=("parses",), assigns=("entities",)),
        Stage("quotes", quotes, requires=("parses", "entities"), assigns=("quotes", "quoted")),
        Stage("events", _events, requires=("article.text", "article.date"), assigns=("events",)),
        Stage(
            "claims",
            claims,
            requires=("parses", "entities", "quoted", "article.date", "events"),
            assigns=("claims",),
        ),
    ]


def _key_dates_stage(embedder: Embedder, matcher: FactMatcher) -> Stage:
    """The summarized timeline: the story's key days, each told by a cited sentence.

    It reads the corpus's sentences and embeddings as the earlier stages made them
    (`timeline_of_corpus`), so nothing is split or embedded a second time, and two
    sentences state one fact by the same test as everywhere else in the report.
    """

    def run(corpus: Corpus) -> Corpus:
        try:
            found = timeline_of_corpus(corpus, embedder=embedder, matcher=matcher)
        except InputError:  # no dated report and no day named: no key dates
            return corpus.with_(key_dates=())
        key_dates = tuple(
            KeyDate(day.date, tuple(Agreement(s.text, s.sources) for s in day.summary)) for day in found.dates
        )
        return corpus.with_(key_dates=key_dates)

    return Stage(
        "key_dates",
        run,
        requires=("sentences", "embeddings", "article.date", "excluded"),
        assigns=("key_dates",),
    )


def _agreements_stage(
    options: ReportOptions, embedder: Embedder, matcher: FactMatcher, features: FeatureCache | None = None
) -> Stage:
    """The facts of a wider summary that two or more reports carry, best-corroborated first
    (`features`: the summary stage's, reused when that read the same sentences)."""
    wide_options = replace(options.summary, words=options.agreement_words, drop_off_topic=False)
    wide = _summarize_stage(wide_options, embedder, matcher, name="wide_summary", features=features)

    def run(corpus: Corpus) -> Corpus:
        summary = wide.run(corpus.with_(summary=None)).summary
        assert summary is not None
        shared = [s for s in summary.sentences if len(s.sources) >= 2]
        shared.sort(key=lambda s: (-len(s.sources), -s.score))
        found = tuple(Agreement(s.text, s.sources) for s in shared[: options.max_agreements])
        return corpus.with_(agreements=found)

    return Stage("agreements", run, requires=("sentences", "embeddings", "excluded"), assigns=("agreements",))


def prepare(articles: Sequence[Article], *, splitter: Splitter) -> Corpus:
    """Clean a cluster and split it into sentences: the stages before embedding."""
    return Pipeline([CLEAN, _split_stage(splitter)])(Corpus(articles=tuple(articles)))


def embed_corpora(corpora: Sequence[Corpus], embedder: Embedder) -> list[Corpus]:
    """Embed the sentences of several corpora in one batch (the embed stage's batched form)."""
    run_batch = _embed_stage(embedder).run_batch
    assert run_batch is not None
    with _named("embed"):
        return run_batch(list(corpora))


# ---------------------------------------------------------------------------------------
# The faces: a summarizer and a reporter, each a stage list


class Summarizer:
    """A configured summarizer; build once, call on many clusters (models load once)."""

    def __init__(self, options: SummaryOptions | None = None, *, embedder: Embedder | None = None) -> None:
        self.options = options or SummaryOptions()
        self.embedder = embedder or make_embedder(
            self.options.embedder, model=self.options.model, batch_size=self.options.batch_size
        )
        self.matcher = FactMatcher.for_embedder(self.embedder, threshold=self.options.citation_threshold)
        self.splitter = make_splitter(self.options.splitter)
        self.scorer = make_scorer(self.options.scorer, embedder=self.embedder.name)
        self.selector = make_selector(self.options.selector, lam=self.options.mmr_lambda)
        self.pipeline = Pipeline(
            [
                CLEAN,
                _split_stage(self.splitter),
                _embed_stage(self.embedder),
                _summarize_stage(
                    self.options, self.embedder, self.matcher, scorer=self.scorer, selector=self.selector
                ),
            ]
        )

    def __call__(
        self,
        documents: Iterable[Document],
        *,
        cluster_id: str | None = None,
        seen: Iterable[Document] | None = None,
    ) -> Summary:
        """Summarize one cluster; `seen` (update mode) are reports the reader already
        read: no sentence stating one of their facts is picked."""
        if seen is not None:
            return self._update(documents, seen, cluster_id)
        (result,) = self.summarize_many([(cluster_id, to_articles(documents))], batch_clusters=1)
        if isinstance(result, Failed):
            raise result.error or InputError(Errors.SL107)
        return result

    def _update(
        self, documents: Iterable[Document], seen: Iterable[Document], cluster_id: str | None
    ) -> Summary:
        read = prepare(to_articles(seen), splitter=self.splitter)
        facts = Seen.of_corpus(embed_corpora([read], self.embedder)[0]) if read.sentences else None
        stage = _summarize_stage(
            self.options, self.embedder, self.matcher, scorer=self.scorer, selector=self.selector, seen=facts
        )
        corpus = Pipeline([*self.pipeline.stages[:-1], stage])(_corpus(documents, cluster_id))
        assert corpus.summary is not None
        return corpus.summary

    def summarize_many(
        self,
        clusters: Iterable[tuple[str | None, Sequence[Article]]],
        *,
        batch_clusters: int = 64,
    ) -> Iterator[Summary | Failed]:
        """Summarize clusters in order, embedding `batch_clusters` clusters at a time."""
        corpora = (_corpus(articles, cluster_id) for cluster_id, articles in clusters)
        for result in self.pipeline.pipe(corpora, batch_size=batch_clusters):
            if isinstance(result, Failed):
                yield result
            else:
                assert result.summary is not None
                yield result.summary


def summarize(
    documents: Iterable[Document],
    *,
    words: int | None = None,
    options: SummaryOptions | None = None,
    embedder: Embedder | None = None,
    seen: Iterable[Document] | None = None,
) -> Summary:
    """Summarize one cluster of news reports into a cited summary.

    Documents are strings or `Article`s. Settings come in `options`; `words` (default
    230) is a shortcut for `SummaryOptions(words=...)` and may not contradict
    `options`. Update summaries: `seen` are reports the reader already read (say, an
    earlier cluster of the story), and `SummaryOptions(since=day)` counts every report
    dated before that day as read; no sentence that states a fact of a read report is
    picked. Raises InputError when nothing usable is left.
    """
    merged = _merge_option(options or SummaryOptions(), "words", words, given=options is not None)
    return Summarizer(merged, embedder=embedder)(documents, seen=seen)


class Reporter:
    """A configured story reporter; build once, call on many clusters (models load once)."""

    def __init__(self, options: ReportOptions | None = None, *, embedder: Embedder | None = None) -> None:
        self.options = options or ReportOptions()
        self.summarizer = Summarizer(self.options.summary, embedder=embedder)
        embedder = self.summarizer.embedder
        matcher = self.summarizer.matcher
        begin, (timeline, *analyses) = _analysis_stages(self.options, matcher)
        # The summary stage keeps its features for the agreements' wider summary of the
        # same sentences (all but the budget's share are the same).
        features = FeatureCache()
        summarizer = self.summarizer
        summary = [
            *summarizer.pipeline.stages[:-1],
            _summarize_stage(
                self.options.summary,
                embedder,
                matcher,
                scorer=summarizer.scorer,
                selector=summarizer.selector,
                features=features,
            ),
        ]
        cleaned = summary.index(CLEAN) + 1 if CLEAN in summary else 0
        # The parse workers start on the parse right after cleaning; the stages that do
        # not need the parse run meanwhile, and this process parses what is left after them.
        self.pipeline = Pipeline(
            [
                Stage(
                    "publication_dates",
                    _publication_dates,
                    requires=("article.text", "article.date", "article.url"),
                    assigns=("article.date", "date_origins"),
                ),
                *summary[:cleaned],
                begin,
                *summary[cleaned:],
                _infer_dates_stage(matcher),
                timeline,
                _agreements_stage(self.options, embedder, matcher, features),
                _key_dates_stage(embedder, matcher),
                *analyses,
            ]
        )

    def __call__(self, documents: Iterable[Document], *, cluster_id: str | None = None) -> Story:
        corpus = _corpus(documents, cluster_id)
        if not any(a.text.strip() for a in corpus.articles):
            raise InputError(Errors.SL107)
        return story_of(self.pipeline(corpus))

    def report_many(
        self, clusters: Iterable[tuple[str | None, Sequence[Article]]], *, batch_clusters: int = 16
    ) -> Iterator[Story | Failed]:
        """Report clusters in order; a cluster that fails gives a `Failed` in its place."""
        corpora = (_corpus(articles, cluster_id) for cluster_id, articles in clusters)
        for result in self.pipeline.pipe(corpora, batch_size=batch_clusters):
            yield result if isinstance(result, Failed) else story_of(result)


def story_of(corpus: Corpus) -> Story:
    """The story report of a corpus the report stages have run over."""
    assert corpus.summary is not None, "run the report pipeline first"
    documents = tuple(
        DocumentInfo(
            article=article,
            date_origin=corpus.date_origins[i].origin if i in corpus.date_origins else None,
            date_evidence=corpus.date_origins[i].evidence if i in corpus.date_origins else None,
            excluded=i in corpus.excluded,
        )
        for i, article in enumerate(corpus.articles)
    )
    return Story(
        summary=corpus.summary,
        documents=documents,
        timeline=corpus.timeline or (),
        entities=corpus.entities.entities if corpus.entities is not None else (),
        quotes=corpus.quotes or (),
        claims=corpus.claims or (),
        agreements=corpus.agreements or (),
        key_dates=corpus.key_dates or (),
    )


def report(
    documents: Iterable[Document],
    *,
    words: int | None = None,
    options: ReportOptions | None = None,
    embedder: Embedder | None = None,
) -> Story:
    """Build the story report of one cluster: summary, timeline, entities, quotes, claims, agreements.

    Documents are strings or `Article`s; an Article's `date` is kept as given. `words`
    is a shortcut for the summary's word budget and may not contradict `options`.
    """
    given = options is not None
    options = options or ReportOptions()
    summary = _merge_option(options.summary, "words", words, given=given)
    return Reporter(replace(options, summary=summary), embedder=embedder)(documents, cluster_id=None)
