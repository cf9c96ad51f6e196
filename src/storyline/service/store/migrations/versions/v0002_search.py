"""Full-text search over the articles' titles and texts.

SQLite: an FTS5 table over `articles` (external content: the text is stored once, in
`articles`), kept in sync by triggers in the writing transaction; English stemming (porter)
and accents folded. PostgreSQL: a stored, generated `tsvector` column (the title weighted A,
the first 200,000 characters of the text weighted D, `english` configuration) with a GIN
index; the database keeps it in sync.

A later migration that rebuilds `articles` with `op.batch_alter_table` on SQLite drops the
triggers with the old table: it must create them again (`SQLITE_TRIGGERS`).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "title, text, content='articles', content_rowid='seq', "
    "tokenize='porter unicode61 remove_diacritics 2')"
)
SQLITE_TRIGGERS = (
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
)
POSTGRES_CHARS = 200_000
"""Text indexed per article on PostgreSQL: a tsvector holds at most 1 MB of lexemes."""
POSTGRES_COLUMN = (
    "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    f"setweight(to_tsvector('english'::regconfig, left(text, {POSTGRES_CHARS})), 'D')) STORED"
)


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute(SQLITE_TABLE)
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)
        op.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")  # articles stored before
    else:
        op.execute(POSTGRES_COLUMN)
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search")
