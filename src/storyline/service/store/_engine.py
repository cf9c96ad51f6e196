"""Engines and migrations: SQLite (WAL, one writer at a time) or PostgreSQL, one code path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from storyline.errors import ConfigError, Errors

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def database_url(db: str) -> str:
    """A SQLAlchemy URL for `db`: a file path becomes SQLite, `postgresql://` uses psycopg 3."""
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if db.startswith(("sqlite://", "postgresql+psycopg://")):
        return db
    if "://" in db:
        raise ConfigError(
            Errors.SL202, name="--db", value=db.split("@")[-1], reason="give a file path or postgresql://..."
        )
    return f"sqlite:///{Path(db).expanduser()}"


def make_engine(db: str) -> sa.Engine:
    url = database_url(db)
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Leave sqlite3's legacy transaction handling: we emit BEGIN ourselves (below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # Users' raw text is the only copy: FULL syncs the WAL on every commit.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: sa.Connection) -> None:
        # Writers take the write lock up front, so two writers never deadlock upgrading a
        # read lock; readers never take it.
        write = connection.get_execution_options().get("storyline_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine) -> None:
    """Bring the schema to the newest migration (and a SQLite file into WAL mode)."""
    if engine.dialect.name == "sqlite":
        # The journal mode persists in the file; it cannot change inside a transaction.
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()
        finally:
            raw.close()
    with engine.connect() as connection:
        connection = connection.execution_options(storyline_write=True)
        command.upgrade(_config(connection), "head")
        if connection.in_transaction():
            connection.commit()


def schema_revisions(engine: sa.Engine) -> tuple[str | None, str | None]:
    """(the database's revision, the newest migration's)."""
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        head = ScriptDirectory.from_config(_config(connection)).get_current_head()
        connection.rollback()
    return current, head


def migrate(db: str) -> None:
    """Create or upgrade the database at `db` (a file path or URL) to the newest schema."""
    engine = make_engine(db)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
