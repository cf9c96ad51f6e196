"""Every span a report emits slices the text the user gave to the text it shows.

Up to the repairs cleaning records: folded whitespace and repaired mojibake, so a
slice is compared after the same repair (`fix_text`) and with whitespace folded.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline import Reporter
from storyline.ingest import Cluster, read_clusters, read_files
from storyline.render import render_story
from storyline.text import fix_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kessport-fire"
SAMPLE = ROOT.parent / "shared" / "data" / "multinews" / "original_sample.jsonl"


def _fold(text: str) -> str:
    return " ".join(fix_text(text).split())


def _problems(report: dict[str, Any], given: dict[str, str]) -> Iterator[str]:
    """Each emitted span whose slice of the given text is not the emitted text."""

    def check(
        kind: str, source: str, item: dict[str, Any], *, shown: str, how: str = "equal"
    ) -> Iterator[str]:
        sliced = _fold(given[source][item["start"] : item["end"]])
        want = " ".join(shown.split())
        ok = {
            "equal": sliced == want,
            "prefix": sliced.startswith(want.removesuffix(" …")),
            "within": bool(sliced) and sliced in want,
        }[how]
        if not ok:
            yield f"{kind} in {source}: {sliced[:80]!r} is not {want[:80]!r}"

    for s in report["summary"]:
        yield from check("summary", s["origin"], s, shown=s["text"])
    for event in report["timeline"]:
        yield from check("timeline", event["source"], event, shown=event["text"], how="prefix")
    for quote in report["quotes"]:
        yield from check("quote", quote["source"], quote, shown=quote["text"])
    for claim in report["claims"]:
        for value in claim["values"]:
            yield from check("figure", value["source"], value, shown=value["text"], how="within")
    for document in report["documents"]:
        for dropped in document["dropped"]:
            if "start" in dropped and dropped["reason"] not in ("too_long", "off_topic"):
                how = "prefix" if dropped["reason"] in ("empty", "error_page") else "equal"
                yield from check("dropped", document["id"], dropped, shown=dropped["text"], how=how)


@pytest.fixture(scope="module")
def reporter() -> Reporter:
    return Reporter()


@pytest.mark.slow
def test_example_spans_slice_the_given_text(reporter: Reporter) -> None:
    articles, _ = read_files([EXAMPLE])
    report = json.loads(render_story(reporter(articles, cluster_id="example"), "json"))
    assert report["summary"] and report["timeline"] and report["quotes"] and report["claims"]
    assert list(_problems(report, {a.id: a.text for a in articles})) == []


@pytest.mark.slow
@pytest.mark.skipif(not SAMPLE.exists(), reason="the shared evaluation data is not beside the project")
def test_original_sample_spans_slice_the_given_text(reporter: Reporter) -> None:
    problems, n_spans = [], 0
    for cluster in read_clusters(SAMPLE):
        assert isinstance(cluster, Cluster)
        report = reporter(cluster.articles, cluster_id=cluster.id).to_dict()
        given = {a.id: a.text for a in cluster.articles}
        n_spans += len(report["summary"]) + len(report["timeline"]) + len(report["quotes"])
        problems += [f"{cluster.id}: {p}" for p in _problems(report, given)]
    assert n_spans > 1000
    assert problems == []
