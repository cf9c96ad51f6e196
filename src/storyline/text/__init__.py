"""Text utilities: repair, paragraphs, scripts, sentence splitting, tokens."""

from storyline.text._dates import (
    MONTH,
    MONTH_WORDS,
    PublicationDate,
    find_event_dates,
    find_publication_date,
    is_date_stamp,
    parse_date,
    to_calendar_date,
)
from storyline.text._day import LEAD_SENTENCES, SentenceDays, find_sentence_days, sentence_day
from storyline.text._escape import html_escape, md_escape, md_link, md_source, plain, safe_url
from storyline.text._fragments import (
    HEADLINE_SMALL_WORDS,
    is_attribution_or_cut_quote,
    is_heading,
    is_title_case,
    is_unfinished,
    starts_with_connective,
    starts_with_pronoun,
)
from storyline.text._hyphens import join_spaced_hyphens, spaces_hyphens, spaces_hyphens_in
from storyline.text._normalize import (
    Piece,
    align,
    fix_line,
    fix_text,
    fixed_lines,
    paragraph_pieces,
    split_paragraphs,
)
from storyline.text._quotes import CREDIT_VERBS, MAX_RUN_ON, marks_stand_apart, run_on_quotes
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
    "CREDIT_VERBS",
    "HEADLINE_SMALL_WORDS",
    "LEAD_SENTENCES",
    "MAX_RUN_ON",
    "MONTH",
    "MONTH_WORDS",
    "SPLITTERS",
    "STOPWORDS",
    "WORD",
    "BlingfireSplitter",
    "LineSplitter",
    "Piece",
    "PublicationDate",
    "PysbdSplitter",
    "SentenceDays",
    "Splitter",
    "align",
    "content_words",
    "count_words",
    "dominant_script",
    "find_event_dates",
    "find_publication_date",
    "find_sentence_days",
    "fix_line",
    "fix_text",
    "fixed_lines",
    "html_escape",
    "is_attribution_or_cut_quote",
    "is_date_stamp",
    "is_heading",
    "is_title_case",
    "is_unfinished",
    "join_spaced_hyphens",
    "make_splitter",
    "marks_stand_apart",
    "md_escape",
    "md_link",
    "md_source",
    "overlap",
    "paragraph_pieces",
    "parse_date",
    "plain",
    "run_on_quotes",
    "safe_url",
    "script_counts",
    "sentence_day",
    "spaces_hyphens",
    "spaces_hyphens_in",
    "split_corpus",
    "split_paragraphs",
    "starts_with_connective",
    "starts_with_pronoun",
    "to_calendar_date",
    "word_tokens",
]
