"""Service settings: one frozen object built by `storyline serve` (or a test) and passed to `create_app`."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import ConfigError, Errors


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything the service is configured with; nothing is read at import time."""

    db_url: str = "storyline.db"
    """A SQLite file path (or `sqlite:///...`), or `postgresql://...`."""
    api_key: str | None = None
    """When set, every write needs `Authorization: Bearer KEY`."""
    allow_hosts: tuple[str, ...] = ()
    """Hosts (names or addresses) the URL fetcher may reach although they are not public."""
    max_body_bytes: int = 8 * 1024 * 1024
    max_articles: int = 1000
    """Most articles in one `POST /api/articles`."""
    rate_limit_per_min: int = 1200
    """Writes (POST) per client address per minute."""
    fetch_timeout_s: float = 10.0
    fetch_max_bytes: int = 4 * 1024 * 1024
    feed_poll_s: float = 600.0
    """Seconds between two polls of a registered feed (0: never poll on a timer)."""
    snapshot_every: int = 500
    """Save the clusterer's memory to the store after this many new articles."""
    embedder: str = "static"
    report_workers: int = 1
    """Threads computing reports (each holds its own models). Reads of stories that have a
    report never wait for them; on a small machine, one leaves the other cores to requests."""

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_articles", "fetch_max_bytes", "snapshot_every", "report_workers"):
            value = getattr(self, name)
            if value < 1:
                raise ConfigError(Errors.SL202, name=name, value=value, reason="must be at least 1")
        if self.fetch_timeout_s <= 0:
            raise ConfigError(
                Errors.SL202, name="fetch_timeout_s", value=self.fetch_timeout_s, reason="must be positive"
            )
        if self.api_key is not None and len(self.api_key) < 8:
            raise ConfigError(Errors.SL202, name="api_key", value="***", reason="use at least 8 characters")
