"""The store's tables (SQLAlchemy Core). The schema is created only by the migrations."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    # Insertion order is decision order: a restarted clusterer replays articles by `seq`.
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(512), nullable=False, unique=True),
    sa.Column("url", sa.String(2048), nullable=True, index=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("date", sa.Date, nullable=True),
    sa.Column("source", sa.String(512), nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("story", sa.Integer, nullable=False, index=True),
    sa.Column("thread", sa.Integer, nullable=False, index=True),
    sa.Column("added", sa.DateTime(timezone=True), nullable=False),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("thread", sa.Integer, nullable=False, index=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("snippet", sa.Text, nullable=False),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("first_date", sa.Date, nullable=True),
    sa.Column("last_date", sa.Date, nullable=True),
    sa.Column("updated", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("disagrees", sa.Boolean, nullable=True),  # from the report, once computed
    sa.Column("summary_line", sa.Text, nullable=True),
)

threads = sa.Table(
    "threads",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("n_stories", sa.Integer, nullable=False),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("first_date", sa.Date, nullable=True),
    sa.Column("last_date", sa.Date, nullable=True),
    sa.Column("updated", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)

feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("url", sa.String(2048), nullable=False, unique=True),
    sa.Column("added", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_polled", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("n_articles", sa.Integer, nullable=False),
)

# The clusterer's memory: snapshots as files (versioned .npy and JSON, from
# storyline.cluster.StateStore), each covering the articles up to `covered_seq`.
snapshots = sa.Table(
    "cluster_snapshots",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("covered_seq", sa.Integer, nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
)

snapshot_files = sa.Table(
    "cluster_snapshot_files",
    metadata,
    sa.Column(
        "snapshot_id",
        sa.Integer,
        sa.ForeignKey("cluster_snapshots.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("name", sa.String(256), primary_key=True),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

# One row: writers lock it (SELECT ... FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE
# locks the whole file) so that decisions are made one at a time across processes.
cluster_head = sa.Table(
    "cluster_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("last_seq", sa.Integer, nullable=False),
)
