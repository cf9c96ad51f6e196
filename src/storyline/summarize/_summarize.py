"""Build one cited summary from an embedded corpus."""

from __future__ import annotations

import datetime as dt
import weakref
from collections import Counter, defaultdict
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from storyline.clean import find_off_topic, off_topic_scores
from storyline.embed import Embedder, FactMatcher, Topic
from storyline.embed._facts import CITATION_MIN_OVERLAP as CITATION_MIN_OVERLAP  # its home was here
from storyline.embed._facts import TOPIC_MIN_REPORTS
from storyline.errors import ConfigError, Errors
from storyline.model import Corpus, Dropped, Summary, SummaryOptions, SummarySentence
from storyline.summarize._coverage import COVERAGE_WEIGHT, coverage_of
from storyline.summarize._features import Features, budget_share, compute_features, doc_vectors
from storyline.summarize._learned import LearnedScorer, blend_fade
from storyline.summarize._readable import Reading, readable_candidates, unfinished_quotes
from storyline.summarize._scorers import SCORERS, CentralityScorer, SentenceScorer
from storyline.summarize._select import SELECTORS, Selector
from storyline.summarize._update import Seen, copied_from, split_since
from storyline.text import MONTH_WORDS, WEEKDAYS


def make_scorer(name: str, *, embedder: str | None = None) -> SentenceScorer:
    """Build the scorer registered under `name`.

    "auto" is the learned scorer when it was trained on features from `embedder`
    (similarity scales differ between embedders), else the centrality scorer. A name
    ending in ".json" is a scorer file `scripts/train_scorer.py` wrote, used as written.
    """
    if name.lower().endswith(".json"):
        learned = LearnedScorer(name)
        trained_for = learned.meta.get("embedder")
        if embedder is not None and trained_for not in (None, embedder):
            # Similarity features differ in scale between embedders: trees fitted on one
            # misjudge another's sentences without a word.
            reason = (
                f"trained on the {trained_for!r} embedder's features; run it with --embedder {trained_for}"
            )
            raise ConfigError(Errors.SL202, name="scorer", value=name, reason=reason)
        return learned
    if name == "auto":
        learned = LearnedScorer()
        return learned if embedder in (None, learned.meta.get("embedder")) else CentralityScorer()
    if name not in SCORERS:
        choices = ", ".join(sorted([*SCORERS, "auto"])) + ", or a scorer file (.json)"
        raise ConfigError(Errors.SL201, kind="scorer", name=name, choices=choices)
    return SCORERS[name]()


def make_selector(name: str, *, lam: float = 1.0) -> Selector:
    """Build the selector registered under `name` in `SELECTORS`."""
    if name not in SELECTORS:
        raise ConfigError(Errors.SL201, kind="selector", name=name, choices=", ".join(sorted(SELECTORS)))
    return SELECTORS[name](lam=lam)


STORY_NAMES = 2
"""Names most reports give that a report must give too to be of their story."""


_CALENDAR = FactMatcher.words(" ".join([*WEEKDAYS, *MONTH_WORDS]))
"""Capitalised words that name no one: any two reports of a week share them."""


def _mostly_copies(carried: int, kept: int) -> bool:
    """Whether a report carried more of other reports' paragraphs than it kept of its own,
    two or more (one shared credit line is no sign)."""
    return carried >= 2 and carried > kept


def _names_by_doc(corpus: Corpus) -> dict[int, set[str]]:
    """The words of the names each report gives (`FactMatcher.names`): days, months and
    words of two letters or fewer ("'s") out, and a capitalised word that opens a sentence
    ("Police said") only where some sentence of the cluster writes it capitalised inside."""
    inside: defaultdict[int, set[str]] = defaultdict(set)
    opening: defaultdict[int, set[str]] = defaultdict(set)
    for sentence in corpus.sentences:
        text = sentence.text.lstrip(" \"'“‘(")
        for start, run in FactMatcher.name_runs(text):
            words = {w for w in FactMatcher.words(run) if len(w) > 2} - _CALENDAR
            if start > 0:
                inside[sentence.doc_index] |= words
                continue
            first = FactMatcher.words(run.split()[0])
            opening[sentence.doc_index] |= words & first
            inside[sentence.doc_index] |= words - first
    named_inside = set().union(*inside.values())
    return {d: inside[d] | (opening[d] & named_inside) for d in set(inside) | set(opening)}


