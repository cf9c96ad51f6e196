"""The online clusterer on invented streams: stories, threads, near-duplicates, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.cluster import CLUSTERERS, ClusterOptions, OnlineClusterer, cluster_articles
from storyline.errors import ConfigError
from storyline.model import Article

FLOOD = [
    "Heavy rain flooded the town of Marrow on Tuesday, forcing 300 residents from their homes near the river Lune.",
    "The river Lune burst its banks in Marrow after three days of storms; 300 residents left their homes.",
    "Marrow residents were evacuated as the Lune flooded the town centre after heavy rain and storms.",
]
ELECTION = [
    "Voters in Vessa elected Ilse Korhaan as mayor on Sunday, ending twelve years of Green Party control.",
    "Ilse Korhaan won the Vessa mayoral election, defeating the Green Party candidate by 4,000 votes.",
    "The Green Party lost Vessa: Ilse Korhaan takes over as mayor after Sunday's election count.",
]
MINE = [
    "Rescuers reached eleven miners trapped underground after a tunnel collapse at the Orsk copper mine.",
    "Eleven miners trapped by a collapse at the Orsk copper mine were brought to the surface by rescuers.",
    "The Orsk copper mine collapse left eleven miners trapped for two days before rescuers reached them.",
]
WIRE = (
    "GENEVA (Wire) - Negotiators from forty countries agreed late on Friday on a treaty limiting deep-sea "
    "mining in international waters, after two weeks of talks that nearly collapsed over royalties, the "
    "conference chair said. The treaty must still be ratified by national parliaments before it takes effect."
)
# No embedding model: candidates from the TF-IDF sketch and the inverted index only.
HASH = ClusterOptions(embedder="hash", retrieval="sketch")
# One thread, two events a month apart (invented names): the arrest, then the court ruling.
ARREST = [
    "Former Varnian ruler Teodor Malkovic was arrested in Kessport on Friday on a warrant from a Lune "
    "judge, Amara Voss, who accuses him of torture during his rule. Malkovic had come to Kessport for surgery.",
    "Police in Kessport detained Teodor Malkovic at a clinic after judge Amara Voss asked for his "
    "extradition to the Lune over torture and disappearances under his rule in Varnia.",
    "Varnia protested the arrest of Teodor Malkovic in Kessport, saying the former ruler has immunity; "
    "judge Amara Voss wants him tried in the Lune.",
]
RULING = [
    "The Kessport high court ruled on Tuesday that Teodor Malkovic has no immunity and can be extradited "
    "to the Lune, where judge Amara Voss wants to try the former Varnian ruler for torture.",
    "Judges in Kessport rejected Teodor Malkovic's claim of immunity, clearing the way for his extradition "
    "to the Lune and the case of judge Amara Voss; Varnia said it would appeal.",
]
# Same day, unrelated, but sharing generic news words (officials, said, Tuesday, city, people).
GENERIC = [
    "Officials said on Tuesday that the city council of Orsk approved a new budget for schools, "
    "giving teachers a raise; people in the city welcomed the plan, officials said.",
    "Officials said on Tuesday that a fire destroyed a warehouse in the port of Dunmere; "
    "no people were hurt, and the city fire brigade put out the blaze, officials said.",
]


def _articles(texts: list[str], prefix: str) -> list[Article]:
    return [Article(text=t, id=f"{prefix}{i}") for i, t in enumerate(texts)]


def _interleaved() -> tuple[list[Article], list[str]]:
    articles, gold = [], []
    for i in range(3):
        for name, texts in (("flood", FLOOD), ("election", ELECTION), ("mine", MINE)):
            articles.append(Article(text=texts[i], id=f"{name}{i}"))
            gold.append(name)
    return articles, gold


def _same_partition(labels: list[int | None], gold: list[str]) -> bool:
    pairs = {(p, g) for p, g in zip(labels, gold, strict=True)}
    return len(pairs) == len(set(labels)) == len(set(gold))


def test_online_empty_input() -> None:
    assert OnlineClusterer(HASH).cluster([]) == []


def test_online_finds_interleaved_stories() -> None:
    articles, gold = _interleaved()
    labels = OnlineClusterer(HASH).cluster(articles)
    assert _same_partition(labels, gold), labels


@pytest.mark.slow
def test_online_finds_interleaved_stories_with_the_default_static_model() -> None:
    articles, gold = _interleaved()
    labels = OnlineClusterer(ClusterOptions()).cluster(articles)
    assert _same_partition(labels, gold), labels


def test_online_is_deterministic() -> None:
    articles, _ = _interleaved()
    assert OnlineClusterer(HASH).cluster(articles) == OnlineClusterer(HASH).cluster(articles)


def test_online_hnsw_after_exact_limit_gives_a_valid_clustering() -> None:
    articles, gold = _interleaved()
    options = ClusterOptions(embedder="hash", retrieval="sketch", index="auto", exact_limit=4)
    labels = OnlineClusterer(options).cluster(articles)
    assert _same_partition(labels, gold), labels


def test_online_two_events_of_one_thread_a_month_apart_share_a_thread_in_two_stories() -> None:
    first, second = dt.date(1998, 10, 16), dt.date(1998, 11, 17)
    articles = [Article(text=t, id=f"arrest{i}", date=first) for i, t in enumerate(ARREST)]
    articles += [Article(text=t, id=f"ruling{i}", date=second) for i, t in enumerate(RULING)]
    result = list(cluster_articles(articles, options=HASH))
    stories = [a.story for a in result]
    assert len(set(stories[:3])) == 1 and len(set(stories[3:])) == 1
    assert stories[0] != stories[3]  # two events
    assert len({a.thread for a in result}) == 1  # one topic


def test_online_unrelated_same_day_stories_sharing_generic_words_stay_apart() -> None:
    day = dt.date(2024, 3, 5)
    articles = [Article(text=t, id=f"g{i}", date=day) for i, t in enumerate(GENERIC)]
    result = list(cluster_articles(articles, options=HASH))
    assert result[0].story != result[1].story
    assert result[0].thread != result[1].thread


@pytest.mark.slow
def test_online_threads_with_the_default_static_model() -> None:
    first, second = dt.date(1998, 10, 16), dt.date(1998, 11, 17)
    articles = [Article(text=t, id=f"arrest{i}", date=first) for i, t in enumerate(ARREST)]
    articles += [Article(text=t, id=f"ruling{i}", date=second) for i, t in enumerate(RULING)]
    articles += [Article(text=t, id=f"g{i}", date=second) for i, t in enumerate(GENERIC)]
    result = list(cluster_articles(articles))
    assert len({a.story for a in result[:5]}) == 2
    assert len({a.thread for a in result[:5]}) == 1
    assert len({a.thread for a in result}) == 3


def test_online_near_duplicates_share_a_story_even_when_scores_would_split_them() -> None:
    # A threshold no pair of different texts reaches: only the near-duplicate test can join.
    options = ClusterOptions(embedder="hash", retrieval="sketch", threshold=1 - 1e-12)
    copies = [
        Article(text=WIRE, id="wire-original"),
        Article(text="Flooding in Marrow. " + FLOOD[0], id="other"),
        Article(text=WIRE.replace("(Wire)", "(Daily Post)") + " Share this article.", id="copy-1"),
        Article(text="Posted 9:14 am. " + WIRE, id="copy-2"),
    ]
    labels = OnlineClusterer(options).cluster(copies)
    assert labels[0] == labels[2] == labels[3]
    assert labels[1] != labels[0]


def test_online_texts_that_merely_share_a_topic_are_not_near_duplicates() -> None:
    options = ClusterOptions(embedder="hash", retrieval="sketch", threshold=1 - 1e-12)
    labels = OnlineClusterer(options).cluster(_articles(FLOOD, "f"))
    assert len(set(labels)) == 3


def _dated_floods(gap_days: int) -> list[Article]:
    """Two floods of the same town, `gap_days` apart: the same topic, two stories."""
    first, second = dt.date(2024, 1, 8), dt.date(2024, 1, 8) + dt.timedelta(days=gap_days)
    return [
        Article(text=FLOOD[0], id="jan-0", date=first),
        Article(text=FLOOD[1], id="jan-1", date=first + dt.timedelta(days=1)),
        Article(text=FLOOD[2].replace("heavy rain", "fresh storms"), id="feb-0", date=second),
        Article(text=FLOOD[0].replace("Tuesday", "Friday"), id="feb-1", date=second + dt.timedelta(days=1)),
    ]


def test_online_dated_stories_a_month_apart_stay_apart_in_one_thread() -> None:
    result = list(cluster_articles(_dated_floods(31), options=HASH))
    stories = [a.story for a in result]
    assert stories[0] == stories[1]
    assert stories[2] == stories[3]
    assert stories[0] != stories[2]
    assert len({a.thread for a in result}) == 1


def test_online_without_dates_the_same_texts_merge() -> None:
    undated = [Article(text=a.text, id=a.id) for a in _dated_floods(31)]
    stories = [a.story for a in cluster_articles(undated, options=HASH)]
    assert len(set(stories)) == 1  # what the dates prevent above


def test_online_window_decides() -> None:
    wide = ClusterOptions(embedder="hash", retrieval="sketch", window_days=60, story_span_days=60)
    assert len({a.story for a in cluster_articles(_dated_floods(31), options=wide)}) == 1


def test_online_a_story_past_its_span_opens_a_new_story_of_its_thread() -> None:
    """With the window wide open, the story span alone keeps a month-later report out of
    the January story: it opens a story of the same thread."""
    wide = ClusterOptions(embedder="hash", retrieval="sketch", window_days=60)
    result = list(cluster_articles(_dated_floods(31), options=wide))
    stories = [a.story for a in result]
    assert stories[0] == stories[1] and stories[2] == stories[3] and stories[0] != stories[2]
    assert len({a.thread for a in result}) == 1


def test_online_reports_every_few_days_do_not_make_a_story_without_end() -> None:
    """The window counts from a story's last report, so copies of one report every 4 days
    would join one story forever; past `story_span_days` a new story of the thread opens."""
    start = dt.date(2024, 1, 1)
    articles = [
        Article(text=FLOOD[i % 2], id=f"d{i}", date=start + dt.timedelta(days=4 * i)) for i in range(8)
    ]
    result = list(cluster_articles(articles, options=HASH))
    stories: dict[int | None, list[dt.date]] = {}
    for article, given in zip(result, articles, strict=True):
        stories.setdefault(article.story, []).append(given.date or start)
    assert len(stories) >= 3
    assert all((max(d) - min(d)).days <= 10 for d in stories.values())
    assert len({a.thread for a in result}) == 1
    unbounded = ClusterOptions(embedder="hash", retrieval="sketch", story_span_days=1000)
    assert len({a.story for a in cluster_articles(articles, options=unbounded)}) == 1


def test_online_dated_stream_is_decided_in_date_order_but_output_in_input_order() -> None:
    articles = _dated_floods(31)
    shuffled = [articles[3], articles[0], articles[2], articles[1]]
    result = list(cluster_articles(shuffled, options=HASH))
    assert [a.article_id for a in result] == ["feb-1", "jan-0", "feb-0", "jan-1"]
    # jan-0 was decided first, so it opened story 0, although feb-1 came first in the input.
    assert result[1].story == 0
    assert result[0].story == result[2].story != result[3].story


def test_clusterers_registry_holds_interchangeable_algorithms() -> None:
    articles, gold = _interleaved()
    assert set(CLUSTERERS) == {"agglomerative", "online"}
    for name, cls in CLUSTERERS.items():
        clusterer = OnlineClusterer(HASH) if cls is OnlineClusterer else cls()
        assert clusterer.name == name
        assert _same_partition(clusterer.cluster(articles), gold)


def test_options_are_keyword_only_and_checked() -> None:
    with pytest.raises(TypeError):
        ClusterOptions(0.3)  # type: ignore[misc]
    with pytest.raises(ConfigError, match="threshold"):
        ClusterOptions(threshold=3.0)
    with pytest.raises(ConfigError, match="thread_threshold"):
        ClusterOptions(thread_threshold=0.0)
    with pytest.raises(ConfigError, match="index"):
        ClusterOptions(index="annoy")
