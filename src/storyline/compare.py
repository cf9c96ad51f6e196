"""Run summarizers side by side over a labelled dataset and score them with ROUGE.

Every system sees the same clusters, cleaned and split the same way, in the same
process, so their scores and speeds compare fairly on a noisy machine. Each output
is cut to the same word budget before scoring.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from storyline.errors import ConfigError, Errors
from storyline.evaluate import METRICS, greedy_oracle, rouge, truncate_words
from storyline.ingest import BadLine, Cluster
from storyline.model import Corpus, SummaryOptions
from storyline.pipeline import Summarizer, embed_corpora, prepare
from storyline.summarize import SumyRanker, lead_sentences, summarize_corpus
from storyline.text import make_splitter

SYSTEMS = ("storyline", "lead", "lexrank", "textrank", "oracle")


@dataclass
class SystemScore:
    """Mean ROUGE (x100) of one system at one budget, and its speed."""

    name: str
    words: int
    totals: dict[str, float] = field(default_factory=lambda: dict.fromkeys(METRICS, 0.0))
    n: int = 0
    seconds: float = 0.0

    def mean(self, metric: str) -> float:
        return 100.0 * self.totals[metric] / self.n if self.n else 0.0

    @property
    def clusters_per_s(self) -> float:
        return self.n / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {m: round(self.mean(m), 3) for m in METRICS} | {
            "clusters_per_s": round(self.clusters_per_s, 3),
            "n": self.n,
        }


@dataclass
class Evaluation:
    """Scores per (system, budget), per-cluster rows, and what was skipped."""

    words: Sequence[int]
    metric: str
    scores: dict[tuple[str, int], SystemScore]
    rows: list[dict[str, Any]]
    skipped: list[str]
    n_references: int

    def at(self, words: int) -> dict[str, SystemScore]:
        return {name: s for (name, w), s in self.scores.items() if w == words}


def references_of(cluster: Cluster) -> list[str]:
    """The human summaries of a cluster: `summary` (a string) or `summaries` (a list)."""
    refs = cluster.extra.get("summaries", cluster.extra.get("summary"))
    if isinstance(refs, str):
        return [refs] if refs.strip() else []
    if isinstance(refs, list):
        return [r for r in refs if isinstance(r, str) and r.strip()]
    return []


def evaluate_clusters(
    records: Iterable[Cluster | BadLine],
    *,
    systems: Sequence[str],
    words: Sequence[int],
    metric: str = "f1",
    options: SummaryOptions | None = None,
    limit: int | None = None,
    batch_clusters: int = 64,
    on_cluster: Callable[[], None] | None = None,
    on_output: Callable[[Cluster, str, int, list[str], list[str], Corpus], None] | None = None,
) -> Evaluation:
    """Score each system at each word budget over the clusters that have references.

    `on_output(cluster, system, words, output, cut, corpus)`, when given, sees every
    system's sentences before and after the cut to the budget (readability counts).
    """
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ConfigError(Errors.SL201, kind="system", name=unknown[0], choices=", ".join(SYSTEMS))
    if metric not in ("f1", "recall"):
        raise ConfigError(Errors.SL202, name="metric", value=metric, reason="choose f1 or recall")
    options = options or SummaryOptions()
    runners = _runners(systems, options)
    splitter = make_splitter(options.splitter)
    scores = {(name, w): SystemScore(name, w) for name in systems for w in words}
    rows: list[dict[str, Any]] = []
    skipped: list[str] = []
    n_refs = 0
    batch: list[tuple[Cluster, list[list[str]], Corpus, float]] = []

    def flush() -> None:
        storyline_corpora: list[Corpus] = []
        embed_s = 0.0
        if "storyline" in runners:
            started = time.perf_counter()
            storyline_corpora = embed_corpora([c for _, _, c, _ in batch], runners["storyline"].embedder)
            embed_s = (time.perf_counter() - started) / max(len(batch), 1)
        for k, (cluster, refs, corpus, prep_s) in enumerate(batch):
            for name in systems:
                for w in words:
                    started = time.perf_counter()
                    if name == "storyline":
                        summarizer = runners["storyline"]
                        summary = summarize_corpus(
                            storyline_corpora[k],
                            options=replace(summarizer.options, words=w),
                            embedder=summarizer.embedder,
                            scorer=summarizer.scorer,
                            selector=summarizer.selector,
                        )
                        output = [s.text for s in summary.sentences]
                        extra = embed_s if w == words[0] else 0.0
                    elif name == "oracle":
                        texts = [s.text for s in corpus.sentences]
                        picked = greedy_oracle(texts, "\n".join(refs[0]), budget=w)
                        output = [texts[i] for i in sorted(picked)]
                        extra = 0.0
                    elif name == "lead":
                        output, extra = lead_sentences(corpus, budget=w), 0.0
                    else:
                        output, extra = runners[name](corpus, budget=w), 0.0
                    elapsed = time.perf_counter() - started + extra + (prep_s if w == words[0] else 0.0)
                    cut = truncate_words(output, w)
                    score = rouge(cut, refs, metric=metric)
                    if on_output is not None:
                        on_output(cluster, name, w, output, cut, corpus)
                    entry = scores[(name, w)]
                    entry.n += 1
                    entry.seconds += elapsed if w == words[0] else 0.0
                    for m, value in score.as_dict().items():
                        entry.totals[m] += value
                    rows.append(
                        {"id": cluster.id, "system": name, "words": w}
                        | {m: round(100 * v, 3) for m, v in score.as_dict().items()}
                        | {"n_words": sum(len(s.split()) for s in cut)}
                    )
            if on_cluster:
                on_cluster()
        batch.clear()

    n_seen = 0
    for record in records:
        if isinstance(record, BadLine):
            skipped.append(record.message)
            continue
        refs = references_of(record)
        if not refs:
            skipped.append(f"cluster {record.id}: no reference summary")
            continue
        if limit is not None and n_seen >= limit:
            break
        n_seen += 1
        n_refs = max(n_refs, len(refs))
        started = time.perf_counter()
        corpus = prepare(record.articles, splitter=splitter)
        prep_s = time.perf_counter() - started
        if not corpus.sentences:
            skipped.append(f"cluster {record.id}: no usable text")
            continue
        ref_sentences = [[ref[a:b] for a, b in splitter.split(ref)] or [ref] for ref in refs]
        batch.append((record, ref_sentences, corpus, prep_s))
        if len(batch) >= batch_clusters:
            flush()
    if batch:
        flush()
    # Systems whose speed is measured at the first budget only: later budgets reuse it.
    for (name, w), entry in scores.items():
        if w != words[0]:
            entry.seconds = scores[(name, words[0])].seconds
    return Evaluation(
        words=words, metric=metric, scores=scores, rows=rows, skipped=skipped, n_references=n_refs
    )


def _runners(systems: Sequence[str], options: SummaryOptions) -> dict[str, Any]:
    runners: dict[str, Any] = {}
    if "storyline" in systems:
        runners["storyline"] = Summarizer(options)
    for name in ("lexrank", "textrank"):
        if name in systems:
            runners[name] = SumyRanker(name)
    return runners
