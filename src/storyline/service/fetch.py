"""Fetch a URL for the server without letting a caller reach private networks (SSRF).

The host is resolved here, every address is checked, and the connection goes to the
checked address (the name stays in `Host` and in TLS's SNI), so a DNS answer that changes
between check and connect changes nothing. Redirects are followed by hand, each hop
checked the same way. Loopback, private, link-local (cloud metadata), CGNAT, multicast,
reserved and unspecified addresses are refused, also when wrapped in IPv6 (IPv4-mapped,
6to4, Teredo, NAT64), unless the URL's host itself (the name or address as written)
is in `allow_hosts`: a name that merely resolves to an allowed address is still refused.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from storyline.errors import Errors, InputError

MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/feed+json",
)
# Not global, or global by the book but a way back in (python/cpython#113171; RFC 6598, 6052).
_BLOCKED = tuple(
    ipaddress.ip_network(n)
    for n in ("100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15", "64:ff9b::/96", "64:ff9b:1::/48", "2002::/16")
)

Resolver = Callable[[str, int], Sequence[str]]
"""(host, port) -> the addresses it resolves to."""


def system_resolver(host: str, port: int) -> list[str]:
    """The system's answer for `host` (no fallback to another resolver)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(Errors.SL501, url=host, reason=f"cannot resolve ({exc.strerror})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public_address(address: str) -> bool:
    """True for a global unicast address that unwraps to no private IPv4 address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    candidates: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [ip]
    if isinstance(ip, ipaddress.IPv6Address):
        for inner in (ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())):
            if inner is not None:
                candidates.append(inner)
    for candidate in candidates:
        if (
            not candidate.is_global
            or candidate.is_multicast
            or candidate.is_unspecified
            or candidate.is_reserved
            or candidate.is_loopback
            or candidate.is_link_local
            or candidate.is_private
            or any(candidate.version == net.version and candidate in net for net in _BLOCKED)
        ):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched resource: the final URL (after redirects), its media type and body."""

    url: str
    content_type: str
    body: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class SafeFetcher:
    """Fetches http(s) URLs from public addresses only, within time, size and type limits."""

    allow_hosts: frozenset[str] = frozenset()
    timeout_s: float = 10.0
    max_bytes: int = 4 * 1024 * 1024
    resolver: Resolver = system_resolver
    transport: httpx.BaseTransport | None = field(default=None, compare=False)
    """For tests: an httpx transport in place of the network."""

    def fetch(self, url: str, *, accept: Sequence[str] = PAGE_TYPES) -> Fetched:
        """GET `url`, following up to MAX_REDIRECTS redirects, each one checked.

        Raises:
            InputError: SL501, saying why (refused address, scheme, size, type, time, status).
        """
        deadline = time.monotonic() + self.timeout_s
        client = httpx.Client(transport=self.transport, trust_env=False, follow_redirects=False, verify=True)
        try:
            current = url
            for _ in range(MAX_REDIRECTS + 1):
                target, headers, extensions = self._pin(current, original=url)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise InputError(Errors.SL501, url=url, reason=f"took over {self.timeout_s:g} s")
                request = client.build_request(
                    "GET",
                    target,
                    headers=headers,
                    extensions={**extensions, "timeout": httpx.Timeout(remaining).as_dict()},
                )
                try:
                    response = client.send(request, stream=True)
                except httpx.HTTPError as exc:
                    raise InputError(Errors.SL501, url=url, reason=type(exc).__name__) from None
                try:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise InputError(Errors.SL501, url=url, reason="a redirect without a Location")
                        current = urljoin(current, location)
                        continue
                    return self._read(url, current, response, accept=accept, deadline=deadline)
                finally:
                    response.close()
            raise InputError(Errors.SL501, url=url, reason=f"more than {MAX_REDIRECTS} redirects")
        finally:
            client.close()

    def _pin(self, current: str, *, original: str) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
        """The URL to connect to (the checked address), the Host header and the TLS name."""
        try:
            parsed = httpx.URL(current)
        except httpx.InvalidURL:
            raise InputError(Errors.SL501, url=original, reason="not a valid URL") from None
        if parsed.scheme not in ("http", "https"):
            raise InputError(Errors.SL501, url=original, reason=f"scheme {parsed.scheme!r}; only http(s)")
        host = parsed.host
        if not host:
            raise InputError(Errors.SL501, url=original, reason="no host")
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        allowed = host in self.allow_hosts
        try:
            ipaddress.ip_address(host)
            addresses: Sequence[str] = [host]
        except ValueError:
            addresses = self.resolver(host, port)
        if not addresses:
            raise InputError(Errors.SL501, url=original, reason=f"{host} has no address")
        if not allowed:
            for address in addresses:
                if not is_public_address(address):
                    raise InputError(
                        Errors.SL501,
                        url=original,
                        reason=f"{host} is {address}, not a public address (allow it with --allow-host)",
                    )
            if port not in (80, 443):
                raise InputError(Errors.SL501, url=original, reason=f"port {port}; only 80 and 443")
        address = addresses[0]
        pinned = parsed.copy_with(host=address)
        default_port = port == (443 if parsed.scheme == "https" else 80)
        headers = {"Host": host if default_port else f"{host}:{port}", "Accept": "*/*"}
        extensions = {"sni_hostname": host} if parsed.scheme == "https" else {}
        return pinned, headers, extensions

    def _read(
        self, url: str, final: str, response: httpx.Response, *, accept: Sequence[str], deadline: float
    ) -> Fetched:
        if response.status_code != 200:
            raise InputError(Errors.SL501, url=url, reason=f"HTTP status {response.status_code}")
        media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media not in accept:
            raise InputError(Errors.SL501, url=url, reason=f"content type {media or 'none'!r}")
        length = response.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            raise InputError(Errors.SL501, url=url, reason=f"larger than {self.max_bytes} bytes")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise InputError(Errors.SL501, url=url, reason=f"larger than {self.max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise InputError(Errors.SL501, url=url, reason=f"took over {self.timeout_s:g} s")
                chunks.append(chunk)
        except httpx.HTTPError as exc:
            raise InputError(Errors.SL501, url=url, reason=type(exc).__name__) from None
        return Fetched(final, media, b"".join(chunks))
