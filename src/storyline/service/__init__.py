"""`storyline serve`: a live store of stories and threads, an HTTP API and server-rendered pages.

Needs the `service` extra: pip install 'storyline[service]'.
"""

from storyline.service._workers import serve_workers
from storyline.service.app import create_app
from storyline.service.fetch import Fetched, SafeFetcher, is_public_address
from storyline.service.settings import Settings
from storyline.service.store import Store, migrate, upgrade

__all__ = [
    "Fetched",
    "SafeFetcher",
    "Settings",
    "Store",
    "create_app",
    "is_public_address",
    "migrate",
    "serve_workers",
    "upgrade",
]
