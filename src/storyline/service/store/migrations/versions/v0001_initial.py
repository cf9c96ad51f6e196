"""The first schema: articles, stories, threads, cached reports, feeds, clusterer snapshots.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(512), nullable=False, unique=True),
        sa.Column("url", sa.String(2048), nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("date", sa.Date, nullable=True),
        sa.Column("source", sa.String(512), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("story", sa.Integer, nullable=False),
        sa.Column("thread", sa.Integer, nullable=False),
        sa.Column("added", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_story", "articles", ["story"])
    op.create_index("ix_articles_thread", "articles", ["thread"])
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("thread", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("snippet", sa.Text, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("first_date", sa.Date, nullable=True),
        sa.Column("last_date", sa.Date, nullable=True),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("disagrees", sa.Boolean, nullable=True),
        sa.Column("summary_line", sa.Text, nullable=True),
    )
    op.create_index("ix_stories_thread", "stories", ["thread"])
    op.create_index("ix_stories_updated", "stories", ["updated"])
    op.create_table(
        "threads",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("n_stories", sa.Integer, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("first_date", sa.Date, nullable=True),
        sa.Column("last_date", sa.Date, nullable=True),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_threads_updated", "threads", ["updated"])
    op.create_table(
        "reports",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.String(2048), nullable=False, unique=True),
        sa.Column("added", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_polled", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("n_articles", sa.Integer, nullable=False),
    )
    op.create_table(
        "cluster_snapshots",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("covered_seq", sa.Integer, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "cluster_snapshot_files",
        sa.Column(
            "snapshot_id",
            sa.Integer,
            sa.ForeignKey("cluster_snapshots.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("name", sa.String(256), primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    head = op.create_table(
        "cluster_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "last_seq": 0}])


def downgrade() -> None:
    for table in (
        "cluster_head",
        "cluster_snapshot_files",
        "cluster_snapshots",
        "feeds",
        "reports",
        "threads",
        "stories",
        "articles",
    ):
        op.drop_table(table)
