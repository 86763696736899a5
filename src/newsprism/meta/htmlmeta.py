"""Page metadata of an HTML document: Open Graph, <meta> tags, JSON-LD NewsArticle, <title>."""
from __future__ import annotations

import json
from dataclasses import dataclass

import lxml.html
from lxml import etree

# JSON-LD types that describe the article itself.
ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting"}

# An <h1> longer than this is a wrapper around the page, not a headline.
H1_MAX_CHARS = 300
# Elements that mark the headline without an <h1>: schema.org microdata and hAtom / common
# class names (AP's hosted pages: <span class="headline entry-title">).
HEADLINE_ELEMENTS = ("//*[@itemprop='headline' or contains(concat(' ', normalize-space(@class), ' '), ' entry-title ')"
                     " or contains(concat(' ', normalize-space(@class), ' '), ' headline ')]")


@dataclass(frozen=True, slots=True, kw_only=True)
class PageMeta:
    """What a page says about itself; each value keyed by where it was read."""

    values: dict[str, str]

    def first(self, *keys: str) -> tuple[str, str] | None:
        """The first present (key, value) among ``keys``."""
        for key in keys:
            value = self.values.get(key)
            if value:
                return key, value
        return None


def read_page_meta(html: str) -> PageMeta:
    """Read og:*, article:*, name=author/date, JSON-LD and <title>; never raises on bad HTML."""
    values: dict[str, str] = {}
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError, TypeError):
        return PageMeta(values=values)
    for node in root.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        content = " ".join((node.get("content") or "").split())
        if key and content and f"html:{key}" not in values:
            values[f"html:{key}"] = content
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        values["html:title"] = " ".join(title.text_content().split())
    for h1 in root.iter("h1"):
        text = " ".join(h1.text_content().split())
        if text and len(text) <= H1_MAX_CHARS:
            values["html:h1"] = text
            break
    for el in root.xpath(HEADLINE_ELEMENTS):
        text = " ".join(el.text_content().split())
        if text and len(text) <= H1_MAX_CHARS and el.tag != "meta":
            values["html:headline-element"] = text
            break
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            read_json_ld(script.text or "", values)
    return PageMeta(values=values)


def read_json_ld(text: str, values: dict[str, str]) -> None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    for item in flatten(data):
        kind = item.get("@type")
        kinds = {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}
        if not kinds & ARTICLE_TYPES:
            continue
        for field in ("headline", "datePublished", "dateModified"):
            if isinstance(item.get(field), str):
                values.setdefault(f"jsonld:{field}", " ".join(item[field].split()))
        for field in ("author", "publisher"):
            name = entity_name(item.get(field))
            if name:
                values.setdefault(f"jsonld:{field}", name)


def flatten(data, depth: int = 0):
    """Every JSON object in ``data`` (lists and @graph unrolled), to a small depth."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from flatten(data["@graph"], depth + 1)


def entity_name(value) -> str | None:
    """The name of a JSON-LD Person/Organization (or a list of them), or a plain string."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        name = value.get("name")
        return name.strip() if isinstance(name, str) and name.strip() else None
    if isinstance(value, list):
        names = [n for n in (entity_name(v) for v in value[:5]) if n]
        return ", ".join(names) or None
    return None
