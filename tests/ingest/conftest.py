"""A real HTTP server on 127.0.0.1 (port 0) for fetch tests; no internet needed."""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    chunks: int = 0  # send ``body`` this many times more, without a Content-Length
    delay: float = 0.0  # seconds to wait before answering


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.server.hits.append(self.path)
        route = self.server.routes.get(self.path.split("?", 1)[0], Route(status=404, body=b"not found"))
        time.sleep(route.delay)
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if not route.chunks:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        try:
            self.wfile.write(route.body)
            for _ in range(route.chunks):
                self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: that is what a size cap does

    def log_message(self, *args):
        pass


class LocalServer:
    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.routes = {}
        self.httpd.hits = []
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: bytes | str = b"", *, status: int = 200,
              content_type: str | None = "text/html; charset=utf-8", **options) -> str:
        """Serve ``body`` at ``path``; returns the full URL."""
        headers = dict(options.pop("headers", {}))
        if content_type:
            headers["Content-Type"] = content_type
        data = body.encode() if isinstance(body, str) else body
        self.httpd.routes[path] = Route(status=status, body=data, headers=headers, **options)
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.httpd.routes[path] = Route(status=status, headers={"Location": location})
        return self.url(path)

    @property
    def hits(self) -> list[str]:
        return self.httpd.hits


@pytest.fixture
def server():
    local = LocalServer()
    thread = threading.Thread(target=local.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield local
    local.httpd.shutdown()
    local.httpd.server_close()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
