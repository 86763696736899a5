"""What ``watch FEEDS...`` reads: URLs, OPML files, text files of URLs; and ``--every``."""
from __future__ import annotations

import pytest

from newsprism.errors import BadInput
from newsprism.watch import feed_urls, parse_every

OPML = """<?xml version="1.0"?><opml version="2.0"><head><title>desk</title></head><body>
<outline text="World"><outline text="A" type="rss" xmlUrl="https://a.example/rss"/>
<outline text="B" type="rss" xmlUrl="https://b.example/atom.xml"/></outline>
<outline text="no feed" htmlUrl="https://c.example/"/></body></opml>"""


def test_sources_urls_opml_and_text_lists_in_order_once(tmp_path):
    (tmp_path / "desk.opml").write_text(OPML)
    (tmp_path / "feeds.txt").write_text("# wires\nhttps://c.example/feed\n\n  https://a.example/rss  \n")
    urls = feed_urls(["https://z.example/rss", str(tmp_path / "desk.opml"), str(tmp_path / "feeds.txt")])
    assert urls == ["https://z.example/rss", "https://a.example/rss", "https://b.example/atom.xml",
                    "https://c.example/feed"]


def test_sources_bad_lists_name_the_problem(tmp_path):
    (tmp_path / "feeds.txt").write_text("https://a.example/rss\nftp://b.example/feed\n")
    with pytest.raises(BadInput, match=r"feeds.txt:2: not an http\(s\) URL"):
        feed_urls([str(tmp_path / "feeds.txt")])
    with pytest.raises(BadInput, match="cannot read"):
        feed_urls([str(tmp_path / "missing.txt")])
    (tmp_path / "empty.opml").write_text("<opml><body><outline text='x'/></body></opml>")
    with pytest.raises(BadInput, match="no feed"):
        feed_urls([str(tmp_path / "empty.opml")])


def test_sources_every_durations():
    assert parse_every("15m") == 900 and parse_every("90s") == 90 and parse_every("1h30m") == 5400
    assert parse_every("2d") == 172800 and parse_every("45") == 45 and parse_every("0.5h") == 1800
    for bad in ("", "soon", "0", "15 minutes"):
        with pytest.raises(ValueError):
            parse_every(bad)
