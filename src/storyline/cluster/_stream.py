"""Cluster an article stream: featurize in batches, decide in order, output in input order.

Processing order is a function of the input alone (see `_Run`): dated articles are
decided in date order within a buffer of `reorder_buffer` articles (an undated article
counts as dated like the latest dated article before it in the input), ties in input
order. So a run resumed from a state directory, given the same input, decides every
article at the same point as an uninterrupted run, and gets the same stories and threads.
"""

from __future__ import annotations

import datetime as dt
import heapq
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storyline.cluster import _kernels as K
from storyline.cluster._features import Features, Featurizer
from storyline.cluster._online import OnlineClusterer
from storyline.cluster._options import ClusterOptions
from storyline.cluster._pairmodel import PairModel
from storyline.cluster._state import Decision, StateStore
from storyline.errors import ConfigError, Errors, InputError
from storyline.model import Article

ENGINES = ("local", "ray")


@dataclass(frozen=True, slots=True)
class Assignment:
    """The story and thread of one input article; both None for an article without text."""

    article_id: str
    story: int | None
    thread: int | None = None
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
    pair_model: PairModel | None = None,
) -> Iterator[Assignment]:
    """Assign each article to a story and a thread, online; yield one Assignment per article in input order.

    With `state_dir`, decisions are logged as they are made and the clusterer's memory is
    snapshotted, so a later run (or a killed one, resumed) carries on where the last one
    stopped. `engine="ray"` computes features on a Ray cluster (`address`, or a local one
    with `n_workers` CPUs); the assignments are the same as with the local engine.
    """
    opt = options or ClusterOptions()
    if engine not in ENGINES:
        raise ConfigError(Errors.SL201, kind="engine", name=engine, choices=", ".join(ENGINES))
    clusterer = OnlineClusterer(opt, pair_model=pair_model)
    store = StateStore(state_dir, clusterer) if state_dir is not None else None
    try:
        resumed = store.load() if store is not None else None
        if resumed is not None and resumed.state is not None:
            clusterer.state = resumed.state
        run = _Run(
            clusterer,
            store,
            resumed.logged if resumed else {},
            resumed.pending if resumed else {},
            resumed.numbers if resumed else {},
        )
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


def stories_among(articles: list[Article], *, options: ClusterOptions | None = None) -> list[int | None]:
    """Each article's story among these articles alone (None for one without text), in one
    process and with no state: what `cluster_articles` decides for a small set, such as the
    reports of one cluster. Dated articles are decided in date order; an undated one as
    dated like the latest date before it in the list, ties in list order."""
    when: list[tuple[int, int]] = []
    latest = dt.date.min.toordinal()
    for i, article in enumerate(articles):
        if article.date is not None:
            latest = max(latest, article.date.toordinal())  # as `_Run` keys a stream
        when.append((latest if article.date is None else article.date.toordinal(), i))
    order = [i for _, i in sorted(when)]
    clusterer = OnlineClusterer(options or ClusterOptions())
    labels = clusterer.cluster_levels([articles[i] for i in order])
    stories: list[int | None] = [None] * len(articles)
    for i, label in zip(order, labels, strict=True):
        stories[i] = None if label is None else label[0]
    return stories


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
        # Load the compiled kernels before the fork, so the helper inherits them: loaded
        # after it, the helper would load its own (~1 s) while this process waits for its
        # first batch, and then load them here (another ~1 s) before the first decision.
        K.warm()
        # fork: the helper inherits the loaded modules and starts in milliseconds.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            1, mp_context=context, initializer=_start_helper, initargs=(options, os.getpid())
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


