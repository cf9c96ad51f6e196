"""Text search: the stories whose articles match a query, best first (migration 0002 builds the indexes).

The query syntax is a web search box's, the same on both databases: words (all must
match, stemmed: "fires" finds "fire"), "a quoted phrase", `or` between two words or
phrases (either), `-word` (an article that has it does not match). Nothing a
user types is query syntax of the database: on SQLite each word or phrase goes to FTS5 as
a quoted string, on PostgreSQL the text goes to `websearch_to_tsquery`, which never fails.

A story's score is the sum of its matching articles' scores (BM25 on SQLite, `ts_rank` on
PostgreSQL), a title counting ten times the text: a story where many articles match, in
their titles, comes first.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa

from storyline.service.store._tables import articles

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_WORD = re.compile(r"[^\W_]")
TITLE_WEIGHT = 10.0
"""A match in an article's title counts this many times one in its text (BM25 column weight on
SQLite; on PostgreSQL the title is weight A (1.0) and the text weight D (0.1))."""


def fts5_query(q: str) -> str | None:
    """The FTS5 MATCH expression of a web-search query; None when it asks for no word at all."""
    groups: list[list[str]] = []  # AND of OR-groups
    negated: list[str] = []
    either = False
    for match in _TOKEN.finditer(q):
        quoted = match.group(2) is not None
        sign, words = (match.group(1), match.group(2)) if quoted else (match.group(3), match.group(4))
        if not quoted and not sign and words.lower() == "or":
            either = bool(groups)
            continue
        if not _WORD.search(words):
            continue
        phrase = '"' + words.replace('"', '""') + '"'  # a string: FTS5 tokenizes it, no syntax
        if sign:
            negated.append(phrase)
        elif either:
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
        either = False
    if not groups:
        return None
    expression = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    if negated:
        expression = f"({expression}) NOT ({' OR '.join(negated)})"
    return expression


_SQLITE_HITS = sa.text(
    # bm25() works only in the query that runs the MATCH: materialized, it is not moved into the sum.
    "WITH matched AS MATERIALIZED ("
    "SELECT rowid AS seq, bm25(articles_fts, :title_weight, 1.0) AS score "
    "FROM articles_fts WHERE articles_fts MATCH :match) "
    "SELECT articles.story AS story, sum(matched.score) AS score "
    "FROM matched JOIN articles ON articles.seq = matched.seq GROUP BY articles.story"
).columns(sa.column("story", sa.Integer), sa.column("score", sa.Float))


def story_hits(dialect: str, q: str) -> tuple[Any, sa.ColumnElement[Any]] | None:
    """A subquery of (story, score) for the stories matching `q`, and the ORDER BY term that
    puts the best first; None when `q` asks for no word (nothing matches)."""
    q = "".join(c if c.isprintable() else " " for c in q)  # no NUL (PostgreSQL refuses it) nor controls
    match = fts5_query(q)
    if match is None:
        return None
    if dialect == "sqlite":
        hits = _SQLITE_HITS.bindparams(match=match, title_weight=TITLE_WEIGHT).subquery("hits")
        return hits, hits.c.score.asc()  # BM25 in FTS5 is negative: lower is better
    search: sa.ColumnElement[Any] = sa.literal_column("articles.search")
    query = sa.func.websearch_to_tsquery(sa.literal_column("'english'::regconfig"), q)
    score = sa.func.sum(sa.func.ts_rank(search, query)).label("score")
    found = (
        sa.select(articles.c.story.label("story"), score)
        .where(search.op("@@")(query))
        .group_by(articles.c.story)
        .subquery("hits")
    )
    return found, found.c.score.desc()