def _names_the_story(doc: int, docs: tuple[int, ...], names: dict[int, set[str]]) -> bool:
    """Whether a report gives `STORY_NAMES` of the name words that at least half the other
    reports, and two at least, give."""
    others = [d for d in docs if d != doc]
    counts = Counter(w for d in others for w in names.get(d, ()))
    story = {w for w, n in counts.items() if n >= 2 and 2 * n >= len(others)}
    return len(names.get(doc, set()) & story) >= STORY_NAMES


def _paragraphs(corpus: Corpus, doc: int) -> int:
    """How many paragraphs cleaning kept of an article."""
    return corpus.articles[doc].body.count("\n") + 1


def exclude_off_topic(corpus: Corpus, *, threshold: float, max_gap: float | None = None) -> Corpus:
    """Leave out documents far from the rest of the cluster, recording why."""
    docs, vectors = doc_vectors(corpus)
    flagged = find_off_topic(vectors, threshold=threshold, max_gap=max_gap)
    # A report that carried other reports' paragraphs word for word, at least as many as
    # it has left of its own, is about their story: what cleaning left of it (a credit
    # line, a fact box) is no measure of its topic.
    carried = Counter(d for others in corpus.copies.values() for d in others)
    flagged = [k for k in flagged if not _mostly_copies(carried[docs[k]], _paragraphs(corpus, docs[k]))]
    scores = off_topic_scores(vectors)
    if flagged and max_gap is not None:
        # Flagged only for standing apart from a close cluster (not below `threshold`): a
        # report that names what most of the others name (a fact box of a quake's tolls by
        # town, a side story of the same people) is of their story, told another way.
        names = _names_by_doc(corpus)
        flagged = [k for k in flagged if scores[k] < threshold or not _names_the_story(docs[k], docs, names)]
    if not flagged:
        return corpus
    gone = {docs[k] for k in flagged}
    dropped = list(corpus.dropped)
    for k in flagged:
        article = corpus.articles[docs[k]]
        excerpt = (article.title or article.body.split("\n", 1)[0])[:200]
        dropped.append(
            Dropped(
                article.id,
                excerpt,
                "off_topic",
                kind="document",
                detail=f"similarity {scores[k]:.2f} to the rest of the cluster (threshold {threshold:.2f})",
            )
        )
    assert corpus.embeddings is not None
    keep = [i for i, s in enumerate(corpus.sentences) if s.doc_index not in gone]
    return corpus.with_(
        sentences=tuple(corpus.sentences[i] for i in keep),
        embeddings=corpus.embeddings[keep],
        excluded=corpus.excluded | gone,
        dropped=tuple(dropped),
    )


class FeatureCache:
    """The features of the last corpus summarized, kept for one more summary of the very
    same sentences (a report's agreements: a wider summary of the corpus its summary read).

    Of all features only `budget_share` depends on the budget; the rest (the sentence-to-
    report similarities above all) are most of a long cluster's summary time. A later
    summary of the same sentences and embeddings (the same objects) gets those features
    with its own `budget_share`, and the entry is dropped, so nothing is held past it.
    """

    def __init__(self) -> None:
        self._last: tuple[tuple[object, ...], weakref.ref[np.ndarray], float, Features] | None = None

    def get(self, corpus: Corpus, *, citation_threshold: float, budget: int | None) -> Features:
        assert corpus.embeddings is not None
        last, self._last = self._last, None
        if (
            last is not None
            and last[0] is corpus.sentences
            and last[1]() is corpus.embeddings
            and last[2] == citation_threshold
        ):
            return _with_budget(last[3], budget)
        features = compute_features(corpus, citation_threshold=citation_threshold, budget=budget)
        self._last = (corpus.sentences, weakref.ref(corpus.embeddings), citation_threshold, features)
        return features


def _with_budget(features: Features, budget: int | None) -> Features:
    """`features` with `budget_share` for `budget`, as `compute_features` writes it."""
    values = dict(features.values)
    values["budget_share"] = budget_share(values["n_words"], budget)
    return replace(features, values=values)


_QUOTE_TRIES = 10
"""Choices made at most, each without the quotations over sentences the one before left
unfinished (a quotation is left out whole once one of its sentences is); after the last,
such sentences are dropped from it. Seldom more than two are made."""


