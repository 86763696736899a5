"""URL helpers: telling URLs from paths, and the canonical form the store dedups on."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsprism.ingest import patterns


def is_url(item: str) -> bool:
    """True for ``http://`` and ``https://`` inputs (any case)."""
    return item[:8].lower().startswith(("http://", "https://"))


def looks_like_url(item: str) -> bool:
    """True for anything with a ``scheme://`` prefix, fetchable or not (``ftp://``, ``file://``)."""
    scheme, sep, _ = item.partition("://")
    return bool(sep) and scheme.isascii() and scheme.replace("+", "").replace("-", "").isalnum()


def canonical_url(url: str) -> str:
    """The form of ``url`` two copies of one article share.

    Lowercases scheme and host, drops the fragment, default ports, tracking parameters
    (``utm_*``, ``fbclid``, ``gclid``, ...) and a trailing slash (the root path stays ``/``),
    and sorts the remaining query parameters. Never raises: what cannot be parsed comes back
    stripped but otherwise as given.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    scheme = parts.scheme.lower()
    return urlunsplit((scheme, _netloc(parts.netloc, scheme), _path(parts.path),
                       _query(parts.query), ""))


def _netloc(netloc: str, scheme: str) -> str:
    userinfo, at, hostport = netloc.rpartition("@")
    host, port = hostport, ""
    if hostport.startswith("["):  # [IPv6]:port
        end = hostport.find("]")
        if end != -1:
            host, port = hostport[:end + 1], hostport[end + 2:]
    elif ":" in hostport:
        host, _, port = hostport.rpartition(":")
    host = host.lower().rstrip(".")
    if port and port.isdigit() and int(port) == patterns.DEFAULT_PORTS.get(scheme):
        port = ""
    return f"{userinfo}{at}{host}{':' + port if port else ''}"


def _path(path: str) -> str:
    if not path or path == "/":
        return "/"
    return path.rstrip("/") or "/"


def _query(query: str) -> str:
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(key, value) for key, value in pairs if not _is_tracking(key)]
    return urlencode(sorted(kept), doseq=True)


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key in patterns.TRACKING_PARAMS or key.startswith(patterns.TRACKING_PREFIXES)
