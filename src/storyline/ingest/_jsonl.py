"""JSONL files of clusters: `{"id": ..., "documents": [...]}` per line, plain or gzipped."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from storyline.errors import Errors, InputError
from storyline.ingest._decode import is_binary
from storyline.ingest._html import looks_like_html, parse_html
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


def open_text(path: Path) -> IO[str]:
    """Open a (possibly gzipped) text file for reading, with one-line errors."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
        if head[:2] == b"\x1f\x8b":
            return gzip.open(path, "rt", encoding="utf-8", errors="replace")
        if is_binary(head):
            raise InputError(Errors.SL103, path=str(path))
        return path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(Errors.SL102, path=str(path), reason=exc.strerror or str(exc)) from None


def iter_clusters(lines: Iterator[str], *, where: str = "<stdin>") -> Iterator[Cluster | BadLine]:
    """Parse clusters line by line; a bad line yields a BadLine and reading continues."""
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadLine(
                line_no, Errors.SL106.format(where=where, line_no=line_no, reason=f"invalid JSON ({exc.msg})")
            )
            continue
        try:
            yield parse_cluster(record, line_no=line_no)
        except InputError as exc:
            yield BadLine(
                line_no,
                Errors.SL106.format(where=where, line_no=line_no, reason=exc.fields.get("reason", str(exc))),
            )


def read_clusters(path: Path) -> Iterator[Cluster | BadLine]:
    """Stream the clusters of a JSONL(.gz) file."""
    if not path.exists():
        raise InputError(Errors.SL108, path=str(path))
    if path.is_dir():
        raise InputError(Errors.SL102, path=str(path), reason="is a directory, not a JSONL file")
    fh = open_text(path)
    try:
        yield from iter_clusters(iter(fh), where=str(path))
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(Errors.SL102, path=str(path), reason=f"corrupt file ({exc})") from None
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
