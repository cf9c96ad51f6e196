"""Output formats for summaries."""

from storyline.render._summary import FORMATS, render, render_json, render_markdown, render_text

__all__ = ["FORMATS", "render", "render_json", "render_markdown", "render_text"]