def _select(
    corpus: Corpus,
    candidates: npt.NDArray[np.intp],
    needs: npt.NDArray[np.intp],
    scores: npt.NDArray[np.floating],
    words: npt.NDArray[np.int32],
    embeddings: npt.NDArray[np.floating],
    matcher: FactMatcher,
    selector: Selector,
    options: SummaryOptions,
    redundant_at: float,
    cover: float,
) -> list[int]:
    """The selector's choice among `candidates`: positions into it."""
    # No two summary sentences may state the same fact (the citation test), besides
    # the selector's own cap on plain similarity.
    cand_emb = embeddings[candidates]
    words_of = [matcher.words(corpus.sentences[i].text) for i in candidates] if matcher.uses_words else []

    def same_fact(i: int, j: int) -> bool:
        # Redundancy keeps the word test alone: two summary sentences with rival figures
        # are not one fact, but the selector's similarity cap still keeps one of them.
        return matcher.same(float(cand_emb[i] @ cand_emb[j]), words_of[i], words_of[j])

    return list(
        selector.select(
            scores[candidates],
            cand_emb,
            words[candidates],
            budget=options.words,
            redundancy=redundant_at,
            same_fact=same_fact if matcher.uses_words else None,
            needs=needs,
            coverage=coverage_of(corpus, candidates, weight=cover) if cover > 0 else None,
        )
    )


def _without(picked: list[int], gone: set[int], needs: npt.NDArray[np.intp]) -> list[int]:
    """`picked` less `gone` and whatever needs, in a chain, a sentence that went."""
    left = [p for p in picked if p not in gone]
    while True:
        present = set(left)
        still = [p for p in left if needs[p] < 0 or int(needs[p]) in present]
        if len(still) == len(left):
            return still
        left = still


def summarize_corpus(
    corpus: Corpus,
    *,
    options: SummaryOptions,
    embedder: Embedder,
    scorer: SentenceScorer | None = None,
    selector: Selector | None = None,
    matcher: FactMatcher | None = None,
    cluster_id: str | None = None,
    seen: Seen | None = None,
    features_cache: FeatureCache | None = None,
) -> Summary:
    """Score, select, cite and order sentences of an embedded corpus.

    Update mode: `seen` holds sentences the reader already saw (earlier clusters), and
    `options.since` marks every report dated before it as seen. Seen sentences count as
    already in the summary: a sentence stating one of their facts (`matcher`), or as
    similar to one as the redundancy cap, is never picked. Without either, nothing changes.
    """
    assert corpus.embeddings is not None, "embed the corpus first"
    matcher = matcher or FactMatcher.for_embedder(embedder, threshold=options.citation_threshold)
    redundant_at = options.redundancy_threshold or embedder.redundancy_threshold
    seen_docs: frozenset[int] = frozenset()
    if options.since is not None:
        corpus, before, seen_docs = split_since(corpus, options.since)
        seen = before if seen is None else Seen.join([seen, before], dim=before.embeddings.shape[1])
        if not corpus.sentences:
            return _empty(corpus, cluster_id, f"no report dated on or after {options.since}")
    if seen is not None and not len(seen) and not seen_docs:
        seen = None
    if options.drop_off_topic:
        corpus = exclude_off_topic(
            corpus, threshold=embedder.off_topic_threshold, max_gap=embedder.off_topic_gap
        )
    scorer = scorer or make_scorer(options.scorer, embedder=embedder.name)
    selector = selector or make_selector(options.selector, lam=options.mmr_lambda)

    if features_cache is not None:
        features = features_cache.get(corpus, citation_threshold=matcher.threshold, budget=options.words)
    else:
        features = compute_features(corpus, citation_threshold=matcher.threshold, budget=options.words)
    embeddings = corpus.embeddings
    assert embeddings is not None
    words = features.n_words
    candidates = np.flatnonzero((words >= options.min_sentence_words) & (words <= options.max_sentence_words))
    scores = scorer.score(features)
    if seen is not None:
        # What the reader saw counts as already in the summary: the same tests apply.
        candidates = _unseen(corpus, candidates, seen, seen_docs, matcher=matcher, cap=redundant_at)
        if not len(candidates):
            return _empty(corpus, cluster_id, "nothing new: every sentence states a fact the reader saw")
    # No fragment, and a pronoun start only right after the sentence before it in its report.
    reading = Reading.of(corpus)
    readable, needs = readable_candidates(corpus, candidates, reading)
    # A small budget for many reports also rewards what the reports keep saying and the
    # summary does not say yet (off at 230 words on Multi-News, like the rank blend).
    cover = COVERAGE_WEIGHT * blend_fade(features)
    for attempt in range(_QUOTE_TRIES):
        picked = _select(
            corpus,
            readable,
            needs,
            scores,
            words,
            embeddings,
            matcher,
            selector,
            options,
            redundant_at,
            cover,
        )
        # A quotation over sentences whose close was not chosen goes, and the choice is made
        # again: the candidates shrink each time, so this ends.
        unfinished = unfinished_quotes(corpus, [int(readable[p]) for p in picked], reading)
        if not unfinished:
            break
        if attempt == _QUOTE_TRIES - 1:
            picked = _without(picked, {p for p in picked if int(readable[p]) in unfinished}, needs)
            break
        candidates = np.array([i for i in candidates if int(i) not in unfinished], dtype=np.intp)
        readable, needs = readable_candidates(corpus, candidates, reading)
    candidates = readable
    chosen = [int(candidates[p]) for p in picked]
    all_dated = all(corpus.articles[corpus.sentences[i].doc_index].date for i in chosen)
    # A pronoun start reads right after the sentence it needs (its head's place, then its own).
    head = {int(candidates[p]): int(candidates[p]) for p in picked}
    for p in sorted(picked, key=lambda p: corpus.sentences[int(candidates[p])].position):
        if needs[p] >= 0:
            head[int(candidates[p])] = head[int(candidates[needs[p]])]
    chosen.sort(
        key=lambda i: (*_reading_order(corpus, head[i], use_dates=all_dated), corpus.sentences[i].position)
    )
    reports = _Reports(corpus, matcher)
    sentences = tuple(
        SummarySentence(
            text=corpus.sentences[i].text,
            origin=corpus.articles[corpus.sentences[i].doc_index].id,
            sources=cite(corpus, features, i, matcher=matcher, reports=reports),
            span=corpus.to_given(corpus.sentences[i].span),
            score=float(scores[i]),
        )
        for i in chosen
    )
    warnings = () if sentences else (f"no sentence fits in {options.words} words",)
    return Summary(
        sentences=sentences,
        articles=corpus.articles,
        dropped=corpus.dropped,
        excluded=tuple(corpus.articles[i].id for i in sorted(corpus.excluded)),
        id=cluster_id,
        warnings=warnings,
    )


