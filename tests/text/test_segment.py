from storyline.model import Article, Corpus
from storyline.text import make_splitter, split_corpus


def test_split_corpus_spans_index_article_text() -> None:
    article = Article(id="x", text="First one here. Second one.\nA new paragraph starts.")
    corpus = split_corpus(Corpus(articles=(article,)), make_splitter("blingfire"))
    assert [s.text for s in corpus.sentences] == ["First one here.", "Second one.", "A new paragraph starts."]
    for s in corpus.sentences:
        assert article.text[s.span.start : s.span.end] == s.text
    assert [s.paragraph for s in corpus.sentences] == [0, 0, 1]
    assert [s.position for s in corpus.sentences] == [0, 1, 2]


def test_split_corpus_skips_excluded() -> None:
    corpus = Corpus(
        articles=(Article(id="a", text="Kept."), Article(id="b", text="Gone.")), excluded=frozenset({1})
    )
    assert [s.span.article_id for s in split_corpus(corpus, make_splitter("lines")).sentences] == ["a"]
