"""What happened on each chosen day: the central sentences about it, cited.

As in DATEWISE (Ghalandari & Ifrim, ACL 2020), a day's candidates are the sentences
about the day, and only those: a sentence is a candidate for the one day its own date
mention gives or, with no date of its own, for its report's day when it is one of the
report's lead sentences (`own_day`). "Police arrested three men on Monday over
Saturday's bombing" tells of Monday and is never a candidate for Saturday. The sentence
nearest the candidates' centroid says what most reports say
(a centroid summarizer, Radev et al. 2004); the centroid is taken both of the
sentences' embeddings and, as DATEWISE does, of their TF-IDF word vectors. Sentences
are also weighed by how close they sit to the whole collection's leads, so that a day
named in passing in an unrelated story does not bring that story in, and by how common
their words are across the reports (SumBasic's word probability, Nenkova & Vanderwende
2005): what many reports say is the story's, a sentence of rare words is a detail.
A sentence that opens with a pronoun or a conjunction ("He was shot in the head.")
needs the sentence before it, and a sentence of fewer than ten words is most often a
fragment; either is taken only when a day has nothing else. Days are summarized best
first, and a sentence that states the same fact as one already chosen (the report's
`FactMatcher`) is never taken again, for any day.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storyline.embed import Embedder, FactMatcher, Topic, Vectors
from storyline.text import LEAD_SENTENCES, content_words, starts_with_connective
from storyline.timelines._collect import DatedSentence, Report, is_topical, own_day

# The weights below were chosen on the 6 dev topics of the Entities benchmark
# (benchmarks/timeline_eval.py), and only there.
TOPIC_WEIGHT = 0.5
"""Weight of closeness to the collection's leads against closeness to the day's centroid."""
PUBLISHED_PENALTY = 0.05
"""A lead that does not name the day may be about the day before: ranked a little lower."""
LENGTH_WEIGHT = 0.05
"""Per unit of log(words): a centroid favours long sentences, a timeline wants short ones."""
MAX_SUMMARY_WORDS = 60
"""Longer sentences are never chosen."""
MIN_SUMMARY_WORDS = 10
"""Shorter sentences are most often fragments ("In some ways, Steve Jobs delivered.")."""
NAME_BONUS = 0.2
"""For a sentence that uses one of the topic's names (`topic_names`): it is about the topic."""
WORDS_SHARE = 0.5
"""Share of the day's centroid similarity taken on TF-IDF word vectors (the rest on embeddings)."""
SALIENCE_WEIGHT = 4.0
"""Weight of a sentence's mean word probability across the reports (`_words_used`)."""
LAST_RESORT = 10.0
"""Taken off a fragment's or a pronoun start's score: chosen only when a day has nothing else."""
# A sentence that opens with a pronoun or a conjunction continues the one before it; so
# does one that opens with a connective ("However, ...", "In addition, ...": `starts_with_connective`).
_NEEDS_CONTEXT = re.compile(
    r"[\"“‘'(\s]*(?:he|she|it|they|this|these|those|his|her|its|their|him|them|but|and|so|yet|also)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Chosen:
    """A sentence chosen for a day, with every report that carries the same fact."""

    day: dt.date
    sentence: DatedSentence
    sources: tuple[int, ...]
    """Report indexes, the origin first."""


@dataclass(slots=True)
class _Pool:
    """The embedded candidate sentences of the chosen days."""

    sentences: list[DatedSentence]
    vectors: Vectors
    words: list[frozenset[str]]
    figures: list[tuple[tuple[str, float], ...]]


def summarize_days(
    reports: Sequence[Report],
    days: Sequence[dt.date],
    *,
    n_days: int,
    n_sentences: int,
    embedder: Embedder,
    names: frozenset[str] = frozenset(),
    matcher: FactMatcher | None = None,
    vectors: Vectors | None = None,
) -> dict[dt.date, list[Chosen]]:
    """Summarize the first `n_days` of `days` (best first) that have something to say.

    A day whose candidates all state facts already told for a better day is passed
    over for the next one. Returns up to `n_sentences` sentences for each day kept.
    `matcher` decides when two sentences state one fact (default: the embedder's
    calibration). With `vectors`, every sentence's `row` indexes its embedding there
    and nothing is embedded again.
    """
    matcher = matcher or FactMatcher.for_embedder(embedder)
    wanted = set(days)
    by_day: dict[dt.date, list[tuple[DatedSentence, bool]]] = {day: [] for day in days}
    for report in reports:
        for sentence in report.sentences:
            # A sentence is told only under the one day it tells of (`own_day`).
            day = own_day(sentence, report.published) if sentence.candidate else None
            if day in wanted:
                assert day is not None
                by_day[day].append((sentence, sentence.event is not None))
    pool = _embed(by_day, embedder, matcher, vectors)
    used = _words_used(reports)
    df, n_reports = Counter(w for words in used for w in words), max(len(reports), 1)
    told = matcher.topic_of(used)
    salience = np.array(
        [sum(df[w] for w in words) / n_reports / max(len(words), 1) for words in pool.words], dtype=np.float32
    )
    idf = {w: math.log((n_reports + 1) / (n + 1)) + 1.0 for w, n in df.items()}
    index = {id(s): i for i, s in enumerate(pool.sentences)}
    topic = _topic_centroid(reports, embedder, vectors, dim=pool.vectors.shape[1])
    taken: list[int] = []
    out: dict[dt.date, list[Chosen]] = {}
    for day in days:
        if len(out) >= n_days:
            break
        rows = list(dict.fromkeys(index[id(s)] for s, _ in by_day[day]))
        named = {index[id(s)] for s, is_named in by_day[day] if is_named}
        if not rows:
            continue
        day_vectors = pool.vectors[rows]
        centroid = day_vectors.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        scores = (1.0 - WORDS_SHARE) * (day_vectors @ centroid) + TOPIC_WEIGHT * (day_vectors @ topic)
        scores += WORDS_SHARE * _word_centrality([pool.words[r] for r in rows], idf)
        scores += SALIENCE_WEIGHT * salience[rows]
        scores -= np.array([0.0 if r in named else PUBLISHED_PENALTY for r in rows], dtype=np.float32)
        n_words = np.array([len(pool.sentences[r].text.split()) for r in rows], dtype=np.float32)
        scores -= LENGTH_WEIGHT * np.log(n_words)
        scores[n_words > MAX_SUMMARY_WORDS] = -np.inf
        last_resort = [
            n_words[i] < MIN_SUMMARY_WORDS or _needs_context(pool.sentences[r].text)
            for i, r in enumerate(rows)
        ]
        scores -= LAST_RESORT * np.array(last_resort, dtype=np.float32)
        scores += np.array(
            [NAME_BONUS if names and is_topical(pool.sentences[r].text, names) else 0.0 for r in rows],
            dtype=np.float32,
        )
        chosen: list[Chosen] = []
        for order in np.argsort(-scores, kind="stable"):
            if len(chosen) >= n_sentences or not np.isfinite(scores[order]):
                break
            row = rows[int(order)]
            if any(_same_fact(pool, row, other, matcher) for other in taken):
                continue
            taken.append(row)
            chosen.append(Chosen(day, pool.sentences[row], _carriers(pool, row, rows, matcher, told)))
        if chosen:
            out[day] = chosen
    return out


def _needs_context(text: str) -> bool:
    """The sentence continues the one before it: a pronoun, conjunction or connective start."""
    return _NEEDS_CONTEXT.match(text) is not None or starts_with_connective(text)


def _words_used(reports: Sequence[Report]) -> list[frozenset[str]]:
    """The content words each report uses (`storyline.text.content_words`)."""
    return [frozenset().union(*(content_words(s.text) for s in report.sentences)) for report in reports]


def _word_centrality(words: list[frozenset[str]], idf: dict[str, float]) -> Vectors:
    """Each sentence's cosine to the centroid of the sentences' TF-IDF vectors (binary TF)."""
    vocab: dict[str, int] = {}
    for sentence in words:
        for word in sentence:
            vocab.setdefault(word, len(vocab))
    matrix = np.zeros((len(words), max(len(vocab), 1)), dtype=np.float32)
    for i, sentence in enumerate(words):
        for word in sentence:
            matrix[i, vocab[word]] = idf.get(word, 1.0)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    centroid = matrix.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    out: Vectors = matrix @ centroid
    return out


def _carriers(pool: _Pool, row: int, rows: list[int], matcher: FactMatcher, topic: Topic) -> tuple[int, ...]:
    """The reports among a day's candidates `rows` that state the fact of `row`, its own
    first: cited as a report's summary cites (`FactMatcher.supports`, against the
    collection's `topic`), with no figure that differs for one counted thing."""
    similar = pool.vectors[rows] @ pool.vectors[row]
    docs = [pool.sentences[row].doc]
    names = matcher.names(pool.sentences[row].text)
    for j in np.flatnonzero(similar >= matcher.threshold):
        other = rows[int(j)]
        if (
            other != row
            and matcher.supports(float(similar[j]), pool.words[row], pool.words[other], names, topic)
            and not matcher.disagree(pool.figures[row], pool.figures[other])
        ):
            docs.append(pool.sentences[other].doc)
    return tuple(dict.fromkeys(docs))


def _embed(
    by_day: dict[dt.date, list[tuple[DatedSentence, bool]]],
    embedder: Embedder,
    matcher: FactMatcher,
    vectors: Vectors | None,
) -> _Pool:
    unique: dict[int, DatedSentence] = {}
    for items in by_day.values():
        for sentence, _ in items:
            unique.setdefault(id(sentence), sentence)
    sentences = list(unique.values())
    if vectors is not None:
        found = vectors[[_row(s) for s in sentences]]
    else:
        found = embedder.embed([s.text for s in sentences])
    words = [matcher.words(s.text) for s in sentences]
    figures = [matcher.figures(s.text) for s in sentences]
    return _Pool(sentences, found, words, figures)


def _row(sentence: DatedSentence) -> int:
    if sentence.row is None:
        raise ValueError("a sentence without an embedding row, with precomputed vectors")
    return sentence.row


def _topic_centroid(
    reports: Sequence[Report], embedder: Embedder, vectors: Vectors | None, *, dim: int
) -> Vectors:
    """The mean of the collection's lead sentences: what the whole collection is about."""
    leads = [s for r in reports for s in r.sentences[:LEAD_SENTENCES] if s.candidate]
    if not leads:
        return np.zeros(dim, dtype=np.float32)
    if vectors is not None:
        found = vectors[[_row(s) for s in leads]]
    else:
        found = embedder.embed([s.text for s in leads])
    centroid = found.mean(axis=0)
    unit: Vectors = centroid / max(float(np.linalg.norm(centroid)), 1e-9)
    return unit


def _same_fact(pool: _Pool, a: int, b: int, matcher: FactMatcher) -> bool:
    """The report's test for one fact: similar enough, sharing enough words, no conflicting figures."""
    if a == b:
        return True
    similarity = float(pool.vectors[a] @ pool.vectors[b])
    return matcher.same(
        similarity, pool.words[a], pool.words[b], figures_a=pool.figures[a], figures_b=pool.figures[b]
    )
