"""Command-line interface."""

from storyline.cli._main import build_parser, main

__all__ = ["build_parser", "main"]
