import datetime as dt

import pytest

from storyline import Article, ConfigError, SummaryOptions
from storyline.embed import FactMatcher, HashEmbedder, TransformerEmbedder
from storyline.pipeline import embed_corpora, prepare
from storyline.summarize import cite, compute_features, make_scorer, make_selector, summarize_corpus
from storyline.text import make_splitter


def _summary(articles: list[Article], embedder, **options):  # type: ignore[no-untyped-def]
    corpus = embed_corpora([prepare(articles, splitter=make_splitter("blingfire"))], embedder)[0]
    return summarize_corpus(corpus, options=SummaryOptions(**options), embedder=embedder)


def test_summary_within_budget_and_cited(cluster: list[Article]) -> None:
    summary = _summary(cluster, HashEmbedder(), words=40)
    assert 0 < summary.n_words <= 40
    for s in summary.sentences:
        assert s.sources[0] == s.origin
        article = next(a for a in summary.articles if a.id == s.origin)
        assert article.text[s.span.start : s.span.end] == s.text


def test_summary_has_no_junk(cluster: list[Article]) -> None:
    summary = _summary(cluster, HashEmbedder(), words=500)
    text = summary.text
    for junk in ("By Jo", "Share this", "COMMENTS", "Reply", "Great reporting"):
        assert junk not in text


def test_summary_orders_by_date_when_all_dated() -> None:
    docs = [
        Article(
            id="late",
            date=dt.date(2020, 5, 2),
            text="The dam held through the second night, engineers said on Saturday.",
        ),
        Article(
            id="early",
            date=dt.date(2020, 5, 1),
            text="Engineers warned on Friday that the old dam could fail in the storm.",
        ),
    ]
    summary = _summary(docs, HashEmbedder(), words=100)
    assert [s.origin for s in summary.sentences] == ["early", "late"]


def test_duplicate_paragraph_is_cited_to_both() -> None:
    shared = "The regional council voted to rebuild the harbour wall before the winter storms arrive."
    docs = [
        Article(id="a", text=shared + "\nThe vote was close, with nine in favour."),
        Article(id="b", text="Fishermen welcomed the decision on Tuesday.\n" + shared),
    ]
    summary = _summary(docs, HashEmbedder(), words=100)
    cited = {s.text: s.sources for s in summary.sentences}
    assert cited[shared] == ("a", "b")


def test_off_topic_document_left_out(cluster: list[Article]) -> None:
    sports = Article(
        id="sport", text="Rovers beat Haltby 3-1 on Saturday with two late goals from their captain."
    )
    summary = _summary([*cluster, sports], HashEmbedder(), words=200)
    assert "sport" in summary.excluded
    assert all("sport" not in s.sources for s in summary.sentences)
    assert any(d.reason == "off_topic" and d.source == "sport" for d in summary.dropped)


def test_unknown_scorer_and_selector() -> None:
    with pytest.raises(ConfigError, match="unknown scorer"):
        make_scorer("magic")
    with pytest.raises(ConfigError, match="unknown selector"):
        make_selector("magic")


@pytest.mark.slow
def test_paraphrase_citation_with_real_model(minilm: TransformerEmbedder) -> None:
    docs = [
        Article(
            id="a",
            text="Seven people died in the fire at the Norvane fertiliser plant, the health ministry said on Monday.",
        ),
        Article(
            id="b",
            text="The health ministry said on Monday that the blaze at the Norvane fertiliser factory had killed seven people.",
        ),
        Article(
            id="c",
            text="Shares in Norvane's parent company fell by a fifth when markets opened on Monday morning.",
        ),
    ]
    summary = _summary(docs, minilm, words=100, drop_off_topic=False)
    by_origin = {s.origin: s.sources for s in summary.sentences}
    first = by_origin.get("a") or by_origin.get("b")
    assert first is not None and set(first) == {"a", "b"}
    assert by_origin["c"] == ("c",)


