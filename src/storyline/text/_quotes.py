"""Quotations that run over lines, in text whose straight marks stand apart from the words.

Archives that tokenized their text write a quote mark with a space on each side
('he said: " We will stay . "') and put each sentence on a line of its own, so a quote
runs over lines, and its opening mark may be moved to the end of the line before
('... family. "' / 'Today I am sorry ...' / 'I bear a heavy responsibility, " she said.').
Such a mark does not say which way it faces. The quote finder (`storyline.analyze`) reads
who said such a quote, and the summarizer keeps its lines together; both take a run only
where both its ends show it (`run_on_quotes`).
"""

from __future__ import annotations

import re

_PLAIN_CREDIT_VERBS = (
    "said|says|added|adds|told|tells|asked|asks|explained|insisted|wrote|writes|continued|stated"
)
"""Credit verbs no noun is spelt as: they say someone spoke wherever they stand."""
CREDIT_VERBS = (
    f"{_PLAIN_CREDIT_VERBS}|explains|insists|continues|states|declared|declares|noted|notes|concluded|"
    "concludes|remarked|remarks|argued|argues|claimed|claims|admitted|admits|recalled|recalls|replied|replies|"
    "observed|observes|avers|averred|warned|warns|countered|counters|retorted|retorts|gushed|gushes|"
    "enthused|enthuses|joked|jokes|quipped|quips|remembers"
)
"""Verbs that credit speech to someone, as the run rules read them ('..., " she declares.')."""
_CREDITING_PRONOUNS = "he|she|they|I|we"
"""The pronouns a credit after a closing mark may name ('..., " she said.')."""
_NOT_A_PRONOUN = r"(?!(?:We|They|He|She|It|You)\s)"
_NAME = rf"{_NOT_A_PRONOUN}[A-Z][\w'’.-]*(?:\s+-\s+[A-Z][\w'’-]*)?"
_ROLE = (
    r"(?:spokesman|spokeswoman|spokesperson|lawyer|attorney|chairman|chief|director|president|"
    r"minister|secretary|official|analyst|professor|coach|manager|executive|founder|editor|prosecutor)"
)
_CREDITED = (
    rf"(?:{_CREDITING_PRONOUNS})\s+"
    rf"|(?:{_NOT_A_PRONOUN}[A-Z][\w'’-]*(?:\s+-\s+[A-Z][\w'’-]*)?\s+){{1,4}}"
)
"""Who a credit after a closing mark names: a pronoun or a name of up to four words ('...,
" she said.', '..." said Bourdin.', '..., " Ana Roux added.')."""
_DESCRIBED = (
    rf"(?:(?:{_NAME}\s+){{0,3}}{_ROLE}\s+)?{_NAME}(?:\s+{_NAME}){{0,3}}"
    r"(?:\s+|\s*,\s+(?:[\w'’.-]+\s+){1,10}?[\w'’.-]+\s*,\s+)"
    r"|(?:the|his|her|their|its|a|an|one|our)\s+(?:[\w'’.-]+\s+){1,5}?"
)
"""A credit that names its speaker after other words: a name after a body's words and a
role ('Livestrong Foundation spokeswoman Ana Roux'), a name with an apposition set off by
commas ('Ole Brun, the director of the polling firm CSA, told'), a noun phrase that opens
with a determiner ('his lawyer Ana Roux', 'the bank'). Only after a comma or a stop before
the mark, and with a verb no noun is spelt as: a phrase quoted in narration ('called the
suit " the worst thing anyone has said "') is no credit."""
_CREDIT_AFTER_MARK = re.compile(
    rf'^[^"]*(?:[\w.,?!…]\s*"\s*,?\s*(?:{_CREDITED})?(?:{CREDIT_VERBS})\b'
    rf'|[.,?!…]\s*"\s*,?\s*(?:{_DESCRIBED})(?:(?:{_PLAIN_CREDIT_VERBS})\b|(?:was|is)\s+quoted\s+as\s+saying\b))'
)
_CREDIT_NEAR = re.compile(
    rf'[.,?!…]\s*"\s*,?\s*(?:[^"\s]+\s+){{0,8}}?(?:(?:{CREDIT_VERBS}|read|reads)\b|according\s+to\b)'
)
"""Any mark after speech with a credit in the words after it, however they name the speaker
('..., " she also said', '..., " Ana Roux, 45, said', '..., " according to Roux'): the mark
closes speech. Read only to keep a line of speech a speech (`_closes_before_narration`)."""
MARK_AT_END = re.compile(r'[.?!…]\s*"\s*$')
"""A mark left at a line's end after its sentence ('... family. "'): it opens the next line's
quote as often as it closes this one's."""
_OPENS_AFTER = re.compile(r'(?:[:,]|^)\s*"\s*[^"\s][^"]*$')
MAX_RUN_ON = 6
"""How many lines after its opening line a quotation may close (quotations in the Entities
archive's reports of Strauss-Kahn's arrest ran over up to five lines); a mark left unclosed
further is taken for a stray one."""
_SAYING = re.compile(rf"\b(?:{_PLAIN_CREDIT_VERBS}|warned|argued|claimed|declared)\b")
"""Verbs of saying before an opening mark: not the credit verbs that are nouns too ("filed
insurance claims", "his notes")."""
_MARK_ON_WORD = re.compile(r'\w"|"\w')


