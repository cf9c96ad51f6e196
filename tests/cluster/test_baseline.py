"""The TF-IDF + agglomerative baseline."""

from __future__ import annotations

from storyline.cluster import AgglomerativeClusterer, bcubed
from storyline.model import Article

TEXTS = {
    "flood": [
        "Heavy rain flooded Marrow; the river Lune burst its banks and residents fled.",
        "The Lune burst its banks in Marrow after heavy rain, and residents fled their homes.",
    ],
    "mine": [
        "Eleven miners trapped in the Orsk copper mine were reached by rescuers.",
        "Rescuers reached the eleven miners trapped after the Orsk copper mine collapse.",
    ],
}


def test_baseline_separates_two_stories_and_skips_empty_articles() -> None:
    articles, gold = [], []
    for story, texts in TEXTS.items():
        for i, text in enumerate(texts):
            articles.append(Article(text=text, id=f"{story}{i}"))
            gold.append(story)
    articles.append(Article(text="  ", id="blank"))
    labels = AgglomerativeClusterer(distance_threshold=0.8).cluster(articles)
    assert labels[-1] is None
    assert bcubed(labels[:-1], gold).f1 == 1.0


def test_baseline_sweep_merges_more_at_larger_thresholds() -> None:
    articles = [Article(text=t, id=f"{s}{i}") for s, texts in TEXTS.items() for i, t in enumerate(texts)]
    sweep = AgglomerativeClusterer().sweep(articles, [0.0, 0.8, 1.01])
    # At threshold 0 nothing merges: only distances below the threshold do.
    assert len(set(sweep[0.0])) == 4
    assert len(set(sweep[0.8])) == 2
    assert len(set(sweep[1.01])) == 1  # no shared word: distance 1


def test_baseline_fewer_than_two_articles() -> None:
    assert AgglomerativeClusterer().cluster([Article(text="alone", id="a")]) == [0]


def test_baseline_without_any_shared_word_still_clusters() -> None:
    # min_df=2 leaves no vocabulary here; the baseline falls back to every word.
    articles = [Article(text="Volcano erupts near Tarn", id="a"), Article(text="Budget vote delayed", id="b")]
    labels = AgglomerativeClusterer(distance_threshold=0.5).cluster(articles)
    assert len(set(labels)) == 2 and None not in labels
