import pytest

import storyline
from storyline import Article, ConfigError, InputError, Summarizer, SummaryOptions, summarize
from storyline.embed import HashEmbedder
from storyline.pipeline import Failed


def test_summarize_strings(cluster: list[Article]) -> None:
    summary = summarize([a.text for a in cluster], words=50, embedder=HashEmbedder())
    assert summary.sentences and summary.n_words <= 50
    assert {a.id for a in summary.articles} == {"0", "1", "2"}


def test_summarize_empty_input() -> None:
    with pytest.raises(InputError, match="SL101"):
        summarize([], embedder=HashEmbedder())


def test_summarize_only_whitespace() -> None:
    with pytest.raises(InputError, match="SL107"):
        summarize(["", "   \n  "], embedder=HashEmbedder())


def test_summarize_rejects_bad_documents_and_options() -> None:
    with pytest.raises(InputError, match="expected a string or Article"):
        summarize([b"bytes"], embedder=HashEmbedder())  # type: ignore[list-item]
    with pytest.raises(InputError, match="duplicate document id"):
        summarize([Article(text="a", id="x"), Article(text="b", id="x")], embedder=HashEmbedder())
    with pytest.raises(ConfigError, match="words"):
        summarize(["text"], words=0, embedder=HashEmbedder())
    with pytest.raises(ConfigError, match="unknown embedder"):
        Summarizer(SummaryOptions(embedder="nope"))


def test_summarize_many_keeps_order_and_reports_empty(
    hash_summarizer: Summarizer, cluster: list[Article]
) -> None:
    clusters = [("one", cluster), ("empty", [Article(text=" ", id="0")]), ("two", cluster[:2])]
    results = list(hash_summarizer.summarize_many(clusters, batch_clusters=2))
    assert [r.id for r in results] == ["one", "empty", "two"]
    assert isinstance(results[1], Failed)


def test_thousand_document_cluster(hash_summarizer: Summarizer) -> None:
    docs = [
        f"Report {i}: the river rose again on Tuesday in Marrow, the council said. Shelter {i % 7} opened."
        for i in range(1000)
    ]
    summary = hash_summarizer(docs)
    assert 0 < summary.n_words <= 60
    assert len(summary.sentences[0].sources) > 1


def test_public_api() -> None:
    assert callable(storyline.summarize) and storyline.__version__
