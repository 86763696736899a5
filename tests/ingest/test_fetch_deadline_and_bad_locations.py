"""The fetch deadline covers the whole download: a server that trickles header lines cannot
hold a fetch past it (httpx's own timeouts are per read)."""
from __future__ import annotations

import socket
import threading
import time

import pytest

from newsprism.errors import FetchError
from newsprism.ingest.fetch import Fetcher


@pytest.fixture
def trickling_server():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve():
        conn, _ = server.accept()
        with conn:
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            for number in range(600):
                if stop.is_set():
                    return
                try:
                    conn.sendall(f"X-Slow-{number}: x\r\n".encode())
                except OSError:
                    return
                time.sleep(0.05)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/"
    stop.set()
    server.close()


def test_fetch_deadline_covers_trickled_headers(trickling_server):
    start = time.monotonic()
    with Fetcher(allow_private=True, timeout=1.0) as fetcher, pytest.raises(FetchError) as raised:
        fetcher.fetch(trickling_server)
    assert time.monotonic() - start < 3
    assert raised.value.reason.startswith("timed out")


def test_fetch_redirect_to_a_bad_url_is_one_line(server):
    from newsprism.ingest import read_inputs

    bad = server.redirect("/moved", "http://[oops/x")
    good = server.route("/good", "<html><body><p>" + "Officials said the talks were long. " * 20 + "</p></body></html>")
    results = list(read_inputs([bad, good], allow_private=True))
    assert [(type(r).__name__, r.source) for r in results] == [("Failure", bad), ("RawArticle", good)]
    assert results[0].reason == "bad URL: Invalid IPv6 URL"
