"""cluster_articles: order, articles without text, duplicate ids, streaming."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from storyline.cluster import ClusterOptions, cluster_articles
from storyline.errors import ConfigError, InputError
from storyline.model import Article

HASH = ClusterOptions(embedder="hash", threshold=0.1, batch_size=8)


def test_stream_empty() -> None:
    assert list(cluster_articles([], options=HASH)) == []


def test_stream_articles_without_text_get_no_story_and_keep_their_place() -> None:
    articles = [
        Article(text="Flood in Marrow after the river Lune burst its banks.", id="a"),
        Article(text="   ", id="blank"),
        Article(text="", id="empty"),
        Article(text="The river Lune burst its banks and flooded Marrow.", id="b"),
    ]
    result = list(cluster_articles(articles, options=HASH))
    assert [a.article_id for a in result] == ["a", "blank", "empty", "b"]
    assert result[1].story is None and result[2].story is None
    assert result[0].story == result[3].story == 0


def test_stream_duplicate_ids_are_an_error_naming_them() -> None:
    articles = [Article(text="one text", id="x1"), Article(text="two", id="x2"), Article(text="3", id="x1")]
    with pytest.raises(InputError, match=r"duplicate article id 'x1' \(input articles 1 and 3\)") as info:
        list(cluster_articles(articles, options=HASH))
    assert info.value.code == "SL110"


def test_stream_unknown_engine() -> None:
    with pytest.raises(ConfigError, match="engine"):
        list(cluster_articles([], options=HASH, engine="spark"))


def test_stream_reads_its_input_lazily() -> None:
    """The first assignments come out after at most two batches were read, not the whole input."""
    read = 0

    def endless() -> Iterator[Article]:
        nonlocal read
        while True:
            read += 1
            yield Article(text=f"report number {read} about topic {read % 7} and more", id=str(read))

    online = replace(HASH, rethread=False)
    stream = cluster_articles(endless(), options=online)
    first = [next(stream) for _ in range(3)]
    assert [a.article_id for a in first] == ["1", "2", "3"]
    assert read <= 3 * HASH.batch_size
    stream.close()
    # Re-threading holds an article until its checkpoint fixes its thread, and no longer.
    read = 0
    checkpoints = replace(HASH, rethread_every=40)
    stream = cluster_articles(endless(), options=checkpoints)
    first = [next(stream) for _ in range(3)]
    assert [a.article_id for a in first] == ["1", "2", "3"]
    assert 40 <= read <= 40 + 3 * HASH.batch_size
    stream.close()