def _unseen(
    corpus: Corpus,
    candidates: npt.NDArray[np.intp],
    seen: Seen,
    seen_docs: frozenset[int],
    *,
    matcher: FactMatcher,
    cap: float,
) -> npt.NDArray[np.intp]:
    """The candidates that repeat nothing the reader saw (`Seen.repeats`, or a paragraph
    copied word for word from a seen report)."""
    assert corpus.embeddings is not None
    texts = [corpus.sentences[i].text for i in candidates]
    repeated = seen.repeats(texts, corpus.embeddings[candidates], matcher=matcher, cap=cap)
    if seen_docs:
        repeated |= np.array([copied_from(corpus, int(i), seen_docs) for i in candidates], dtype=bool)
    kept: npt.NDArray[np.intp] = candidates[~repeated]
    return kept


def _empty(corpus: Corpus, cluster_id: str | None, warning: str) -> Summary:
    return Summary(
        sentences=(),
        articles=corpus.articles,
        dropped=corpus.dropped,
        excluded=tuple(corpus.articles[i].id for i in sorted(corpus.excluded)),
        id=cluster_id,
        warnings=(warning,),
    )


_Figures = tuple[tuple[str, float], ...]


class _Reports:
    """What citations read of each document over all its sentences (figures, numbers) and
    the cluster's topic words, read once per summary; the sentences are grouped by
    document in one pass, on first need."""

    def __init__(self, corpus: Corpus, matcher: FactMatcher) -> None:
        self.corpus, self.matcher = corpus, matcher
        self._texts: dict[int, list[str]] | None = None
        self._figures: dict[int, _Figures] = {}
        self._numbers: dict[int, list[tuple[frozenset[float], frozenset[str]]]] = {}
        self._topic: Topic | None = None

    @property
    def topic(self) -> Topic:
        """The cluster's topic (`FactMatcher.topic_of`); reports left out of the story (off
        topic) are not counted."""
        if self._topic is None:
            kept = [texts for d, texts in self._grouped().items() if d not in self.corpus.excluded]
            if len(kept) < TOPIC_MIN_REPORTS:  # no topic: no words to read (most clusters)
                self._topic = Topic(frozenset(), frozenset())
            else:
                reports = [frozenset().union(*(self.matcher.words(t) for t in texts)) for texts in kept]
                self._topic = self.matcher.topic_of(reports)
        return self._topic

    def _grouped(self) -> dict[int, list[str]]:
        if self._texts is None:
            self._texts = {}
            for s in self.corpus.sentences:
                self._texts.setdefault(s.doc_index, []).append(s.text)
        return self._texts

    def _texts_of(self, doc_index: int) -> list[str]:
        return self._grouped().get(doc_index, [])

    def of(self, doc_index: int) -> _Figures:
        if doc_index not in self._figures:
            texts = self._texts_of(doc_index)
            self._figures[doc_index] = tuple(f for text in texts for f in self.matcher.figures(text))
        return self._figures[doc_index]

    def states(self, doc_index: int, numbers: frozenset[float], words: frozenset[str]) -> bool:
        """Whether the document states each of `numbers` in a sentence that shares at least
        `NUMBER_CONTEXT_WORDS` content words with `words`: about the same thing, so that
        "40 fire engines" does not state "more than 40 people were treated"."""
        if doc_index not in self._numbers:
            self._numbers[doc_index] = [
                (found, self.matcher.words(text))
                for text in self._texts_of(doc_index)
                if (found := self.matcher.numbers(text))
            ]
        said = self._numbers[doc_index]
        return all(
            any(n in found and len(words & theirs) >= NUMBER_CONTEXT_WORDS for found, theirs in said)
            for n in numbers
        )


