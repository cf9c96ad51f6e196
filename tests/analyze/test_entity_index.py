"""The entity lookup by article gives what a scan of every mention gives."""

from __future__ import annotations

from storyline.analyze import EntityIndex, Paragraph
from storyline.model import Corpus, Entity


def test_entity_lookup_by_article_is_the_scan_of_every_mention(
    parsed: tuple[Corpus, list[Paragraph], EntityIndex],
) -> None:
    corpus, paragraphs, entities = parsed

    def scanned(doc_index: int, start: int, end: int) -> Entity | None:
        for mention, entity in entities.mentions:
            if mention.doc_index == doc_index and mention.span.start < end and start < mention.span.end:
                return entities.entities[entity]
        return None

    for para in paragraphs:
        for token in para.doc:
            at = para.start + token.idx
            assert entities.at(para.doc_index, at, at + len(token)) == scanned(
                para.doc_index, at, at + len(token)
            )
    assert sum(len(entities.mentions_in(i)) for i in range(len(corpus.articles))) == len(entities.mentions)
    assert any(entities.at(m.doc_index, m.span.start, m.span.end) for m, _ in entities.mentions)