def marks_stand_apart(lines: list[str]) -> bool:
    """Whether a report (its `lines`) quotes with straight marks that all stand apart from
    the words. Marks set against words (web and wire text) show their direction, and news
    style opens each paragraph of a long quote again: such text has no runs here."""
    return any('"' in t for t in lines) and not any(
        _MARK_ON_WORD.search(t) or "“" in t or "”" in t for t in lines
    )


def run_on_quotes(lines: list[str]) -> list[tuple[int, int]]:
    """The quotations over lines of a report whose marks stand apart: `(opening, closing)`
    line numbers. Counting marks from the report's start goes wrong for good at the first
    stray one, and at the first line that news style opens again ('" There is a reason
    for that.'). So a run is taken only where both its ends show it (`opens_run_on`,
    `closes_run_on`), with no mark on the lines between and the closing line at most
    `MAX_RUN_ON` lines after the opening one. Empty for any other report."""
    if not marks_stand_apart(lines):
        return []
    out: list[tuple[int, int]] = []
    i = 0
    reopened = False  # the line closes one run and opens the next ('..., " the bank said . "')
    while i < len(lines):
        if not (reopened or opens_run_on(lines[i])):
            i += 1
            continue
        reopened = False
        close = next((j for j in range(i + 1, min(len(lines), i + 1 + MAX_RUN_ON)) if '"' in lines[j]), None)
        # A verb of saying before the opening mark ("X told journalists that ... . "), not
        # inside the quote the line may close ('" ... his physio told him ...').
        said = bool(_SAYING.search(lines[i][: lines[i].rfind('"')]))
        if close is None or not (
            closes_run_on(lines[close], after_saying=said)
            or closes_at_start(lines[close])
            or _closes_before_narration(lines, close)
        ):
            i += 1
            continue
        out.append((i, close))
        closing = lines[close]
        reopened = opens_run_on(closing[closing.index('"') + 1 :])
        i = close if reopened else close + 1
    return out


def opens_run_on(line: str) -> bool:
    """Whether a line leaves a quotation open for the next: its marks do not pair up, and
    its last one is left at its end after its sentence ('... family. "'), or opens speech
    after a colon or a comma ('... said: " He denies the charges.') or at the line's start
    (news style opening a paragraph of a long quote again: '" There is a reason.')."""
    if line.count('"') % 2 == 0:
        return False
    return bool(MARK_AT_END.search(line) or _OPENS_AFTER.search(line))


def closes_at_start(line: str) -> bool:
    """Whether a line's first mark, at its very start, closes speech run on from the lines
    before, as an archive that puts each sentence on a line of its own moves a closing mark
    to the next sentence ('And he was crying.' / '" Maree became emotional as he described
    Olivier's " committed " attempt.'): the line has an odd number of marks, three or more, so
    they pair up only without the first, and it leaves nothing open. Not '" There is a
    reason for that.' (one mark: news style opening a paragraph of a long quote again), nor
    '" It was bad, " she said, " and worse.' (it leaves its last quote open)."""
    marks = line.count('"')
    return (
        bool(_MARK_AT_START.match(line))
        and marks % 2 == 1
        and marks >= 3
        # nothing left open at its end, after a colon, a comma or a sentence's end (not
        # '" Nobody wanted this , " said Ole Brun . " But we had no money .'), and no credit
        # after its second mark: either says its first mark opened speech
        and not MARK_AT_END.search(line)
        and not _LEFT_OPEN.search(line)
        and not _CREDIT_AFTER_MARK.match(line[1:])
    )


