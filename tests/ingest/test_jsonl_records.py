"""JSON / JSONL: one article per record, bad lines named by line number, url-only lines fetched."""
from __future__ import annotations

import gzip
import json

from ingest_helpers import ARTICLE_HTML, outcomes

from newsprism.ingest import read_inputs
from newsprism.model import Failure, RawArticle


def _write_lines(path, lines):
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


def test_jsonl_malformed_line_named_by_number(tmp_path):
    path = _write_lines(tmp_path / "dump.jsonl", [
        {"text": "First article body.", "title": "One", "outlet": "Daily", "published": "2024-01-02"},
        '{"text": "unterminated',
        {"html": "<p>Third</p>", "url": "https://example.org/3", "author": ["A. Writer", "B. Writer"]},
    ])
    first, bad, third = read_inputs([path])
    assert (first.kind, first.title, first.outlet, first.published) == ("text", "One", "Daily", "2024-01-02")
    assert first.source == f"{path}:1"
    assert isinstance(bad, Failure) and bad.source == f"{path}:2"
    assert str(bad).startswith(f"{path}:2: invalid JSON: Unterminated string")
    assert (third.kind, third.url, third.author) == ("html", "https://example.org/3", "A. Writer, B. Writer")


def test_jsonl_blank_lines_skipped_and_numbers_kept(tmp_path):
    path = tmp_path / "gaps.jsonl"
    path.write_text('\n{"text": "a"}\n\n[1, 2]\n')
    results = list(read_inputs([path]))
    assert outcomes(results) == [("RawArticle", f"{path}:2"), ("Failure", f"{path}:4")]
    assert results[1].reason == "expected a JSON object, got an array"


def test_jsonl_record_without_text(tmp_path):
    path = _write_lines(tmp_path / "empty.jsonl", [{"title": "Only a title"}, {"text": "Body"}])
    missing, good = read_inputs([path])
    assert missing.reason == "no text or html (and no url to fetch)"
    assert good.body == "Body"


def test_jsonl_url_only_line_is_fetched(tmp_path, server):
    url = server.route("/story", ARTICLE_HTML)
    path = _write_lines(tmp_path / "urls.jsonl", [{"url": url, "title": "Given title"},
                                                  {"url": server.url("/gone")}])
    fetched, gone = read_inputs([path], allow_private=True)
    assert (fetched.source, fetched.kind, fetched.url, fetched.title) == (f"{path}:1", "html", url, "Given title")
    assert "Talks resume in Geneva" in fetched.body
    assert str(gone) == f"{path}:2: {server.url('/gone')}: HTTP 404 Not Found"


def test_jsonl_url_only_line_private_refused(tmp_path):
    path = _write_lines(tmp_path / "urls.jsonl", [{"url": "http://127.0.0.1:9/x"}, {"text": "ok"}])
    refused, good = read_inputs([path])
    assert "--allow-private" in refused.reason and good.body == "ok"


def test_jsonl_gz(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "one"}\n{"text": "two"}\n'))
    assert [article.body for article in read_inputs([path])] == ["one", "two"]


def test_jsonl_line_over_cap(tmp_path):
    path = _write_lines(tmp_path / "big.jsonl", [{"text": "x" * 5000}, {"text": "small"}])
    big, small = read_inputs([path], max_bytes=1000)
    assert big.source == f"{path}:1" and big.reason == "line is over the 1 kB cap"
    assert small.body == "small"


def test_jsonl_legacy_encoded_line(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"text": "Le ministre a déclaré à la presse qu’il était très inquiet."}\n'.encode("cp1252"))
    [article] = read_inputs([path])
    assert article.body == "Le ministre a déclaré à la presse qu’il était très inquiet."


def test_jsonl_wrong_field_type(tmp_path):
    path = _write_lines(tmp_path / "typed.jsonl", [{"text": {"nested": True}}])
    [failure] = read_inputs([path])
    assert failure.reason == "field 'text' is an object, not a string"


def test_json_array_and_object(tmp_path):
    array = tmp_path / "many.json"
    array.write_text(json.dumps([{"text": "one"}, "nope", {"html": "<p>three</p>"}]))
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": "alone", "headline": "Alias for title"}))
    results = list(read_inputs([array, single]))
    assert outcomes(results) == [("RawArticle", f"{array}#1"), ("Failure", f"{array}#2"),
                                 ("RawArticle", f"{array}#3"), ("RawArticle", str(single))]
    assert results[3].title == "Alias for title"


def test_json_malformed_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": ')
    good = tmp_path / "good.txt"
    good.write_text("fine")
    failure, article = read_inputs([bad, good])
    assert str(failure).startswith(f"{bad}: invalid JSON") and isinstance(article, RawArticle)
