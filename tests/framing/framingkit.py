"""Helpers of the framing tests (a plain module: ``conftest`` is not importable by name when
several test folders have one)."""
from __future__ import annotations

from newsprism.model import Article


def make_article(text: str, *, id: str, outlet: str | None = None, url: str | None = None) -> Article:
    return Article(id=id, source=f"{id}.txt", url=url, canonical_url=url, headline=None, outlet=outlet,
                   byline=None, dateline=None, published=None, wire=None, language="en", text=text)
