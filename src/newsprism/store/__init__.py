"""Storage layer: one ``Store`` interface, SQLite by default.

A server database (PostgreSQL) can implement the same protocol later; nothing above this layer
knows which one it talks to.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from ..model import Article, RawArticle
from .sqlite import SQLiteStore

__all__ = ["Store", "SQLiteStore", "open_store"]


class Store(Protocol):
    """What every storage backend provides."""

    def find_duplicate(self, article_id: str, canonical_url: str | None) -> str | None:
        """The id of a stored article with this content hash or canonical URL, if any."""

    def add(self, raw: RawArticle, article: Article) -> None:
        """Store one article and the raw input it came from (one transaction)."""

    def replace(self, article: Article) -> None:
        """Overwrite a stored article's derived fields (after re-cleaning), keeping its id."""

    def get(self, article_id: str) -> Article | None: ...

    def articles(self) -> Iterator[Article]: ...

    def raw(self, article_id: str) -> RawArticle | None: ...

    def search(self, query: str, limit: int = 20) -> list[Article]: ...

    def count(self) -> int: ...

    def close(self) -> None: ...


def open_store(path: str) -> Store:
    """Open (creating if needed) the store at ``path``: a SQLite file."""
    return SQLiteStore(path)
