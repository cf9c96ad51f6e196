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
    # Each report has its own label, in letters: a summary sentence with a number cites
    # only reports that state that number, and "Report 856" is stated by one report.
    tags = ["".join(chr(97 + int(d)) for d in str(i)) for i in range(1000)]
    docs = [
        f"Report {tag}: the river rose again on Tuesday in Marrow, the council said. Shelter {i % 7} opened."
        for i, tag in enumerate(tags)
    ]
    summary = hash_summarizer(docs)
    assert 0 < summary.n_words <= 60
    assert len(summary.sentences[0].sources) > 1


def test_public_api() -> None:
    assert callable(storyline.summarize) and storyline.__version__


def test_options_object_is_obeyed(cluster: list[Article]) -> None:
    # The options object is the one way to set words; it is not silently overridden.
    summary = summarize(cluster, options=SummaryOptions(words=20, embedder="hash"))
    assert 0 < summary.n_words <= 20
    assert summarize(cluster, words=20, options=SummaryOptions(words=20, embedder="hash")).n_words <= 20
    with pytest.raises(ConfigError, match="SL205"):
        summarize(cluster, words=100, options=SummaryOptions(words=20, embedder="hash"))


def test_options_are_keyword_only_and_checked() -> None:
    with pytest.raises(TypeError):
        SummaryOptions(20)  # type: ignore[misc]
    for bad in ({"words": 0}, {"mmr_lambda": 2.0}, {"citation_threshold": 5.0}, {"min_sentence_words": 0}):
        with pytest.raises(ConfigError, match="SL202"):
            SummaryOptions(**bad)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="SL202"):
        storyline.ReportOptions(agreement_words=0)


def test_pipeline_checks_stage_order_when_built() -> None:
    from storyline.pipeline import CLEAN, Pipeline, Stage

    def identity(corpus: storyline.model.Corpus) -> storyline.model.Corpus:
        return corpus

    late = Stage("needs_sentences", identity, requires=("sentences",))
    with pytest.raises(ConfigError, match=r"needs_sentences.*needs sentences"):
        Pipeline([CLEAN, late])
    with pytest.raises(ConfigError, match="appears twice"):
        Pipeline([CLEAN, CLEAN])
    with pytest.raises(ConfigError, match=r"unknown field 'article\.cleaned'"):
        Stage("typo", identity, requires=("article.cleaned",))
    pipeline = Pipeline([CLEAN, Stage("after_clean", identity, requires=("article.clean", "dropped"))])
    assert pipeline.names == ["clean", "after_clean"]
    assert pipeline.describe()[0][0] == "clean"


def test_pipeline_names_the_failing_stage() -> None:
    from storyline.pipeline import CLEAN, Pipeline, Stage

    def broken(corpus: storyline.model.Corpus) -> storyline.model.Corpus:
        raise ZeroDivisionError("boom")

    def wrong_type(corpus: storyline.model.Corpus) -> storyline.model.Corpus:
        return "not a corpus"  # type: ignore[return-value]

    corpus = storyline.model.Corpus(articles=(Article(text="Some text here, long enough.", id="a"),))
    with pytest.raises(storyline.StageError, match="'broken' failed: ZeroDivisionError"):
        Pipeline([CLEAN, Stage("broken", broken)])(corpus)
    with pytest.raises(storyline.StageError, match="'wrong_type' failed: returned str"):
        Pipeline([Stage("wrong_type", wrong_type)])(corpus)


def test_report_stage_list_is_declared() -> None:
    reporter = storyline.Reporter(storyline.ReportOptions(summary=SummaryOptions(embedder="hash")))
    assert reporter.pipeline.names == [
        "publication_dates", "clean", "parse_begin", "split", "embed", "summarize", "infer_dates",
        "timeline", "agreements", "key_dates", "parse", "entities", "quotes", "events", "claims",
    ]  # fmt: skip


def test_one_cluster_that_fails_says_why() -> None:
    # A stage that breaks is named in the error the caller gets, not taken for input with
    # no usable text (which it was not).
    from storyline.embed._hash import HashEmbedder
    from storyline.errors import StageError

    class Broken(HashEmbedder):
        def embed(self, texts: list[str]):  # type: ignore[no-untyped-def]
            raise RuntimeError("the embedding backend went away")

    summarizer = Summarizer(SummaryOptions(embedder="hash"), embedder=Broken())
    with pytest.raises(
        StageError, match="stage 'embed' failed: RuntimeError: the embedding backend went away"
    ):
        summarizer(["The dam held overnight, engineers said.", "Engineers said the dam held."])
    with pytest.raises(InputError, match="SL107"):
        Summarizer(SummaryOptions(embedder="hash"))(["   ", "\n"])


def test_a_stage_that_fails_one_cluster_at_a_time_says_why_and_travels() -> None:
    # The summarize stage runs cluster by cluster (the embed stage runs batches): its own
    # error comes through too, and a Failed result pickles with its error.
    import pickle

    from storyline.errors import StageError

    class Broken:
        def score(self, features):  # type: ignore[no-untyped-def]
            raise RuntimeError("the scorer went away")

    summarizer = Summarizer(SummaryOptions(embedder="hash"))
    summarizer.pipeline = storyline.pipeline.Pipeline(
        [
            *summarizer.pipeline.stages[:-1],
            storyline.pipeline._summarize_stage(
                summarizer.options, summarizer.embedder, summarizer.matcher, scorer=Broken(),
                selector=summarizer.selector,
            ),
        ]
    )  # fmt: skip
    texts = ["The dam held overnight, engineers said.", "Engineers said the dam held."]
    with pytest.raises(StageError, match="stage 'summarize' failed: RuntimeError: the scorer went away"):
        summarizer(texts)
    (failed,) = summarizer.summarize_many(
        [("c1", [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)])]
    )
    assert isinstance(failed, Failed)
    again = pickle.loads(pickle.dumps(failed))
    assert again == failed and isinstance(again.error, StageError) and again.error.stage == "summarize"
