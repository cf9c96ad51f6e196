"""Shared fixtures: hand-built clusters, the hash embedder, and the real model loaded once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from storyline import Article, SummaryOptions
from storyline.embed import HashEmbedder, TransformerEmbedder
from storyline.model import Corpus
from storyline.pipeline import Summarizer, embed_corpora, prepare
from storyline.text import make_splitter

# Property tests search new examples on each run here; under CI (where CI is set in the
# environment) they draw the same examples every run, so a submission is never judged on a
# lucky or unlucky draw. A failure found here becomes a fixed `@example` of its test.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kessport-fire"
SHARED_DATA = ROOT.parent / "shared" / "data" / "multinews"

# A small invented cluster: three outlets telling the same facts in their own words,
# with a little junk, and one unrelated report.
CLUSTER = [
    Article(
        id="a",
        text=(
            "Flooding hits Marrow Valley\n"
            "By Jo Tamsin\n"
            "Heavy rain flooded the town of Marrow on Tuesday, forcing 300 residents from their homes.\n"
            "The river Lune burst its banks after three days of storms, the county council said.\n"
            "Emergency shelters were opened in two schools and the town hall.\n"
            "Share this article: Facebook Twitter Email"
        ),
    ),
    Article(
        id="b",
        text=(
            "About 300 people left their homes in Marrow on Tuesday after heavy rain caused flooding.\n"
            "According to the county council, the Lune overflowed following three days of storms.\n"
            "Forecasters expect more rain across the valley on Thursday and Friday.\n"
            "COMMENTS (2)\nGreat reporting.\nReply"
        ),
    ),
    Article(
        id="c",
        text=(
            "Residents of Marrow were evacuated on Tuesday as floodwater rose in the town centre.\n"
            "Two schools and the town hall were turned into emergency shelters for the night.\n"
            "The council said the river Lune had burst its banks after days of storms."
        ),
    ),
]


@pytest.fixture
def cluster() -> list[Article]:
    return list(CLUSTER)


@pytest.fixture
def hash_options() -> SummaryOptions:
    return SummaryOptions(embedder="hash", words=60)


@pytest.fixture
def hash_summarizer(hash_options: SummaryOptions) -> Summarizer:
    return Summarizer(hash_options)


@pytest.fixture
def make_corpus():  # type: ignore[no-untyped-def]
    """Build an embedded corpus from strings or Articles with the hash embedder."""

    def build(documents: list[str | Article]) -> Corpus:
        articles = [
            d if isinstance(d, Article) else Article(text=d, id=str(i)) for i, d in enumerate(documents)
        ]
        corpus = prepare(articles, splitter=make_splitter("blingfire"))
        return embed_corpora([corpus], HashEmbedder())[0]

    return build


@pytest.fixture(scope="session")
def minilm() -> TransformerEmbedder:
    """The real default model, loaded once per test session."""
    embedder = TransformerEmbedder()
    embedder.embed(["warm up"])
    return embedder


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE


# Code that loads a real model (spaCy, the static table, MiniLM, or the default embedder
# through a Reporter/Summarizer/CLI run without `--embedder hash`). A test module that
# contains any of it is marked `slow` as a whole, so `-m "not slow"` never loads a model.
_MODEL_CUES = (
    "load_nlp(",
    "Reporter(",
    "StaticEmbedder(",
    "TransformerEmbedder(",
    "minilm",
    'embedder="static"',
    "storyline.report(",
    "storyline.timeline(",
    "timeline(",
    "create_app(",  # the service builds reports with the real models
    "web_server(",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    sources: dict[str, bool] = {}
    for item in items:
        path = str(item.path)
        if path not in sources:
            text = Path(path).read_text(encoding="utf-8")
            sources[path] = any(cue in text for cue in _MODEL_CUES)
        if sources[path] and item.get_closest_marker("slow") is None:
            item.add_marker(pytest.mark.slow)
