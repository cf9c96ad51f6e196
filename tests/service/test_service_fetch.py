"""SSRF-safe fetching: refused addresses never get a connection; limits hold (STYLE.md §10)."""

from __future__ import annotations

import socket
from collections.abc import Iterator, Sequence

import httpx
import pytest
from _service_fixtures import web_server

from storyline.errors import InputError
from storyline.service import SafeFetcher, is_public_address

PRIVATE = [
    "127.0.0.1",
    "10.0.0.1",
    "169.254.169.254",
    "::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "100.64.0.1",
    "2002:7f00:1::",
    "fd00:ec2::254",
    "0.0.0.0",
    "192.168.1.1",
    "224.0.0.1",
]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Fail any connection to a non-loopback address (the refusal must come first)."""
    attempts: list[object] = []
    real = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost"):
            attempts.append(address)
            raise AssertionError(f"connection attempted to {address}")
        real(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    yield attempts
    assert attempts == []


def fake_resolver(table: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def resolve(host: str, port: int) -> Sequence[str]:
        return table[host]

    return resolve


@pytest.mark.parametrize("address", PRIVATE)
def test_is_public_address_refuses_private(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_is_public_address_accepts_global(address: str) -> None:
    assert is_public_address(address)


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]", "[::ffff:127.0.0.1]"]
)
def test_fetch_refuses_private_literals_without_connecting(address: str, no_network: list[object]) -> None:
    with pytest.raises(InputError, match="not a public address") as info:
        SafeFetcher().fetch(f"http://{address}/")
    assert info.value.code == "SL501"


@pytest.mark.parametrize("answer", ["10.0.0.1", "169.254.169.254", "::ffff:169.254.169.254", "100.64.0.7"])
def test_fetch_refuses_a_name_resolving_to_private(answer: str, no_network: list[object]) -> None:
    fetcher = SafeFetcher(resolver=fake_resolver({"news.example": ["93.184.216.34", answer]}))
    with pytest.raises(InputError, match="not a public address"):
        fetcher.fetch("http://news.example/story")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/", "http://example.com:8080/"]
)
def test_fetch_refuses_scheme_and_port(url: str, no_network: list[object]) -> None:
    fetcher = SafeFetcher(resolver=fake_resolver({"example.com": ["93.184.216.34"], "x": ["93.184.216.34"]}))
    with pytest.raises(InputError):
        fetcher.fetch(url)


def test_fetch_allowed_local_server_and_redirect_to_private_refused(no_network: list[object]) -> None:
    page = b"<html><head><title>Fire</title></head><body><article><p>A fire broke out.</p></article></body></html>"
    routes = {
        "/page": (200, {"Content-Type": "text/html; charset=utf-8"}, page),
        "/to-page": (302, {"Location": "/page"}, b""),
        "/to-meta": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "/to-ten": (301, {"Location": "http://10.0.0.1/"}, b""),
        "/to-loop": (302, {"Location": "http://localhost.evil/"}, b""),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG"),
        "/big": (200, {"Content-Type": "text/plain"}, b"x" * 1001),
        "/exact": (200, {"Content-Type": "text/plain"}, b"x" * 1000),
    }
    with web_server(routes) as base:
        fetcher = SafeFetcher(
            allow_hosts=frozenset({"127.0.0.1"}),
            max_bytes=1000,
            resolver=fake_resolver({"localhost.evil": ["127.0.0.1"]}),
        )
        fetched = fetcher.fetch(base + "/to-page")
        assert fetched.url == base + "/page" and b"A fire broke out." in fetched.body
        for path in ("/to-meta", "/to-ten", "/to-loop"):
            with pytest.raises(InputError, match="not a public address"):
                fetcher.fetch(base + path)
        with pytest.raises(InputError, match="content type"):
            fetcher.fetch(base + "/image")
        with pytest.raises(InputError, match="larger than 1000 bytes"):
            fetcher.fetch(base + "/big")
        assert len(fetcher.fetch(base + "/exact").body) == 1000
        # Without --allow-host even the local server is refused.
        with pytest.raises(InputError, match="not a public address"):
            SafeFetcher().fetch(base + "/page")


def test_fetch_body_over_limit_without_length_and_slow_drip() -> None:
    def drip(request: httpx.Request) -> httpx.Response:
        def chunks() -> Iterator[bytes]:
            import time

            for _ in range(100):
                time.sleep(0.05)
                yield b"x" * 10

        return httpx.Response(200, headers={"Content-Type": "text/plain"}, content=chunks())

    fetcher = SafeFetcher(
        timeout_s=0.5,
        transport=httpx.MockTransport(drip),
        resolver=fake_resolver({"slow.example": ["93.184.216.34"]}),
    )
    with pytest.raises(InputError, match="took over"):
        fetcher.fetch("http://slow.example/")

    def endless(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=iter([b"y" * 600] * 10))

    fetcher = SafeFetcher(
        max_bytes=1000,
        transport=httpx.MockTransport(endless),
        resolver=fake_resolver({"big.example": ["93.184.216.34"]}),
    )
    with pytest.raises(InputError, match="larger than"):
        fetcher.fetch("https://big.example/")


def test_fetch_connects_to_the_checked_address_with_the_name_in_host() -> None:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"Content-Type": "text/plain"}, content=b"ok")

    fetcher = SafeFetcher(
        transport=httpx.MockTransport(record), resolver=fake_resolver({"news.example": ["93.184.216.34"]})
    )
    fetcher.fetch("https://news.example/a?b=1")
    assert seen[0].url.host == "93.184.216.34"
    assert seen[0].headers["host"] == "news.example"
    assert seen[0].extensions["sni_hostname"] == "news.example"