def _start_helper(options: ClusterOptions, parent: int) -> None:
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _HELPER.append(Featurizer(options))


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End the helper when the run that started it is gone (killed with SIGKILL, say).

    Forked, the helper holds both ends of its task pipe, so it never sees the pipe close
    and would otherwise wait for work forever, an orphan holding its memory.
    """
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(0)


def _featurize_in_helper(batch: list[Article]) -> Features:
    return _HELPER[0](batch)


@dataclass(frozen=True, slots=True)
class _Entry:
    """An article waiting for its decision; `ghost` when an earlier run already decided it."""

    position: int
    article_id: str
    key: int  # its day, or the latest day before it in the input; -1 before any date
    day: int  # -1 when undated
    ghost: bool


class _Run:
    """One pass over the input; holds what must outlive a batch.

    Every article with text, in input order, goes into a heap keyed by (date key, input
    position); once dates have appeared, the heap keeps `reorder_buffer` articles and the
    earliest is decided whenever it holds more (before any date: none, so undated streams
    are decided in input order at once). Articles that a resumed run finds already in the
    snapshot go through the heap too, as ghosts that change nothing, so the order of
    decisions depends on the input alone.
    """

    def __init__(
        self,
        clusterer: OnlineClusterer,
        store: StateStore | None,
        logged: dict[str, Decision],
        pending: dict[str, Decision],
        numbers: dict[str, int] | None = None,
    ) -> None:
        self.clusterer = clusterer
        self.store = store
        self.logged = logged
        self.pending = pending
        self.options = clusterer.options
        self.results: dict[int, Assignment] = {}
        self.next_out = 0
        self.since_snapshot = 0
        self.heap: list[tuple[int, int, _Entry, Features | None, int]] = []
        self.dated = False
        # Re-threading (`_rethread.py`) and story merging (`_merge.py`): every
        # `rethread_every` decisions the whole run so far is re-threaded, its stories merged,
        # and the stories and threads of the articles decided since the last checkpoint are
        # fixed (and recorded in the state); the rest get those of the end of the run.
        self.rethread = self.options.rethread
        self.decision_of: dict[int, int] = {}
        """Input position -> the article's number in decision order (articles with text)."""
        self.logged_number = numbers or {}
        empty = np.zeros(0, np.int64)
        self.fixed_stories, self.fixed = (empty, empty) if store is None else store.recorded()
        """The stories and threads fixed at checkpoints, by decision number (all below
        `len(self.fixed)`)."""
        self.final: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None = None
        """Story -> output story, and story -> thread, at the end of the run."""
        self.final_numbers: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None = None
        """Or: the stories and threads of the decisions after the last checkpoint as the
        last run ended them, when this run decided nothing (see `_finish`)."""
        self.decided = 0
        """Decisions made by this run, replays included."""
        # Numbers given by earlier runs stay taken, even those of logged articles not yet replayed.
        decided = [d for d in logged.values() if d is not None]
        self.floor = (
            max((s for s, _ in decided), default=-1) + 1,
            max((t for _, t in decided), default=-1) + 1,
        )

    def __call__(self, articles: Iterable[Article | str], featurize: FeatureMap) -> Iterator[Assignment]:
        todo: deque[_Entry] = deque()  # filled by `batches` in input order, drained as features come back

        def batches() -> Iterator[list[Article]]:
            seen: dict[str, int] = {}
            latest = -1
            batch: list[Article] = []
            for position, item in enumerate(articles):
                article = _as_article(item, position)
                first = seen.setdefault(article.id, position)
                if first != position:
                    raise InputError(
                        Errors.SL110, article_id=article.id, first=first + 1, second=position + 1
                    )
                day = article.date.toordinal() if article.date is not None else -1
                latest = max(latest, day)
                key = day if day >= 0 else latest
                if not article.text.strip():
                    self.results[position] = Assignment(
                        article.id, None, None, resumed=article.id in self.logged
                    )
                    self.pending.pop(article.id, None)
                    if self.store is not None and article.id not in self.logged:
                        self.store.log(article.id, None)
                    continue
                ghost = article.id in self.logged and article.id not in self.pending
                if ghost:
                    decision = self.logged[article.id]
                    story, thread = decision if decision is not None else (None, None)
                    self.results[position] = Assignment(article.id, story, thread, resumed=True)
                    if decision is not None:
                        self.decision_of[position] = self.logged_number[article.id]
                todo.append(_Entry(position, article.id, key, day, ghost))
                if not ghost:
                    batch.append(article)
                    if len(batch) >= self.options.batch_size:
                        yield batch
                        batch = []
            if batch:
                yield batch

        for features in featurize(batches()):
            row = 0
            while row < len(features):
                entry = todo.popleft()
                self._push(entry, None if entry.ghost else features, row)
                row += not entry.ghost
            while todo and todo[0].ghost:
                self._push(todo.popleft(), None, 0)
            yield from self._output()
        while todo:  # ghosts only: nothing was left to featurize
            self._push(todo.popleft(), None, 0)
        self._drain(0)
        if self.rethread:
            self._finish()
        yield from self._output()
        if self.store is not None:
            self.store.snapshot(self.clusterer.state, self.pending)

    def _push(self, entry: _Entry, features: Features | None, row: int) -> None:
        self.dated = self.dated or entry.day >= 0
        heapq.heappush(self.heap, (entry.key, entry.position, entry, features, row))
        self._drain(self.options.reorder_buffer if self.dated else 0)

    def _drain(self, limit: int) -> None:
        store = self.store
        clusterer = self.clusterer
        state = clusterer.state
        while len(self.heap) > limit:
            _, _, entry, features, row = heapq.heappop(self.heap)
            if features is None:
                continue  # a ghost: its decision is in the snapshot already
            self.decided += 1
            forced = self.pending.pop(entry.article_id, None)
            view = clusterer.view(features, row, day=entry.day if entry.day >= 0 else None)
            if forced is None:
                story, thread = clusterer.decide(view)
                # New numbers start above those that earlier runs gave out.
                if story >= len(state.stories):
                    story = max(story, self.floor[0])
                    if thread >= len(state.threads):
                        thread = max(thread, self.floor[1])
            else:
                story, thread = forced
            number = state.n_articles
            if forced is None and number < len(self.fixed):
                # Decisions an earlier run logged after its last snapshot were recorded at
                # checkpoints, but this input does not replay them: the records from here
                # on are another run's, so they go.
                self.fixed, self.fixed_stories = self.fixed[:number], self.fixed_stories[:number]
                if store is not None:
                    store.truncate_records(number)
            self.decision_of[entry.position] = number
            clusterer.commit(view, story, thread)
            self.results[entry.position] = Assignment(
                entry.article_id, story, thread, resumed=forced is not None
            )
            if store is not None:
                # New decisions are logged; so is a replay that lands at another number
                # than its log line says (the line after it corrects it).
                if forced is None or self.logged_number.get(entry.article_id) != number:
                    store.log(entry.article_id, (story, thread), number)
                self.since_snapshot += 1
            # A checkpoint comes before any snapshot of the same decisions: a snapshot that
            # holds decision C always has the record of the checkpoint at C beside it.
            if self.rethread and state.n_articles % self.options.rethread_every == 0:
                if state.n_articles > len(self.fixed):
                    self._checkpoint()
                else:
                    self._replayed_checkpoint()
            if store is not None and self.since_snapshot >= self.options.snapshot_every:
                store.snapshot(state, self.pending)
                self.since_snapshot = 0

    def _checkpoint(self) -> None:
        """Re-thread the run so far and merge its stories; fix (and record) the stories and
        threads of the articles decided since the last checkpoint. A resumed run passes the
        same checkpoints with the same state."""
        state = self.clusterer.state
        start, stop = len(self.fixed), state.n_articles
        story_story, story_thread = self._regroup(start)
        online = state.article_story[start:stop]
        stories, threads = story_story[online], story_thread[online]
        if self.store is not None:
            self.store.record(start, stories, threads)
        self.fixed = np.concatenate([self.fixed, threads])
        self.fixed_stories = np.concatenate([self.fixed_stories, stories])

    def _replayed_checkpoint(self) -> None:
        """A checkpoint an earlier run recorded, passed again while replaying its decisions:
        its threads are fixed already, but the numbers it gave out must be taken again (they
        are in no snapshot yet), as the earlier run took them. It re-threads the same state
        with the same fixed threads before it, so it gives out the same numbers."""
        self._regroup(self.clusterer.state.n_articles - self.options.rethread_every)

    def _finish(self) -> None:
        """Re-thread the whole run and merge its stories, for the articles after the last
        checkpoint."""
        state = self.clusterer.state
        start = min(len(self.fixed), state.n_articles)
        if start == state.n_articles:  # the run ended on a checkpoint: everything is fixed
            self.final = (np.zeros(0, np.int64), np.zeros(0, np.int64))
            return
        if self.decided == 0 and self.store is not None:
            # Nothing decided since the last run ended: its end is this run's end. Re-threading
            # again would see the numbers that run reserved and give split-off threads others.
            recorded = self.store.recorded_final()
            if recorded is not None and recorded[0] == start and len(recorded[2]) == state.n_articles - start:
                self.final_numbers = (recorded[1], recorded[2])
                return
        self.final = self._regroup(start)
        if self.store is not None:
            online = state.article_story[start : state.n_articles]
            self.store.record(start, self.final[0][online], self.final[1][online], final=True)

    def _regroup(self, fixed: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Each story's output story and thread after re-threading the run so far and
        merging its stories, with what was fixed before decision `fixed` kept where it can
        be. The thread numbers it gives out are the online pass's no more (reserved as empty
        threads)."""
        previous_stories, previous_threads = self._previous(fixed)
        story_thread = self.clusterer.rethread(previous_threads).story_thread
        self.clusterer.reserve_threads(int(story_thread.max()) + 1 if len(story_thread) else 0)
        return self.clusterer.merge_stories(story_thread, previous_stories)

    def _previous(self, fixed: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Each story's output story and thread as fixed at the checkpoints before decision
        `fixed` (-1: none of it fixed)."""
        state = self.clusterer.state
        stop = min(fixed, state.n_articles)
        online = state.article_story[: len(self.fixed[:stop])]
        previous = np.full((2, len(state.stories)), -1, np.int64)
        previous[0, online] = self.fixed_stories[:stop]
        previous[1, online] = self.fixed[:stop]
        return previous[0], previous[1]

    def _output(self) -> Iterator[Assignment]:
        if self.store is not None:
            self.store.flush()  # logged before it is output: whatever was output survives a kill
        while self.next_out in self.results:
            result = self.results[self.next_out]
            if self.rethread and result.story is not None:
                number = self.decision_of[self.next_out]
                if number < len(self.fixed):
                    story, thread = int(self.fixed_stories[number]), int(self.fixed[number])
                elif self.final_numbers is not None:
                    after = number - len(self.fixed)
                    story, thread = int(self.final_numbers[0][after]), int(self.final_numbers[1][after])
                elif self.final is not None:
                    story, thread = int(self.final[0][result.story]), int(self.final[1][result.story])
                else:
                    return  # its story and thread are fixed at the next checkpoint or at the end
                # (as `dataclasses.replace`, without its look-up of the fields: per article)
                result = Assignment(result.article_id, story, thread=thread, resumed=result.resumed)
            del self.results[self.next_out]
            self.decision_of.pop(self.next_out, None)
            yield result
            self.next_out += 1
