"""Each bad file yields one one-line Failure naming it, and the good file beside it still ingests."""
from __future__ import annotations

import gzip
import json

from ingest_helpers import outcomes

from newsprism.ingest import read_inputs
from newsprism.model import Failure, RawArticle

GOOD = "Officials met in Geneva on Tuesday for a third round of talks.\n"


def _batch(tmp_path, name: str, data: bytes, **options):
    (tmp_path / "good.txt").write_text(GOOD)
    bad = tmp_path / name
    bad.write_bytes(data)
    results = list(read_inputs([bad, tmp_path / "good.txt"], **options))
    failures = [result for result in results if isinstance(result, Failure)]
    articles = [result for result in results if isinstance(result, RawArticle)]
    assert articles and articles[-1].source == str(tmp_path / "good.txt")
    assert articles[-1].body == GOOD
    for failure in failures:
        assert "\n" not in str(failure)
        assert str(failure).startswith(str(bad))
    return failures, articles


def test_files_empty_file_fails_and_batch_goes_on(tmp_path):
    failures, _ = _batch(tmp_path, "empty.txt", b"")
    assert [failure.reason for failure in failures] == ["empty file"]
    assert not failures[0].retryable


def test_files_whitespace_only_file_is_empty(tmp_path):
    failures, _ = _batch(tmp_path, "blank.html", b"  \n\t\r\n  ")
    assert failures[0].reason.startswith("empty file")


def test_files_binary_png_refused(tmp_path):
    failures, _ = _batch(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert failures[0].reason == "binary file, not text (a PNG image)"


def test_files_binary_nul_bytes_refused(tmp_path):
    failures, _ = _batch(tmp_path, "blob.html", b"<html>\x00\x01\x02\x00garbage" * 50)
    assert failures[0].reason.startswith("binary file, not text")


def test_files_over_size_cap_refused_before_reading(tmp_path):
    failures, _ = _batch(tmp_path, "big.txt", b"word " * 1000, max_bytes=1000)
    assert failures[0].reason == "file is 5 kB, over the 1 kB cap"


def test_files_size_message_in_megabytes(tmp_path):
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(12_345_678)  # sparse: no need to write 12 MB
    [failure] = read_inputs([big])
    assert failure.reason == "file is 12.3 MB, over the 10 MB cap"


def test_files_gzip_bomb_capped(tmp_path):
    failures, _ = _batch(tmp_path, "bomb.txt.gz", gzip.compress(b"a" * 50_000), max_bytes=10_000)
    assert failures[0].reason == "file decompresses to over the 10 kB cap"


def test_files_truncated_gzip_text(tmp_path):
    data = gzip.compress(("Some sentence of news text. " * 400).encode())
    failures, _ = _batch(tmp_path, "page.txt.gz", data[: len(data) // 2])
    assert failures[0].reason.startswith("truncated gzip")


def test_files_truncated_jsonl_gz_keeps_lines_before_the_break(tmp_path):
    lines = [json.dumps({"text": f"Article number {n}. " + "filler words " * 30}) for n in range(200)]
    data = gzip.compress("\n".join(lines).encode())
    failures, articles = _batch(tmp_path, "dump.jsonl.gz", data[: int(len(data) * 0.7)])
    assert len(failures) == 1 and failures[0].reason.startswith("truncated gzip after line ")
    read = [article for article in articles if article.source.startswith(str(tmp_path / "dump"))]
    assert 0 < len(read) < 200
    assert read[0].source == f"{tmp_path / 'dump.jsonl.gz'}:1"
    assert read[0].body.startswith("Article number 0.")


def test_files_gzip_that_is_not_gzip(tmp_path):
    failures, _ = _batch(tmp_path, "fake.html.gz", b"this is not gzip at all")
    assert failures[0].reason.startswith("corrupt gzip")


def test_files_missing_path(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    results = list(read_inputs([tmp_path / "nope.txt", tmp_path / "good.txt"]))
    assert outcomes(results) == [("Failure", str(tmp_path / "nope.txt")),
                                 ("RawArticle", str(tmp_path / "good.txt"))]
    assert results[0].reason == "no such file or folder"


def test_files_unsupported_scheme(tmp_path):
    [failure] = read_inputs(["ftp://example.org/a.txt"])
    assert str(failure) == "ftp://example.org/a.txt: only http and https URLs are fetched"
