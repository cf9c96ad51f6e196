"""Reading input: files, directories, HTML, JSONL clusters, Multi-News lines, stdin.

This is the only package that reads files.
"""

from storyline.ingest._decode import decode_bytes, is_binary
from storyline.ingest._feed import ArticleRow, iter_articles, open_feed, parse_article_line
from storyline.ingest._html import looks_like_html, parse_html
from storyline.ingest._jsonl import BadLine, Cluster, iter_clusters, parse_cluster, read_clusters
from storyline.ingest._read import (
    MULTINEWS_SEPARATOR,
    expand_paths,
    is_cluster_file,
    missing_path,
    read_files,
    read_multinews,
    read_stdin,
    read_text,
)
from storyline.text import parse_date

__all__ = [
    "MULTINEWS_SEPARATOR",
    "ArticleRow",
    "BadLine",
    "Cluster",
    "decode_bytes",
    "expand_paths",
    "is_binary",
    "is_cluster_file",
    "iter_articles",
    "iter_clusters",
    "looks_like_html",
    "missing_path",
    "open_feed",
    "parse_article_line",
    "parse_cluster",
    "parse_date",
    "parse_html",
    "read_clusters",
    "read_files",
    "read_multinews",
    "read_stdin",
    "read_text",
]