NUMBER_CONTEXT_WORDS = 2


def cite(
    corpus: Corpus,
    features: Features,
    index: int,
    *,
    matcher: FactMatcher,
    reports: _Reports | None = None,
) -> tuple[str, ...]:
    """Every document that carries sentence `index`: its origin, paraphrases, copies.

    A document cites when one of its sentences states the same fact (`matcher`), or
    when it carried the same paragraph word for word (dropped there as a duplicate).
    A document that states the fact with a different figure for the same count
    ("killed 90" against "3 were killed") contradicts it and is never cited; so does one
    whose paraphrase carries no figure while the document gives the count only other
    values elsewhere ("Most of those in hospital were treated for breathing problems" in
    a report that says 23 were taken to hospital, for "More than 40 people have been
    treated in hospital"). A sentence that states numbers cites only documents that state
    each of them, in a sentence about the same thing (`_Reports.states`): a report
    that the fire "destroyed dozens of homes" carries the event but not "destroyed 41
    homes", and a citation vouches for the whole sentence.
    In a cluster with a topic (`FactMatcher.topic_of`) what the sentence says about it
    must be stated too (`FactMatcher.supports`). `reports` keeps each document's figures
    and numbers and the topic words between calls.
    """
    sentence = corpus.sentences[index]
    docs = {sentence.doc_index}
    support = features.doc_support[index] >= matcher.threshold
    candidates = {features.docs[k] for k in np.flatnonzero(support).tolist()}
    contradict: set[int] = set()
    mine_figures = matcher.figures(sentence.text)
    known = _Reports(corpus, matcher) if reports is None else reports
    if candidates:
        assert corpus.embeddings is not None
        sims = corpus.embeddings @ corpus.embeddings[index]
        names = matcher.names(sentence.text)
        topic = known.topic
        mine = matcher.words(sentence.text)
        for j in np.flatnonzero(sims >= matcher.threshold).tolist():
            other = corpus.sentences[j]
            if other.doc_index not in candidates or other.doc_index == sentence.doc_index:
                continue
            if not matcher.supports(float(sims[j]), mine, matcher.words(other.text), names, topic):
                continue
            # It states the fact; with another figure for the same count it contradicts it.
            if matcher.disagree(mine_figures, matcher.figures(other.text)):
                contradict.add(other.doc_index)
            else:
                docs.add(other.doc_index)
    docs -= contradict
    numbers = matcher.numbers(sentence.text)
    if numbers:
        words = matcher.words(sentence.text)
        for d in sorted(docs - {sentence.doc_index}):
            if not known.states(d, numbers, words) or matcher.disagree(mine_figures, known.of(d)):
                docs.discard(d)
    docs.update(corpus.copies.get((sentence.doc_index, sentence.paragraph), ()))
    docs -= corpus.excluded
    docs.add(sentence.doc_index)
    ordered = [sentence.doc_index, *sorted(docs - {sentence.doc_index})]
    return tuple(corpus.articles[d].id for d in ordered)


def _reading_order(corpus: Corpus, index: int, *, use_dates: bool) -> tuple[dt.date, int, int]:
    """Order by source date when every chosen sentence's source has one, then position
    in the report, then input order. A partial set of dates would put the dated
    sources first for no reason, so it is not used."""
    sentence = corpus.sentences[index]
    date = corpus.articles[sentence.doc_index].date if use_dates else None
    return (date or dt.date.max, sentence.position, sentence.doc_index)
