"""Sentences that do not read alone in a summary (issue 15): fragments and dangling pronouns.

Two rules, applied to the candidates before selection:

- a **fragment** is never a candidate: an attribution alone ("he said.", "Smith
  added."), a quote cut at its close (the sentence opens with the closing quote
  the splitter left behind), a sentence that starts on a comma (a line broken inside a
  sentence), an unfinished sentence (it stops on a colon that opens a
  list, "The rules require:", or on a word, as a line broken mid-sentence or a
  headline does: tested only in a cluster whose sentences mostly end with a mark, so
  text written without stops still has candidates), or a heading in capitals;
- a sentence that **opens with a personal pronoun** (he, she, they and their other
  forms), or that **ends a quote opened in the sentence before** ("The leak is now
  sealed," he said.), may only follow the sentence before it in its report: it is a
  candidate that needs that sentence chosen first, and no candidate at all when that
  sentence is not one. Whoever the pronoun names, or the quote's opening, is then in
  the summary just before it (the summary is read in report order within a date);
- a sentence **inside a quotation that runs over sentences** (after the one that opens it
  and leaves it open, up to the one that closes it) needs the sentence before it in the
  same way, and after the choice a quotation whose close was not chosen is taken out
  whole (`unfinished_quotes`; the summarizer then chooses again without it): alone, its
  sentences show a quote that never closes, or quoted words as the reporter's;
- a sentence that **opens with a surname alone** whose full name an earlier sentence of
  its report gives ("Sikosana made the statements ..." after "... Jonathan Sikosana
  ...") needs that earlier sentence chosen first, in the same way.

`storyline.evaluate.Readability` counts the same kinds over any system's output; it
keeps its own rules (the measure stays independent of this code).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from storyline.model import Corpus, Sentence
from storyline.text import (
    MARK_AT_END,
    MAX_RUN_ON,
    is_attribution_or_cut_quote,
    is_heading,
    is_unfinished,
    marks_stand_apart,
    run_on_quotes,
    starts_with_connective,
    starts_with_pronoun,
)

_LOWER_START = re.compile(r"^[\W_]*[a-z]+(?:['’-][a-z]+)*(?![\w'’-])")  # "the US ...", not "iPhone"
_CUT_START = re.compile(r"^\s*[,;]")  # ", it's something ...": a line broken inside a sentence


def is_fragment(text: str, *, punctuated: bool = True) -> bool:
    """An attribution alone, a quote cut at its close, a sentence that starts where none
    starts (on a comma), an unfinished sentence (when the text is `punctuated`: its
    sentences mostly end with a mark) or a heading."""
    return (
        is_attribution_or_cut_quote(text)
        or bool(_CUT_START.match(text))
        or (punctuated and is_unfinished(text))
        or is_heading(text)
    )


def is_punctuated(corpus: Corpus) -> bool:
    """At least half the cluster's sentences end where a sentence ends. (The whole cluster:
    a report of one sentence cut short, as Multi-News cuts its reports, says nothing alone.)"""
    unfinished = sum(is_unfinished(s.text) for s in corpus.sentences)
    return 2 * unfinished <= len(corpus.sentences)


_QUOTE_MARK = re.compile(r"“|”|``|''|\"")


def ends_quote_from_before(text: str) -> bool:
    """The sentence's first quotation mark closes a quote: one opened in an earlier sentence.

    Curly marks say which way they face; a wire '' first closes when the sentence's marks
    are unpaired (wire text opens quotes with '' too); a straight double quote closes when it
    follows a letter or punctuation mark rather than a space or a digit, and the sentence
    has an odd number of them.
    """
    match = _QUOTE_MARK.search(text)
    if match is None:
        return False
    mark, before = match.group(0), text[match.start() - 1 : match.start()]
    if mark == "”":
        return True
    if mark == "''":  # wire text also opens quotes with '': closing only when left unpaired
        return len(_QUOTE_MARK.findall(text)) % 2 == 1
    if mark != '"' or text.count('"') % 2 == 0:
        return False
    return bool(before) and not before.isspace() and not before.isdigit()  # 5" is inches


MAX_QUOTE_RUN = 6
"""Sentences a quotation may run over after the one that opens it; past this the opening
mark is taken for a stray one, and only its own sentence is left out."""


_STRAIGHT_OPEN = re.compile(r'(?:^|(?<=[\s(\[:]))"(?=[^\W_])')  # '"We' after a space: opens
_STRAIGHT_CLOSE = re.compile(r'(?<=[^\s(\[])"(?=\s|$)')  # 'night."' before a space: closes


def _opens(text: str) -> bool:
    """The sentence leaves a quotation open: a curly opening mark after its last closing
    one, or an odd number of straight double marks whose last is one that opens (set
    against a word after it and a space before). Marks set apart on both sides, as some
    archives write them, say nothing either way."""
    if "“" in text:
        return text.rfind("“") > text.rfind("”")
    if text.count('"') % 2 == 0:
        return False
    last = text.rfind('"')
    return bool(_STRAIGHT_OPEN.match(text, last))


def _closes(text: str) -> bool:
    """The sentence closes a quotation opened before it: its first mark is a curly closing
    one, or an odd number of straight marks whose first closes (set against what is before it)."""
    if "”" in text:
        return "“" not in text or text.find("”") < text.find("“")
    if text.count('"') % 2 == 0:
        return False
    return bool(_STRAIGHT_CLOSE.match(text, text.find('"')))


def quote_runs(texts: list[str]) -> list[tuple[int, int]]:
    """The quotations of a report (its sentences `texts`, in order) that run over sentences:
    `(first, last)` indices, from the sentence that opens a quote and leaves it open to the
    one that closes it, at most `MAX_QUOTE_RUN` sentences later (past that the opening
    mark is taken for a stray one: `stray_openings`). A closing sentence that opens a
    quote again ('..., ” the chief said, “and we will stay.') carries the run on."""
    out: list[tuple[int, int]] = []
    p = 0
    while p < len(texts):
        if not _opens(texts[p]):
            p += 1
            continue
        end = _close_after(texts, p)
        if end is None:
            p += 1
            continue
        while _opens(texts[end]) and (further := _close_after(texts, end)) is not None:
            end = further
        out.append((p, end))
        p = end + 1
    return out


def _close_after(texts: list[str], p: int) -> int | None:
    last = min(p + MAX_QUOTE_RUN, len(texts) - 1)
    return next((q for q in range(p + 1, last + 1) if _closes(texts[q])), None)


def stray_openings(texts: list[str], runs: list[tuple[int, int]]) -> set[int]:
    """Sentences that leave a quote open that no later sentence closes in time, though the
    report goes on long enough to close it: alone in a summary they show a quote that never
    closes (a copy may have lost its closing line). One opened in the report's last
    `MAX_QUOTE_RUN` sentences may close past where the text was cut (Multi-News cuts every
    report), and is left as it is."""
    inside = {p for first, last in runs for p in range(first, last + 1)}
    end = len(texts) - MAX_QUOTE_RUN
    return {p for p, text in enumerate(texts[:end]) if p not in inside and _opens(text)}


def quote_run_positions(texts: list[str]) -> set[int]:
    """Positions of the sentences inside `quote_runs`."""
    return {p for first, last in quote_runs(texts) for p in range(first, last + 1)}


def _report_texts(corpus: Corpus) -> dict[int, list[str]]:
    reports: dict[int, list[str]] = {}
    for s in corpus.sentences:
        texts = reports.setdefault(s.doc_index, [])
        texts.extend([""] * (s.position + 1 - len(texts)))
        texts[s.position] = s.text
    return reports


def report_quote_runs(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The quotations over sentences of one report (its `sentences`, in order): `(first,
    last)` sentence positions. Where the report's straight marks all stand apart from the
    words (an archive's tokens), marks do not say which way they face, and the runs are
    the quote finder's runs over lines (`storyline.text.run_on_quotes`): from the sentence
    with the opening mark (or the next line's first, where the mark was left at the end of
    the line before) to the one with the closing mark. Otherwise `quote_runs`."""
    return _report_runs(sentences)[0]


