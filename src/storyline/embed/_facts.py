"""One test of "these two sentences state the same fact", used everywhere it is asked."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from storyline.embed._base import Embedder
from storyline.errors import ConfigError, Errors
from storyline.text import content_words, overlap


@dataclass(frozen=True, slots=True)
class FactMatcher:
    """Two sentences state the same fact when their embeddings are at least `threshold`
    similar and, where `min_overlap` is set, they also share that share of content words.

    The thresholds are each embedder's calibration (benchmarks/calibrate_citations.py,
    hand-written paraphrase pairs). The word test matters for embedders whose
    similarities run high: among many same-story sentences the best clears a similarity
    bar by chance, while shared names, numbers and words do not. Citations, redundancy
    in the summary, date inference, timeline merging and agreements all ask this one
    matcher, so "the same fact" means one thing throughout a report.
    """

    threshold: float
    min_overlap: float = 0.0

    def __post_init__(self) -> None:
        if not -1.0 <= self.threshold <= 1.0:
            raise ConfigError(
                Errors.SL202, name="threshold", value=self.threshold, reason="must be in [-1, 1]"
            )
        if not 0.0 <= self.min_overlap <= 1.0:
            raise ConfigError(
                Errors.SL202, name="min_overlap", value=self.min_overlap, reason="must be in [0, 1]"
            )

    @classmethod
    def for_embedder(cls, embedder: Embedder, *, threshold: float | None = None) -> FactMatcher:
        """The matcher calibrated for `embedder` (`threshold` overrides its similarity bar)."""
        return cls(
            threshold=embedder.citation_threshold if threshold is None else threshold,
            min_overlap=embedder.citation_min_overlap,
        )

    @property
    def uses_words(self) -> bool:
        return self.min_overlap > 0

    @staticmethod
    def words(text: str) -> frozenset[str]:
        """The content words the word test compares."""
        return frozenset(content_words(text))

    @staticmethod
    def figures(text: str) -> Figures:
        """What the sentence counts and how many: (counted thing, value) pairs (`figures_of`)."""
        return figures_of(text)

    def same(
        self,
        similarity: float,
        words_a: AbstractSet[str],
        words_b: AbstractSet[str],
        *,
        figures_a: Figures = (),
        figures_b: Figures = (),
    ) -> bool:
        """Whether two sentences of this similarity, these content words and these
        figures state one fact: figures that differ for one counted thing never do."""
        if similarity < self.threshold or conflicting(figures_a, figures_b):
            return False
        return not self.uses_words or overlap(words_a, words_b) >= self.min_overlap


Figures = tuple[tuple[str, float], ...]

# What a figure counts, from the word stems near it. Only the counts news disputes;
# a figure nothing here names is left out, so it can never block a match.
_COUNTED = (
    ("deaths", re.compile(r"^(kill|dead|death|die|dying|fatal|bodies|lives|toll|murder)")),
    ("injured", re.compile(r"^(injur|wound|hurt|hospitali)")),
    ("missing", re.compile(r"^(missing|unaccounted)")),
    ("arrested", re.compile(r"^(arrest|detain)")),
    ("evacuated", re.compile(r"^(evacu|displac|homeless)")),
)
_WORD_NUMBERS = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+")
_PART = frozenset("of among including".split())
# A figure for a group ("4 children") counts a part of the toll, not the toll.
_GROUPS = frozenset(
    """children child women men boys girls soldiers troops officers police policemen civilians militants
    rebels fighters workers students tourists journalists firefighters miners passengers""".split()
)
_MONTHS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july "
    "august september october november december".split()
)


def figures_of(text: str) -> Figures:
    """(counted thing, value) for each figure a cue names within a few words of it.

    Cheap on purpose (a regular expression, no parse): it runs on every candidate
    sentence of every summary. Years, dates and parts ("three of them", "including
    two children") are skipped: they count nothing the sentence's total does.
    """
    tokens = _TOKEN.findall(text)
    lower = [t.lower() for t in tokens]
    found: list[tuple[str, float]] = []
    for i, token in enumerate(lower):
        value = _value(token)
        if value is None:
            continue
        if i + 1 < len(lower) and lower[i + 1] in _SCALES:
            value *= _SCALES[lower[i + 1]]
        near = lower[max(i - 3, 0) : i] + lower[i + 1 : i + 5]
        is_date = (i > 0 and lower[i - 1] in _MONTHS) or (i + 1 < len(lower) and lower[i + 1] in _MONTHS)
        is_year = token.isdigit() and len(token) == 4 and 1800 <= value <= 2100
        is_part = (i + 1 < len(lower) and lower[i + 1] in _PART) or (i > 0 and lower[i - 1] in _PART)
        is_group = i + 1 < len(lower) and lower[i + 1] in _GROUPS
        if is_date or is_year or is_part or is_group:
            continue
        for name, cue in _COUNTED:
            if any(cue.match(w) for w in near):
                found.append((name, value))
                break
    return tuple(found)


def _value(token: str) -> float | None:
    if token[0].isdigit():
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    return _WORD_NUMBERS.get(token) if token not in ("one", "zero") else None


def conflicting(a: Figures, b: Figures) -> bool:
    """Two sentences count one thing and share no figure for it ("killed 90" / "3 were killed")."""
    for name in {n for n, _ in a} & {n for n, _ in b}:
        if not {v for n, v in a if n == name} & {v for n, v in b if n == name}:
            return True
    return False
