"""`storyline serve --workers N`: N uvicorn worker processes for HTTP, the clusterer in the parent.

The process you start opens the store, owns the online clusterer, listens for the
workers' article writes (storyline.service._writer says why it is done this way) and
polls feeds; uvicorn's supervisor, in the same process, starts the N workers on one
listening socket and restarts one that dies. Each worker serves every request itself
except the clustering of posted articles.

The workers learn their settings, where the writer listens (a Unix socket in a private
folder, mode 0700) and the writer's key from an environment variable that only this
process's children inherit: no key appears on a command line or in a file. A worker
whose parent died (kill -9) exits within a second (one still starting, once its app is
made), so nothing keeps answering without a clusterer, or keeps the port.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import secrets
import tempfile
import threading
import time
from pathlib import Path

from fastapi import FastAPI

from storyline.service._feeds import poll_feed
from storyline.service._writer import RemoteWriter, WriterServer
from storyline.service.app import FEED_TICK_S, create_app
from storyline.service.fetch import SafeFetcher
from storyline.service.settings import Settings
from storyline.service.store import Store

log = logging.getLogger("storyline.service")
CONFIG_ENV = "STORYLINE_SERVE_WORKER_CONFIG"
PARENT_CHECK_S = 0.5


def serve_workers(
    settings: Settings, *, host: str, port: int, workers: int, log_level: str = "warning"
) -> None:
    """Run until SIGINT or SIGTERM: the writer and feed poller here, `workers` HTTP processes."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    with contextlib.ExitStack() as cleanup:
        store = Store(settings.db_url, snapshot_every=settings.snapshot_every)
        cleanup.callback(store.close)  # last: a final snapshot of everything clustered
        private = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="storyline-serve-"))  # 0700
        key = secrets.token_bytes(32)
        address = str(Path(private) / "writer.sock")
        writer = WriterServer(store.add_articles, address=address, key=key)
        cleanup.callback(writer.close)
        writer.start()
        if settings.feed_poll_s > 0:
            poller = _FeedPoller(store, settings)
            cleanup.callback(poller.stop)
            poller.start()
        worker_settings = dataclasses.replace(settings, feed_poll_s=0)  # only this process polls
        os.environ[CONFIG_ENV] = json.dumps(
            {
                "settings": dataclasses.asdict(worker_settings),
                "address": address,
                "key": key.hex(),
                "parent": os.getpid(),
            }
        )
        cleanup.callback(os.environ.pop, CONFIG_ENV, None)
        config = uvicorn.Config(
            f"{__name__}:worker_app", factory=True, host=host, port=port, workers=workers, log_level=log_level
        )
        # What uvicorn.run does for workers > 1, also for 1 (then it would serve in this process).
        Multiprocess(config, sockets=[config.bind_socket()]).run()


def worker_app() -> FastAPI:
    """The app of one worker process (uvicorn calls this factory in each worker)."""
    config = json.loads(os.environ[CONFIG_ENV])
    fields = config["settings"]
    settings = Settings(**(fields | {"allow_hosts": tuple(fields["allow_hosts"])}))
    _exit_with_parent(int(config["parent"]))
    return create_app(
        settings, writer=RemoteWriter(address=config["address"], key=bytes.fromhex(config["key"]))
    )


def _exit_with_parent(parent: int) -> None:
    """Exit this worker as soon as `parent`, the process that started it, is gone (reparented).

    `parent` comes from the parent itself: one killed while this worker was still starting
    has already left it to another parent by the time this runs.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)  # nothing to save: every write was committed by the parent before it was answered

    threading.Thread(target=watch, name="storyline-parent-watch", daemon=True).start()


class _FeedPoller(threading.Thread):
    """Polls the registered feeds in the clustering process, as the app's lifespan does in one process."""

    def __init__(self, store: Store, settings: Settings) -> None:
        super().__init__(name="storyline-feeds", daemon=True)
        self.store = store
        self.settings = settings
        self.fetcher = SafeFetcher(
            allow_hosts=frozenset(settings.allow_hosts),
            timeout_s=settings.fetch_timeout_s,
            max_bytes=settings.fetch_max_bytes,
        )
        self._stop_event = threading.Event()

    def run(self) -> None:
        every = self.settings.feed_poll_s
        while not self._stop_event.wait(min(FEED_TICK_S, every)):
            try:
                for feed_id, url in self.store.feeds_due(every_s=every):
                    poll_feed(self.store, self.fetcher, feed_id, url)
            except Exception as exc:  # keep polling; logged without article text
                log.error("feed polling failed: %s", type(exc).__name__)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=30)
