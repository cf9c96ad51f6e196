"""Unicode repair and whitespace normalisation, before any other stage looks at text."""

from __future__ import annotations

import re

import ftfy

_MULTINEWS_NEWLINE = "NEWLINE_CHAR"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SENTENCE_END = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ")")
# ftfy is linear but not cheap; past this size we only fix what is cheap to fix.
_FTFY_MAX_CHARS = 2_000_000


def fix_text(text: str) -> str:
    """Repair mojibake and odd characters, normalise newlines and spaces; keep paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace(_MULTINEWS_NEWLINE, "\n")
    # Spaces first: ftfy judges mojibake by its neighbours, so the text it sees must
    # already be in its final spacing, or a second call could repair more.
    text = _normalize_spaces(text.replace("\ufeff", "").replace("\x00", ""))
    if len(text) <= _FTFY_MAX_CHARS:
        # uncurl_quotes=False: typographic quotes are real content, not damage. A repair
        # can reveal another layer of mojibake, so repeat until nothing changes.
        for _ in range(3):
            fixed = _normalize_spaces(
                ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=False, normalization="NFC")
            )
            if fixed == text:
                break
            text = fixed
    return text


def _normalize_spaces(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def split_paragraphs(text: str) -> list[str]:
    """Split normalised text into paragraphs (the units cleaning judges).

    Scraped pages put one paragraph per line, so every non-empty line is a unit,
    except in hard-wrapped blocks (most lines long and ending mid-sentence), whose
    lines are joined back together.
    """
    out: list[str] = []
    for block in text.split("\n\n"):
        lines = [line for line in block.split("\n") if line]
        if len(lines) > 2 and _is_hard_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of a similar width, most of them breaking mid-sentence: text wrapped at a
    fixed column (e-mail, plain-text wires), not one paragraph per line."""
    body = lines[:-1]
    widest = max(len(line) for line in body)
    if widest > 100 or any(len(line) < 0.7 * widest for line in body):
        return False
    mid_sentence = sum(1 for line in body if not line.endswith(_SENTENCE_END))
    return mid_sentence >= 0.5 * len(body)
