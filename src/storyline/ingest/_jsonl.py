"""JSONL files of clusters: `{"id": ..., "documents": [...]}` per line, plain or gzipped."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from storyline.errors import Errors, InputError
from storyline.ingest._decode import is_binary, utf16_without_bom
from storyline.ingest._html import looks_like_html, parse_html
from storyline.ingest._read import missing_path
from storyline.model import Article
from storyline.text import parse_date


@dataclass(frozen=True, slots=True)
class Cluster:
    """One cluster read from a JSONL line; `extra` keeps the other fields (summary, meta)."""

    id: str
    articles: list[Article]
    line_no: int
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BadLine:
    """A JSONL line that could not be read; reading goes on with the next one."""

    line_no: int
    message: str


MAX_LINE_CHARS = 64 * 1024 * 1024
"""A JSONL line longer than this is reported as bad, not read into memory (a gzip bomb
of one endless line stops here)."""


def open_text(path: Path) -> IO[str]:
    """Open a (possibly gzipped) text file for reading, with one-line errors.

    The file is opened once and sniffed from the bytes already read, so a pipe or
    /dev/stdin loses nothing.
    """
    try:
        raw = path.open("rb")
        head = raw.peek(8192)[:8192]
        if head[:2] == b"\x1f\x8b":
            return io.TextIOWrapper(_GzipOwning(raw), encoding="utf-8", errors="replace")
        if is_binary(head):
            raw.close()
            raise InputError(Errors.SL103, path=str(path))
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return io.TextIOWrapper(raw, encoding="utf-16", errors="replace")
        return io.TextIOWrapper(raw, encoding=utf16_without_bom(head) or "utf-8-sig", errors="replace")
    except OSError as exc:
        raise InputError(Errors.SL102, path=str(path), reason=exc.strerror or str(exc)) from None


class _GzipOwning(gzip.GzipFile):
    """A gzip reader over an open file that closes the file with itself."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def bounded_lines(fh: IO[str], *, max_chars: int = MAX_LINE_CHARS) -> Iterator[str]:
    """The lines of `fh`; a line longer than `max_chars` comes out as "" after being skipped
    in pieces (so it never sits in memory whole), and the caller reports it."""
    while True:
        line = fh.readline(max_chars)
        if not line:
            return
        if len(line) == max_chars and not line.endswith("\n"):
            while (rest := fh.readline(max_chars)) and not rest.endswith("\n"):
                pass
            yield _TOO_LONG
            continue
        yield line


_TOO_LONG = "\x00too long\x00"


def json_line(line: str, *, line_no: int, where: str) -> object:
    """The JSON value of one line, or a BadLine saying why it has none (invalid, nested too
    deeply, too long to read)."""
    if line == _TOO_LONG:
        reason = f"longer than {MAX_LINE_CHARS:,} characters; not read"
    else:
        try:
            return json.loads(line)
        except json.JSONDecodeError as exc:
            reason = f"invalid JSON ({exc.msg})"
        except RecursionError:
            reason = "JSON nested too deeply"
    return BadLine(line_no, Errors.SL106.format(where=where, line_no=line_no, reason=reason))


def iter_clusters(lines: Iterator[str], *, where: str = "<stdin>") -> Iterator[Cluster | BadLine]:
    """Parse clusters line by line; a bad line yields a BadLine and reading continues."""
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = json_line(line, line_no=line_no, where=where)
        if isinstance(record, BadLine):
            yield record
            continue
        try:
            yield parse_cluster(record, line_no=line_no)
        except InputError as exc:
            yield BadLine(
                line_no,
                Errors.SL106.format(where=where, line_no=line_no, reason=exc.fields.get("reason", str(exc))),
            )


def read_clusters(path: str | os.PathLike[str]) -> Iterator[Cluster | BadLine]:
    """Stream the clusters of a JSONL(.gz) file (a path or a string naming one).

    The path is checked now (a missing file is an error before anything else
    happens) and opened when reading starts; a corrupt or truncated tail ends the
    stream with a BadLine, after every cluster that could be read.
    """
    path = Path(path)
    if not path.exists():
        raise missing_path(path)
    if path.is_dir():
        raise InputError(Errors.SL102, path=str(path), reason="is a directory, not a JSONL file")
    return _clusters_of(path)


def _clusters_of(path: Path) -> Iterator[Cluster | BadLine]:
    where, line_no = str(path), 0
    fh = open_text(path)
    try:
        for item in iter_clusters(bounded_lines(fh), where=where):
            line_no = item.line_no
            yield item
    except (OSError, EOFError, zlib.error) as exc:
        reason = f"corrupt or truncated after line {line_no} ({exc}); the lines before it were read"
        yield BadLine(line_no + 1, Errors.SL102.format(path=where, reason=reason))
    finally:
        fh.close()


def parse_cluster(record: object, *, line_no: int) -> Cluster:
    """Build a Cluster from one decoded JSON value."""
    if not isinstance(record, dict):
        raise InputError(Errors.SL109, doc_id=line_no, reason="expected a JSON object per line")
    documents = record.get("documents")
    if documents is None and "text" in record:
        documents = [record]
    if not isinstance(documents, list):
        raise InputError(Errors.SL109, doc_id=line_no, reason='missing "documents" list')
    cluster_id = str(record.get("id", line_no))
    articles = [parse_document(doc, index=i) for i, doc in enumerate(documents)]
    extra = {k: v for k, v in record.items() if k not in ("id", "documents")}
    return Cluster(id=cluster_id, articles=articles, line_no=line_no, extra=extra)


def parse_document(doc: object, *, index: int) -> Article:
    """A document is a string or an object with text (or html), title, url, date, id."""
    if isinstance(doc, str):
        if looks_like_html(doc):
            return parse_html(doc, article_id=str(index))
        return Article(text=doc, id=str(index))
    if not isinstance(doc, dict):
        raise InputError(
            Errors.SL109, doc_id=index, reason=f"document {index} is neither a string nor an object"
        )
    article_id = str(doc.get("id", index))
    text = doc.get("text")
    if text is None and isinstance(doc.get("html"), str):
        parsed = parse_html(doc["html"], article_id=article_id, url=_opt_str(doc.get("url")))
        text = parsed.text
        doc = {"title": parsed.title, "date": parsed.date, "url": parsed.url} | {
            k: v for k, v in doc.items() if v is not None
        }
    if not isinstance(text, str):
        raise InputError(Errors.SL109, doc_id=index, reason=f'document {index} has no "text" string')
    return Article(
        text=text,
        id=article_id,
        title=_opt_str(doc.get("title")),
        date=parse_date(doc.get("date")),
        url=_opt_str(doc.get("url")),
        source=_opt_str(doc.get("source")),
    )


def _opt_str(value: object) -> str | None:
    return None if value is None or value == "" else str(value)
