"""Cluster an article stream: featurize in batches, decide in order, output in input order."""

from __future__ import annotations

import datetime as dt
import heapq
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.cluster._features import Features, Featurizer
from storyline.cluster._online import OnlineClusterer
from storyline.cluster._options import ClusterOptions
from storyline.cluster._state import StateStore
from storyline.errors import ConfigError, Errors, InputError
from storyline.model import Article

ENGINES = ("local", "ray")


@dataclass(frozen=True, slots=True)
class Assignment:
    """The story of one input article; `story` is None for an article without text."""

    article_id: str
    story: int | None
    resumed: bool = False
    """True when an earlier run (from the state directory) decided it."""


def cluster_articles(
    articles: Iterable[Article | str],
    *,
    options: ClusterOptions | None = None,
    state_dir: Path | None = None,
    engine: str = "local",
    address: str | None = None,
    n_workers: int | None = None,
) -> Iterator[Assignment]:
    """Assign each article to a story, online; yield one Assignment per article in input order.

    Articles are decided in arrival order, or in date order within a buffer of
    `options.reorder_buffer` articles once dates appear. With `state_dir`, decisions are
    logged as they are made and the clusterer's memory is snapshotted, so a later run
    (or a killed one, resumed) carries on where the last one stopped. `engine="ray"`
    computes features on a Ray cluster (`address`, or a local one with `n_workers` CPUs);
    the assignments are the same as with the local engine.
    """
    opt = options or ClusterOptions()
    if engine not in ENGINES:
        raise ConfigError(Errors.SL201, kind="engine", name=engine, choices=", ".join(ENGINES))
    store = StateStore(state_dir, opt) if state_dir is not None else None
    resumed = store.load() if store is not None else None
    clusterer = OnlineClusterer(opt, state=resumed.state if resumed else None)
    logged = resumed.logged if resumed else {}
    pending = resumed.pending if resumed else {}
    if logged:  # stories numbered by earlier runs are taken, even those not in the snapshot
        top = max((s for s in logged.values() if s is not None), default=-1)
        while len(clusterer.state.stories) <= top:
            clusterer.state.stories.open(clusterer.state.dense_sum.shape[0])
    run = _Run(clusterer, store, logged, pending)
    try:
        if engine == "ray":
            from storyline.cluster._ray import ray_featurize

            featurize_batches = ray_featurize(opt, address=address, n_workers=n_workers)
        else:
            featurize_batches = _local_featurize(opt)
        yield from run(articles, featurize_batches)
    finally:
        if store is not None:
            store.close()


FeatureMap = Callable[[Iterator[list[Article]]], Iterator[Features]]


def _as_article(item: Article | str, position: int) -> Article:
    """Accept strings (their position is their id) as `summarize` does; check what an Article holds."""
    if isinstance(item, str):
        return Article(text=item, id=str(position))
    if not isinstance(item, Article) or not isinstance(item.text, str):
        raise InputError(Errors.SL109, doc_id=position, reason="expected an Article with text or a string")
    if isinstance(item.date, dt.datetime):
        return replace(item, date=item.date.date())
    if item.date is not None and not isinstance(item.date, dt.date):
        raise InputError(Errors.SL109, doc_id=item.id, reason="date must be a datetime.date (or None)")
    return item if item.id else replace(item, id=str(position))


def _local_featurize(options: ClusterOptions) -> FeatureMap:
    """Features of each batch; from the second batch on, computed in a helper process.

    Featurizing (tokenizing, hashing, embedding) and deciding (one article after the
    other) each take about half the time per article; a forked helper process runs the
    first while this process runs the second, so both cores work. Threads would not: most
    of featurizing holds the GIL. A stream of one batch is featurized here.
    """
    featurizer = Featurizer(options)

    def featurize(batches: Iterator[list[Article]]) -> Iterator[Features]:
        first = next(batches, None)
        second = next(batches, None) if first is not None else None
        if first is None or second is None:
            if first is not None:
                yield featurizer(first)
            return
        # fork: the helper inherits the loaded modules and starts in milliseconds.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            1, mp_context=context, initializer=_start_helper, initargs=(options,)
        ) as pool:
            ahead: deque[Future[Features]] = deque()
            ahead.append(pool.submit(_featurize_in_helper, first))
            ahead.append(pool.submit(_featurize_in_helper, second))
            for batch in batches:
                ahead.append(pool.submit(_featurize_in_helper, batch))
                yield ahead.popleft().result()
            while ahead:
                yield ahead.popleft().result()

    return featurize


