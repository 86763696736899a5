"""Clean stage: raw page or text dump -> body blocks + removed boilerplate + captions."""
from __future__ import annotations

from dataclasses import replace

from ..model import Cleaned, RawArticle
from .html import clean_html
from .page_kind import PageKind, page_kind
from .text import clean_text

__all__ = ["clean", "clean_html", "clean_text", "page_kind", "PageKind"]


def clean(raw: RawArticle, *, repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Clean one raw article. ``repeated`` holds lines seen across several articles of one site.
    A page that is no article (home page, section front, wall, ...) is flagged with the reason."""
    if raw.kind == "html":
        cleaned = clean_html(raw.body, url=raw.url)
    else:
        cleaned = clean_text(raw.body, repeated=repeated, title=raw.title)
    flag = page_kind(raw, cleaned).flag
    return replace(cleaned, flags=(*cleaned.flags, flag)) if flag else cleaned
