"""Clean a cluster: strip page junk from each article, then repeated paragraphs across it."""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.clean._rules import (
    COMMENT_MARKERS,
    DATELINE_PREFIX,
    LINKS_HEADER,
    READING_PREFIX,
    classify_line,
    error_page_reason,
    looks_like_headline,
)
from storyline.model import Article, Corpus, Dropped
from storyline.text import count_words, dominant_script, fix_text, split_paragraphs, word_tokens

MAX_ARTICLE_CHARS = 300_000
"""Text past this many characters is not read (a news report is rarely over 60,000)."""
_MIN_DEDUP_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…\"'”’)]\s*$")
_BODY_MIN_WORDS = 12
_EXCERPT_CHARS = 300


def clean_corpus(corpus: Corpus, *, max_chars: int = MAX_ARTICLE_CHARS) -> Corpus:
    """Clean every article, drop duplicated paragraphs, and exclude empty or error pages."""
    articles: list[Article] = []
    paragraphs: list[list[str]] = []
    dropped: list[Dropped] = list(corpus.dropped)
    excluded = set(corpus.excluded)
    for index, article in enumerate(corpus.articles):
        cleaned, kept, lost = clean_article(article, max_chars=max_chars)
        dropped.extend(lost)
        reason = None if kept else "empty"
        if page := error_page_reason(article.text):
            reason = page
        if reason:
            excluded.add(index)
            dropped.append(_document_dropped(article, reason))
            kept = []
            cleaned = replace(cleaned, text="")
        articles.append(cleaned)
        paragraphs.append(kept)
    kept_paragraphs, copies, duplicates = dedupe_paragraphs(paragraphs, [a.id for a in articles])
    dropped.extend(duplicates)
    articles = [replace(a, text="\n".join(kept)) for a, kept in zip(articles, kept_paragraphs, strict=True)]
    return corpus.with_(
        articles=tuple(articles), dropped=tuple(dropped), excluded=frozenset(excluded), copies=copies
    )


def clean_article(
    article: Article, *, max_chars: int = MAX_ARTICLE_CHARS
) -> tuple[Article, list[str], list[Dropped]]:
    """Return the article with junk lines removed, its kept paragraphs, and what went."""
    text = article.text
    dropped: list[Dropped] = []
    if len(text) > max_chars:
        cut = text.rfind("\n", 0, max_chars)
        cut = cut if cut > max_chars // 2 else max_chars
        dropped.append(
            Dropped(
                article.id,
                text[cut : cut + _EXCERPT_CHARS].strip() + " …",
                "too_long",
                kind="document_tail",
                detail=f"{len(text) - cut:,} characters after the first {cut:,} were not read",
            )
        )
        text = text[:cut]
    lines = split_paragraphs(fix_text(text))
    doc_script = dominant_script(" ".join(lines))
    title = article.title
    kept: list[str] = []
    comment_start = _comment_section_start(lines)
    in_links = False  # inside a "Read more:" list of headlines
    for i, line in enumerate(lines):
        if in_links and count_words(line) <= 14 and not _SENTENCE_END.search(line):
            dropped.append(Dropped(article.id, line, "related_links"))
            continue
        in_links = bool(LINKS_HEADER.match(line))
        if comment_start is not None and i >= comment_start:
            dropped.append(Dropped(article.id, line, "comments"))
            continue
        if COMMENT_MARKERS.match(line):
            dropped.append(Dropped(article.id, line, "comments_link"))
            continue
        prefix = READING_PREFIX.match(line)
        if prefix:
            dropped.append(Dropped(article.id, prefix.group(0).strip(), "reading_prefix"))
            line = line[prefix.end() :]
        line_script = dominant_script(line)
        if doc_script and line_script and line_script != doc_script:
            dropped.append(Dropped(article.id, line, "foreign_script", detail=line_script))
            continue
        if _same_text(line, title):
            dropped.append(Dropped(article.id, line, "headline", detail="kept as title"))
            continue
        is_before_body = not any(count_words(k) >= _BODY_MIN_WORDS for k in kept)
        reason = classify_line(line)
        if reason is None and title is None and is_before_body and looks_like_headline(line):
            title = line
            dropped.append(Dropped(article.id, line, "headline", detail="kept as title"))
            continue
        if reason:
            dropped.append(Dropped(article.id, line, reason))
            continue
        dateline = DATELINE_PREFIX.match(line)
        if dateline and count_words(line) > count_words(dateline.group(0)) + 3:
            dropped.append(Dropped(article.id, dateline.group(0).strip(), "dateline", kind="prefix"))
            line = line[dateline.end() :]
        kept.append(line)
    return replace(article, text="\n".join(kept), title=title), kept, dropped


def _comment_section_start(lines: list[str]) -> int | None:
    """Index of the line that opens the reader-comments section, if the page has one.

    A marker near the top ("Comments (3)" beside the headline) is a link, not the
    section: the section must come after some body text.
    """
    body_seen = 0
    for i, line in enumerate(lines):
        if body_seen >= 2 and COMMENT_MARKERS.match(line):
            return i
        if count_words(line) >= _BODY_MIN_WORDS:
            body_seen += 1
    return None


def dedupe_paragraphs(
    paragraphs: list[list[str]], ids: list[str]
) -> tuple[list[list[str]], dict[tuple[int, int], tuple[int, ...]], list[Dropped]]:
    """Keep the first copy of each repeated paragraph, within and across documents.

    Returns the kept paragraphs per document, a map from each kept paragraph
    (doc index, paragraph index) to the other documents that carried a copy, and
    the dropped copies.
    """
    first_seen: dict[str, tuple[int, int]] = {}
    copies: dict[tuple[int, int], set[int]] = {}
    kept_all: list[list[str]] = []
    dropped: list[Dropped] = []
    for doc, lines in enumerate(paragraphs):
        kept: list[str] = []
        for line in lines:
            tokens = word_tokens(line)
            if len(tokens) < _MIN_DEDUP_WORDS:
                kept.append(line)
                continue
            key = " ".join(tokens)
            if key in first_seen:
                origin = first_seen[key]
                if origin[0] != doc:
                    copies.setdefault(origin, set()).add(doc)
                dropped.append(
                    Dropped(ids[doc], line, "duplicate", detail=f"same paragraph as in {ids[origin[0]]}")
                )
                continue
            first_seen[key] = (doc, len(kept))
            kept.append(line)
        kept_all.append(kept)
    return kept_all, {k: tuple(sorted(v)) for k, v in copies.items()}, dropped


def _same_text(line: str, other: str | None) -> bool:
    return other is not None and word_tokens(line) == word_tokens(other)


def _document_dropped(article: Article, reason: str) -> Dropped:
    excerpt = article.text.strip()[:_EXCERPT_CHARS]
    if len(article.text.strip()) > _EXCERPT_CHARS:
        excerpt += " …"
    return Dropped(article.id, excerpt, reason.split(":")[0], kind="document", detail=reason)
