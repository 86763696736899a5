"""Fetching http(s) URLs: address guard on every hop, redirect limit, content-type check,
size cap while streaming, a whole-download deadline, and errors sorted into permanent
(``BadInput``) and retryable (``FetchError``)."""
from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import httpcore
import httpx

from newsprism.errors import BadInput, FetchError, RefusedURL, TooLarge, UnsupportedInput
from newsprism.ingest import guard, patterns
from newsprism.ingest.decode import decode_bytes, header_charset
from newsprism.ingest.sniff import kind_of_response
from newsprism.model import RawArticle

# Browsers stop at 20 hops; five is plenty for news sites (http->https->www->canonical).
MAX_REDIRECTS = 5
DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_TIMEOUT = 20.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """One successful download: where it ended up, what the server said it is, the bytes."""

    url: str
    final_url: str
    media_type: str  # lowercased, without parameters; "" when the server sent none
    content_type: str  # the full header, for its charset
    data: bytes
    status: int = 200  # 304: "not modified" to a conditional request, no body
    etag: str | None = None  # the validators a conditional request sends back
    last_modified: str | None = None


class Fetcher:
    """Downloads URLs under one set of limits, with one HTTP client for a whole batch.

    Pass ``client`` to use your own (a proxy, a fake transport in tests); otherwise one is made
    on first use and closed by ``close()``. Addresses are checked before each request; on a
    client made here they are checked again on the address actually connected to.
    """

    def __init__(self, *, allow_private: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
                 timeout: float = DEFAULT_TIMEOUT, client: httpx.Client | None = None,
                 user_agent: str = patterns.USER_AGENT):
        self.allow_private = allow_private
        self.user_agent = user_agent
        self.max_bytes = max_bytes
        self.timeout = timeout
        self._client = client
        self._owns_client = client is None
        self._clock = _Deadline()

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = _guarded_client(allow_private=self.allow_private, timeout=self.timeout,
                                           clock=self._clock, user_agent=self.user_agent)
        return self._client

    def close(self) -> None:
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Fetched:
        """Download ``url``, following up to ``MAX_REDIRECTS`` redirects, each one re-checked.

        ``headers`` are sent with each request (``If-None-Match`` / ``If-Modified-Since`` make it
        conditional: a 304 answer comes back as a ``Fetched`` with ``status`` 304 and no data).

        ``timeout`` bounds the whole download, redirects, headers and body together: on a client
        made here every socket read and write gets at most the time left (a server that trickles
        one header line a second cannot hold a fetch past it).
        """
        current = url
        self._clock.start(self.timeout)
        for _ in range(MAX_REDIRECTS + 1):
            guard.check_url(current, allow_private=self.allow_private)
            try:
                result = self._get(url, current, headers or {})
            except (BadInput, FetchError) as error:
                raise _renamed(error, url) from None
            except httpx.HTTPError as error:
                raise _http_error(url, error, self.timeout) from None
            except ValueError as error:  # a Location httpx or urljoin cannot parse
                raise UnsupportedInput(url, f"bad URL: {guard.one_line(error)}") from None
            if isinstance(result, Fetched):
                return result
            current = result
        raise BadInput(url, f"too many redirects (more than {MAX_REDIRECTS})")

    def fetch_article(self, url: str) -> RawArticle:
        """Download one page as a ``RawArticle`` (feeds are refused: ``read_inputs`` expands them)."""
        return self.article_from(self.fetch(url))

    def article_from(self, fetched: Fetched) -> RawArticle:
        """A download as a ``RawArticle``: kind sniffed, bytes decoded."""
        url = fetched.url
        kind = kind_of_response(fetched.media_type, fetched.data, source=url)
        if kind == "feed":
            raise UnsupportedInput(url, "this is a feed, not a page: "
                                        "pass it to read_inputs to read its entries")
        decoded = decode_bytes(fetched.data, source=url, declared=header_charset(fetched.content_type))
        return RawArticle(source=url, kind=kind, body=decoded.text, url=fetched.final_url,
                          encoding=decoded.encoding)

    def _get(self, url: str, current: str, extra: Mapping[str, str]) -> Fetched | str:
        """One request: a ``Fetched``, or the next URL when the answer is a redirect."""
        deadline = time.monotonic() + self.timeout
        headers = {"User-Agent": self.user_agent, "Accept": patterns.ACCEPT_HEADER, **extra}
        with self.client.stream("GET", current, headers=headers, timeout=self.timeout,
                                follow_redirects=False) as response:
            validators = dict(etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
            if response.status_code == 304:
                return Fetched(url=url, final_url=str(response.url), media_type="", content_type="", data=b"",
                               status=304, **validators)
            if response.status_code in patterns.REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    raise BadInput(url, f"HTTP {response.status_code} redirect without a Location")
                return urljoin(current, location.strip())
            _check_status(url, response)
            content_type = response.headers.get("content-type", "")
            media_type = content_type.split(";", 1)[0].strip().lower()
            if media_type and media_type not in patterns.ACCEPTED_TYPES:
                raise UnsupportedInput(url, f"unsupported content type {media_type}: "
                                            "only HTML, plain text and RSS/Atom feeds are read")
            data = _read_capped(url, response, self.max_bytes, deadline, self.timeout)
            return Fetched(url=url, final_url=str(response.url), media_type=media_type,
                           content_type=content_type, data=data, status=response.status_code, **validators)


def fetch_url(url: str, *, allow_private: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
              client: httpx.Client | None = None, timeout: float = DEFAULT_TIMEOUT) -> RawArticle:
    """Download one page. Raises ``BadInput`` (permanent) or ``FetchError`` (retryable)."""
    with Fetcher(allow_private=allow_private, max_bytes=max_bytes, timeout=timeout,
                 client=client) as fetcher:
        return fetcher.fetch_article(url)


def human_size(size: int) -> str:
    """``12.3 MB``, ``10 MB``, ``512 bytes``: decimal units, as disk sizes are quoted."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def _check_status(url: str, response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    reason = f"HTTP {status} {response.reason_phrase}".strip()
    if status >= 500 or status in patterns.RETRYABLE_CLIENT_STATUSES:
        raise FetchError(url, reason, retry_after=retry_after(response.headers.get("retry-after")))
    raise BadInput(url, reason)


def retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (a number of seconds or an HTTP date), else None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - datetime.now(timezone.utc)).total_seconds())


def _read_capped(url: str, response: httpx.Response, max_bytes: int, deadline: float,
                 timeout: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(url, f"response is {human_size(int(declared))}, over the {human_size(max_bytes)} cap")
    chunks, total = [], 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise TooLarge(url, f"response is over the {human_size(max_bytes)} cap (stopped reading)")
        if time.monotonic() > deadline:
            raise FetchError(url, f"timed out: the download took over {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _http_error(url: str, error: httpx.HTTPError, timeout: float) -> BadInput | FetchError:
    detail = guard.one_line(error)
    if isinstance(error, httpx.TimeoutException):
        return FetchError(url, f"timed out after {timeout:g} s ({type(error).__name__})")
    if isinstance(error, httpx.ConnectError):
        return FetchError(url, f"cannot connect: {detail}")
    if isinstance(error, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return UnsupportedInput(url, f"bad URL: {detail}")
    if isinstance(error, httpx.DecodingError):
        return BadInput(url, f"undecodable response body: {detail}")
    return FetchError(url, f"{type(error).__name__}: {detail}")


def _renamed(error: BadInput | FetchError, source: str) -> BadInput | FetchError:
    if error.source == source:
        return error
    if isinstance(error, FetchError):
        return type(error)(source, error.reason, retry_after=error.retry_after)
    return type(error)(source, error.reason)


class _Deadline:
    """The end of the current fetch, shared by the client's sockets (one fetch at a time)."""

    def __init__(self):
        self.end: float | None = None
        self.timeout = DEFAULT_TIMEOUT

    def start(self, timeout: float) -> None:
        self.end, self.timeout = time.monotonic() + timeout, timeout

    def left(self, timeout: float | None) -> float | None:
        """``timeout`` cut to the time left; raises ``httpcore.ReadTimeout`` when none is."""
        if self.end is None:
            return timeout
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise httpcore.ReadTimeout(f"the whole download took over {self.timeout:g} s")
        return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket whose every read and write waits at most until the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, clock: _Deadline):
        self._inner = inner
        self._clock = clock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._clock.left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._clock.left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        inner = self._inner.start_tls(ssl_context, server_hostname, self._clock.left(timeout))
        return _DeadlineStream(inner, self._clock)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """Connects through ``inner`` and wraps each connection in a ``_DeadlineStream``."""

    def __init__(self, inner: httpcore.NetworkBackend, clock: _Deadline):
        self._inner = inner
        self._clock = clock

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        stream = self._inner.connect_tcp(host, port, timeout=self._clock.left(timeout),
                                         local_address=local_address, socket_options=socket_options)
        return _DeadlineStream(stream, self._clock)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise RefusedURL(path, "unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _GuardedBackend(httpcore.NetworkBackend):
    """Checks the address each connection is really made to (catches DNS rebinding)."""

    def __init__(self, inner: httpcore.NetworkBackend):
        self._inner = inner

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            addresses = guard.resolve_host(host, host, port)
        except FetchError as error:
            raise httpcore.ConnectError(error.reason) from None
        for address in addresses:  # refuse if any is private: a rebinding host mixes them
            guard.refuse_private(host, address)
        failure: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                               socket_options=socket_options)
            except httpcore.ConnectError as error:
                failure = error
        assert failure is not None  # resolve_host returns at least one address or raises
        raise failure

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise RefusedURL(path, "unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _guarded_client(*, allow_private: bool, timeout: float, clock: _Deadline | None = None,
                    user_agent: str = patterns.USER_AGENT) -> httpx.Client:
    transport = httpx.HTTPTransport(retries=0)
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if pool is not None and backend is not None:  # private httpcore detail; the pre-check and chunk deadline stay if it moves
        if not allow_private:
            backend = _GuardedBackend(backend)
        pool._network_backend = _DeadlineBackend(backend, clock) if clock is not None else backend
    return httpx.Client(transport=transport, timeout=timeout, follow_redirects=False,
                        headers={"User-Agent": user_agent})
