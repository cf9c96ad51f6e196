"""Cleaning: page junk, repeated paragraphs, empty and off-topic documents."""

from storyline.clean._clean import MAX_ARTICLE_CHARS, clean_article, clean_corpus, dedupe_paragraphs
from storyline.clean._rules import classify_line, error_page_reason
from storyline.clean._topic import OFF_TOPIC_THRESHOLD, find_off_topic, off_topic_scores

__all__ = [
    "MAX_ARTICLE_CHARS",
    "OFF_TOPIC_THRESHOLD",
    "classify_line",
    "clean_article",
    "clean_corpus",
    "dedupe_paragraphs",
    "error_page_reason",
    "find_off_topic",
    "off_topic_scores",
]