_HELPER: list[Featurizer] = []


def _start_helper(options: ClusterOptions) -> None:
    _HELPER.append(Featurizer(options))


def _featurize_in_helper(batch: list[Article]) -> Features:
    return _HELPER[0](batch)


class _Run:
    """One pass over the input; holds what must outlive a batch."""

    def __init__(
        self,
        clusterer: OnlineClusterer,
        store: StateStore | None,
        logged: dict[str, int | None],
        pending: dict[str, int | None],
    ) -> None:
        self.clusterer = clusterer
        self.store = store
        self.logged = logged
        self.pending = pending
        self.options = clusterer.options
        self.results: dict[int, Assignment] = {}
        self.next_out = 0
        # (date key, input position, day or -1, id, features of its batch, row in them)
        self.heap: list[tuple[int, int, int, str, Features, int]] = []
        self.latest_day = -1
        self.dated = False
        self.since_snapshot = 0

    def __call__(self, articles: Iterable[Article | str], featurize: FeatureMap) -> Iterator[Assignment]:
        todo: list[tuple[int, Article]] = []  # filled by `batches`, drained batch by batch below

        def batches() -> Iterator[list[Article]]:
            seen: dict[str, int] = {}
            start = 0
            for position, item in enumerate(articles):
                article = _as_article(item, position)
                first = seen.setdefault(article.id, position)
                if first != position:
                    raise InputError(
                        Errors.SL110, article_id=article.id, first=first + 1, second=position + 1
                    )
                if article.id in self.logged and article.id not in self.pending:
                    self.results[position] = Assignment(article.id, self.logged[article.id], resumed=True)
                elif not article.text.strip():
                    self.results[position] = Assignment(article.id, None, resumed=article.id in self.logged)
                    self.pending.pop(article.id, None)
                    if self.store is not None and article.id not in self.logged:
                        self.store.log(article.id, None)
                else:
                    todo.append((position, article))
                    if len(todo) - start >= self.options.batch_size:
                        yield [a for _, a in todo[start:]]
                        start = len(todo)
            if len(todo) > start:
                yield [a for _, a in todo[start:]]

        for features in featurize(batches()):
            batch = todo[: len(features)]
            del todo[: len(features)]
            for row, (position, article) in enumerate(batch):
                self._push(position, article, features, row)
            yield from self._drain(limit=self.options.reorder_buffer if self.dated else 0)
        yield from self._drain(limit=0)
        if self.store is not None:
            self.store.snapshot(self.clusterer.state, self.pending)

    def _push(self, position: int, article: Article, features: Features, row: int) -> None:
        day = -1
        if article.date is not None:
            self.dated = True
            day = article.date.toordinal()
            self.latest_day = max(self.latest_day, day)
        key = day if day >= 0 else self.latest_day  # an undated article happens "now" in the stream
        heapq.heappush(self.heap, (key, position, day, article.id, features, row))

    def _drain(self, *, limit: int) -> Iterator[Assignment]:
        store = self.store
        while len(self.heap) > limit:
            _, position, day, article_id, features, row = heapq.heappop(self.heap)
            forced = self.pending.pop(article_id, None) if article_id in self.pending else None
            replay = forced is not None
            story = self.clusterer.add(features, row, day=day if day >= 0 else None, story=forced)
            self.results[position] = Assignment(article_id, story, resumed=replay)
            if store is not None:
                if not replay:
                    store.log(article_id, story)
                self.since_snapshot += 1
                if self.since_snapshot >= self.options.snapshot_every:
                    store.snapshot(self.clusterer.state, self.pending)
                    self.since_snapshot = 0
        if store is not None:
            store.flush()  # logged before it is output: whatever was output survives a kill
        while self.next_out in self.results:
            yield self.results.pop(self.next_out)
            self.next_out += 1
