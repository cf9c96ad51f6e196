"""The sentence stage: split each kept article into `Sentence`s with offsets."""

from __future__ import annotations

from storyline.model import Corpus, Sentence, Span
from storyline.text._split import Splitter, count_words


def split_corpus(corpus: Corpus, splitter: Splitter) -> Corpus:
    """Split every included article, paragraph by paragraph, into sentences.

    A sentence never crosses a paragraph boundary, and its span indexes the
    article's cleaned text.
    """
    sentences: list[Sentence] = []
    for doc_index in corpus.included:
        article = corpus.articles[doc_index]
        offset, position = 0, 0
        for paragraph_index, paragraph in enumerate(article.body.split("\n")):
            for start, end in splitter.split(paragraph):
                text = paragraph[start:end]
                sentences.append(
                    Sentence(
                        text=text,
                        span=Span(article.id, offset + start, offset + end),
                        doc_index=doc_index,
                        position=position,
                        paragraph=paragraph_index,
                        n_words=count_words(text),
                    )
                )
                position += 1
            offset += len(paragraph) + 1
    return corpus.with_(sentences=tuple(sentences))
