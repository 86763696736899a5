"""Feeds and pages the watcher's tests serve (importable as ``watchkit``)."""
from __future__ import annotations

from html import escape

TOPICS = ("the harbour bridge", "the river dam", "the city budget", "the rail strike", "the school reform",
          "the power grid", "the port expansion", "the water tariff")


def page(n: int, *, title: str | None = None) -> str:
    """An article page whose text is unique to ``n``."""
    topic = TOPICS[n % len(TOPICS)]
    title = title or f"Council report {n} on {topic}"
    paragraphs = [
        f"The council published report number {n} on {topic} on Tuesday, officials said in a statement.",
        f"According to the report, work on {topic} will take {n + 3} more months and cost {n * 7 + 11} million.",
        f"Residents who spoke at meeting {n} asked for regular updates on {topic} and its effect on traffic.",
        f"The mayor said the council would publish a further note on item {n} before the end of the year.",
    ]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>")


def item(*, guid: str | None = None, link: str | None = None, title: str = "", description: str = "",
         pub: str = "Fri, 04 Dec 2026 10:00:00 GMT") -> str:
    parts = [f"<title>{escape(title)}</title>" if title else "",
             f"<link>{escape(link)}</link>" if link else "",
             f"<guid isPermaLink='false'>{escape(guid)}</guid>" if guid else "",
             f"<description><![CDATA[{description}]]></description>" if description else "",
             f"<pubDate>{pub}</pubDate>" if pub else ""]
    return "<item>" + "".join(parts) + "</item>"


def rss(items: list[str], title: str = "Council News") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>http://example.org/</link><description>news</description>"
            + "".join(items) + "</channel></rss>")


RSS_TYPE = "application/rss+xml"
