"""Output formats for summaries and story reports."""

from storyline.render._digest import (
    IndexEntry,
    ThreadDay,
    ThreadEntry,
    ThreadSentence,
    one_line,
    render_index,
    render_thread,
    thread_key_dates,
)
from storyline.render._story import (
    STORY_FORMATS,
    render_story,
    render_story_html,
    render_story_json,
    render_story_markdown,
)
from storyline.render._summary import FORMATS, render, render_json, render_markdown, render_text
from storyline.render._view import CAUTION, READINGS_NOTE, reading_label

__all__ = [
    "CAUTION",
    "FORMATS",
    "READINGS_NOTE",
    "STORY_FORMATS",
    "IndexEntry",
    "ThreadDay",
    "ThreadEntry",
    "ThreadSentence",
    "one_line",
    "reading_label",
    "render",
    "render_index",
    "render_json",
    "render_markdown",
    "render_story",
    "render_story_html",
    "render_story_json",
    "render_story_markdown",
    "render_text",
    "render_thread",
    "thread_key_dates",
]
