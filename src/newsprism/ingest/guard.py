"""The address guard: refuse to fetch from private, loopback, link-local and other
non-public addresses (the server-side request forgery that a URL list from strangers invites).

Every redirect hop is checked again, and when newsprism makes its own HTTP client the check is
repeated at connect time on the very address the socket connects to (see ``fetch.py``), so a
host that resolves to a public address first and a private one later (DNS rebinding) is caught.
"""
from __future__ import annotations

import ipaddress
import socket
from typing import Callable
from urllib.parse import urlsplit

from newsprism.errors import FetchError, RefusedURL, UnsupportedInput

Resolver = Callable[..., list]

# NAT64 (RFC 6052) embeds an IPv4 address in the last 32 bits.
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")

ALLOW_HINT = "pass --allow-private (allow_private=True) to fetch it"


def check_url(url: str, *, allow_private: bool, resolve: Resolver = socket.getaddrinfo) -> None:
    """Raise unless ``url`` is http(s) with a host that resolves only to public addresses."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as error:  # "http://[oops/x": Invalid IPv6 URL
        raise UnsupportedInput(url, f"bad URL: {one_line(error)}") from None
    if not parts.scheme:
        raise UnsupportedInput(url, "not an absolute URL (no http:// or https://)")
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsupportedInput(url, f"only http and https URLs are fetched, not {parts.scheme}")
    if not host:
        raise UnsupportedInput(url, "the URL has no host")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as error:
        raise UnsupportedInput(url, f"bad URL: {error}") from None
    if not allow_private:
        for address in resolve_host(url, host, port, resolve=resolve):
            refuse_private(url, address)


def resolve_host(source: str, host: str, port: int, *, resolve: Resolver = socket.getaddrinfo) -> list[str]:
    """All addresses ``host`` resolves to (an IP literal is its own answer)."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        infos = resolve(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as error:
        raise FetchError(source, f"cannot resolve host {host}: {one_line(error)}") from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(source, f"cannot resolve host {host}: no addresses")
    return addresses


def refuse_private(source: str, address: str) -> None:
    """Raise ``RefusedURL`` when ``address`` is not a public unicast address."""
    problem = address_problem(address)
    if problem:
        raise RefusedURL(source, f"refused {problem} address {address}: {ALLOW_HINT}")


def address_problem(address: str) -> str | None:
    """What is wrong with fetching from ``address`` ("loopback", "private", ...), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in NAT64_PREFIX:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            ip = embedded
    checks = (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
              ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
              ("reserved", ip.is_reserved), ("private", ip.is_private))
    for name, flagged in checks:
        if flagged:
            return name
    return None if ip.is_global else "non-public"


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
