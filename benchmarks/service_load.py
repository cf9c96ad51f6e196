"""Load on a real `storyline serve` over SQLite, on loopback only, bounded in time (issue 13).

    .venv/bin/python benchmarks/service_load.py [--clients 32] [--seconds 15] [--batch 20]
        [--seed-articles 400] [--touch] [--client raw|httpx] [--read-rate R] [--workers N]
        [--json FILE]

Starts the server on a fresh SQLite file in a temporary folder (`--rate-limit 0`, feeds off),
seeds it with invented articles on a few dozen events, and asks every story's report once
so that it is cached. Then three phases, each `--seconds` long:

1. reads: `--clients` concurrent clients GET /api/stories/{id} (cached report JSON) for
   random stories;
2. ingest: one writer POSTs batches of `--batch` new articles, nothing else;
3. mixed: the readers and the writer together; the writer's articles are on new events,
   so the stories being read keep their cached reports;
4. with --touch, mixed again with the writer adding to the seeded events: the stories
   being read change; readers get the last report (marked stale) while a fresh one is
   computed in the background.

Prints requests/s, p50/p95/p99 latency and errors per phase and kind of request, the
articles stored per second and how many reads were answered with a stale report. The
clients run in this process (asyncio; readers on a minimal keep-alive HTTP/1.1 client,
or httpx with `--client httpx`, the writer on httpx) on the same cores as the server, so
the numbers are for the pair, not the server alone. These are measurements, not
pass/fail checks.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

EVENTS = [
    (
        "fire",
        "A fire destroyed the {place} warehouse on {day}; {n} workers were hurt, the fire brigade said.",
    ),
    ("budget", "The parliament of {place} passed its budget on {day} after a debate of {n} hours."),
    ("flood", "The river burst its banks in {place} on {day}, forcing {n} residents from their homes."),
    ("mine", "{n} miners were trapped by a collapse at the {place} mine on {day}, rescuers said."),
    ("strike", "Dock workers in {place} went on strike on {day}; {n} ships were waiting to unload."),
    ("election", "Voters in {place} chose a new mayor on {day}; turnout was {n} percent, officials said."),
]
PLACES = (
    "Kessport Marrow Orsk Varnia Lune Tallin Brenn Osk Vell Harrow Dunmore Eastby Sorrel Pike Quarry "
    "Alder Birch Cedar"
).split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def article(i: int, *, event: int) -> dict[str, str]:
    """Article `i` about event number `event` (an event is a kind of news at one place).

    Events past the seeded ones are written in invented words of their own, so that they
    open new stories instead of changing the seeded ones the readers read.
    """
    kind, template = EVENTS[event % len(EVENTS)]
    n_seeded = len(EVENTS) * len(PLACES)
    rng = random.Random(i)
    if event < n_seeded:
        place = PLACES[event // len(EVENTS)]
        sentences = [
            template.format(place=place, day=rng.choice(DAYS), n=rng.randint(2, 90)) for _ in range(3)
        ]
    else:
        place = f"Newtown {event - n_seeded}"
        words = _invented_words(event, 12)
        sentences = [
            f"The {words[k]} {words[k + 1]} of {place} said the {words[k + 2]} {words[k + 3]} would "
            f"{words[(k + 4) % 12]} on {rng.choice(DAYS)}."
            for k in (0, 4, 8)
        ]
    return {
        "id": f"load-{i}",
        "title": f"{kind.title()} in {place}",
        "text": " ".join(sentences) + f" Reporter {i} filed this report.",
        "date": f"2026-03-{1 + event % 28:02d}",
    }


def _invented_words(seed: int, n: int) -> list[str]:
    rng = random.Random(seed * 7919)
    syllables = "ka ro ven tal mi sor du pel gra nox vi lum ter zan obi que".split()
    return ["".join(rng.choice(syllables) for _ in range(3)) for _ in range(n)]


SERVE_FLAGS = ("--feed-poll", "0", "--rate-limit", "0")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Tally:
    latencies_s: list[float] = field(default_factory=list)
    errors: int = 0
    items: int = 0  # articles stored, for the writer; stale reports served, for the readers
    writer: bool = False

    def row(self, seconds: float) -> dict[str, Any]:
        lat = sorted(self.latencies_s)

        def pct(p: float) -> float | None:
            return round(1000 * lat[min(len(lat) - 1, int(p * len(lat)))], 1) if lat else None

        return {
            "requests": len(lat) + self.errors,
            "requests_per_s": round(len(lat) / seconds, 1),
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "mean_ms": round(1000 * statistics.fmean(lat), 1) if lat else None,
            "errors": self.errors,
            "articles_per_s": round(self.items / seconds, 1) if self.writer else None,
            "stale_served": None if self.writer else self.items,
        }


class RawConnection:
    """One keep-alive HTTP/1.1 connection that sends GETs, one at a time (a load client's part).

    httpx's AsyncClient spends about 6 ms of CPU per request here, more than the server
    spends answering a cached read, and it runs on the same two cores: with it, the
    benchmark measured the client. This sends a fixed request line and reads the status,
    the headers and a Content-Length body, nothing more (as wrk or h2load do, in Python).
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str) -> tuple[int, dict[bytes, bytes], bytes]:
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
        stream_in, stream_out = self._streams
        try:
            stream_out.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
            head = await stream_in.readuntil(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            status = int(lines[0].split(b" ", 2)[1])
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                headers[name.strip().lower()] = value.strip()
            if b"content-length" not in headers:
                raise ValueError("no Content-Length")
            body = await stream_in.readexactly(int(headers[b"content-length"]))
            if headers.get(b"connection", b"").lower() == b"close":
                await self.close()
            return status, headers, body
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        if self._streams is not None:
            self._streams[1].close()
            self._streams = None


async def reader(
    client: httpx.AsyncClient | RawConnection,
    story_ids: list[int],
    until: float,
    tally: Tally,
    *,
    interval_s: float = 0.0,
) -> None:
    """GET random stories until `until`: back to back, or one every `interval_s` (paced).

    Paced, a request's latency counts from when it was due, so a server that falls
    behind shows it (no coordinated omission).
    """
    rng = random.Random()
    due = time.perf_counter() + rng.uniform(0, interval_s)
    try:
        while time.perf_counter() < until:
            path = f"/api/stories/{rng.choice(story_ids)}"
            if interval_s:
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                started, due = due, due + interval_s
            else:
                started = time.perf_counter()
            try:
                if isinstance(client, RawConnection):
                    status, headers, _ = await client.get(path)
                    stale = headers.get(b"x-report-status") == b"stale"
                else:
                    response = await client.get(path)
                    status, stale = response.status_code, response.headers.get("x-report-status") == "stale"
                ok = status == 200
            except (httpx.HTTPError, OSError, ValueError, asyncio.IncompleteReadError):
                ok, stale = False, False
            if ok:
                tally.latencies_s.append(time.perf_counter() - started)
                tally.items += stale
            else:
                tally.errors += 1
    finally:
        if isinstance(client, RawConnection):
            await client.close()


async def writer(
    client: httpx.AsyncClient, start: int, batch: int, until: float, tally: Tally, *, touch: bool
) -> int:
    """Post batches of new articles: on new events (5 articles each), or with `touch` on
    the seeded events, which changes the stories the readers read (their reports are
    recomputed when next asked)."""
    i = start
    n_events = len(EVENTS) * len(PLACES)
    while time.perf_counter() < until:
        events = [k % n_events if touch else n_events + k // 5 for k in range(i, i + batch)]
        payload = [article(k, event=e) for k, e in zip(range(i, i + batch), events, strict=True)]
        started = time.perf_counter()
        try:
            response = await client.post("/api/articles", json=payload)
            ok = response.status_code == 200 and response.json()["n_errors"] == 0
            stored = response.json()["n_stored"] if ok else 0
        except httpx.HTTPError:
            ok, stored = False, 0
        if ok:
            tally.latencies_s.append(time.perf_counter() - started)
            tally.items += stored
        else:
            tally.errors += 1
        i += batch
    return i


async def phase(
    base: str,
    *,
    readers: int,
    write: bool,
    seconds: float,
    story_ids: list[int],
    start: int,
    batch: int,
    touch: bool,
    raw: bool,
    read_rate: float = 0.0,
) -> tuple[dict[str, Tally], int, float]:
    """Run readers and/or the writer for `seconds`; also return how long the phase really
    took (requests started before the end are waited for)."""
    limits = httpx.Limits(max_connections=readers + 2, max_keepalive_connections=readers + 2)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits, trust_env=False) as client:
        began = time.perf_counter()
        until = began + seconds
        reads, writes = Tally(), Tally(writer=True)
        host, port = base.split("://", 1)[1].rsplit(":", 1)
        tasks: list[Coroutine[Any, Any, int | None]] = [
            reader(
                RawConnection(host, int(port)) if raw else client,
                story_ids,
                until,
                reads,
                interval_s=readers / read_rate if read_rate else 0.0,
            )
            for _ in range(readers)
        ]
        if write:
            tasks.append(writer(client, start, batch, until, writes, touch=touch))
        results = await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - began
    next_start = results[-1] if write else start
    return {"story JSON": reads, f"POST {batch} articles": writes}, int(next_start or start), elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32, help="concurrent readers (default 32)")
    parser.add_argument("--seconds", type=float, default=15.0, help="length of each phase (default 15)")
    parser.add_argument("--batch", type=int, default=20, help="articles per write request (default 20)")
    parser.add_argument("--seed-articles", type=int, default=400, help="articles stored first (default 400)")
    parser.add_argument(
        "--touch",
        action="store_true",
        help="add a mixed phase whose writer adds to the stories being read (their cached reports "
        "are recomputed when next read)",
    )
    parser.add_argument(
        "--client",
        choices=("raw", "httpx"),
        default="raw",
        help="readers' HTTP client: raw (a minimal keep-alive HTTP/1.1 client, default) or httpx "
        "(AsyncClient, as before: it costs more CPU than the server on a small machine)",
    )
    parser.add_argument(
        "--read-rate",
        type=float,
        default=0.0,
        metavar="R",
        help="pace the readers to R requests/s in all (default 0: each reader sends its next "
        "request as soon as the last one is answered)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="start the server with `--workers N`: N HTTP worker processes, the clustering in "
        "the parent (default 0: one process)",
    )
    parser.add_argument("--json", type=Path, help="write the numbers here as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="storyline-load-") as tmp:
        db = str(Path(tmp) / "store.db")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = (Path(tmp) / "server.log").open("wb")
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "storyline", "serve", "--db", db, "--port", str(port)),
                *SERVE_FLAGS,
                *(("--workers", str(args.workers)) if args.workers else ()),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            return asyncio.run(_run(base, server, args))
        finally:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()
            if server.returncode not in (0, -15):
                print((Path(tmp) / "server.log").read_text(errors="replace")[-3000:], file=sys.stderr)