def test_a_report_giving_the_count_another_value_elsewhere_is_not_cited() -> None:
    # B's paraphrase has no number, but B says elsewhere that 23 were taken to hospital:
    # it does not carry "more than 40", so it must not be cited for it. C says 41: it may.
    day = dt.date(2012, 3, 12)
    articles = [
        Article(
            id="A",
            date=day,
            text="More than 40 people have been treated in hospital after the blast at the chemical plant.\n\n"
            "The plant's owner said it would pay for the repairs to the homes nearby.",
        ),
        Article(
            id="B",
            date=day,
            text="Doctors said 23 were taken to hospital on Saturday night.\n\n"
            "Many people have been treated in hospital after the blast at the chemical plant.",
        ),
        Article(
            id="C",
            date=day,
            text="In all, 41 people have been treated in hospital after the blast at the chemical plant.",
        ),
    ]
    embedder = HashEmbedder()
    corpus = embed_corpora([prepare(articles, splitter=make_splitter("blingfire"))], embedder)[0]
    matcher = FactMatcher.for_embedder(embedder)
    features = compute_features(corpus, citation_threshold=matcher.threshold)
    index = next(i for i, s in enumerate(corpus.sentences) if s.text.startswith("More than 40"))
    paraphrase = next(i for i, s in enumerate(corpus.sentences) if s.text.startswith("Many people"))
    assert matcher.same(float(corpus.embeddings[index] @ corpus.embeddings[paraphrase]), set(), set())
    assert "B" not in cite(corpus, features, index, matcher=matcher)


def test_a_sentence_with_a_number_cites_only_reports_that_state_it() -> None:
    # Issue 10: a citation vouches for the whole sentence. E carries the event but not
    # the number ("dozens"), F gives another number for another thing in the same words;
    # D states the number: only D is cited beside the origin.
    day = dt.date(2014, 6, 2)
    articles = [
        Article(
            id="A", date=day, text="The storm destroyed 41 homes along the coast road near Larrow on Sunday."
        ),
        Article(
            id="D",
            date=day,
            text="The storm destroyed 41 homes along the coast road near Larrow, officials said.",
        ),
        Article(
            id="E",
            date=day,
            text="The storm destroyed dozens of homes along the coast road near Larrow on Sunday.",
        ),
        Article(
            id="F",
            date=day,
            text="The storm destroyed homes along the coast road near Larrow, and 12 boats sank.",
        ),
    ]
    embedder = HashEmbedder()
    corpus = embed_corpora([prepare(articles, splitter=make_splitter("blingfire"))], embedder)[0]
    matcher = FactMatcher.for_embedder(embedder)
    features = compute_features(corpus, citation_threshold=matcher.threshold)
    index = next(i for i, s in enumerate(corpus.sentences) if s.doc_index == 0)
    for other in (1, 2):
        j = next(i for i, s in enumerate(corpus.sentences) if s.doc_index == other)
        assert matcher.same(float(corpus.embeddings[index] @ corpus.embeddings[j]), set(), set())
    assert cite(corpus, features, index, matcher=matcher) == ("A", "D")


def test_numbers_of_reads_every_number_but_dates_and_years() -> None:
    from storyline.embed._facts import numbers_of

    assert numbers_of("On March 3, 2012, the fund raised $57m from 1,200 donors in three days.") == {
        57e6,
        1200.0,
        3.0,
    }
    assert numbers_of("No figure here, one of the few.") == frozenset()


def _cited_by(texts: dict[str, str], opening: str, matcher: FactMatcher) -> tuple[str, ...]:
    """The reports `cite` gives for the sentence of `texts` that starts with `opening`."""
    day = dt.date(2012, 3, 12)
    articles = [Article(id=name, date=day, text=text) for name, text in texts.items()]
    corpus = embed_corpora([prepare(articles, splitter=make_splitter("blingfire"))], HashEmbedder())[0]
    features = compute_features(corpus, citation_threshold=matcher.threshold)
    index = next(i for i, s in enumerate(corpus.sentences) if s.text.startswith(opening))
    return cite(corpus, features, index, matcher=matcher)


def test_a_report_that_only_names_the_same_person_is_not_cited() -> None:
    # "Ada Lind will be missed." shares who the sentence is about, not what it says.
    texts = {
        "A": "Ada Lind founded the Vessa rowing club in 1990.\n\nShe rowed until 2001.",
        "B": "Ada Lind will be missed.\n\nHer family asked for privacy.",
        "C": "In 1990 Ada Lind founded a rowing club on the lake.",
    }
    # every pair is similar enough: only the words decide
    cited = _cited_by(texts, "Ada Lind founded", FactMatcher(threshold=-1.0))
    assert "B" not in cited  # only "Ada Lind" in common
    assert "C" in cited  # "founded", "rowing", "club" too


