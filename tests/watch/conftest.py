"""A local feed server on 127.0.0.1 (port 0) for the watcher's tests: feeds that change, answer
304 to a matching ETag / If-Modified-Since, fail, hang; pages; a webhook receiver. No internet."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    extra: dict[str, str] = field(default_factory=dict)  # more response headers


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass
class FeedServer:
    httpd: ThreadingHTTPServer
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    post_statuses: list[int] = field(default_factory=list)  # answers to POSTs, in turn (then 200)
    post_delay: float = 0.0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: bytes | str = b"", **options) -> str:
        self.routes[path] = Route(body=body.encode() if isinstance(body, str) else body, **options)
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]


class _Handler(BaseHTTPRequestHandler):
    server: ThreadingHTTPServer

    def do_GET(self):  # noqa: N802 (http.server's naming)
        feeds: FeedServer = self.server.feeds  # type: ignore[attr-defined]
        feeds.requests.append(Request("GET", self.path, dict(self.headers.items())))
        route = feeds.routes.get(self.path, Route(status=404, body=b"not found", content_type="text/plain"))
        time.sleep(route.delay)
        if route.status == 200 and _not_modified(route, self.headers):
            self.send_response(304)
            self._validators(route)
            self.end_headers()
            return
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        self.send_header("Content-Length", str(len(route.body)))
        self._validators(route)
        self.end_headers()
        self._write(route.body)

    def do_POST(self):  # noqa: N802
        feeds: FeedServer = self.server.feeds  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        feeds.requests.append(Request("POST", self.path, dict(self.headers.items()), body))
        time.sleep(feeds.post_delay)
        status = feeds.post_statuses.pop(0) if feeds.post_statuses else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _validators(self, route: Route) -> None:
        for name, value in route.extra.items():
            self.send_header(name, value)
        if route.etag:
            self.send_header("ETag", route.etag)
        if route.last_modified:
            self.send_header("Last-Modified", route.last_modified)

    def _write(self, data: bytes) -> None:
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def log_message(self, *args):
        pass


def _not_modified(route: Route, headers) -> bool:
    if route.etag and headers.get("If-None-Match") == route.etag:
        return True
    return bool(route.last_modified and not route.etag and headers.get("If-Modified-Since") == route.last_modified)


@pytest.fixture
def feeds():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    server = FeedServer(httpd=httpd)
    httpd.feeds = server  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield server
    httpd.shutdown()
    httpd.server_close()


class Clock:
    """A clock the tests move by hand (the watcher's ``now``)."""

    def __init__(self):
        self.moment = datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def http_date(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)
