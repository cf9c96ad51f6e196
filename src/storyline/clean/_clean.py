"""Clean a cluster: strip page junk from each article, then repeated paragraphs across it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.clean._rules import (
    BROWSER_NOTICE_PREFIX,
    BULLET_PREFIX,
    COMMENT_MARKERS,
    DATELINE_PREFIX,
    LINKS_HEADER,
    PLAYER_PREFIX,
    READING_PREFIX,
    classify_line,
    ends_a_sentence,
    error_page_reason,
    inline_credit,
    looks_like_headline,
)
from storyline.model import NOTE_REASONS, Article, CleanText, Corpus, Dropped, OffsetMap
from storyline.text import (
    Piece,
    count_words,
    dominant_script,
    paragraph_pieces,
    spaces_hyphens_in,
    word_tokens,
)

MAX_ARTICLE_CHARS = 300_000
"""Text past this many characters is not read (a news report is rarely over 60,000)."""
_MIN_DEDUP_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…\"'”’)]\s*$")
_BODY_MIN_WORDS = 12
_EXCERPT_CHARS = 300


def clean_corpus(corpus: Corpus, *, max_chars: int = MAX_ARTICLE_CHARS) -> Corpus:
    """Clean every article, drop duplicated paragraphs, and exclude empty or error pages.

    Each article keeps the text it was given; its cleaned text, the map back to the
    given text and the informative lines removed go to `article.clean`.
    """
    articles: list[Article] = []
    pieces: list[list[Piece]] = []
    dropped: list[Dropped] = list(corpus.dropped)
    excluded = set(corpus.excluded)
    hyphens = spaces_hyphens_in([a.text for a in corpus.articles])
    for index, article in enumerate(corpus.articles):
        cleaned, kept, lost = clean_article(article, max_chars=max_chars, hyphens=hyphens[index])
        dropped.extend(lost)
        reason = None if kept else "empty"
        if page := error_page_reason(article.text):
            reason = page
        if reason:
            excluded.add(index)
            dropped.append(_document_dropped(article, reason))
            kept = []
        articles.append(cleaned)
        pieces.append(kept)
    kept_pieces, copies, duplicates = dedupe_paragraphs(pieces, [a.id for a in articles])
    dropped.extend(duplicates)
    articles = [_with_clean(a, kept, dropped) for a, kept in zip(articles, kept_pieces, strict=True)]
    return corpus.with_(
        articles=tuple(articles), dropped=tuple(dropped), excluded=frozenset(excluded), copies=copies
    )


def _with_clean(article: Article, kept: list[Piece], dropped: Sequence[Dropped]) -> Article:
    """The article with its cleaned text and the map from it to the given text."""
    runs: list[tuple[int, int]] = []
    at = 0
    for k, piece in enumerate(kept):
        # Before each paragraph: the deleted given text since the last one; between
        # paragraphs, the joining newline stands for it.
        runs.append((1 if k else 0, piece.start - at))
        runs.extend(piece.runs)
        at = piece.end
    runs.append((0, len(article.text) - at))
    text = "\n".join(p.text for p in kept)
    offsets = OffsetMap.from_runs(runs)
    assert offsets.clean_length == len(text), "cleaning lost track of its offsets"
    notes = tuple(d for d in dropped if d.source == article.id and d.reason in NOTE_REASONS)
    return replace(article, clean=CleanText(text, offsets, notes))


def clean_article(
    article: Article, *, max_chars: int = MAX_ARTICLE_CHARS, hyphens: bool | None = None
) -> tuple[Article, list[Piece], list[Dropped]]:
    """Return the cleaned article (title found), its kept paragraphs with offsets, and what went.

    `clean_corpus` sets `article.clean` again once duplicates across the cluster are known.
    `hyphens`: whether the article sets its hyphens apart, as its cluster says
    (`storyline.text.spaces_hyphens_in`); None: as its own text says.
    """
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
                start=cut,
                end=len(text),
            )
        )
        text = text[:cut]
    pieces = paragraph_pieces(text, hyphens=hyphens)
    lines = [p.text for p in pieces]
    doc_script = dominant_script(" ".join(lines))
    title = article.title
    kept: list[Piece] = []

    def drop(piece: Piece, reason: str, **extra: str) -> None:
        dropped.append(Dropped(article.id, piece.text, reason, start=piece.start, end=piece.end, **extra))

    comment_start = _comment_section_start(lines)
    in_links = False  # inside a "Read more:" list of headlines
    # A paragraph split at a credit inside it goes back on the stack as its parts, each
    # judged like any line: a menu or a byline may have been run into one line with it.
    stack = [(i, piece, False) for i, piece in enumerate(pieces)][::-1]
    while stack:
        i, piece, is_part = stack.pop()
        line = piece.text
        if in_links and count_words(line) <= 14 and not _SENTENCE_END.search(line):
            drop(piece, "related_links")
            continue
        in_links = bool(LINKS_HEADER.match(line))
        if comment_start is not None and i >= comment_start:
            drop(piece, "comments")
            continue
        if COMMENT_MARKERS.match(line):
            drop(piece, "comments_link")
            continue
        if notice := BROWSER_NOTICE_PREFIX.match(line):
            if not line[notice.end() :].strip():
                drop(piece, "browser_notice")
                continue
            # "Please enable javascript to watch. In his last press conference, ...": the
            # report a scraper ran on after the notice is kept
            piece = _cut_prefix(article.id, piece, notice.end(), "browser_notice", dropped, kind="prefix")
            line = piece.text
        if prefix := READING_PREFIX.match(line):
            piece = _cut_prefix(article.id, piece, prefix.end(), "reading_prefix", dropped, kind="line")
            line = piece.text
        if (bullet := BULLET_PREFIX.match(line)) and count_words(line[bullet.end() :]) >= 1:
            # A list item reads as its sentence; the marker is kept as dropped, the span maps back.
            piece = _cut_prefix(article.id, piece, bullet.end(), "bullet", dropped, kind="prefix")
            line = piece.text
        if player := PLAYER_PREFIX.match(line):
            piece = _cut_prefix(article.id, piece, player.end(), "navigation", dropped, kind="prefix")
            line = piece.text
        # Photo credits and teasers first, so a caption or a teaser is never read as the
        # headline with its credit in it ("Image copyright AFP Image caption The White ...").
        parts = _cut_inline_credits(article.id, piece, dropped, datelines=False)
        if parts != [piece]:
            stack.extend((i, part, True) for part in reversed(parts))
            continue
        line_script = dominant_script(line)
        if doc_script and line_script and line_script != doc_script:
            drop(piece, "foreign_script", detail=line_script)
            continue
        if _same_text(line, title):
            drop(piece, "headline", detail="kept as title")
            continue
        is_before_body = not any(count_words(k.text) >= _BODY_MIN_WORDS for k in kept)
        reason = classify_line(line)
        if reason is None and title is None and is_before_body and not is_part and looks_like_headline(line):
            title = line
            drop(piece, "headline", detail="kept as title")
            continue
        if reason:
            drop(piece, reason)
            continue
        dateline = DATELINE_PREFIX.match(line)
        cut = bool(
            dateline
            and count_words(line) > count_words(dateline.group(0)) + 3
            and not ends_a_sentence(dateline.group(0))
        )
        if cut and dateline is not None:
            piece = _cut_prefix(article.id, piece, dateline.end(), "dateline", dropped, kind="prefix")
        # Credits and teasers were cut above, from this same text unless its dateline was.
        parts = _cut_inline_credits(article.id, piece, dropped, credits=cut)
        if parts == [piece]:
            kept.append(piece)
        else:
            stack.extend((i, part, True) for part in reversed(parts))
    return _with_clean(replace(article, title=title), kept, dropped), kept, dropped


def _cut_prefix(
    article_id: str, piece: Piece, n_chars: int, reason: str, dropped: list[Dropped], *, kind: str
) -> Piece:
    """Cut the first `n_chars` of a paragraph, recording them as dropped."""
    rest = piece.without_prefix(n_chars)
    text = piece.text[:n_chars].strip()
    dropped.append(Dropped(article_id, text, reason, kind=kind, start=piece.start, end=rest.start))
    return rest


_MAX_INLINE_CUTS = 20


def _cut_inline_credits(
    article_id: str, piece: Piece, dropped: list[Dropped], *, datelines: bool = True, credits: bool = True
) -> list[Piece]:
    """The paragraph less the credits inside it (`inline_credit`), each recorded as
    dropped. A credit inside a paragraph marks where a scraper joined two parts of a page
    (a caption and the report, a teaser and the story), so the paragraph is split there:
    every kept piece stays one run of the given text, and no sentence spans a cut."""
    out: list[Piece] = []
    for _ in range(_MAX_INLINE_CUTS):
        found = inline_credit(piece.text, datelines=datelines, credits=credits)
        if found is None:
            break
        start, end, reason = found
        head = piece.before(len(piece.text[:start].rstrip()))
        tail = piece.after(end)
        if head is None or tail is None:
            break  # the credit runs into a repaired character: left as it is
        text = piece.text[start:end].strip()
        dropped.append(Dropped(article_id, text, reason, kind="inline", start=head.end, end=tail.start))
        if head.text:
            out.append(head)
        piece = tail
    if piece.text:
        out.append(piece)
    return out


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
    paragraphs: list[list[Piece]], ids: list[str]
) -> tuple[list[list[Piece]], dict[tuple[int, int], tuple[int, ...]], list[Dropped]]:
    """Keep the first copy of each repeated paragraph, within and across documents.

    Returns the kept paragraphs per document, a map from each kept paragraph
    (doc index, paragraph index) to the other documents that carried a copy, and
    the dropped copies.
    """
    first_seen: dict[str, tuple[int, int]] = {}
    copies: dict[tuple[int, int], set[int]] = {}
    kept_all: list[list[Piece]] = []
    dropped: list[Dropped] = []
    for doc, pieces in enumerate(paragraphs):
        kept: list[Piece] = []
        for piece in pieces:
            tokens = word_tokens(piece.text)
            if len(tokens) < _MIN_DEDUP_WORDS:
                kept.append(piece)
                continue
            key = " ".join(tokens)
            if key in first_seen:
                origin = first_seen[key]
                if origin[0] != doc:
                    copies.setdefault(origin, set()).add(doc)
                dropped.append(
                    Dropped(
                        ids[doc],
                        piece.text,
                        "duplicate",
                        detail=f"same paragraph as in {ids[origin[0]]}",
                        start=piece.start,
                        end=piece.end,
                    )
                )
                continue
            first_seen[key] = (doc, len(kept))
            kept.append(piece)
        kept_all.append(kept)
    return kept_all, {k: tuple(sorted(v)) for k, v in copies.items()}, dropped


def _same_text(line: str, other: str | None) -> bool:
    return other is not None and word_tokens(line) == word_tokens(other)


def _document_dropped(article: Article, reason: str) -> Dropped:
    excerpt = article.text.strip()[:_EXCERPT_CHARS]
    if len(article.text.strip()) > _EXCERPT_CHARS:
        excerpt += " …"
    return Dropped(
        article.id,
        excerpt,
        reason.split(":")[0],
        kind="document",
        detail=reason,
        start=0,
        end=len(article.text),
    )
