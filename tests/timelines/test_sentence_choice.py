"""Which sentence tells a day: self-contained, whole, and in the words most reports use."""

from __future__ import annotations

import datetime as dt

import numpy as np

from storyline.model import Article
from storyline.timelines import _summarize, timeline

TODAY = dt.date(2012, 3, 1)
SATURDAY = "2012-02-18"  # "on Friday" is 17 February


def _told(texts: list[str]) -> str:
    """The one sentence the timeline tells 17 February with, from reports of Saturday 18 February."""
    articles = [
        Article(id=f"r{i}", date=dt.date.fromisoformat(SATURDAY), text=text) for i, text in enumerate(texts)
    ]
    result = timeline(articles, dates=1, embedder="hash", today=TODAY)
    (day,) = result.dates
    assert day.date == dt.date(2012, 2, 17)
    return day.summary[0].text


def test_a_sentence_that_needs_the_one_before_it_is_not_chosen() -> None:
    whole = "The Kessport plant manager was charged with negligence over the chemical fire on Friday, prosecutors said."
    told = _told(
        [
            "He was charged with negligence over the Kessport chemical fire on Friday, prosecutors said.",
            "He was charged with negligence over the chemical fire at Kessport on Friday, his lawyer said.",
            whole,
        ]
    )
    assert told == whole


def test_a_fragment_is_not_chosen() -> None:
    whole = "Prosecutors charged the Kessport plant manager with negligence over the chemical fire on Friday."
    told = _told(
        [
            "Kessport manager charged with negligence on Friday.",
            "Kessport plant manager charged with negligence on Friday.",
            whole,
        ]
    )
    assert told == whole


def test_word_centrality_favours_the_words_the_sentences_share() -> None:
    words = [
        frozenset({"fire", "plant", "kessp"}),
        frozenset({"fire", "plant", "valve"}),
        frozenset({"music"}),
    ]
    central = _summarize._word_centrality(words, {"fire": 1.0, "plant": 1.0, "kessp": 2.0, "valve": 2.0})
    assert central.shape == (3,)
    assert np.isclose(central[0], central[1]) and central[0] > central[2]


def test_a_day_cites_its_reports_as_a_summary_does_in_a_collection_of_one_topic() -> None:
    # Every report names Mara Velt, the Orrin council and the bribery charges: a report of
    # the day that says only that does not carry "Mara Velt resigned ... on Tuesday".
    import numpy as np

    from storyline.embed import FactMatcher, Topic
    from storyline.embed._facts import TOPIC_MIN_REPORTS
    from storyline.text import SentenceDays
    from storyline.timelines._collect import DatedSentence
    from storyline.timelines._summarize import _carriers, _Pool

    texts = [
        "Mara Velt resigned from the Orrin council on Tuesday over the bribery charges.",
        "Mara Velt of the Orrin council denied the bribery charges.",
        "Mara Velt resigned from the Orrin council on Tuesday, as the bribery charges grew.",
    ]
    days = SentenceDays((), (), (), None, None, True)
    sentences = [DatedSentence(t, doc=i, position=0, dates=days, candidate=True) for i, t in enumerate(texts)]
    matcher = FactMatcher(threshold=-1.0)  # every pair similar enough: the words decide
    words = [matcher.words(t) for t in texts]
    pool = _Pool(sentences, np.ones((3, 4), dtype=np.float32) / 2, words, [matcher.figures(t) for t in texts])
    no_topic = Topic(frozenset(), frozenset())
    assert _carriers(pool, 0, [0, 1, 2], matcher, no_topic) == (0, 1, 2)
    reports = [
        *words,
        *[matcher.words("Mara Velt of the Orrin council faced bribery charges.")] * TOPIC_MIN_REPORTS,
    ]
    assert _carriers(pool, 0, [0, 1, 2], matcher, matcher.topic_of(reports)) == (0, 2)
