"""Read a cluster of articles from files, directories, text or Multi-News raw lines."""

from __future__ import annotations

import errno
import os
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from storyline.errors import Errors, InputError
from storyline.ingest._decode import decode_bytes
from storyline.ingest._html import looks_like_html, parse_html
from storyline.model import Article, Dropped

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
CLUSTER_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json")
MULTINEWS_SEPARATOR = "|||||"


def suffix_of(path: Path) -> str:
    """The file's format suffix, counting ".jsonl.gz" as one."""
    name = path.name.lower()
    for double in (".jsonl.gz", ".ndjson.gz", ".json.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def is_cluster_file(path: Path) -> bool:
    """Whether a path names a JSONL file of clusters rather than one article."""
    return suffix_of(path) in (*CLUSTER_SUFFIXES, ".ndjson.gz", ".json.gz")


MAX_INPUT_BYTES = 32 * 1024 * 1024
"""A file is read up to this many bytes (cleaning reads 300,000 characters of a report):
a link to /dev/zero or a mislabelled dump must not fill the memory."""


def read_bytes(path: Path) -> bytes:
    """Read a file (at most MAX_INPUT_BYTES), turning OS errors into one-line InputErrors."""
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_INPUT_BYTES)
    except FileNotFoundError:
        raise InputError(Errors.SL108, path=str(path)) from None
    except IsADirectoryError:
        raise InputError(Errors.SL102, path=str(path), reason="is a directory") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(Errors.SL102, path=str(path), reason=_LOOP) from None
        raise InputError(Errors.SL102, path=str(path), reason=exc.strerror or str(exc)) from None


def read_stdin() -> str:
    """Standard input as text: read once, up to MAX_INPUT_BYTES, decoded like a file
    (a binary is refused, UTF-16 and legacy encodings are decoded)."""
    if sys.stdin is None:
        raise InputError(Errors.SL101)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream put in place of stdin (an embedding program, a test)
        return sys.stdin.read(MAX_INPUT_BYTES)
    try:
        data = stream.read(MAX_INPUT_BYTES)
    except OSError as exc:
        raise InputError(Errors.SL102, path="<stdin>", reason=exc.strerror or str(exc)) from None
    return decode_bytes(data, path="<stdin>")


_LOOP = "symbolic link loop (the link points back at itself)"


def missing_path(path: Path) -> InputError:
    """The error for a path that does not exist: a loop or a dangling link says so."""
    if not path.is_symlink():
        return InputError(Errors.SL108, path=str(path))
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return InputError(Errors.SL102, path=str(path), reason=_LOOP)
    return InputError(Errors.SL102, path=str(path), reason=f"broken symbolic link to {os.readlink(path)}")


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Turn files and directories into the list of article files, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise missing_path(path)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not p.name.startswith(".")
                and suffix_of(p) in (*TEXT_SUFFIXES, *HTML_SUFFIXES)
            )
            if not found:
                raise InputError(Errors.SL105, path=str(path))
            files.extend(found)
        elif suffix_of(path) in (*TEXT_SUFFIXES, *HTML_SUFFIXES):
            files.append(path)
        elif not os.access(path, os.R_OK):
            raise InputError(Errors.SL102, path=str(path), reason="permission denied")
        else:
            supported = ", ".join((*TEXT_SUFFIXES, *HTML_SUFFIXES, ".jsonl", ".jsonl.gz"))
            raise InputError(
                Errors.SL104, path=str(path), suffix=suffix_of(path) or "(none)", supported=supported
            )
    return files


def read_files(paths: Iterable[Path]) -> tuple[list[Article], list[Dropped]]:
    """Read one cluster from files and directories; ids are the file names.

    A file that cannot be read (binary, permission) is skipped and reported as a
    dropped document, so the others are still summarized; if none can be read,
    the first error is raised.
    """
    files = expand_paths(paths)
    ids = _unique_ids(files)
    articles: list[Article] = []
    skipped: list[Dropped] = []
    first_error: InputError | None = None
    for path, article_id in zip(files, ids, strict=True):
        try:
            text = decode_bytes(read_bytes(path), path=str(path))
        except InputError as exc:
            first_error = first_error or exc
            skipped.append(Dropped(article_id, "", "unreadable", kind="document", detail=str(exc)))
            continue
        if suffix_of(path) in HTML_SUFFIXES or looks_like_html(text):
            articles.append(parse_html(text, article_id=article_id))
        elif MULTINEWS_SEPARATOR in text:
            articles.extend(read_multinews(text, id_prefix=f"{article_id}#"))
        else:
            articles.append(Article(text=text, id=article_id))
    if not articles and first_error is not None:
        raise first_error
    return articles, skipped


def read_text(text: str, *, id_prefix: str = "") -> list[Article]:
    """Read one cluster from a string: HTML, a Multi-News raw line, or one article."""
    if looks_like_html(text):
        return [parse_html(text, article_id=f"{id_prefix}0")]
    if MULTINEWS_SEPARATOR in text:
        return read_multinews(text, id_prefix=id_prefix)
    return [Article(text=text, id=f"{id_prefix}0")]


def read_multinews(line: str, *, id_prefix: str = "") -> list[Article]:
    """Split a Multi-News raw source line ("|||||" between documents) into articles.

    "NEWLINE_CHAR" markers become newlines when the text is normalised.
    """
    parts = line.split(MULTINEWS_SEPARATOR)
    return [Article(text=part.strip(), id=f"{id_prefix}{i}") for i, part in enumerate(parts)]


def _unique_ids(files: list[Path]) -> list[str]:
    """File names as ids; paths relative to the common parent where names collide."""
    names = Counter(p.name for p in files)
    if all(n == 1 for n in names.values()):
        return [p.name for p in files]
    common = Path(os.path.commonpath([str(p.resolve()) for p in files]))
    return [str(p.resolve().relative_to(common)) for p in files]