_MARK_AT_START = re.compile(r'"\s+[A-Z]')


_FIRST_OR_SECOND = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b", re.IGNORECASE)
_REPORTS_SPEECH = re.compile(
    rf'"\s+(?:It|He|She|They)\s+(?:{_PLAIN_CREDIT_VERBS})\s+(?:that\b|\w+\s+(?:had|was|were|would)\b)'
)


def _closes_before_narration(lines: list[str], at: int) -> bool:
    """Whether the one mark of line `at`, at its very start, closes the speech run on from
    the lines before, as an archive that puts each sentence on a line of its own moves a
    closing mark to the next sentence ('Jobs said: " We had a great quarter .' / '" The
    results were announced after markets closed .'): the lines with marks after it show the
    text outside speech there, a mark opening a quote after a colon or a verb of saying, or
    a phrase quoted inside a line of narration ('... described the bosses as " greedy "'),
    with no speech closed before. Where a later mark closes speech (a credit after it, or a
    lone mark at a line's end), or a later line opens with a mark, or no mark follows, the
    line may as well open a paragraph of a long quote again ('" There is a reason for that
    .'), and it is taken so."""
    line = lines[at]
    if line.count('"') != 1 or not _MARK_AT_START.match(line):
        return False
    later = [t for t in lines[at + 1 : at + 1 + MAX_RUN_ON] if '"' in t]
    if not later:
        # no mark follows: only a line that reports speech itself is narration ('" It said
        # that although ...'), not one in the first or second person ('" They said we ...')
        return bool(_REPORTS_SPEECH.match(line)) and not _FIRST_OR_SECOND.search(line)
    narration = False
    for text in later:
        if (
            closes_run_on(text)
            or (text.count('"') == 1 and MARK_AT_END.search(text))
            or _CREDIT_NEAR.search(text)
        ):
            return False  # speech closes here: the line was speech ('... what " loss " means .' before it)
        before = text[: text.index('"')]
        if re.search(r":\s*$", before) or _SAYING.search(" ".join(before.split()[-4:])):
            return True
        if text.count('"') % 2 or not before.strip() or before.rstrip().endswith((".", "?", "!", "…", ",")):
            return False
        narration = True  # a phrase quoted inside a line of narration: its marks pair up on it
    return narration


_LEFT_OPEN = re.compile(r'[:,.?!…]\s*"\s*[^"\s][^"]*$')
"""A last mark that opens speech after a colon, a comma or a sentence's end and leaves it
open: `_OPENS_AFTER` with a sentence's end, for a line whose first mark is at its start."""


def credit_after_mark(line: str) -> bool:
    """Whether a line's first mark is followed by a credit that names someone ('..." said
    Bourdin.', '..., " Ana Roux added.'; not '..., " she said.', whose "she" the lines of
    the quote itself may seem to answer): the run it closes is the one credited there."""
    found = _CREDIT_AFTER_MARK.match(line)
    if found is None:
        return False
    return not _PRONOUN_CREDIT.match(line, line.index('"'))


_PRONOUN_CREDIT = re.compile(rf'"\s*,?\s*(?:{_CREDITING_PRONOUNS})\s')


def closes_run_on(line: str, *, after_saying: bool = False) -> bool:
    """Whether a line's first mark closes speech run on from the lines before: a credit
    follows it ('..., " she said.', '..." said Bourdin.'), or (`after_saying`: the opening
    line reports someone speaking, 'X told journalists that ... family. "') it is the line's
    one mark, at its end after its sentence. Without a verb of saying before, a mark at a
    line's end closes a quote as often as it opens one (news style opens each paragraph of
    a long quote again): on the dev files of the Entities speaker gold, taking it turned
    narration into speech."""
    if _CREDIT_AFTER_MARK.match(line):
        return True
    return after_saying and line.count('"') == 1 and bool(MARK_AT_END.search(line))