def _report_runs(sentences: list[Sentence]) -> tuple[list[tuple[int, int]], set[int]]:
    """`report_quote_runs`, and the positions of the report's `stray_openings` (none where
    its marks stand apart)."""
    lines: dict[int, list[Sentence]] = {}
    for s in sentences:
        lines.setdefault(s.paragraph, []).append(s)
    order = sorted(lines)
    line_texts = [" ".join(s.text for s in lines[k]) for k in order]
    if not marks_stand_apart(line_texts):
        texts = [s.text for s in sentences]
        found = quote_runs(texts)
        runs = [(sentences[a].position, sentences[b].position) for a, b in found]
        return runs, {sentences[k].position for k in stray_openings(texts, found)}
    out: list[tuple[int, int]] = []
    strict = run_on_quotes(line_texts)
    taken = {k for opening, closing in strict for k in range(opening, closing + 1)}
    # Speech opened after a verb of saying ('Brafman said: " He denies ...') runs to the next
    # line with a mark, credit or not: the quote finder needs a credit to name a speaker,
    # a summary only needs to keep the quotation whole.
    loose = [
        (k, next(j for j in range(k + 1, min(len(line_texts), k + 1 + MAX_RUN_ON)) if '"' in line_texts[j]))
        for k, text in enumerate(line_texts)
        if k not in taken
        and _SAID_THEN_OPENS.search(text)
        and any('"' in t for t in line_texts[k + 1 : k + 1 + MAX_RUN_ON])
    ]
    for opening, closing in sorted([*strict, *loose]):
        opened = lines[order[opening]]
        with_mark = [s for s in opened if '"' in s.text]
        if MARK_AT_END.search(line_texts[opening]) or not with_mark:
            first = lines[order[opening + 1]][0].position  # '... family. "' / 'Today I am sorry ...'
        else:
            first = with_mark[-1].position
        last = next(
            (s.position for s in lines[order[closing]] if '"' in s.text), lines[order[closing]][-1].position
        )
        if last > first:
            out.append((first, last))
    return out, set()


