"""Real servers for the service tests: storyline serve, PostgreSQL, a local HTTP server.

Every one is started by the test that needs it and stopped after; a server that cannot
start fails the test (nothing is skipped).
"""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "kessport-fire"
# Debian's chromium, driven by Playwright, offline and without a sandbox (a root container).
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SERVE = (
    "import argparse, sys\n"
    "from storyline.cli._serve import add_serve_parser, serve\n"
    "p = argparse.ArgumentParser(); sub = p.add_subparsers(); add_serve_parser(sub)\n"
    "sys.exit(serve(p.parse_args(sys.argv[1:])))\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(
    url: str, *, process: subprocess.Popen[bytes] | None = None, timeout_s: float = 120
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            out = process.stdout.read().decode(errors="replace") if process.stdout else ""
            raise AssertionError(f"the server exited with {process.returncode}:\n{out[-3000:]}")
        try:
            if httpx.get(url, timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout_s} s")


@contextlib.contextmanager
def running_server(db: str, *extra: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`storyline serve` in a subprocess on a free loopback port; yields its base URL and process."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, "serve", "--db", db, "--port", str(port), "--feed-poll", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/healthz", process=process)
        yield base, process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout is not None:
            process.stdout.close()


def run_ingest(*args: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import argparse, sys\n"
        "from storyline.cli._ingest import add_ingest_parser, ingest\n"
        "p = argparse.ArgumentParser(); sub = p.add_subparsers(); add_ingest_parser(sub)\n"
        "sys.exit(ingest(p.parse_args(sys.argv[1:])))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "ingest", *args], capture_output=True, text=True, cwd=ROOT, timeout=600
    )


# -- PostgreSQL ---------------------------------------------------------------------------
def _pg_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not versions:
        raise AssertionError(f"{name} not found: install PostgreSQL (scripts/install does)")
    return str(versions[-1])


@contextlib.contextmanager
def postgres(tmp: Path) -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a free port; yields its URL. Runs as `postgres` when root.

    The cluster lives in its own directory under the system temp dir (pytest's are private
    to root), removed afterwards.
    """
    del tmp
    tmp = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    data = tmp / "pgdata"
    sockets = tmp / "pgsock"
    sockets.mkdir()
    data.mkdir()
    port = free_port()
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(tmp, "postgres")
        shutil.chown(data, "postgres")
        shutil.chown(sockets, "postgres")
        os.chmod(tmp, 0o755)
    env = {**os.environ, "LC_ALL": "C"}

    def run(*cmd: str) -> None:
        result = subprocess.run([*as_user, *cmd], capture_output=True, text=True, env=env, timeout=120)
        if result.returncode != 0:
            raise AssertionError(f"{cmd[0]} failed: {result.stdout[-2000:]}{result.stderr[-2000:]}")

    run(_pg_bin("initdb"), "-D", str(data), "-U", "storyline", "--auth=trust", "-E", "UTF8", "--no-sync")
    log = tmp / "pg.log"
    if as_user:
        log.touch()
        shutil.chown(log, "postgres")
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(_pg_bin("pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start")
    try:
        run(_pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "storyline", "storyline")
        yield f"postgresql://storyline@127.0.0.1:{port}/storyline"
    finally:
        subprocess.run(
            [*as_user, _pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            env=env,
            timeout=120,
        )
        shutil.rmtree(tmp, ignore_errors=True)


# -- a local web server -------------------------------------------------------------------
Route = tuple[int, dict[str, str], bytes]


@contextlib.contextmanager
def web_server(routes: dict[str, Route | Callable[[], Route]]) -> Iterator[str]:
    """A loopback HTTP server answering `routes` (path -> status, headers, body); yields its base URL."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            status, headers, body = route() if callable(route) else route
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def workers_of(pid: int) -> list[int]:
    """The uvicorn worker processes (multiprocessing spawn children) of `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return found


def gone(pids: list[int], *, timeout_s: float) -> bool:
    """Whether every one of `pids` has exited (a zombie, not yet reaped, has) within `timeout_s`."""

    def alive(pid: int) -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state != "Z"

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not any(alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False
