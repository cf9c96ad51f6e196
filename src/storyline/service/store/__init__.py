"""The service's database: tables, migrations, and the `Store` that reads and writes them."""

from storyline.service.store._engine import database_url, make_engine, migrate, schema_revisions, upgrade
from storyline.service.store._store import Store, Stored, article_id_of

__all__ = [
    "Store",
    "Stored",
    "article_id_of",
    "database_url",
    "make_engine",
    "migrate",
    "schema_revisions",
    "upgrade",
]
