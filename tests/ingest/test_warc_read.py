"""WARC archives written with warcio's WARCWriter read back; truncation is reported after what was read."""
from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import read_inputs
from newsprism.model import Failure, RawArticle

GOOD = "A plain text article that sits beside the archive.\n"


def _warc(records: list[tuple[str, str, str, bytes]], *, gzip: bool) -> bytes:
    """(uri, status, content type, payload) records as one WARC file's bytes."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for uri, status, content_type, payload in records:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buffer.getvalue()


def _page(number: int) -> bytes:
    return (f"<html><body><h1>Story {number}</h1><p>" + "Reporting from the summit. " * 40
            + "</p></body></html>").encode()


PAGES = [(f"https://news.example.org/story/{n}", "200 OK", "text/html; charset=utf-8", _page(n)) for n in range(4)]


def _read(tmp_path, name: str, data: bytes):
    archive = tmp_path / name
    archive.write_bytes(data)
    (tmp_path / "good.txt").write_text(GOOD)
    results = list(read_inputs([archive, tmp_path / "good.txt"]))
    assert isinstance(results[-1], RawArticle) and results[-1].body == GOOD
    return archive, results[:-1]


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_written_and_read_back(tmp_path, gzip):
    records = PAGES[:2] + [
        ("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://news.example.org/old", "301 Moved Permanently", "text/html", b"<a href=/new>moved</a>"),
        ("https://news.example.org/legacy", "200 OK", "text/html; charset=windows-1252",
         "<p>“Quoted” 5€</p>".encode("cp1252")),
    ]
    archive, results = _read(tmp_path, "crawl.warc.gz" if gzip else "crawl.warc", _warc(records, gzip=gzip))
    assert [(r.source, r.url, r.kind) for r in results] == [
        (f"{archive}#1", "https://news.example.org/story/0", "html"),
        (f"{archive}#2", "https://news.example.org/story/1", "html"),
        (f"{archive}#5", "https://news.example.org/legacy", "html"),
    ]
    assert "<h1>Story 1</h1>" in results[1].body
    assert "“Quoted” 5€" in results[2].body and results[2].encoding == "cp1252"


def test_warc_truncated_gzip_keeps_records_before_the_break(tmp_path):
    data = _warc(PAGES, gzip=True)
    archive, results = _read(tmp_path, "cut.warc.gz", data[: int(len(data) * 0.8)])
    articles = [r for r in results if isinstance(r, RawArticle)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert [a.url for a in articles] == [page[0] for page in PAGES[: len(articles)]]
    assert 1 <= len(articles) < 4
    assert len(failures) == 1 and str(failures[0]).startswith(f"{archive}: truncated gzip")


def test_warc_truncated_plain_record_reported(tmp_path):
    data = _warc(PAGES, gzip=False)
    archive, results = _read(tmp_path, "cut.warc", data[: int(len(data) * 0.9)])
    assert [type(r).__name__ for r in results] == ["RawArticle"] * 3 + ["Failure"]
    assert str(results[-1]).startswith(f"{archive}#4: truncated WARC record")


def test_warc_not_a_warc(tmp_path):
    archive, [failure] = _read(tmp_path, "junk.warc", b"this is not a web archive\n" * 10)
    assert failure.source == str(archive) and "\n" not in failure.reason


def test_warc_without_pages(tmp_path):
    images = [("https://x.example/a.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")]
    archive, [failure] = _read(tmp_path, "images.warc.gz", _warc(images, gzip=True))
    assert failure.reason == "no HTML pages among 1 WARC records"


def test_warc_record_over_cap(tmp_path):
    archive = tmp_path / "big.warc.gz"
    archive.write_bytes(_warc(PAGES[:2], gzip=True))
    results = list(read_inputs([archive], max_bytes=500))
    assert [r.reason for r in results] == ["record is over the 500 bytes cap"] * 2
