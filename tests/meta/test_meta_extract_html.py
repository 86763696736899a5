"""extract_metadata on HTML pages (Open Graph, JSON-LD) and input hints."""
from __future__ import annotations

from newsprism.meta import extract_metadata
from newsprism.model import Block, Cleaned, RawArticle

PAGE = """<html><head><title>Ignored title | Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="og:title" content="Storm hits the coast - Example Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Storm hits the coast", "datePublished": "2024-03-04",
 "author": {"@type": "Person", "name": "Jane Doe"}, "publisher": {"@type": "Organization", "name": "Example Times"}}
</script></head><body><p>Text.</p></body></html>"""
BODY = Cleaned(blocks=(Block(text="The storm hit the coast on Tuesday and the wind was strong in the town."),))


def test_html_page_metadata_is_read():
    raw = RawArticle(source="page.html", kind="html", body=PAGE, url="https://example.com/2024/03/05/storm")
    meta = extract_metadata(raw, BODY)
    assert (meta.headline.value, meta.headline.source) == ("Storm hits the coast", "jsonld:headline")
    assert (meta.outlet.value, meta.outlet.source) == ("Example Times", "html:og:site_name")
    assert meta.byline.value == "Jane Doe"
    assert (meta.published.value, meta.published.source) == ("2024-03-05T08:30:00Z", "html:article:published_time")
    assert meta.url.value == raw.url and meta.language.value == "en"


def test_og_title_suffix_is_stripped_without_json_ld():
    page = PAGE.split("<script")[0] + "</head><body></body></html>"
    meta = extract_metadata(RawArticle(source="p.html", kind="html", body=page), BODY)
    assert meta.headline.value == "Storm hits the coast"


def test_input_hints_win():
    raw = RawArticle(source="x.jsonl:3", kind="html", body=PAGE, title="Given title", outlet="Given Outlet",
                     author="By Someone", published="March 1, 2024")
    meta = extract_metadata(raw, BODY)
    assert meta.headline.value == "Given title" and meta.headline.source == "input"
    assert meta.outlet.value == "Given Outlet" and meta.published.value == "2024-03-01"


def test_broken_html_and_json_ld_do_not_raise():
    page = '<html><script type="application/ld+json">{not json</script><meta property="og:title">'
    meta = extract_metadata(RawArticle(source="p.html", kind="html", body=page), Cleaned(blocks=()))
    assert meta.headline is None
