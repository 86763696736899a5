"""UTF-8 with a stray or cut-off byte stays UTF-8; UTF-16/32 without a BOM is read, not refused."""
from __future__ import annotations

import pytest

from ingest_helpers import rss, rss_item

from newsprism.ingest import read_inputs
from newsprism.ingest.decode import decode_bytes, wide_codec
from newsprism.model import RawArticle

TEXT = "Officials said the talks were \u201cproductive\u201d and the minister\u2019s aides agreed. " * 3


def test_decode_one_stray_byte_keeps_utf8():
    data = TEXT.encode()
    decoded = decode_bytes(data[:50] + b"\xff" + data[50:], source="x")
    assert decoded.encoding == "utf-8"
    assert decoded.text.replace("\ufffd", "") == TEXT


def test_decode_cut_mid_character_keeps_utf8():
    data = ("Curly \u201cquotes\u201d here. " + TEXT).encode()
    decoded = decode_bytes(data[:-1] + "\u2019".encode()[:2], source="x")
    assert decoded.encoding == "utf-8" and "\u201cquotes\u201d" in decoded.text


def test_decode_legacy_text_is_not_claimed_by_the_stray_byte_rule():
    data = ("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, \u201cquoted\u201d. " * 4).encode("cp1252")
    assert decode_bytes(data, source="x").encoding == "cp1252"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_decode_wide_text_without_bom(codec):
    data = ('<?xml version="1.0"?><rss>' + TEXT + "</rss>").encode(codec)
    assert wide_codec(data) == codec
    decoded = decode_bytes(data, source="x")
    assert decoded.encoding == codec and decoded.text.endswith("</rss>")


def test_decode_wide_feed_without_bom_is_read(tmp_path):
    body = "<p>" + TEXT * 4 + "</p>"
    feed = rss([rss_item(title="Talks", description=body)]).replace('encoding="utf-8"', 'encoding="utf-16"')
    path = tmp_path / "wide.xml"
    path.write_bytes(feed.encode("utf-16-le"))
    results = list(read_inputs([path]))
    assert [type(r) for r in results] == [RawArticle]
    assert results[0].title == "Talks" and "productive" in results[0].body


def test_decode_binary_with_nul_bytes_is_still_refused():
    assert wide_codec(bytes(range(256)) * 10) is None
