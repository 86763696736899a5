"""The static report: hostile article text renders inert; pages link up; works offline."""
from __future__ import annotations

import re

from newsprism.model import Article, Block, RemovedLine
from newsprism.report import write_report

HOSTILE = '<script>alert("x")</script> &amp; "quoted" \' <img src=x onerror=alert(1)>'


def hostile_article() -> Article:
    return Article(
        id="0123456789abcdef", source="evil.html", url='https://example.com/"><script>alert(2)</script>',
        canonical_url=None, headline=HOSTILE, outlet=HOSTILE, byline=HOSTILE, dateline=None,
        published="2024-04-26", wire="Reuters", language="en", text=HOSTILE,
        blocks=(Block(text=HOSTILE), Block(text=HOSTILE, kind="heading")),
        removed=(RemovedLine(text=HOSTILE, reason="footer"),), captions=(HOSTILE,),
        provenance={"headline": HOSTILE})


def test_report_escapes_article_text(tmp_path):
    index = write_report([hostile_article()], tmp_path)
    pages = [index.read_text(), (tmp_path / "articles" / "0123456789abcdef.html").read_text()]
    for page in pages:
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;alert(" in page
        assert "&amp;amp;" in page  # the entity in the text is shown as typed, not decoded


def test_report_has_no_external_resources(tmp_path):
    index = write_report([hostile_article()], tmp_path)
    for page in [index, *tmp_path.glob("articles/*.html")]:
        html = page.read_text()
        assert not re.search(r'(src|href)="(https?:)?//', html.replace('href="https://example.com/&#34;', ""))
    assert (tmp_path / "style.css").exists()


def test_report_links_index_to_article_pages(tmp_path):
    index = write_report([hostile_article()], tmp_path)
    assert 'href="articles/0123456789abcdef.html"' in index.read_text()
    page = (tmp_path / "articles" / "0123456789abcdef.html").read_text()
    assert "<details>" in page and "1 line taken out" in page


def test_report_never_links_javascript_urls(tmp_path):
    from dataclasses import replace

    article = replace(hostile_article(), url="javascript:alert(1)")
    write_report([article], tmp_path)
    page = (tmp_path / "articles" / "0123456789abcdef.html").read_text()
    assert 'href="javascript:' not in page
    assert "javascript:alert(1)" in page  # shown as text
