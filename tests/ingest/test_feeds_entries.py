"""RSS/Atom feeds from files and URLs: entries fetched, fallbacks used, broken entries named."""
from __future__ import annotations

from ingest_helpers import ARTICLE_HTML, outcomes, rss, rss_item

from newsprism.ingest import read_inputs
from newsprism.model import Failure, RawArticle

FULL_TEXT = "<p>" + "The foreign ministers met for three hours and agreed to meet again. " * 10 + "</p>"
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:x</id><updated>2024-06-01T00:00:00Z</updated>
<entry><title>Entry one</title><id>urn:1</id><link href="{link}"/><updated>2024-06-01T08:30:00+02:00</updated>
<author><name>Jane Reporter</name></author><summary>Short teaser.</summary></entry>
</feed>"""


def test_feed_file_with_broken_entries(tmp_path, server):
    page = server.route("/story/1", ARTICLE_HTML)
    feed = tmp_path / "news.rss"
    feed.write_text(rss([
        rss_item(title="Good one", link=page, pub="Tue, 04 Jun 2024 10:00:00 GMT"),
        rss_item(title="No link, no content"),
        rss_item(title="Dead link, full text", link=server.url("/gone"), description=FULL_TEXT),
        rss_item(title="Dead link, teaser only", link=server.url("/gone2"), description="Just a teaser."),
        rss_item(title="No link, teaser only", description="Only a teaser here."),
    ]))
    good = tmp_path / "z_good.txt"
    good.write_text("Unrelated good file.")
    results = list(read_inputs([feed, good], allow_private=True))
    assert outcomes(results) == [("RawArticle", f"{feed}#1"), ("Failure", f"{feed}#2"),
                                 ("RawArticle", f"{feed}#3"), ("Failure", f"{feed}#4"),
                                 ("Failure", f"{feed}#5"), ("RawArticle", str(good))]
    fetched, no_link, fallback, dead, teaser, _ = results
    assert (fetched.kind, fetched.url, fetched.title, fetched.outlet) == ("html", page, "Good one", "Example News")
    assert fetched.published == "2024-06-04T10:00:00+00:00"
    assert "Talks resume in Geneva" in fetched.body
    assert no_link.reason == "broken feed entry: no link and no content"
    assert (fallback.kind, fallback.url, fallback.title) == ("html", server.url("/gone"), "Dead link, full text")
    assert "foreign ministers met" in fallback.body
    assert str(dead) == f"{feed}#4: {server.url('/gone2')}: HTTP 404 Not Found"
    assert teaser.reason.startswith("broken feed entry: no link, and only 19 characters")
    assert all("\n" not in str(result) for result in results if isinstance(result, Failure))


def test_feed_served_by_url_expands_into_entries(server):
    page = server.route("/story/1", ARTICLE_HTML)
    feed_url = server.route("/feed.atom", ATOM.format(link="/story/1"), content_type="application/atom+xml")
    [article] = read_inputs([feed_url], allow_private=True)
    assert (article.source, article.url, article.author, article.outlet) == (f"{feed_url}#1", page, "Jane Reporter", "Atom Wire")
    assert article.published == "2024-06-01T06:30:00+00:00"


def test_feed_served_as_text_html_is_sniffed(server):
    server.route("/story/1", ARTICLE_HTML)
    feed_url = server.route("/rss", rss([rss_item(title="T", link=server.url("/story/1"))]))
    [article] = read_inputs([feed_url], allow_private=True)
    assert article.source == f"{feed_url}#1" and "Talks resume" in article.body


def test_feed_entry_pages_refused_without_allow_private_fall_back(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(rss([rss_item(title="Full", link="http://127.0.0.1:9/a", description=FULL_TEXT),
                         rss_item(title="Teaser", link="http://127.0.0.1:9/b", description="teaser")]))
    full, teaser = read_inputs([feed])
    assert isinstance(full, RawArticle) and full.title == "Full"
    assert isinstance(teaser, Failure) and "--allow-private" in teaser.reason


def test_feed_sniffed_whatever_the_suffix(tmp_path):
    feed = tmp_path / "feed.txt"
    feed.write_text(rss([rss_item(title="Full", description=FULL_TEXT)]))
    [article] = read_inputs([feed])
    assert article.source == f"{feed}#1" and article.kind == "html"


def test_feed_malformed_is_one_failure(tmp_path):
    feed = tmp_path / "broken.rss"
    feed.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>Oops</title>")
    good = tmp_path / "good.txt"
    good.write_text("fine")
    results = list(read_inputs([feed, good]))
    assert outcomes(results) == [("Failure", str(feed)), ("RawArticle", str(good))]
    assert results[0].reason == "malformed feed: no element found (line 1, column 85)"


def test_feed_without_entries(tmp_path):
    feed = tmp_path / "quiet.rss"
    feed.write_text(rss([]))
    [failure] = read_inputs([feed])
    assert failure.reason == "the feed has no entries"
