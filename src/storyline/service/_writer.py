"""One process owns the clusterer; the HTTP worker processes forward their article writes to it.

`storyline serve --workers N` runs N uvicorn worker processes for HTTP and keeps the
online clusterer in the process that started them (the one you ran). Why this design:

- The clusterer's decisions must follow one order. The store already serializes writers
  through the database (SQLite's BEGIN IMMEDIATE, PostgreSQL's `cluster_head` row lock),
  and a writer first replays the articles other processes stored, so N processes that
  each owned a clusterer would be safe, but each would replay every other one's
  articles: N times the clustering CPU, in the processes that answer reads.
- So only the owner clusters. A worker validates and fetches the posted articles, then
  sends them to the owner over a Unix socket in a private folder (mode 0700, with a random
  key checked by `multiprocessing.connection`'s HMAC handshake); the owner stores them
  (`Store.add_articles`, one transaction) and answers each one's story and thread only
  after the commit. An article is acknowledged only after the owner committed it, as in
  one process.
- Messages are JSON (`send_bytes`/`recv_bytes`), never pickles.
- Reads, cached reports and feed rows go from each worker straight to the database:
  they never wait for the clusterer, and clustering CPU runs outside the workers' GIL.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import queue
import threading
from collections.abc import Callable, Sequence
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Connection, Listener
from typing import Any

from storyline.errors import BackendError, Errors, StorylineError
from storyline.model import Article
from storyline.service.store import Stored

log = logging.getLogger("storyline.service")
IDLE_CONNECTIONS = 8


def article_message(article: Article) -> dict[str, Any]:
    """The fields the store keeps, as JSON."""
    date = article.date
    return {
        "text": article.text,
        "id": article.id,
        "title": article.title,
        "date": None if date is None else date.isoformat(),
        "datetime": isinstance(date, dt.datetime),
        "url": article.url,
        "source": article.source,
    }


def article_from_message(message: dict[str, Any]) -> Article:
    raw = message["date"]
    date: dt.date | None = None
    if raw is not None:
        date = dt.datetime.fromisoformat(raw) if message["datetime"] else dt.date.fromisoformat(raw)
    return Article(
        text=str(message["text"]),
        id=str(message["id"]),
        title=message["title"],
        date=date,
        url=message["url"],
        source=message["source"],
    )


class WriterServer:
    """Listens on `address` (a Unix socket path) and stores what workers send, one thread per connection."""

    def __init__(
        self, add_articles: Callable[[Sequence[Article]], list[Stored]], *, address: str, key: bytes
    ):
        self._add_articles = add_articles
        self._listener = Listener(address, family="AF_UNIX", authkey=key)
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="storyline-writer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self._closed.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                connection = self._listener.accept()
            except (OSError, EOFError, AuthenticationError) as exc:  # or the listener closed
                if not self._closed.is_set():
                    log.warning("writer: refused a connection (%s)", type(exc).__name__)
                continue
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: Connection) -> None:
        with connection:
            while True:
                try:
                    request = json.loads(connection.recv_bytes())
                except (EOFError, OSError):
                    return  # the worker went away
                try:
                    stored = self._add_articles([article_from_message(m) for m in request["articles"]])
                    reply: dict[str, Any] = {
                        "stored": [[s.article_id, s.story, s.thread, s.created] for s in stored]
                    }
                except StorylineError as exc:
                    reply = {"error": exc.code}
                    log.error("writer: %s", exc.code)
                except Exception as exc:  # answered as an error; never article text
                    reply = {"error": type(exc).__name__}
                    log.error("writer: unexpected %s", type(exc).__name__)
                try:
                    connection.send_bytes(json.dumps(reply).encode())
                except OSError:
                    return


class RemoteWriter:
    """A worker's side: `add_articles` sends the batch to the owner and waits for its answer.

    Thread-safe: each call takes an idle connection (or opens one), so concurrent posts
    do not queue behind each other here; the owner's write lock orders them.
    """

    def __init__(self, *, address: str, key: bytes) -> None:
        self.address = address
        self._key = key
        self._idle: queue.SimpleQueue[Connection] = queue.SimpleQueue()

    def add_articles(self, batch: Sequence[Article]) -> list[Stored]:
        request = json.dumps({"articles": [article_message(a) for a in batch]}).encode()
        connection = self._connection()
        try:
            connection.send_bytes(request)
            reply = json.loads(connection.recv_bytes())
        except (EOFError, OSError) as exc:
            connection.close()
            raise BackendError(
                Errors.SL404, what="the clustering process", reason=type(exc).__name__
            ) from None
        if self._idle.qsize() < IDLE_CONNECTIONS:
            self._idle.put(connection)
        else:
            connection.close()
        if "error" in reply:
            raise BackendError(Errors.SL404, what="the clustering process", reason=str(reply["error"]))
        return [
            Stored(str(i), int(story), int(thread), bool(created))
            for i, story, thread, created in reply["stored"]
        ]

    def _connection(self) -> Connection:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        try:
            return Client(self.address, family="AF_UNIX", authkey=self._key)
        except (OSError, EOFError, AuthenticationError) as exc:
            raise BackendError(
                Errors.SL404, what="the clustering process", reason=type(exc).__name__
            ) from None

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