_SAID_THEN_OPENS = re.compile(
    r'\b(?:said|says|added|told \w+|wrote|writes|stated|declared)\s*[:,]\s*"\s*[^"\s][^"]*$'
)


@dataclass
class Reading:
    """What the readability rules read of a corpus's reports, once per summary: each report's
    sentence texts by position, its quotations over sentences (`report_quote_runs`), the
    sentences that leave a quote open that nothing closes (`stray_openings`), whether the
    cluster's sentences mostly end with a mark, and the sentence each one needs before it
    (filled as asked)."""

    reports: dict[int, list[str]]
    runs: dict[int, list[tuple[int, int]]]
    strays: set[tuple[int, int]]
    punctuated: bool
    needed: dict[tuple[int, int], int | None] = field(default_factory=dict)

    @classmethod
    def of(cls, corpus: Corpus) -> Reading:
        by_report: dict[int, list[Sentence]] = {}
        for s in corpus.sentences:
            by_report.setdefault(s.doc_index, []).append(s)
        runs: dict[int, list[tuple[int, int]]] = {}
        strays: set[tuple[int, int]] = set()
        for doc, sentences in by_report.items():
            sentences.sort(key=lambda s: s.position)
            runs[doc], stray = _report_runs(sentences)
            strays |= {(doc, p) for p in stray}
        return cls(_report_texts(corpus), runs, strays, is_punctuated(corpus))


def unfinished_quotes(corpus: Corpus, chosen: list[int], reading: Reading | None = None) -> set[int]:
    """Of the `chosen` sentences, those in a quotation over sentences whose last sentence
    was not chosen: alone they show a quote that never closes, or quoted words without
    their marks, as if they were the reporter's. (`readable_candidates` chains each
    sentence of such a quotation to the one before it, so it is never chosen without its
    opening; whether its close follows is known only after the choice.)"""
    if not chosen:
        return set()
    runs = (reading or Reading.of(corpus)).runs
    picked = {(corpus.sentences[i].doc_index, corpus.sentences[i].position): i for i in chosen}
    out: set[int] = set()
    for doc in {d for d, _ in picked}:
        for first, last in runs.get(doc, []):
            members = [picked[(doc, p)] for p in range(first, last + 1) if (doc, p) in picked]
            if members and (doc, last) not in picked:
                out.update(members)
    return out


def needs_previous(text: str) -> bool:
    """The sentence reads only after the one before it in its report: it opens with a
    pronoun ("He said ...") or a connective ("But the plan ..."), or closes a quote opened
    before it."""
    return starts_with_pronoun(text) or starts_with_connective(text) or ends_quote_from_before(text)


