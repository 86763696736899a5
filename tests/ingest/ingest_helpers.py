"""Sample documents and small helpers shared by the ingest tests."""
from __future__ import annotations

ARTICLE_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Talks resume</title></head>
<body><article><h1>Talks resume in Geneva</h1>
<p>Negotiators from both sides met on Tuesday for a third round of talks, officials said.</p>
<p>The meeting lasted four hours and ended without a joint statement.</p></article></body></html>"""


def rss(items: list[str], title: str = "Example News") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f'<link>http://example.org/</link><description>news</description>{"".join(items)}'
            "</channel></rss>")


def rss_item(*, title: str = "", link: str = "", description: str = "", pub: str = "") -> str:
    parts = [f"<title>{title}</title>" if title else "", f"<link>{link}</link>" if link else "",
             f"<description><![CDATA[{description}]]></description>" if description else "",
             f"<pubDate>{pub}</pubDate>" if pub else "", ]
    return "<item>" + "".join(parts) + "</item>"


def outcomes(results) -> list[tuple[str, str]]:
    """(type, source) pairs, for asserting what a batch produced."""
    return [(type(result).__name__, result.source) for result in results]
