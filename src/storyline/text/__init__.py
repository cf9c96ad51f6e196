"""Text utilities: repair, paragraphs, scripts, sentence splitting, tokens."""

from storyline.text._normalize import fix_text, split_paragraphs
from storyline.text._scripts import dominant_script, script_counts
from storyline.text._segment import split_corpus
from storyline.text._split import (
    SPLITTERS,
    BlingfireSplitter,
    LineSplitter,
    PysbdSplitter,
    Splitter,
    count_words,
    make_splitter,
    word_tokens,
)
from storyline.text._words import STOPWORDS, WORD, content_words, overlap

__all__ = [
    "SPLITTERS",
    "STOPWORDS",
    "WORD",
    "BlingfireSplitter",
    "LineSplitter",
    "PysbdSplitter",
    "Splitter",
    "content_words",
    "count_words",
    "dominant_script",
    "fix_text",
    "make_splitter",
    "overlap",
    "script_counts",
    "split_corpus",
    "split_paragraphs",
    "word_tokens",
]
