"""What a filtered full-text search returns: each article with a snippet of where it matched.

The snippet marks matched words with ``MARK_START`` / ``MARK_END`` (two control characters that
never occur in clean text): a page escapes the snippet first and only then turns the marks into
``<mark>`` tags, so no article text is ever trusted as markup.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Article

MARK_START, MARK_END = "\x02", "\x03"
ELLIPSIS = "…"
SNIPPET_TOKENS = 24  # words around the match: two lines of a results page
PLAIN_SNIPPET_CHARS = 220  # a listing without a query shows the article's first words


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """One result of ``Store.search_hits``: the article, where it matched, its rank (lower is better)."""

    article: Article
    snippet: str
    rank: float = 0.0


def plain_snippet(text: str, limit: int = PLAIN_SNIPPET_CHARS) -> str:
    """The first words of ``text`` up to ``limit`` characters (no marks)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + ELLIPSIS
