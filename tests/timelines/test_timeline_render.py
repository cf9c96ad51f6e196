"""Markdown and HTML: every article text escaped, only http(s) links, no script."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from storyline.timelines import Timeline, TimelineDate, TimelineSentence, TimelineSource, render_timeline

EVIL = Timeline(
    dates=(
        TimelineDate(
            dt.date(2012, 2, 4),
            (TimelineSentence("<script>alert(1)</script> [click](javascript:x) *fire*", ("a<b>", "c")),),
            n_mentions=2,
            n_published=0,
        ),
    ),
    sources=(
        TimelineSource("a<b>", "<img src=x onerror=alert(1)>", dt.date(2012, 2, 6), "javascript:alert(1)"),
        TimelineSource("c", None, None, "https://example.org/a?b=1&c=2"),
    ),
    n_articles=2,
    n_days_available=1,
    notes=("<b>note</b>",),
)


def test_html_escapes_everything_and_links_only_http() -> None:
    page = render_timeline(EVIL, "html")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page
    assert "javascript:" not in page.split("</style>")[1].replace("(javascript:x)", "")
    assert "href='https://example.org/a?b=1&amp;c=2'" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<time datetime=2012-02-04>4 February 2012</time>" in page


def test_markdown_escapes_article_text() -> None:
    text = render_timeline(EVIL, "md")
    assert "## 4 February 2012" in text
    assert "\\<script\\>" in text and "\\[click\\]\\(javascript:x\\)" in text and "\\*fire\\*" in text
    assert "[1] [2]" in text  # both sources cited, numbered
    assert "<javascript:" not in text and "<https://example.org/a?b=1&c=2>" in text


def test_json_is_to_dict() -> None:
    assert json.loads(render_timeline(EVIL, "json")) == EVIL.to_dict()


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown timeline format"):
        render_timeline(EVIL, "pdf")
