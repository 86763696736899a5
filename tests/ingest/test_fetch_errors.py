"""URLs against a real HTTP server on 127.0.0.1: errors are one-line Failures and the batch goes on."""
from __future__ import annotations

import httpx
import pytest
from ingest_helpers import ARTICLE_HTML, outcomes, rss, rss_item

from newsprism.errors import FetchError, RefusedURL, UnsupportedInput
from newsprism.ingest import fetch_url, read_inputs
from newsprism.model import Failure, RawArticle


def _one_failure_then_good(server, bad_url: str, **options) -> Failure:
    good = server.route("/good", ARTICLE_HTML)
    results = list(read_inputs([bad_url, good], allow_private=True, **options))
    assert outcomes(results) == [("Failure", bad_url), ("RawArticle", good)]
    failure = results[0]
    assert "\n" not in str(failure) and str(failure).startswith(bad_url + ": ")
    return failure


def test_fetch_good_page(server):
    url = server.route("/news/talks", ARTICLE_HTML)
    [article] = read_inputs([url], allow_private=True)
    assert isinstance(article, RawArticle)
    assert (article.kind, article.source, article.url, article.encoding) == ("html", url, url, "utf-8")
    assert "Talks resume in Geneva" in article.body


def test_fetch_plain_text_page(server):
    url = server.route("/a.txt", "Plain words.\n", content_type="text/plain; charset=utf-8")
    assert fetch_url(url, allow_private=True).kind == "text"


def test_fetch_http_500_is_retryable(server):
    bad = server.route("/boom", "oops", status=500)
    failure = _one_failure_then_good(server, bad)
    assert failure.reason == "HTTP 500 Internal Server Error"
    assert failure.retryable


def test_fetch_http_404_is_permanent(server):
    failure = _one_failure_then_good(server, server.url("/missing"))
    assert failure.reason == "HTTP 404 Not Found" and not failure.retryable


def test_fetch_unreachable_port(server, closed_port):
    failure = _one_failure_then_good(server, f"http://127.0.0.1:{closed_port}/article")
    assert failure.reason.startswith("cannot connect") and failure.retryable


def test_fetch_timeout(server):
    slow = server.route("/slow", ARTICLE_HTML, delay=1.5)
    failure = _one_failure_then_good(server, slow, timeout=0.3)
    assert failure.reason.startswith("timed out") and failure.retryable


def test_fetch_content_type_refused(server):
    pdf = server.route("/report.pdf", b"%PDF-1.7 ...", content_type="application/pdf")
    failure = _one_failure_then_good(server, pdf)
    assert failure.reason.startswith("unsupported content type application/pdf")
    assert not failure.retryable


def test_fetch_image_refused(server):
    image = server.route("/photo", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    assert "image/png" in _one_failure_then_good(server, image).reason


def test_fetch_size_cap_on_streamed_response(server):
    big = server.route("/big", b"<p>" + b"x" * 1000 + b"</p>", chunks=50)  # no Content-Length
    failure = _one_failure_then_good(server, big, max_bytes=10_000)
    assert failure.reason == "response is over the 10 kB cap (stopped reading)"


def test_fetch_size_cap_from_content_length(server):
    big = server.route("/big", b"<p>" + b"x" * 20_000 + b"</p>")
    failure = _one_failure_then_good(server, big, max_bytes=10_000)
    assert failure.reason == "response is 20 kB, over the 10 kB cap"


def test_fetch_redirects_followed(server):
    target = server.route("/final", ARTICLE_HTML)
    start = server.redirect("/start", "/middle")
    server.redirect("/middle", target, status=301)
    article = fetch_url(start, allow_private=True)
    assert article.url == target and article.source == start


def test_fetch_redirect_limit(server):
    for hop in range(10):
        server.redirect(f"/r{hop}", f"/r{hop + 1}")
    failure = _one_failure_then_good(server, server.url("/r0"))
    assert failure.reason == "too many redirects (more than 5)"
    assert server.hits.count("/r6") == 0 and server.hits.count("/r5") == 1


def test_fetch_redirect_to_private_address_refused():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    [failure] = read_inputs(["http://93.184.215.14/story"], client=client)
    assert failure.reason.startswith("refused link-local address 169.254.169.254")
    assert "--allow-private" in failure.reason
    assert seen == ["http://93.184.215.14/story"]  # the private hop was never requested


@pytest.mark.parametrize("url", ["http://10.0.0.1/", "http://127.0.0.1:8080/x", "http://169.254.169.254/latest",
                                 "http://[::1]/", "http://localhost/", "https://[::ffff:127.0.0.1]/",
                                 "http://0.0.0.0/", "http://224.0.0.1/"])
def test_fetch_private_addresses_refused_without_connecting(url):
    def handler(request):
        raise AssertionError(f"no request should be made, got {request.url}")

    client = httpx.Client(transport=httpx.MockTransport(handler))
    [failure] = read_inputs([url], client=client)
    assert failure.source == url and not failure.retryable
    assert "--allow-private" in failure.reason and failure.reason.startswith("refused ")
    with pytest.raises(RefusedURL):
        fetch_url(url, client=client)


def test_fetch_connect_time_guard_catches_rebinding(server, monkeypatch):
    """A host that passed the first check but connects to a private address (DNS rebinding)."""
    url = server.route("/story", ARTICLE_HTML)
    monkeypatch.setattr("newsprism.ingest.fetch.guard.check_url", lambda url, allow_private: None)
    [failure] = read_inputs([url])
    assert failure.source == url and failure.reason.startswith("refused loopback address 127.0.0.1")
    assert server.hits == []


def test_fetch_url_raises_fetch_error(server):
    with pytest.raises(FetchError):
        fetch_url(server.route("/x", "", status=503), allow_private=True)


def test_fetch_url_refuses_feed(server):
    feed = server.route("/feed", rss([rss_item(title="t", link="http://example.org/a")]),
                        content_type="application/rss+xml")
    with pytest.raises(UnsupportedInput, match="feed"):
        fetch_url(feed, allow_private=True)


def test_fetch_legacy_charset_from_header(server):
    body = "<html><body><p>“Quoted” costs 5€</p></body></html>".encode("cp1252")
    url = server.route("/legacy", body, content_type="text/html; charset=windows-1252")
    article = fetch_url(url, allow_private=True)
    assert "“Quoted” costs 5€" in article.body and article.encoding == "cp1252"


def test_fetch_empty_response(server):
    failure = _one_failure_then_good(server, server.route("/empty", ""))
    assert failure.reason == "empty file"
