"""Reports the off-topic rule must keep: one that names what the others name, told another
way (a table of tolls by town), and one that is mostly a copy of the others."""

from __future__ import annotations

import numpy as np

from storyline import Article
from storyline.pipeline import prepare
from storyline.summarize import exclude_off_topic
from storyline.text import make_splitter

STORY = [
    "The quake near Varnak killed hundreds in Tellen and Oskarby on Tuesday, officials said.",
    "Rescuers in Varnak and Tellen dug through the night, and Oskarby asked for tents.",
    "Varnak's mayor said Tellen and Oskarby would need months to rebuild after the quake.",
    "Aid reached Varnak on Wednesday; Tellen and Oskarby still had no power.",
]


def _excluded(texts: list[str], vectors: list[list[float]]) -> set[str]:
    """The reports left out when each report's sentences all embed as its vector."""
    corpus = prepare(
        [Article(id=f"r{i}", text=t) for i, t in enumerate(texts)], splitter=make_splitter("blingfire")
    )
    rows = np.array([vectors[s.doc_index] for s in corpus.sentences], dtype=np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    out = exclude_off_topic(corpus.with_(embeddings=rows), threshold=0.55, max_gap=0.15)
    return {corpus.articles[i].id for i in out.excluded}


# Four reports alike, a fifth apart from them but above the threshold: a gap-only flag.
CLOSE, APART = [1.0, 0.0], [0.8, 0.6]


def test_a_report_apart_that_names_the_story_is_kept() -> None:
    table = (
        "Figures available on Saturday on the quake that struck the coast on Tuesday.\n"
        "Varnak 4,310 dead, 10,200 injured\nTellen 2,950 dead, 6,800 injured\nOskarby 1,020 dead, 3,400 injured"
    )
    assert _excluded([*STORY, table], [CLOSE] * 4 + [APART]) == set()


def test_a_report_apart_that_names_nothing_of_the_story_is_left_out() -> None:
    other = "Shares in the harbour company rose on Friday after a strong quarter for its ferries."
    assert _excluded([*STORY, other], [CLOSE] * 4 + [APART]) == {"r4"}


def test_a_report_below_the_threshold_is_left_out_whatever_it_names() -> None:
    far = "Varnak, Tellen and Oskarby fans cheered as the cup final went to extra time."
    assert _excluded([*STORY, far], [CLOSE] * 4 + [[0.3, 0.95]]) == {"r4"}


def test_a_report_that_is_mostly_a_copy_of_the_others_is_kept() -> None:
    copy = "\n".join([STORY[0], STORY[1], "Story filed by the Kessport Courier."])
    assert _excluded([*STORY, copy], [CLOSE] * 4 + [[0.3, 0.95]]) == set()


def test_words_that_open_sentences_and_possessives_are_no_names_of_the_story() -> None:
    story = [
        "The quake near Varnak killed hundreds in Tellen on Tuesday. Police said Varnak's roads were closed.",
        "Rescuers in Oskarby dug through the night. Police said Tellen's hospital was full.",
        "Tellen's mayor said the town would need months to rebuild. Police said looting was rare.",
        "Aid reached Oskarby on Wednesday. Police said Varnak's power was still out.",
    ]
    other = (
        "Police said a man was arrested after a robbery at the Harbour Bank's main branch. No one was hurt."
    )
    assert _excluded([*story, other], [CLOSE] * 4 + [APART]) == {"r4"}


def test_one_shared_credit_line_does_not_make_a_report_a_copy() -> None:
    shared = "Ana Roux and Ole Brun in Oslo contributed reporting to this article for the Kessport Herald."
    story = [STORY[0] + "\n" + shared, *STORY[1:]]
    other = "Shares in the harbour company rose on Friday after a strong quarter for its ferries.\n" + shared
    assert _excluded([*story, other], [CLOSE] * 4 + [[0.3, 0.95]]) == {"r4"}
