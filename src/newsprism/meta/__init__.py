"""Metadata stage: headline, outlet, URL, byline, dateline, publication date, wire, language.

Every value is a ``Sourced`` naming where it was read. Precedence, strongest first:
input hints (``RawArticle`` fields, source ``"input"``), page metadata (HTML only: JSON-LD,
Open Graph, <meta>, <title>), the text (header lines, body, captions, footer lines), the URL.
Nothing is invented: a value no evidence supports is None.
"""
from __future__ import annotations

from ..model import Cleaned, Metadata, RawArticle, Sourced
from .byline import clean_name, find_byline
from .dateline import find_dateline
from .dates import caption_bound, header_date, parse_date, url_date
from .headline import headline_value, names_only_the_site, page_headline, split_site, text_headline
from .htmlmeta import PageMeta, read_page_meta
from .language import detect_language
from .outlet import copyright_owner, plausible, url_host
from .wire import find_wire

__all__ = ["extract_metadata", "detect_language", "parse_date", "read_page_meta", "STAGE_VERSION"]

STAGE_VERSION = "meta/1"
# Reasons the cleaner gives to lines that are boilerplate, never a headline or byline.
BOILERPLATE = frozenset({"navigation", "related", "social", "ad", "footer", "comment", "subscribe", "repeated",
                         "caption", "credit"})
# Lines right after the body that may carry its credit ("Source: Reuters").
TAIL_LINES = 6


def extract_metadata(raw: RawArticle, cleaned: Cleaned) -> Metadata:
    """Read the metadata of one article from its input hints, page and clean text."""
    page = read_page_meta(raw.body) if raw.kind == "html" else PageMeta(values={})
    headline, title_site = find_headline(raw, cleaned, page)
    byline = find_author(raw, cleaned, page, headline)
    paragraphs = [b.text for b in cleaned.blocks if b.kind == "paragraph"]
    last_line = max((b.line for b in cleaned.blocks if b.line is not None), default=None)
    tail = [r.text for r in cleaned.removed
            if last_line is not None and r.line is not None and r.line > last_line][:TAIL_LINES]
    header = article_header(cleaned)
    return Metadata(
        headline=headline,
        outlet=find_outlet(raw, cleaned, page, title_site),
        url=Sourced(value=raw.url, source="input") if raw.url else None,
        byline=byline,
        dateline=find_dateline(header, paragraphs[0] if paragraphs else None),
        published=find_published(raw, cleaned, page, header),
        wire=find_wire(header=header, byline=byline.value if byline else None, paragraphs=paragraphs,
                       tail=tail, captions=cleaned.captions),
        language=find_language(cleaned),
    )


def article_header(cleaned: Cleaned) -> tuple[str, ...]:
    """The header lines that may be headline, byline or dateline: captions and lines the
    cleaner recognised as navigation or widgets left out."""
    reasons = {r.text: r.reason for r in cleaned.removed}
    return tuple(line for line in cleaned.header
                 if line not in cleaned.captions and reasons.get(line) not in BOILERPLATE)


def find_headline(raw: RawArticle, cleaned: Cleaned, page: PageMeta) -> tuple[Sourced | None, Sourced | None]:
    """The headline, and the outlet named by its suffix (" — RT World News") if any."""
    if raw.title:
        title, site = split_site(" ".join(raw.title.split()))
        return Sourced(value=title, source="input"), (Sourced(value=site, source="input:title suffix") if site else None)
    host = url_host(raw.url)
    found = page_headline(page.values, host.value if host else None)
    if found is None and cleaned.page_title:
        title, site = split_site(cleaned.page_title)
        if not names_only_the_site(title, site, host.value if host else None):
            found = (title, "html:title", site)
    if found is None:
        found = text_headline(article_header(cleaned), cleaned.captions)
    if found is None:
        return None, None
    suffix = Sourced(value=found[2], source=f"{found[1]} suffix") if found[2] else None
    return headline_value(found), suffix


def find_author(raw: RawArticle, cleaned: Cleaned, page: PageMeta, headline: Sourced | None) -> Sourced | None:
    if raw.author:
        return Sourced(value=clean_name(raw.author), source="input")
    hit = page.first("jsonld:author", "html:author", "html:article:author", "html:byl", "html:parsely-author")
    if hit and not hit[1].startswith("http"):
        return Sourced(value=clean_name(hit[1]), source=hit[0])
    return find_byline(article_header(cleaned), headline.value if headline else None)


def find_outlet(raw: RawArticle, cleaned: Cleaned, page: PageMeta, title_site: Sourced | None) -> Sourced | None:
    if raw.outlet:
        return Sourced(value=raw.outlet.strip(), source="input")
    hit = page.first("html:og:site_name", "jsonld:publisher", "html:application-name")
    if hit and plausible(hit[1]):
        return Sourced(value=hit[1], source=hit[0])
    if title_site and plausible(title_site.value):
        return title_site
    return copyright_owner(cleaned.removed) or url_host(raw.url)


def find_published(raw: RawArticle, cleaned: Cleaned, page: PageMeta, header: tuple[str, ...]) -> Sourced | None:
    if raw.published:
        stamp = parse_date(raw.published)
        if stamp:
            return Sourced(value=stamp, source="input")
    hit = page.first("html:article:published_time", "jsonld:datePublished", "html:datepublished",
                     "html:date", "html:pubdate", "html:publish-date", "html:dc.date.issued", "html:dc.date")
    if hit and (stamp := parse_date(hit[1])):
        return Sourced(value=stamp, source=hit[0])
    found = header_date(header, cleaned.captions)
    if found:
        return Sourced(value=found[0], source="text:dateline")
    stamp = url_date(raw.url)
    if stamp:
        return Sourced(value=stamp, source="url")
    stamp = caption_bound(cleaned.captions, cleaned.text)
    if stamp:
        return Sourced(value=stamp, source="text:caption date (lower bound, matched in body)")
    if raw.kind == "html":
        return html_date(raw.body)
    return None


def html_date(html: str) -> Sourced | None:
    """htmldate's guess, the last resort for HTML pages."""
    try:
        from htmldate import find_date

        stamp = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises assorted errors on odd pages; a missing date is fine
        return None
    return Sourced(value=stamp, source="htmldate") if stamp else None


def find_language(cleaned: Cleaned) -> Sourced | None:
    text = cleaned.text or "\n".join(cleaned.header)
    code = detect_language(text)
    return Sourced(value=code, source="text:stop words") if code else None