def test_a_citation_asks_more_shared_words_than_the_repeat_test() -> None:
    # The static embedder's repeat test asks half of the shorter sentence's content words; a
    # citation vouches for the sentence and asks 0.6 of them.
    from storyline.summarize._summarize import CITATION_MIN_OVERLAP

    texts = {
        "A": "Firefighters saved the old mill on Tuesday night.\n\nNo one was hurt.",
        "B": "Firefighters visited the mill school.\n\nThe mayor thanked them.",  # 2 of 4 words
        "C": "Firefighters saved the mill, the owner said.\n\nIt was built in 1820.",  # 3 of 4
    }
    matcher = FactMatcher(threshold=-1.0, min_overlap=0.5)
    cited = _cited_by(texts, "Firefighters saved the old", matcher)
    assert matcher.min_overlap < CITATION_MIN_OVERLAP
    assert "B" not in cited and "C" in cited


def test_in_a_cluster_of_one_topic_a_citation_states_more_than_the_topic() -> None:
    # Every report names Mara Velt, the Orrin council and the bribery charges: a report that
    # says only that does not state that she resigned on Tuesday.
    from storyline.embed._facts import TOPIC_MIN_REPORTS

    resigned = "Mara Velt resigned from the Orrin council on Tuesday over the bribery charges."
    texts = {
        "A": resigned + "\n\nHer deputy takes her seat.",
        "B": "Mara Velt of the Orrin council denied the bribery charges.\n\nShe spoke briefly.",
        "C": "Mara Velt resigned from the Orrin council on Tuesday, as the bribery charges grew.",
    }
    matcher = FactMatcher(threshold=-1.0)  # every pair similar enough, no word test of its own
    assert set(_cited_by(texts, "Mara Velt resigned", matcher)) == {"A", "B", "C"}  # too few reports
    filler = "The bribery charges against Mara Velt of the Orrin council were filed in {}."
    months = ["March", "April", "May", "June", "July", "August", "September"]
    texts.update({f"F{n}": filler.format(month) for n, month in enumerate(months)})
    assert len(texts) >= TOPIC_MIN_REPORTS
    cited = _cited_by(texts, "Mara Velt resigned", matcher)
    assert "C" in cited
    assert "B" not in cited and not any(c.startswith("F") for c in cited)


def test_a_topic_is_the_words_most_reports_use_in_a_large_cluster() -> None:
    from storyline.embed._facts import TOPIC_MIN_REPORTS

    reports = [frozenset({"velt", "counc", f"word{n}"}) for n in range(TOPIC_MIN_REPORTS - 1)]
    assert FactMatcher.topic_of(reports).words == frozenset()  # too few reports to tell a topic
    assert FactMatcher.topic_of([*reports, frozenset()]).words == frozenset()  # an empty report is none
    reports.append(frozenset({"velt", "word0", "resig"}))
    half = TOPIC_MIN_REPORTS // 2
    reports = [words | {"half"} if n < half else words for n, words in enumerate(reports)]
    topic = FactMatcher.topic_of(reports)
    assert topic.words == {"velt", "counc", "half"}  # "half" in exactly half; word0 in 2 of 8
    # What a sentence says about the topic: words another report may share ("word0"), not
    # the topic's, nor those of one report alone ("resig", "word3").
    assert topic.said({"velt", "resig", "word0", "word3"}) == {"word0"}


def test_reports_left_out_of_the_story_are_not_counted_in_its_topic() -> None:
    import dataclasses

    from storyline.embed._facts import TOPIC_MIN_REPORTS
    from storyline.summarize._summarize import _Reports

    day = dt.date(2012, 3, 12)
    text = "The bribery charges against Mara Velt of the Orrin council were filed in {}."
    articles = [Article(id=str(n), date=day, text=text.format(n)) for n in range(TOPIC_MIN_REPORTS)]
    corpus = prepare(articles, splitter=make_splitter("blingfire"))
    matcher = FactMatcher(threshold=0.0)
    assert "velt" in _Reports(corpus, matcher).topic.words
    corpus = dataclasses.replace(corpus, excluded=frozenset({0}))  # one left out as off topic
    assert _Reports(corpus, matcher).topic.words == frozenset()
