"""Clean stage: raw page or text dump -> body blocks + removed boilerplate + captions."""
from __future__ import annotations

from ..model import Cleaned, RawArticle
from .html import clean_html
from .text import clean_text

__all__ = ["clean", "clean_html", "clean_text"]


def clean(raw: RawArticle, *, repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Clean one raw article. ``repeated`` holds lines seen across several articles of one site."""
    if raw.kind == "html":
        return clean_html(raw.body, url=raw.url)
    return clean_text(raw.body, repeated=repeated, title=raw.title)
