"""Hypothesis strategies for whole input files: feeds, JSON/JSONL, HTML, text and WARC built from
fragments that once broke a parser (bad entities, lone surrogates, odd namespaces and charsets,
deep nesting, control characters, bad URLs), plus raw bytes. Shared by the CI fuzz test and the
long run in bench/robustness.py."""
from __future__ import annotations

import gzip
import json

from hypothesis import strategies as st

NASTY = ["&#xD800;", "&#99999999;", "&#0;", "&bogus;", "\ud800", "\x1b[2J", "\u202e", "\x00", "\r", "\udcff",
         "http://[oops/x", "javascript:alert(1)", "]]>", "<![CDATA[", "<!--", "\ufeff", "\xff", "%s%n", "{{x}}",
         '<gml:pos xmlns:gml="http://www.opengis.net/gml">1 2</gml:pos>', "<georss:point>1 2</georss:point>"]
ENCODINGS = ["utf-8", "ab\x98", "utf-16", "utf-32", "latin-1", "bogus", "gb2312", "utf-7", ""]
PROSE = "Officials said the talks in Geneva were productive and long, both sides agreed. "

fragment = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.just(PROSE * 3))
fragments = st.lists(fragment, max_size=6).map("".join)


@st.composite
def feed(draw) -> bytes:
    encoding = draw(st.sampled_from(ENCODINGS))
    items = "".join(
        f"<item><title>{draw(fragments)}</title><link>{draw(fragments)}</link>"
        f"<description>{draw(fragments)}</description><pubDate>{draw(fragments)}</pubDate></item>"
        for _ in range(draw(st.integers(0, 3))))
    root = draw(st.sampled_from(["rss", "feed", "rdf:RDF"]))
    text = (f'<?xml version="1.0" encoding="{encoding}"?><{root} version="2.0" '
            f'xmlns="http://www.w3.org/2005/Atom"><channel><title>{draw(fragments)}</title>{items}</channel></{root}>')
    return _encode(draw, text)


@st.composite
def json_lines(draw) -> bytes:
    value = st.one_of(fragments, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
                      st.lists(fragments, max_size=2), st.dictionaries(st.text(max_size=5), fragments, max_size=2))
    keys = st.sampled_from(["text", "html", "title", "url", "published", "outlet", "author", "body", "x"])
    records = draw(st.lists(st.dictionaries(keys, value, max_size=5), max_size=4))
    lines = [json.dumps(record) if draw(st.booleans()) else json.dumps(record, ensure_ascii=False) for record in records]
    return _encode(draw, "\n".join(lines))


@st.composite
def html_page(draw) -> bytes:
    depth = draw(st.sampled_from([0, 3, 300]))
    body = f"<p>{draw(fragments)}</p><p>{PROSE * 2}</p>"
    text = (f'<html><head><meta charset="{draw(st.sampled_from(ENCODINGS))}"><title>{draw(fragments)}</title></head>'
            f"<body><h1>{draw(fragments)}</h1>{'<div>' * depth}{body}{'</div>' * depth}</body></html>")
    return _encode(draw, text)


@st.composite
def warc(draw) -> bytes:
    page = draw(html_page())
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    length = draw(st.sampled_from([len(http), len(http) + 10, 0, 99999999999999999999]))
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + draw(fragments).encode("utf-8", "replace")
            + b"\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(length).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")


def _encode(draw, text: str) -> bytes:
    codec = draw(st.sampled_from(["utf-8", "utf-16-le", "utf-16", "cp1252", "utf-8-sig"]))
    data = text.encode(codec, "surrogatepass" if codec.startswith("utf") else "replace")
    cut = draw(st.sampled_from([None, None, -1, -2]))  # a download cut mid-character
    return data[:cut] if cut else data


SUFFIX = {"feed": [".xml", ".rss", ".atom"], "json": [".jsonl", ".json", ".ndjson"], "html": [".html", ".htm"],
          "warc": [".warc"], "bytes": [".txt", ".html", ".json", ".jsonl", ".xml", ".warc"]}


@st.composite
def input_file(draw) -> tuple[str, bytes]:
    """(file name, bytes) of one fuzzed input file, sometimes gzipped."""
    kind, data = draw(st.one_of(feed().map(lambda d: ("feed", d)), json_lines().map(lambda d: ("json", d)),
                                html_page().map(lambda d: ("html", d)), warc().map(lambda d: ("warc", d)),
                                st.binary(max_size=2000).map(lambda d: ("bytes", d))))
    suffix = draw(st.sampled_from(SUFFIX[kind]))
    if draw(st.integers(0, 4)) == 0:
        return suffix + ".gz", gzip.compress(data)
    return suffix, data
