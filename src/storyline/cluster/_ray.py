"""Featurize on Ray: the embedding model is loaded once per worker actor.

Only featurizing is distributed. Every decision stays in the driver, in one ordered
pass, and features do not depend on where they were computed, so `--engine ray` gives
exactly the assignments of the local engine. Batches go round-robin to the actors, with
at most two per actor in flight, and come back in input order; the input is never read
ahead further than that.
"""

from __future__ import annotations

import os
import socket
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from storyline.cluster._features import Features, Featurizer
from storyline.cluster._options import ClusterOptions
from storyline.errors import BackendError, Errors
from storyline.model import Article


def import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise BackendError(Errors.SL401, what="ray", extra="'storyline[ray]'") from None
    return ray


class _FeatureWorker:
    """Holds one Featurizer (and so one embedding model) per Ray worker process."""

    def __init__(self, options: ClusterOptions) -> None:
        self.featurizer = Featurizer(options)

    def featurize(self, batch: list[Article]) -> Features:
        return self.featurizer(batch)


def init_ray(*, address: str | None = None, n_workers: int | None = None) -> Any:
    """Import Ray and connect to it (once per process); return the `ray` module.

    With `address`, joins that cluster; without, starts a local one with `n_workers` CPUs
    (default: all), without the dashboard, so it works offline.
    """
    ray = import_ray()
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
        if address is not None:
            _probe(address)
            kwargs["address"] = address
        else:
            kwargs["num_cpus"] = n_workers or os.cpu_count() or 1
        try:
            ray.init(**kwargs)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = f"ray at {address or 'a local cluster'}"
            raise BackendError(Errors.SL402, model=where, reason=str(exc).splitlines()[0]) from None
    return ray


CONNECT_TIMEOUT_S = 5.0


def _probe(address: str) -> None:
    """Fail fast when nothing listens at a "host:port" (or "ray://host:port") address:
    `ray.init` would retry for minutes. "auto" and other forms are left to Ray."""
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not port.isdigit() or not host:
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        reason = f"nothing answers within {CONNECT_TIMEOUT_S:g} s ({exc.strerror or exc})"
        raise BackendError(Errors.SL404, what=f"the Ray cluster at {address}", reason=reason) from None


def actor_map(
    worker_class: type,
    init_args: tuple[Any, ...],
    method: str,
    items: Iterable[Any],
    *,
    address: str | None = None,
    n_workers: int | None = None,
) -> Iterator[Any]:
    """Call `method` of Ray actors of `worker_class` on each item, results in input order.

    One actor per worker (each loads its models once in `__init__`), at most two items
    per actor in flight; the actors are killed when the iteration ends, however it ends.
    """
    ray = init_ray(address=address, n_workers=n_workers)
    n_actors = n_workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    worker = ray.remote(num_cpus=1)(worker_class)
    actors = [worker.remote(*init_args) for _ in range(n_actors)]
    in_flight: deque[Any] = deque()
    try:
        for i, item in enumerate(items):
            in_flight.append(getattr(actors[i % n_actors], method).remote(item))
            if len(in_flight) >= 2 * n_actors:
                yield ray.get(in_flight.popleft())
        while in_flight:
            yield ray.get(in_flight.popleft())
    finally:
        for actor in actors:
            ray.kill(actor)


def ray_featurize(
    options: ClusterOptions, *, address: str | None = None, n_workers: int | None = None
) -> Any:
    """A function from batches of articles to their Features, computed by Ray actors."""
    init_ray(address=address, n_workers=n_workers)  # fail fast, before the stream is read

    def featurize(batches: Iterator[list[Article]]) -> Iterator[Features]:
        return actor_map(
            _FeatureWorker, (options,), "featurize", batches, address=address, n_workers=n_workers
        )

    return featurize
