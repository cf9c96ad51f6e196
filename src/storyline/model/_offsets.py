"""Offsets of a cleaned text mapped back to the text the user gave (STYLE.md §7).

Cleaning rewrites text: it repairs mojibake, folds runs of spaces, joins hard-wrapped
lines and deletes whole lines of page junk. Every span storyline emits must still
point into what the user gave, so cleaning records, beside its output, a map from
each offset of the clean text to an offset of the given text.

The map is a run list: consecutive runs of (clean length, given length). A run whose
two lengths are equal maps character by character (a verbatim copy); any other run is
one edit, and a span edge that falls inside an edit snaps outward to the edit's
boundary. A deletion (page junk) is a run of clean length 0.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Breakpoints `(clean[k], given[k])`, closed by `(len(clean), len(given))`.

    Offsets count `str` code points. Build one with `OffsetMap.from_runs`.
    """

    clean: tuple[int, ...] = (0,)
    given: tuple[int, ...] = (0,)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that cleaning left as it was."""
        return cls((0, length), (0, length))

    @classmethod
    def from_runs(cls, runs: Iterable[tuple[int, int]]) -> OffsetMap:
        """Build the map from consecutive `(clean_length, given_length)` runs.

        Adjacent verbatim runs are merged; empty runs are skipped.
        """
        clean, given = [0], [0]
        last_verbatim = False
        for n_clean, n_given in runs:
            if n_clean < 0 or n_given < 0:
                raise ValueError("run lengths must not be negative")
            if n_clean == 0 and n_given == 0:
                continue
            verbatim = n_clean == n_given
            if verbatim and last_verbatim:
                clean[-1] += n_clean
                given[-1] += n_given
                continue
            clean.append(clean[-1] + n_clean)
            given.append(given[-1] + n_given)
            last_verbatim = verbatim
        return cls(tuple(clean), tuple(given))

    @property
    def clean_length(self) -> int:
        return self.clean[-1]

    @property
    def given_length(self) -> int:
        return self.given[-1]

    def start(self, offset: int) -> int:
        """The given-text offset where a span starting at clean `offset` starts.

        At a deletion, the span starts after the deleted text; inside an edit, at the
        edit's start.
        """
        offset = min(max(offset, 0), self.clean_length)
        k = bisect_right(self.clean, offset) - 1
        if k >= len(self.clean) - 1:
            return self.given[-1]
        return self._inside(k, offset, end=False)

    def end(self, offset: int) -> int:
        """The given-text offset where a span ending at clean `offset` ends.

        At a deletion, the span ends before the deleted text; inside an edit, at the
        edit's end.
        """
        offset = min(max(offset, 0), self.clean_length)
        k = bisect_left(self.clean, offset)
        if self.clean[k] == offset:
            return self.given[k]
        return self._inside(k - 1, offset, end=True)

    def to_given(self, start: int, end: int) -> tuple[int, int]:
        """Map the clean span `[start, end)` to the given text, snapping outward at edits."""
        if end <= start:
            at = self.start(start)
            return at, at
        return self.start(start), max(self.end(end), self.start(start))

    def _inside(self, k: int, offset: int, *, end: bool) -> int:
        n_clean = self.clean[k + 1] - self.clean[k]
        n_given = self.given[k + 1] - self.given[k]
        if n_clean == n_given:
            return self.given[k] + offset - self.clean[k]
        return self.given[k + 1] if end else self.given[k]
