"""One test of "these two sentences state the same fact", used everywhere it is asked."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from storyline.embed._base import Embedder
from storyline.errors import ConfigError, Errors
from storyline.text import MONTH_WORDS, content_words, overlap


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
        return _word_set(text)

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

    def supports(
        self,
        similarity: float,
        words_a: AbstractSet[str],
        words_b: AbstractSet[str],
        names_a: list[frozenset[str]],
        topic: Topic | None = None,
    ) -> bool:
        """Whether a sentence of this similarity and these content words (`words_b`) is
        support enough to cite a report for sentence a: a citation vouches for the sentence,
        so it asks more than `same`. The shared words must not all lie in one name of a
        (`names_a`, from `names`): "Steve Jobs will be missed." shares who "The Second Coming
        of Steve Jobs." is about, not what it says. Where the word test is used, at least
        `CITATION_MIN_OVERLAP` of them must be shared.

        `topic`: the cluster's topic (`topic_of`). In a cluster of weeks of reports about one
        person every report shares "Strauss-Kahn", "IMF", "charged" and "rape"; what
        sentence a says about them is in its other words (`Topic.said`), so at least
        `CITATION_MIN_OVERLAP` of those must be shared too ("Pressure is building for
        Strauss-Kahn to resign as head of the IMF ..." is not stated by a report that he
        was refused bail on charges of attempted rape)."""
        if similarity < self.threshold:
            return False
        shared = words_a & words_b
        if any(shared <= name for name in names_a):
            return False
        if self.uses_words and overlap(words_a, words_b) < max(self.min_overlap, CITATION_MIN_OVERLAP):
            return False
        said = topic.said(words_a) if topic is not None else frozenset()
        return not said or len(said & words_b) >= CITATION_MIN_OVERLAP * len(said)

    @staticmethod
    def names(text: str) -> list[frozenset[str]]:
        """The content words of each name in `text`: capitalised words in a row ("Steve
        Jobs", "New York Stock Exchange"), "of" and "the" inside one."""
        return [words for run in _NAME_RUN.findall(text) if (words := _word_set(run))]

    @staticmethod
    def name_runs(text: str) -> list[tuple[int, str]]:
        """Where each name `names` reads starts in `text`, and the name as written."""
        return [(run.start(), run.group()) for run in _NAME_RUN.finditer(text)]

    @staticmethod
    def topic_of(reports: Sequence[AbstractSet[str]]) -> Topic:
        """The topic of a cluster, given each report's content words; a report with none (all
        of it copied from another, say) is not counted."""
        reports = [words for words in reports if words]
        if len(reports) < TOPIC_MIN_REPORTS:
            return Topic(frozenset(), frozenset())
        counts = Counter(w for words in reports for w in words)
        return Topic(
            words=frozenset(w for w, n in counts.items() if n >= TOPIC_SHARE * len(reports)),
            lone=frozenset(w for w, n in counts.items() if n == 1),
        )

    @staticmethod
    def numbers(text: str) -> frozenset[float]:
        """Every number the sentence states, of any kind (`numbers_of`)."""
        return numbers_of(text)

    @staticmethod
    def disagree(figures_a: Figures, figures_b: Figures) -> bool:
        """Whether two sets of figures count one thing and share no value for it."""
        return conflicting(figures_a, figures_b)


Figures = tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Topic:
    """What most of a cluster's reports share (`FactMatcher.topic_of`)."""

    words: frozenset[str]
    """The content words at least `TOPIC_SHARE` of the reports use; none in a cluster of fewer
    than `TOPIC_MIN_REPORTS` reports, where a word two reports share tells of no topic."""
    lone: frozenset[str]
    """The content words only one report uses: no other report can share them."""

    def said(self, words: AbstractSet[str]) -> frozenset[str]:
        """What a sentence of these content words says about the topic: its words other
        reports may share, less the topic's own. None where the cluster has no topic."""
        if not self.words:
            return frozenset()
        return frozenset(words) - self.words - self.lone


CITATION_MIN_OVERLAP = 0.6
"""Share of the shorter sentence's content words a cited report's sentence must share with a
summary sentence, where the matcher uses words (the static embedder asks 0.5 of two sentences
to call them one fact when it keeps a summary free of repeats). Chosen on a helper's blind
audit of 120 real citations of web and wire reports (tests/gold/audits/citations.jsonl):
at 0.5 / 0.6 / 0.7, 57% / 79% / 89% of the audited citations still made state the sentence's
fact, keeping 67 / 55 / 47 of the 67 that do; 0.6 for precision at a fifth of the recall.
On the audit's archive reports, not used to choose: 18% / 24% / 40% (docs/benchmarks.md)."""
TOPIC_SHARE = 0.5
"""A cluster's topic words are those at least this share of its reports use (`FactMatcher.topic_of`)."""
TOPIC_MIN_REPORTS = 8
"""A cluster with fewer reports has no topic words. Chosen with the share of a sentence's
other words a citation asks (`CITATION_MIN_OVERLAP`) on the dev citation audit: of the
audited citations still made, the share that state the sentence's fact went 61/95 -> 57/68
(archive 6/25 -> 4/7); at 6 / 10 reports 54/62 / 58/75 (a report's own words counted).
Held out (a second audit, other clusters): docs/benchmarks.md, "Citations in a cluster of
one topic"."""
_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|de|al|bin)\s+)?[A-Z][\w'’.-]*)*")

# What a figure counts, from the word stems near it. Only the counts news disputes;
# a figure nothing here names is left out, so it can never block a match.
_COUNTED = (
    ("deaths", re.compile(r"^(kill|dead|death|die|dying|fatal|bodies|lives|toll|murder)")),
    ("injured", re.compile(r"^(injur|wound|hurt)")),
    # Taken to hospital is not injured: some of the injured never go.
    ("hospital", re.compile(r"^(hospital|treated|treatment)")),
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
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+|[$€£%,;]")
_MONEY = frozenset("$ € £".split())
_MONEY_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9}
"""Scales written as a letter, read only after a currency sign ("$57m"; "5 m" is metres)."""
_CURRENCY_WORDS = frozenset("dollars euros pounds".split())
_PERCENT = frozenset("% percent".split())
# "12 were still in hospital", "three remain in critical condition": who is in a state
# now, not the total the state is drawn from; such a figure blocks no match.
_STATES = frozenset("still remain remains remained remaining currently condition".split())
_PART = frozenset("of among including".split())
# A figure for a group ("4 children") counts a part of the toll, not the toll.
_GROUPS = frozenset(
    """children child women men boys girls soldiers troops officers police policemen civilians militants
    rebels fighters workers students tourists journalists firefighters miners passengers""".split()
)


def _numbers(lower: list[str]) -> Iterator[tuple[int, float, bool, bool]]:
    """(position, value, money, scaled) of each number among the lowercased tokens, with
    its scale ("1.2 million", "$57m"); not years ("2012", "2012,") nor days of a month."""
    for i, token in enumerate(lower):
        value = _value(token)
        if value is None:
            continue
        money = i > 0 and lower[i - 1] in _MONEY
        scale = lower[i + 1] if i + 1 < len(lower) else ""
        scaled = scale in _SCALES or (money and scale in _MONEY_SCALES)
        if scaled:
            value *= _SCALES.get(scale) or _MONEY_SCALES[scale]
        is_date = (i > 0 and lower[i - 1] in MONTH_WORDS) or (
            i + 1 < len(lower) and lower[i + 1] in MONTH_WORDS
        )
        digits = token.rstrip(",")  # "2012," before a comma
        is_year = digits.isdigit() and len(digits) == 4 and 1800 <= value <= 2100
        if not (is_date or is_year):
            yield i, value, money, scaled


_CACHED = 1 << 15
"""Sentences whose words and figures are kept: the stages of one report (date inference,
timeline, summary, agreements, key dates) each ask for those of every sentence."""


@lru_cache(maxsize=_CACHED)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


@lru_cache(maxsize=_CACHED)
def figures_of(text: str) -> Figures:
    """(counted thing, value) for each figure a cue names within a few words of it.

    Cheap on purpose (a regular expression, no parse): it runs on every candidate
    sentence of every summary. Years, dates and parts ("three of them", "including
    two children") are skipped: they count nothing the sentence's total does; so are
    counts of a state now ("12 were still in hospital"). Sums of money and shares
    ("$1.2 million", "10 percent") are figures whatever they count.
    """
    lower = [t.lower() for t in _TOKEN.findall(text)]
    found: list[tuple[str, float]] = []
    for i, value, money, scaled in _numbers(lower):
        after = lower[i + 2 if scaled else i + 1] if i + (2 if scaled else 1) < len(lower) else ""
        near = lower[max(i - 3, 0) : i] + lower[i + 1 : i + 5]
        before = lower[i - 2] if money and i > 1 else lower[i - 1] if i > 0 else ""  # "including $200,000"
        if (i + 1 < len(lower) and lower[i + 1] in _PART) or before in _PART:
            continue
        # A sum of money or a share is a figure whatever it counts: two sentences that
        # state one fact with different sums ("raised $1.2 million", "$1.5 million") differ.
        if money or after in _CURRENCY_WORDS:
            found.append(("money", value))
            continue
        if after in _PERCENT:
            found.append(("percent", value))
            continue
        is_group = i + 1 < len(lower) and lower[i + 1] in _GROUPS
        if is_group or _STATES & set(near):
            continue
        name = _counted(lower, i)
        if name is not None:
            found.append((name, value))
    return tuple(found)


@lru_cache(maxsize=_CACHED)
def numbers_of(text: str) -> frozenset[float]:
    """Every number a sentence states, whatever it counts: digits and number words from
    two up, with their scale ("$57m", "1.2 million"); not years, nor days of a month."""
    return frozenset(value for _, value, _, _ in _numbers([t.lower() for t in _TOKEN.findall(text)]))


_CLAUSE_BREAKS = frozenset(", ; and or but while whereas".split())


def _counted(lower: list[str], i: int) -> str | None:
    """What the figure at `i` counts: the first cue in the words after it up to a
    conjunction ("23 were taken to hospital"), else the nearest before it ("killed 23");
    in "four were killed and 23 were taken to hospital" 23 is not a death."""
    after = []
    for word in lower[i + 1 : i + 5]:
        if word in _CLAUSE_BREAKS:
            break
        after.append(word)
    for word in [*after, *reversed(lower[max(i - 3, 0) : i])]:
        for name, cue in _COUNTED:
            if cue.match(word):
                return name
    return None


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
