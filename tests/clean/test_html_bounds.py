"""The HTML cleaner's work is bounded and loses no text to depth or size without saying so."""
from __future__ import annotations

import time

import pytest

from newsprism.clean.html import MAX_EXTRACTOR_TAGS, MAX_PLAIN_PARAGRAPHS, clean_html

PARAS = ("<p>Officials said on Tuesday that the long talks in Geneva had been productive for both sides.</p>"
         "<p>The second paragraph adds more detail about the meeting and who attended it in the end.</p>")


def _page(inner: str) -> str:
    return f"<html><head><title>Talks</title></head><body><h1>Talks</h1>{inner}</body></html>"


@pytest.mark.parametrize("depth", [255, 300, 1000, 5000])
def test_html_deep_nesting_keeps_the_text(depth):
    cleaned = clean_html(_page("<div>" * depth + PARAS + "</div>" * depth))
    assert [b.text[:20] for b in cleaned.blocks] == ["Officials said on Tu", "The second paragraph"]


def test_html_two_deep_pages_with_one_headline_stay_apart():
    first = clean_html(_page("<div>" * 300 + PARAS + "</div>" * 300))
    other = clean_html(_page("<div>" * 300 + PARAS.replace("Geneva", "Vienna") + "</div>" * 300))
    assert first.text != other.text


def test_html_million_paragraphs_is_bounded():
    page = _page("<p>a</p>" * 1_000_000)
    start = time.monotonic()
    cleaned = clean_html(page)
    assert time.monotonic() - start < 30
    assert len(cleaned.blocks) + len(cleaned.header) == MAX_PLAIN_PARAGRAPHS  # the h1 went to the header
    notes = [line.text for line in cleaned.removed if line.reason == "truncated"]
    assert any(f"over {MAX_EXTRACTOR_TAGS:,} tags" in note for note in notes)
    assert any(f"kept the first {MAX_PLAIN_PARAGRAPHS:,} paragraphs" in note for note in notes)


def test_html_large_page_text_by_regex_pass():
    page = _page("<script>var x = '<p>not text</p>';</script>" + "<div><p>Para &amp; more</p></div>" * 60_000)
    cleaned = clean_html(page)
    assert cleaned.blocks[0].text == "Para & more" and "not text" not in cleaned.text
    assert cleaned.header == ("Talks",)


def test_html_cut_at_the_character_cap_is_noted(monkeypatch):
    import newsprism.clean.html as module

    monkeypatch.setattr(module, "MAX_HTML_CHARS", 2_000)
    cleaned = clean_html(_page(PARAS * 40))
    assert cleaned.blocks
    assert [line.reason for line in cleaned.removed if "page cut at 2,000 of its" in line.text] == ["truncated"]


def test_html_unclosed_scripts_cost_one_scan():
    start = time.monotonic()
    cleaned = clean_html("<script>" * 200_000 + PARAS)
    assert time.monotonic() - start < 5
    assert not cleaned.blocks  # an unclosed script runs to the end of the page, as in a browser