async def _run(base: str, server: subprocess.Popen[bytes], args: argparse.Namespace) -> int:
    async with httpx.AsyncClient(base_url=base, timeout=300, trust_env=False) as client:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                print(f"the server exited with {server.returncode}", file=sys.stderr)
                return 1
            try:
                if (await client.get("/healthz")).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                print("the server did not answer within 120 s", file=sys.stderr)
                return 1
            await asyncio.sleep(0.2)
        n_events = len(EVENTS) * len(PLACES)
        started = time.perf_counter()
        for i in range(0, args.seed_articles, 100):
            chunk = [article(k, event=k % n_events) for k in range(i, min(i + 100, args.seed_articles))]
            response = await client.post("/api/articles", json=chunk)
            response.raise_for_status()
        seed_s = time.perf_counter() - started
        story_ids: list[int] = []
        offset: int | None = 0
        while offset is not None:
            page = (await client.get("/api/stories", params={"limit": 100, "offset": offset})).json()
            story_ids += [s["id"] for s in page["stories"]]
            offset = page["next_offset"]
        started = time.perf_counter()
        for story in story_ids:  # computed once, then served from the cache
            (await client.get(f"/api/stories/{story}")).raise_for_status()
        warm_s = time.perf_counter() - started

    print(
        f"seeded {args.seed_articles} articles in {seed_s:.1f} s ({args.seed_articles / seed_s:.0f}/s); "
        f"{len(story_ids)} stories; first report of each in {warm_s:.1f} s "
        f"({1000 * warm_s / max(1, len(story_ids)):.0f} ms each)"
    )
    print(
        f"{os.cpu_count()} CPUs; server and {args.clients} {args.client} client(s) on loopback, "
        f"{args.seconds:g} s per phase"
        + (f"; server with --workers {args.workers}" if args.workers else "")
        + (f"; reads paced to {args.read_rate:g}/s in all" if args.read_rate else "")
        + "\n"
    )
    results: dict[str, dict[str, Any]] = {}
    start = args.seed_articles
    phases = [
        ("reads", args.clients, False, False),
        ("ingest", 0, True, False),
        ("mixed", args.clients, True, False),
    ]
    if args.touch:
        phases.append(("mixed, touching", args.clients, True, True))
    for name, readers, write, touch in phases:
        tallies, start, elapsed = await phase(
            base,
            readers=readers,
            write=write,
            seconds=args.seconds,
            story_ids=story_ids,
            start=start,
            batch=args.batch,
            touch=touch,
            raw=args.client == "raw",
            read_rate=args.read_rate,
        )
        for kind, tally in tallies.items():
            if tally.latencies_s or tally.errors:
                results[f"{name}: {kind}"] = tally.row(elapsed) | {"phase_s": round(elapsed, 1)}

    header = (
        f"{'phase: request':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} "
        f"{'art/s':>7} {'stale':>6} {'took s':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        print(
            f"{name:<34} {r['requests_per_s']:>8} {r['p50_ms']!s:>8} {r['p95_ms']!s:>8} "
            f"{r['p99_ms']!s:>8} {r['errors']:>7} {r['articles_per_s'] or '':>7} "
            f"{'' if r['stale_served'] is None else r['stale_served']:>6} {r['phase_s']:>7}"
        )
    if args.json:
        payload = {
            "clients": args.clients,
            "client": args.client,
            "read_rate": args.read_rate,
            "seconds": args.seconds,
            "batch": args.batch,
            "seed_articles": args.seed_articles,
            "workers": args.workers,
            "stories": len(story_ids),
            "cpus": os.cpu_count(),
            "results": results,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
