"""Issue 15's reproductions: each input that once aborted the batch with a traceback is now one
one-line Failure naming it (or a correct article), and the good file after it still ingests."""
from __future__ import annotations

import json
import os

import httpx
import pytest

from newsprism.ingest import read_inputs
from newsprism.model import Failure, RawArticle

PROSE = "Officials said the talks were productive and long. " * 30
GOOD = "Headline of the good one\n\n" + PROSE


def _offline():
    return httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(404)))


def _batch(tmp_path, *bad) -> tuple[list[Failure], list[RawArticle]]:
    """Read ``bad`` inputs then a good file; the good one must come through."""
    good = tmp_path / "zz-good.txt"
    good.write_text(GOOD)
    results = list(read_inputs([*bad, str(good)], client=_offline()))
    failures = [r for r in results if isinstance(r, Failure)]
    articles = [r for r in results if isinstance(r, RawArticle)]
    assert articles and articles[-1].source == str(good) and articles[-1].body == GOOD
    for failure in failures:
        assert "\n" not in str(failure) and "\r" not in str(failure)
        assert "Traceback" not in failure.reason
    return failures, articles[:-1]


@pytest.mark.parametrize("name, data", [
    ("a.rss", b'<rss version="2.0"><channel><title>t</title><item><title>&#xD800;</title></item></channel></rss>'),
    ("b.rss", b'<rss version="2.0"><channel><title>t</title><item><title>&#99999999;</title></item></channel></rss>'),
    ("c.atom", b'<feed xmlns="http://www.w3.org/2005/Atom" xmlns:gml="http://www.opengis.net/gml"><entry>'
               b'<title>g</title><gml:pos>1 2</gml:pos></entry></feed>'),
    ("d.rss", b'<?xml version="1.0" encoding="ab\x98"?><rss version="2.0"><channel><title>t</title></channel></rss>'),
])
def test_sources_feed_parser_crash_is_one_line(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    failures, _ = _batch(tmp_path, str(tmp_path / name))
    assert [f.source for f in failures] == [str(tmp_path / name)]


def test_sources_bad_ipv6_url_is_one_line(tmp_path):
    failures, _ = _batch(tmp_path, "http://[oops/x")
    assert [(f.source, f.reason) for f in failures] == [("http://[oops/x", "bad URL: Invalid IPv6 URL")]


def test_sources_bad_url_in_jsonl_and_feed_link(tmp_path):
    (tmp_path / "u.jsonl").write_text(json.dumps({"url": "http://[oops/x"}) + "\n")
    feed = ('<rss version="2.0"><channel><title>t</title><item><title>x</title>'
            '<link>http://[oops/x</link></item></channel></rss>')
    (tmp_path / "f.rss").write_text(feed)
    failures, _ = _batch(tmp_path, str(tmp_path / "u.jsonl"), str(tmp_path / "f.rss"))
    assert [f.source for f in failures] == [f"{tmp_path / 'u.jsonl'}:1", f"{tmp_path / 'f.rss'}#1"]
    assert all("bad URL" in f.reason for f in failures)


def test_sources_lone_surrogate_in_json_is_replaced(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"text": PROSE + "\ud800"}) + "\n")
    failures, articles = _batch(tmp_path, str(path))
    assert not failures
    assert articles[0].body.endswith("\ufffd") and articles[0].body.encode("utf-8")


def test_sources_non_utf8_file_name_is_shown_escaped(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.txt"), "w") as handle:
        handle.write(GOOD)
    failures, articles = _batch(tmp_path, str(folder))
    assert not failures
    assert articles[0].source == str(folder / "bad\\xffname.txt")
    assert articles[0].source.encode("utf-8")


def test_sources_symlink_loop_is_one_line_each(tmp_path):
    loop = tmp_path / "L"
    loop.mkdir()
    (loop / "a.warc").symlink_to("b.warc")
    (loop / "b.warc").symlink_to("a.warc")
    failures, _ = _batch(tmp_path, str(loop), str(loop / "a.warc"))
    assert [f.source for f in failures] == [str(loop / "a.warc"), str(loop / "b.warc"), str(loop / "a.warc")]
    assert all("symbolic links" in f.reason for f in failures)


def test_sources_device_and_fifo_are_refused(tmp_path):
    (tmp_path / "z.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "f.txt")
    failures, _ = _batch(tmp_path, str(tmp_path / "z.txt"), str(tmp_path / "f.txt"))
    assert [(f.source, f.reason) for f in failures] == [
        (str(tmp_path / "z.txt"), "not a regular file (a character device): only files are read"),
        (str(tmp_path / "f.txt"), "not a regular file (a FIFO): only files are read")]


def test_sources_fifo_inside_a_folder_does_not_hang(tmp_path):
    folder = tmp_path / "pile"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "ok.txt").write_text(GOOD)
    failures, articles = _batch(tmp_path, str(folder))
    assert [f.source for f in failures] == [str(folder / "pipe.jsonl")]
    assert [a.source for a in articles] == [str(folder / "ok.txt")]


def test_sources_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "pile"
    (folder / "locked").mkdir(parents=True)
    (folder / "ok.txt").write_text(GOOD)
    real = os.scandir

    def scandir(path="."):  # tests run as root, where chmod 000 does not lock anyone out
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    failures, articles = _batch(tmp_path, str(folder))
    assert [(f.source, f.reason) for f in failures] == [
        (str(folder / "locked"), "cannot read folder: Permission denied")]
    assert [a.source for a in articles] == [str(folder / "ok.txt")]


def test_sources_html_field_must_be_a_string(tmp_path):
    path = tmp_path / "h.jsonl"
    path.write_text('{"html": 3}\n{"text": 3, "title": 2024}\n')
    failures, _ = _batch(tmp_path, str(path))
    assert [(f.source, f.reason) for f in failures] == [
        (f"{path}:1", "field 'html' is a number, not a string"),
        (f"{path}:2", "field 'text' is a number, not a string")]


def test_sources_any_library_error_becomes_one_line(tmp_path, monkeypatch):
    import newsprism.ingest.files as files

    def explode(*args, **kwargs):
        raise RuntimeError("library bug\nwith a second line")

    monkeypatch.setattr(files, "read_feed", explode)
    (tmp_path / "x.rss").write_text('<rss version="2.0"><channel><title>t</title></channel></rss>')
    failures, _ = _batch(tmp_path, str(tmp_path / "x.rss"))
    assert [(f.source, f.reason) for f in failures] == [
        (str(tmp_path / "x.rss"), "could not read: RuntimeError: library bug with a second line")]
