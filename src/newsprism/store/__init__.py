"""Storage layer: one ``Store`` interface, SQLite by default, PostgreSQL for a shared server.

``Store`` lists every method the Corpus, ``analyze``, the report and the CLI call: a server
database (PostgreSQL, ``postgres.py``) implements the same protocol and passes the same contract
tests (tests/store/test_contract.py); nothing above this layer knows which one it talks to.
``open_store`` picks the backend from the target: a path is a SQLite file, a ``postgresql://``
URL a PostgreSQL database (psycopg is imported only then).

Findings are stored as registered records (``newsprism.findings``): each row has its kind, id,
scope, stage version and reuse key as columns; filtering by scope, reuse key or id happens in
the database.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib.util import find_spec
from os import PathLike, fspath
from typing import Any, Protocol, runtime_checkable

from ..errors import StoreError
from ..findings import StoredFinding
from ..model import Annotation, Article, Assignment, IndexEntry, ProvenanceGroup, RawArticle, Relation, Story
from ..watch.records import Alert, FeedState, SeenItem
from .revision import Revision
from .search import SearchHit
from .sqlite import SQLiteStore

__all__ = ["Revision", "SearchHit", "Store", "SQLiteStore", "open_store", "is_url"]

URL_SCHEMES = ("postgresql://", "postgres://")


@runtime_checkable
class Store(Protocol):
    """What every storage backend provides."""

    # --- articles and their raw inputs -----------------------------------------------------------
    def find_duplicate(self, article_id: str, canonical_url: str | None) -> str | None:
        """The id of a stored article with this content hash or canonical URL, if any."""

    def add(self, raw: RawArticle, article: Article) -> None:
        """Store one article and the raw input it came from (one transaction)."""

    def add_new(self, raw: RawArticle, article: Article) -> str | None:
        """``add`` unless a duplicate is stored (checked in the same transaction); its id if so."""

    def replace(self, article: Article) -> None:
        """Overwrite a stored article's derived fields (after re-cleaning), keeping its id."""

    def get(self, article_id: str) -> Article | None:
        """One article by id or unique prefix of at least 4 characters."""

    def articles(self, *, text: bool = True) -> Iterator[Article]:
        """Every article, oldest publication date first (undated last). ``text=False``: their
        metadata and flags only (``text`` empty, no blocks): what a run over a large store holds
        of every article (``analysis.analyze --fast``)."""

    def revision(self) -> Revision:
        """Where the store stands (``Revision``): a reader that keeps what it read compares two to
        know whether reading the articles added since is enough (see ``web.state``)."""

    def articles_added(self, after: int, upto: int) -> list[Article]:
        """The articles whose insertion mark (``Revision.last``) is above ``after`` and at most
        ``upto``, in insertion order."""

    def raw(self, article_id: str) -> RawArticle | None: ...

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Full-text search over headlines and bodies; the query is words, never syntax."""

    def nearest(self, vector: Any, limit: int = 10, version: str | None = None) -> list[tuple[str, float]]:
        """Candidate retrieval: the ids of the articles whose vectors (of ``version`` when given)
        are closest to ``vector`` by cosine similarity, with that similarity, best first."""

    def search_hits(self, query: str, *, outlets: Sequence[str] = (), since: str | None = None,
                    until: str | None = None, languages: Sequence[str] = (),
                    article_ids: Iterable[str] | None = None, limit: int = 20, offset: int = 0,
                    snippets: bool = True) -> list[SearchHit]:
        """Filtered full-text search with a snippet per hit (matched words between
        ``search.MARK_START`` and ``search.MARK_END``; empty with ``snippets=False``): best first
        when ``query`` has words, else newest first. Dates are inclusive ``YYYY-MM-DD`` bounds on
        the publication date."""

    def count(self) -> int: ...

    def close(self) -> None: ...

    # --- per-article caches, by stage version ----------------------------------------------------
    def save_annotations(self, annotations: Sequence[Annotation]) -> None: ...

    def annotations(self, version: str | None = None, ids: Iterable[str] | None = None) -> dict[str, Annotation]:
        """Cached annotations by article id: of ``version``, of ``ids`` (read in one query), when given."""

    def annotation_ids(self, version: str | None = None) -> set[str]:
        """The ids of the articles with a cached annotation (of ``version`` when given)."""

    def save_headline_checks(self, checks: Mapping[str, Mapping[str, Any]], version: str) -> None: ...

    def headline_checks(self, version: str | None = None, ids: Iterable[str] | None = None
                        ) -> dict[str, dict[str, Any]]: ...

    def save_extractions(self, stage: str, version: str, by_article: Mapping[str, list[Any]]) -> None: ...

    def extractions(self, stage: str, version: str | None = None, ids: Iterable[str] | None = None
                    ) -> dict[str, list[Any]]: ...

    # --- cross-article indexes kept between analyze runs (model.IndexEntry) ----------------------
    def save_index_entries(self, kind: str, version: str, entries: Sequence[IndexEntry]) -> None:
        """Insert or replace entries of index ``kind`` (an article has one entry per kind, of the
        version last saved) with their keys, in one transaction."""

    def index_entries(self, kind: str, version: str, ids: Iterable[str] | None = None) -> Iterator[IndexEntry]:
        """The entries of ``kind`` and ``version`` (those of ``ids`` when given), by article id;
        without their keys."""

    def indexed_ids(self, kind: str, version: str) -> set[str]: ...

    def index_window(self, kind: str, version: str, first_day: int, last_day: int) -> list[IndexEntry]:
        """The entries with a day from ``first_day`` to ``last_day`` (inclusive) and the undated
        ones: id, day and vector only, by article id."""

    def index_matches(self, kind: str, version: str, keys: Iterable[tuple[int, int]]) -> set[str]:
        """The ids of the entries sharing a ``(slot, key)`` pair with ``keys``."""

    def delete_index_entries(self, kind: str, ids: Iterable[str] | None = None) -> None:
        """Remove the entries of ``kind`` (those of ``ids`` when given), of any version, with their keys."""

    def save_index_state(self, kind: str, version: str, entries: Sequence[IndexEntry]) -> None:
        """Insert or replace entries of ``kind`` that are no article's (``IndexEntry.article_id``
        is the entry's own id; ``data`` and ``keys`` are kept, nothing else), in one transaction."""

    def index_state(self, kind: str, version: str, ids: Iterable[str] | None = None) -> Iterator[IndexEntry]:
        """The state entries of ``kind`` and ``version`` (of ``ids`` when given), by id; without their keys."""

    def index_state_matches(self, kind: str, version: str, keys: Iterable[tuple[int, int]]) -> set[str]:
        """The ids of the state entries sharing a ``(slot, key)`` pair with ``keys``."""

    def delete_index_state(self, kind: str, ids: Iterable[str] | None = None) -> None:
        """Remove the state entries of ``kind`` (of ``ids`` when given), of any version, with their keys."""

    def index_links(self, kind: str, version: str) -> list[str]:
        """The ``links`` (JSON) of every entry of ``kind`` and ``version`` that has any, by article id."""

    # --- syndication, stories and events (replaced as a whole by each analyze run) --------------
    def save_analysis(self, relations: Sequence[Relation], groups: Sequence[ProvenanceGroup],
                      assignments: Sequence[Assignment], stories: Sequence[Story], *, ranked: bool = False) -> None:
        """Replace the derived analysis in one transaction: readers see the old or the new.
        ``ranked``: stories are placed by ``rank.story_rank`` (display order, what
        ``update_analysis`` keeps) rather than in the order given."""

    def update_analysis(self, relations: Sequence[Relation], groups: Sequence[ProvenanceGroup],
                        assignments: Sequence[Assignment], stories: Sequence[Story], *,
                        drop_groups: Iterable[str] = (), drop_stories: Iterable[str] = ()) -> None:
        """Change part of the derived analysis in one transaction (an incremental ``analyze``):
        add or replace ``relations`` and ``assignments``, drop the groups of ``drop_groups``
        (origins) and the stories of ``drop_stories`` (ids), then add ``groups`` and ``stories``
        (placed by ``rank.story_rank``)."""

    def relations(self) -> list[Relation]: ...

    def provenance_groups(self) -> list[ProvenanceGroup]: ...

    def assignments(self, ids: Iterable[str] | None = None) -> dict[str, Assignment]:
        """Every article's assignment (of ``ids`` when given), by article id."""

    def stories(self) -> list[Story]:
        """Stories in display order (biggest, most recent first)."""

    def story(self, story_id: str) -> Story | None:
        """One story by id, else by unique id prefix (None when none or several start so)."""

    # --- cross-article findings ------------------------------------------------------------------
    def save_findings(self, kind: str, rows: Sequence[tuple[str, str, Any]], *, version: str = "",
                      keys: Mapping[str, str] | None = None) -> None:
        """Replace every finding of ``kind`` with ``(id, scope, record)`` rows and each scope's
        reuse key, in one transaction."""

    def finding_rows(self, kind: str, scopes: Iterable[str] | None = None, *,
                     reuse_keys: Iterable[str] | None = None, ids: Iterable[str] | None = None
                     ) -> list[StoredFinding]: ...

    def findings(self, kind: str, scopes: Iterable[str] | None = None, *,
                 reuse_keys: Iterable[str] | None = None) -> list[Any]: ...

    def finding(self, kind: str, finding_id: str) -> Any | None: ...

    def finding_keys(self, kind: str) -> dict[str, str]: ...

    # --- the feed watcher: feed state, entries taken in, alerts, followed stories ---------------
    def feed_state(self, url: str) -> FeedState | None:
        """What the watcher knows of the feed at ``url``, None for a feed never polled."""

    def feed_states(self) -> list[FeedState]:
        """Every feed's state, by URL."""

    def save_feed_state(self, state: FeedState) -> None:
        """Insert or replace the state of ``state.url`` (one transaction: committed per poll)."""

    def seen_keys(self, feed: str, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` already recorded as taken in from ``feed``."""

    def mark_seen(self, items: Sequence[SeenItem]) -> None:
        """Record feed entries as taken in (only once their article is stored); a key already
        recorded for its feed keeps its first record."""

    def unalerted_articles(self) -> list[str]:
        """Articles of entries taken in that no alert round has read yet (and that no earlier
        round read through another entry), in the order they were taken in."""

    def save_alerts(self, alerts: Sequence[Alert], *, articles: Iterable[str] = ()) -> list[Alert]:
        """Store the alerts whose key is new and mark the entries of ``articles`` as read by
        this alert round, in one transaction; returns the alerts stored (with ``raised_at``)."""

    def alerts(self, since: str | None = None, limit: int = 100) -> list[Alert]:
        """The latest ``limit`` alerts raised after ``since`` (ISO 8601), oldest first."""

    def follow(self, story_id: str) -> None:
        """Follow a story: the watcher alerts on its new events."""

    def unfollow(self, story_id: str) -> bool:
        """Stop following a story; False if it was not followed."""

    def followed(self) -> list[str]:
        """Followed story ids, in the order they were followed."""


def is_url(target: str) -> bool:
    """Whether ``target`` names a PostgreSQL database (``postgresql://`` or ``postgres://``)."""
    return str(target).startswith(URL_SCHEMES)


def open_store(target: str | PathLike[str]) -> Store:
    """Open (creating the schema if needed) the store at ``target``: a ``postgresql://...`` or
    ``postgres://...`` URL opens a PostgreSQL database (the ``postgres`` extra), anything else
    is the path of a SQLite file."""
    if isinstance(target, str) and is_url(target):
        from .postgres import PostgresStore, redact

        if find_spec("psycopg") is None or find_spec("pgvector") is None:
            raise StoreError(redact(target), "a PostgreSQL store needs psycopg and pgvector: "
                             "pip install 'newsprism[postgres]'")
        return PostgresStore(target)
    return SQLiteStore(fspath(target))