_OPENING_WORD = re.compile(r"^[\"“]?([A-Z][a-z'’-]{2,})\s+[a-z]")  # "Sikosana made the statements"


def _introduction(texts: list[str], position: int) -> int | None:
    """For a sentence of a report that opens with a surname alone ("Sikosana made the
    statements ..."), the position of the report's earlier sentence that gives the full
    name ("... Jonathan Sikosana ..."); None when it opens otherwise, gives the full name
    itself, or the report never gave one."""
    match = _OPENING_WORD.match(texts[position])
    if match is None:
        return None
    surname = re.sub(r"['’]s$", "", match.group(1))  # "Sikosana's deputy"
    full = re.compile(rf"\b[A-Z][\w'’.-]*\s+{re.escape(surname)}\b")
    if full.search(texts[position]):
        return None
    return next((p for p in range(position) if full.search(texts[p])), None)


def readable_candidates(
    corpus: Corpus, candidates: npt.NDArray[np.intp], reading: Reading | None = None
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """The candidates without fragments, and what each needs chosen before it.

    Returns `(kept, needs)`: `needs[k]` is the index into `kept` of the sentence that
    must be in the summary before `kept[k]` may be (the previous sentence of its
    report, for a pronoun start), or -1. A pronoun start whose previous sentence is
    not a candidate is left out, and so is every sentence of a quotation over sentences
    one of whose sentences is not a candidate. `reading`: `Reading.of(corpus)`, when the
    caller asks more than once.
    """
    sentences = corpus.sentences
    reading = reading or Reading.of(corpus)
    punctuated, reports = reading.punctuated, reading.reports
    kept = [int(i) for i in candidates if not is_fragment(sentences[int(i)].text, punctuated=punctuated)]
    # A line broken inside a sentence: the part after the break starts in lower case, after a
    # sentence that stops where none ends ("... acceptable to the major shareholders –" /
    # "the US and the big European countries.").
    broken = {
        (doc, p)
        for doc, texts in reports.items()
        for p in range(1, len(texts))
        if punctuated and _LOWER_START.match(texts[p]) and is_unfinished(texts[p - 1])
    }
    excluded = broken | reading.strays
    kept = [i for i in kept if (sentences[i].doc_index, sentences[i].position) not in excluded]
    # A quotation over sentences is chosen whole or not at all: if one of its sentences is
    # no candidate, none is.
    present = {(sentences[i].doc_index, sentences[i].position) for i in kept}
    gone = {
        (doc, p)
        for doc, runs in reading.runs.items()
        for first, last in runs
        if any((doc, p) not in present for p in range(first, last + 1))
        for p in range(first, last + 1)
    }
    kept = [i for i in kept if (sentences[i].doc_index, sentences[i].position) not in gone]
    # Each sentence after the first of a quotation over sentences needs the one before it.
    carried = {
        (doc, p)
        for doc, runs in reading.runs.items()
        for first, last in runs
        for p in range(first + 1, last + 1)
    }
    found = reading.needed

    def needed(s: Sentence) -> int | None:
        """The position in its report of the sentence `s` needs before it, if any."""
        key = (s.doc_index, s.position)
        if key not in found:
            found[key] = (
                s.position - 1
                if key in carried or needs_previous(s.text)
                else _introduction(reports[s.doc_index], s.position)
            )
        return found[key]

    # In report order, a sentence that needs another stays only when that one stayed.
    stays: dict[tuple[int, int], bool] = {}
    for i in sorted(kept, key=lambda i: (sentences[i].doc_index, sentences[i].position)):
        s = sentences[i]
        before = needed(s)
        stays[(s.doc_index, s.position)] = before is None or stays.get((s.doc_index, before), False)
    out = [i for i in kept if stays[(sentences[i].doc_index, sentences[i].position)]]
    index = {(sentences[i].doc_index, sentences[i].position): k for k, i in enumerate(out)}
    needs = []
    for i in out:
        before = needed(sentences[i])
        needs.append(-1 if before is None else index[(sentences[i].doc_index, before)])
    return np.array(out, dtype=np.intp), np.array(needs, dtype=np.intp)
