"""Feeds: one article per JSONL line, read as a stream (for clustering and digests)."""

from __future__ import annotations

import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from storyline.errors import Errors, InputError
from storyline.ingest._jsonl import BadLine, bounded_lines, json_line, open_text
from storyline.ingest._read import missing_path
from storyline.model import Article
from storyline.text import parse_date


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article line of a feed, with its gold story when the line has `story_id`."""

    article: Article
    line_no: int
    gold: str | None


def open_feed(path: Path) -> IO[str]:
    """Open a feed for reading: a JSONL(.gz) file, or stdin for "-"."""
    if str(path) == "-":
        return sys.stdin
    if not path.exists():
        raise missing_path(path)
    if path.is_dir():
        raise InputError(Errors.SL102, path=str(path), reason="is a directory, not a JSONL file")
    return open_text(path)


def iter_articles(path: Path) -> Iterator[ArticleRow | BadLine]:
    """Stream the articles of a feed, one line at a time; a bad line becomes a `BadLine`."""
    where = str(path)
    fh = open_feed(path)
    line_no = 0
    try:
        for line_no, line in enumerate(bounded_lines(fh), start=1):
            if line.strip():
                yield parse_article_line(line, line_no=line_no, where=where)
    except (OSError, EOFError, zlib.error) as exc:
        # The articles before a corrupt or truncated tail were read; say where it stopped.
        reason = f"corrupt or truncated after line {line_no} ({exc}); the lines before it were read"
        yield BadLine(line_no + 1, Errors.SL102.format(path=where, reason=reason))
    finally:
        if fh is not sys.stdin:
            fh.close()


def parse_article_line(line: str, *, line_no: int, where: str) -> ArticleRow | BadLine:
    """Read `{"id", "text", "title"?, "date"?, "url"?, "source"?, "story_id"?}`."""
    record = json_line(line, line_no=line_no, where=where)
    if isinstance(record, BadLine):
        return record
    if not isinstance(record, dict):
        return BadLine(
            line_no, Errors.SL106.format(where=where, line_no=line_no, reason="expected a JSON object")
        )
    article_id = record.get("id")
    if article_id is None or article_id == "":
        return BadLine(line_no, Errors.SL106.format(where=where, line_no=line_no, reason='no "id"'))
    text = record.get("text")
    gold = record.get("story_id")

    def opt(key: str) -> str | None:
        value = record.get(key)
        return None if value is None or value == "" else str(value)

    article = Article(
        text=text if isinstance(text, str) else "",
        id=str(article_id),
        title=opt("title"),
        date=parse_date(record.get("date")),
        url=opt("url"),
        source=opt("source"),
    )
    return ArticleRow(article, line_no, None if gold is None else str(gold))
