"""Alembic environment: run on the connection `storyline.service.store.upgrade` passes in."""

from __future__ import annotations

from alembic import context

from storyline.service.store._tables import metadata

connection = context.config.attributes["connection"]
# Batch mode: SQLite has almost no ALTER; batch operations copy and move tables there.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
