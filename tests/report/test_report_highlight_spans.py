"""Highlights by offsets: each piece escaped, overlaps split, every span linked and numbered."""
from __future__ import annotations

import re

from newsprism.model import Article, Block
from newsprism.report.highlight import Mark, Paragraph, locate, paragraphs, render

TEXT = 'He said "<b>no</b>" & left.\n\nThen <script>x()</script> again.'


def mark(start, end, kind="quote", label="Q1", href="#q1", anchor="a1", title="t"):
    return Mark(start=start, end=end, kind=kind, anchor=anchor, href=href, label=label, title=title)


def article(text=TEXT, blocks=None) -> Article:
    blocks = blocks if blocks is not None else tuple(Block(text=t) for t in text.split("\n\n"))
    return Article(id="a", source="s", url=None, canonical_url=None, headline=None, outlet=None, byline=None,
                   dateline=None, published=None, wire=None, language="en", text=text, blocks=blocks)


def visible(html: str) -> str:
    """The text a reader sees: tags dropped, entities decoded, reference numbers dropped."""
    import html as lib

    return lib.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<sup class="ref.*?</sup>', "", html)))


def test_highlight_escapes_every_piece_and_keeps_the_text():
    para = paragraphs(article())[0]
    start = TEXT.index("<b>")
    html = render(TEXT, para, [mark(start, start + len("<b>no</b>"))])
    assert "<b>" not in html and "&lt;b&gt;no&lt;/b&gt;" in html
    assert visible(html) == TEXT[para.start:para.end]
    assert re.search(r'<a class="hl hl-quote" href="#q1" title="t">&lt;b&gt;no&lt;/b&gt;</a>', html)


def test_highlight_overlapping_spans_split_and_link_the_innermost():
    text = "alpha beta gamma delta"
    outer, inner = mark(0, 16, "claim", "C1", "#c1", "c1"), mark(6, 22, "quote", "Q1", "#q1", "q1")
    html = render(text, Paragraph(start=0, end=len(text), kind="paragraph"), [outer, inner])
    assert visible(html) == text
    pieces = re.findall(r'<a class="hl ([^"]+)" href="([^"]+)"[^>]*>([^<]*)</a>', html)
    assert pieces == [("hl-claim", "#c1", "alpha "), ("hl-claim hl-quote hl-overlap", "#c1", "beta gamma"),
                      ("hl-quote", "#q1", " delta")]
    assert html.count('id="c1"') == 1 and html.count('id="q1"') == 1  # one anchor per span, at its start
    assert '>C1</a></sup>' in html and '>Q1</a></sup>' in html  # each span ends with its own reference


def test_highlight_span_across_paragraphs_is_cut_at_the_break():
    art = article()
    paras = paragraphs(art)
    span = mark(20, TEXT.index("again"))
    first, second = (render(TEXT, p, [span]) for p in paras)
    assert 'id="a1"' in first and 'id="a1"' not in second
    assert ">Q1</a></sup>" in second and ">Q1</a></sup>" not in first
    assert "&lt;script&gt;" in second and "<script>" not in second


def test_highlight_locate_trusts_offsets_only_when_they_point_at_the_words():
    assert locate(TEXT, 0, 2, "He") == (0, 2)
    assert locate(TEXT, 0, 2, "left") == (TEXT.index("left"), TEXT.index("left") + 4)
    assert locate(TEXT, 5, 999, None) is None and locate(TEXT, "5", 7, None) is None
    assert locate(TEXT, None, None, "not there") is None


def test_highlight_paragraphs_fall_back_when_blocks_disagree_with_text():
    art = article(blocks=(Block(text="something else"),))
    assert [(p.start, p.end) for p in paragraphs(art)] == [(0, TEXT.index("\n\n")), (TEXT.index("Then"), len(TEXT))]
