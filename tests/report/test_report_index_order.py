"""The index lists stories covered by several independent sources; single-source items are
folded together below them (issue 12: 33 of 44 stories had one article)."""
from __future__ import annotations

import re

from newsprism.cluster import display_order
from newsprism.model import Article, Event, EventArticle, Story
from newsprism.report import write_report


def _article(aid: str, published: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", url=None, canonical_url=None, headline=f"Headline {aid}",
                   outlet=None, byline=None, dateline=None, published=published, wire=None, language="en",
                   text="Body text.")


def _story(sid: str, ids: list[str], sources: int, end: str) -> Story:
    event = Event(id=f"e{sid}", title=f"Story {sid}", start=end, end=end,
                  articles=tuple(EventArticle(id=i, role="report") for i in ids))
    return Story(id=sid, title=f"Story {sid}", articles=tuple(ids), outlets=(), independent_sources=sources,
                 start=end, end=end, events=(event,))


def test_display_order_is_coverage_then_recency_with_single_sources_last():
    old_wide = _story("aaaa", ["a1", "a2", "a3"], 3, "2020-01-01")
    new_narrow = _story("bbbb", ["b1", "b2"], 2, "2024-01-01")
    new_narrow_too = _story("dddd", ["d1", "d2"], 2, "2023-01-01")
    newest_single = _story("cccc", ["c1"], 1, "2025-01-01")
    copies = _story("eeee", ["e1", "e2", "e3"], 1, "2022-01-01")  # three copies of one wire story
    ordered = display_order([newest_single, copies, new_narrow_too, new_narrow, old_wide])
    assert [s.id for s in ordered] == ["aaaa", "bbbb", "dddd", "cccc", "eeee"]


def test_index_folds_single_source_items(tmp_path):
    articles = [_article(i, "2024-01-01") for i in ("a1", "a2", "c1")]
    stories = display_order([_story("aaaa", ["a1", "a2"], 2, "2024-01-01"), _story("cccc", ["c1"], 1, "2024-02-01")])
    html = write_report(articles, tmp_path, stories=stories).read_text()
    folded = re.search(r'<details class="single-source">(.*?)</details>', html, re.S)
    assert folded and "Story cccc" in folded.group(1) and "1 single-source item" in folded.group(1)
    assert "Story aaaa" in html.split('<details class="single-source">')[0]
