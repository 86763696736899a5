"""The embedded default store: one SQLite file, WAL mode, FTS5 over headline and body.

One writer (the process that ingests), any number of readers (report, web app): WAL keeps readers
unblocked. Every statement is parameterised; article text never reaches SQL as code.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, replace as with_fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import StoreError
from ..model import (Annotation, Article, Assignment, Block, Entity, Event, EventArticle, GroupMember, IndexEntry,
                     ProvenanceGroup, RawArticle, Relation, RemovedLine, Span, Story)
from ..findings import StoredFinding, encode, kind_of
from ..watch.records import Alert, FeedState, SeenItem
from .migrations import migrate
from .rank import story_rank
from .revision import Revision
from .search import ELLIPSIS, MARK_END, MARK_START, SNIPPET_TOKENS, SearchHit, plain_snippet

_HINTS = ("title", "published", "outlet", "author")
# Seconds a writer waits for another's lock; each ingest transaction holds it for milliseconds.
BUSY_TIMEOUT_S = 15.0
# Reads through a memory map of the file (up to this many bytes) instead of a read() per page:
# a filtered search joining 6,000 FTS matches to their rows at 100,000 articles took 14 ms
# instead of 43 ms (bench/serve_load.py, bench/RESULTS.md "Serve under load: faster"). Address
# space only; the OS page cache holds the pages either way.
MMAP_BYTES = 1 << 30
_COLUMNS = ("id", "source", "url", "canonical_url", "headline", "outlet", "byline", "dateline",
            "published", "wire", "language", "text")


def raw_id(raw: RawArticle) -> str:
    """Content hash of a raw input (its decoded body and where it points)."""
    return hashlib.sha256(f"{raw.url or ''}\n{raw.body}".encode("utf-8", "surrogatepass")).hexdigest()


class SQLiteStore:
    """``Store`` over a SQLite file (``":memory:"`` works for tests)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # timeout = SQLite's busy timeout: a second process ingesting into the same file waits
        # for the other's short per-article transactions instead of failing "database is locked".
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                    timeout=BUSY_TIMEOUT_S)
        self.conn.row_factory = sqlite3.Row
        self._set_up()

    def _set_up(self) -> None:
        """Pragmas and migrations, retried while another process is creating the same new store.

        Some of SQLite's lock waits at creation do not go through the busy timeout (switching a
        fresh file to WAL, a migration that loses the race to the other process's): two
        `newsprism ingest` runs started at once on a new file saw "database is locked" under load.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        pause = 0.02
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                self.conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
                migrate(self.conn)
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                time.sleep(pause)
                pause = min(pause * 2, 0.5)

    # --- writing -------------------------------------------------------------------------------
    def find_duplicate(self, article_id: str, canonical_url: str | None) -> str | None:
        row = self.conn.execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None and canonical_url:
            row = self.conn.execute("SELECT id FROM articles WHERE canonical_url = ? LIMIT 1",
                                    (canonical_url,)).fetchone()
        return row["id"] if row else None

    def add(self, raw: RawArticle, article: Article) -> None:
        with self._transaction():
            self._insert(raw, article)

    def add_new(self, raw: RawArticle, article: Article) -> str | None:
        """Store ``article`` unless a duplicate is stored; return the duplicate's id if so.

        The check and the insert are one ``BEGIN IMMEDIATE`` transaction, so two processes
        ingesting the same pile into one file never both insert (nor trip on the primary key).
        """
        try:
            with self._transaction():
                existing = self.find_duplicate(article.id, article.canonical_url)
                if existing is None:
                    self._insert(raw, article)
        except (sqlite3.IntegrityError, sqlite3.DataError):
            raise  # this article's own problem: the caller reports it and goes on
        except sqlite3.DatabaseError as error:  # locked, read-only, full, not a database
            raise StoreError(self.path, " ".join(str(error).split())) from error
        return existing

    def _insert(self, raw: RawArticle, article: Article) -> None:
        """Both rows of one article; the caller holds the transaction."""
        rid = raw_id(raw)
        now = _now()
        hints = json.dumps({name: getattr(raw, name) for name in _HINTS}, ensure_ascii=False)
        self.conn.execute(
            "INSERT OR IGNORE INTO raw(id, source, kind, url, body, hints, encoding, stored_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (rid, raw.source, raw.kind, raw.url, raw.body, hints, raw.encoding, now))
        values = [getattr(article, name) for name in _COLUMNS]
        self.conn.execute(
            f"INSERT INTO articles({', '.join(_COLUMNS)}, raw_id, detail, ingested_at)"
            f" VALUES ({', '.join('?' * len(_COLUMNS))}, ?, ?, ?)",
            (*values, rid, _detail_json(article), now))

    def replace(self, article: Article) -> None:
        names = [name for name in _COLUMNS if name != "id"]
        with self._transaction():
            self.conn.execute(
                f"UPDATE articles SET {', '.join(f'{n} = ?' for n in names)}, detail = ? WHERE id = ?",
                (*[getattr(article, n) for n in names], _detail_json(article), article.id))

    # --- reading -------------------------------------------------------------------------------
    def get(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            row = self._by_prefix(article_id)
        return _article(row) if row else None

    def articles(self, *, text: bool = True) -> Iterator[Article]:
        order = " FROM articles ORDER BY published IS NULL, published, rowid"
        if text:
            for row in self.conn.execute("SELECT *" + order).fetchall():
                yield _article(row)
            return
        heads = ", ".join(name for name in _COLUMNS if name != "text")
        for row in self.conn.execute(f"SELECT {heads}, json_extract(detail, '$.flags') AS flags" + order).fetchall():
            yield _head(row)

    def revision(self) -> Revision:
        row = self.conn.execute(
            "SELECT (SELECT n FROM revisions WHERE name = 'articles'), (SELECT n FROM revisions WHERE name = 'analysis'),"
            " (SELECT coalesce(max(rowid), 0) FROM articles), (SELECT count(*) FROM articles)").fetchone()
        return Revision(edits=row[0], analysis=row[1], last=row[2], count=row[3])

    def articles_added(self, after: int, upto: int) -> list[Article]:
        rows = self.conn.execute("SELECT * FROM articles WHERE rowid > ? AND rowid <= ? ORDER BY rowid",
                                 (after, upto)).fetchall()
        return [_article(row) for row in rows]

    def raw(self, article_id: str) -> RawArticle | None:
        row = self.conn.execute(
            "SELECT raw.* FROM raw JOIN articles ON articles.raw_id = raw.id WHERE articles.id = ?",
            (article_id,)).fetchone()
        return _raw_article(row) if row else None

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Full-text search (FTS5, bm25 ranking); the query is quoted, so it is never syntax."""
        phrase = _fts_phrase(query)
        if not phrase:
            return []
        rows = self.conn.execute(
            "SELECT articles.* FROM articles_fts JOIN articles ON articles.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?", (phrase, limit))
        return [_article(row) for row in rows.fetchall()]

    def nearest(self, vector: Any, limit: int = 10, version: str | None = None) -> list[tuple[str, float]]:
        """The articles whose vectors are closest to ``vector`` (cosine similarity, best first):
        an exact scan (SQLite has no vector index; PostgreSQL answers from an HNSW index)."""
        query = np.asarray(vector, dtype=np.float32).ravel()
        if query.size == 0 or limit <= 0:
            return []
        params: tuple[str, ...]
        sql, params = "SELECT article_id, vector FROM annotations", ()
        if version is not None:
            sql, params = sql + " WHERE version = ?", (version,)
        ids, rows = [], []
        for row in self.conn.execute(sql, params):
            vec = np.frombuffer(row["vector"], dtype=np.float32)
            if vec.shape == query.shape:
                ids.append(row["article_id"])
                rows.append(vec)
        if not ids:
            return []
        matrix = np.vstack(rows)
        norms = np.linalg.norm(matrix, axis=1) * float(np.linalg.norm(query))
        similarity = np.divide(matrix @ query, norms, out=np.zeros(len(ids), dtype=np.float32), where=norms > 0)
        order = sorted(range(len(ids)), key=lambda i: (-float(similarity[i]), ids[i]))[:limit]
        return [(ids[i], float(similarity[i])) for i in order]

    def search_hits(self, query: str, *, outlets: Sequence[str] = (), since: str | None = None,
                    until: str | None = None, languages: Sequence[str] = (),
                    article_ids: Iterable[str] | None = None, limit: int = 20, offset: int = 0,
                    snippets: bool = True) -> list[SearchHit]:
        """Filtered search with a snippet per hit (unless ``snippets=False``: the API lists no
        snippet): best matches first (bm25) when ``query`` has words, else the newest first. ``since`` / ``until`` are inclusive ISO dates (``YYYY-MM-DD``) on the
        publication date; ``outlets`` and ``languages`` match exactly; ``article_ids`` restricts to
        those articles (a story's, or those with a flag). The query is quoted: never FTS syntax."""
        phrase = _fts_phrase(query)
        where, params = [], []
        if outlets:
            where.append("articles.outlet IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(outlets)))
        if languages:
            where.append("articles.language IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(languages)))
        if since:
            where.append("substr(articles.published, 1, 10) >= ?")
            params.append(since[:10])
        if until:
            where.append("substr(articles.published, 1, 10) <= ?")
            params.append(until[:10])
        if article_ids is not None:
            where.append("articles.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(dict.fromkeys(article_ids))))
        if phrase:
            return self._ranked_hits(phrase, where, params, limit, offset, snippets)
        sql = ("SELECT articles.* FROM articles" + (" WHERE " + " AND ".join(where) if where else "") +
               " ORDER BY articles.published IS NULL, articles.published DESC, articles.rowid DESC LIMIT ? OFFSET ?")
        rows = self.conn.execute(sql, (*params, max(0, limit), max(0, offset))).fetchall()
        return [SearchHit(article=(article := _article(row)), snippet=plain_snippet(article.text) if snippets else "",
                          rank=0.0) for row in rows]

    def _ranked_hits(self, phrase: str, where: list[str], params: list[Any], limit: int,
                     offset: int, snippets: bool) -> list[SearchHit]:
        """Two steps: rank the matches (rowid and bm25 only, joined to ``articles`` only when a
        filter needs its columns), then read the page's rows and snippets. Sorting whole rows and
        building a snippet for every match before the LIMIT took twice as long for a common word
        (6,000 matches of 100,000 articles, bench/serve_load.py)."""
        if where:
            sql = ("SELECT articles.rowid AS n, bm25(articles_fts) AS rank"
                   " FROM articles_fts JOIN articles ON articles.rowid = articles_fts.rowid"
                   " WHERE articles_fts MATCH ?" + "".join(f" AND {w}" for w in where) +
                   " ORDER BY rank, articles.rowid LIMIT ? OFFSET ?")
        else:
            sql = ("SELECT rowid AS n, bm25(articles_fts) AS rank FROM articles_fts WHERE articles_fts MATCH ?"
                   " ORDER BY rank, rowid LIMIT ? OFFSET ?")
        ranked = self.conn.execute(sql, (phrase, *params, max(0, limit), max(0, offset))).fetchall()
        if not ranked:
            return []
        page = json.dumps([r["n"] for r in ranked])
        if snippets:
            rows = self.conn.execute(
                f"SELECT articles.rowid AS n, articles.*, snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}',"
                f" '{ELLIPSIS}', {SNIPPET_TOKENS}) AS hit"
                " FROM articles_fts JOIN articles ON articles.rowid = articles_fts.rowid"
                " WHERE articles_fts MATCH ? AND articles_fts.rowid IN (SELECT value FROM json_each(?))",
                (phrase, page)).fetchall()
        else:  # the rows alone: a snippet re-reads and tokenises each whole text
            rows = self.conn.execute("SELECT rowid AS n, *, '' AS hit FROM articles"
                                     " WHERE rowid IN (SELECT value FROM json_each(?))", (page,)).fetchall()
        by_rowid = {row["n"]: row for row in rows}
        hits = []
        for r in ranked:
            row = by_rowid.get(r["n"])
            if row is not None:  # (deleted between the two statements: left out)
                article = _article(row)
                snippet = (row["hit"] or plain_snippet(article.text)) if snippets else ""
                hits.append(SearchHit(article=article, snippet=snippet, rank=r["rank"]))
        return hits

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    # --- language layer cache ------------------------------------------------------------------
    def save_annotations(self, annotations: Sequence[Annotation]) -> None:
        rows = [(a.article_id, a.version,
                 json.dumps([[s.text, s.start, s.end] for s in a.sentences], ensure_ascii=False),
                 json.dumps([[e.text, e.label, e.start, e.end] for e in a.entities], ensure_ascii=False),
                 np.asarray(a.sentence_vectors, dtype=np.float32).tobytes(),
                 np.asarray(a.vector, dtype=np.float32).tobytes(),
                 None if a.lead_vector is None else np.asarray(a.lead_vector, dtype=np.float32).tobytes())
                for a in annotations]
        with self._transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO annotations(article_id, version, sentences, entities,"
                " sentence_vectors, vector, lead_vector) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def annotations(self, version: str | None = None, ids: Iterable[str] | None = None) -> dict[str, Annotation]:
        """Cached annotations by article id (only those of ``version``, of ``ids``, when given)."""
        query, params = "SELECT * FROM annotations WHERE 1", []
        if version is not None:
            query, params = query + " AND version = ?", [version]
        if ids is not None:
            query, params = query + " AND article_id IN (SELECT value FROM json_each(?))", [*params, _ids(ids)]
        return {row["article_id"]: _annotation(row) for row in self.conn.execute(query, params)}

    def annotation_ids(self, version: str | None = None) -> set[str]:
        """The ids of the articles with a cached annotation (of ``version`` when given)."""
        query, params = "SELECT article_id FROM annotations", []
        if version is not None:
            query, params = query + " WHERE version = ?", [version]
        return {row[0] for row in self.conn.execute(query, params)}

    # --- cross-article indexes kept between runs (model.IndexEntry) ----------------------------
    def save_index_entries(self, kind: str, version: str, entries: Sequence[IndexEntry]) -> None:
        """Insert or replace the entries of ``kind`` (and their keys), in one transaction."""
        with self._transaction():
            self.conn.executemany("DELETE FROM article_index_keys WHERE kind = ? AND article_id = ?",
                                  [(kind, e.article_id) for e in entries])
            self.conn.executemany(
                "INSERT OR REPLACE INTO article_index(kind, article_id, version, day, links, vector, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(kind, e.article_id, version, e.day, e.links,
                  None if e.vector is None else np.asarray(e.vector, dtype=np.float32).tobytes(), e.data)
                 for e in entries])
            self.conn.executemany(
                "INSERT OR IGNORE INTO article_index_keys(kind, version, key, slot, article_id) VALUES (?, ?, ?, ?, ?)",
                [(kind, version, key, slot, e.article_id) for e in entries for slot, key in e.keys])

    def index_entries(self, kind: str, version: str, ids: Iterable[str] | None = None) -> Iterator[IndexEntry]:
        """Entries of ``kind`` and ``version`` (of ``ids`` when given; without their keys), by article id."""
        query, params = "SELECT * FROM article_index WHERE kind = ? AND version = ?", [kind, version]
        if ids is not None:
            query, params = query + " AND article_id IN (SELECT value FROM json_each(?))", [*params, _ids(ids)]
        for row in self.conn.execute(query + " ORDER BY article_id", params):
            yield _index_entry(row)

    def indexed_ids(self, kind: str, version: str) -> set[str]:
        rows = self.conn.execute("SELECT article_id FROM article_index WHERE kind = ? AND version = ?", (kind, version))
        return {row[0] for row in rows}

    def index_window(self, kind: str, version: str, first_day: int, last_day: int) -> list[IndexEntry]:
        """The entries dated ``first_day`` to ``last_day`` (inclusive) and the undated ones: their
        id, day and vector only."""
        rows = self.conn.execute(
            "SELECT article_id, day, vector FROM article_index WHERE kind = ? AND version = ?"
            " AND (day BETWEEN ? AND ? OR day IS NULL) ORDER BY article_id", (kind, version, first_day, last_day))
        return [IndexEntry(article_id=r["article_id"], day=r["day"], vector=_vector_or_none(r["vector"])) for r in rows]

    def index_matches(self, kind: str, version: str, keys: Iterable[tuple[int, int]]) -> set[str]:
        """The ids of the entries sharing a ``(slot, key)`` pair with ``keys``."""
        return self._key_matches("article_index_keys", "article_id", kind, version, keys)

    def delete_index_entries(self, kind: str, ids: Iterable[str] | None = None) -> None:
        """Remove the entries of ``kind`` (of ``ids`` when given), of any version, with their keys."""
        self._delete_kind(("article_index", "article_index_keys"), "article_id", kind, ids)

    def _key_matches(self, table: str, id_column: str, kind: str, version: str,
                     keys: Iterable[tuple[int, int]]) -> set[str]:
        """The ids in ``table`` (a keys table: ``article_index_keys`` or ``index_state_keys``) that
        share a ``(slot, key)`` pair with ``keys``."""
        wanted = set(keys)
        if not wanted:
            return set()
        rows = self.conn.execute(
            f"SELECT slot, key, {id_column} AS id FROM {table} WHERE kind = ? AND version = ?"  # noqa: S608 - fixed names
            " AND key IN (SELECT value FROM json_each(?))", (kind, version, json.dumps(sorted({k for _, k in wanted}))))
        return {r["id"] for r in rows if (r["slot"], r["key"]) in wanted}

    def _delete_kind(self, tables: Sequence[str], id_column: str, kind: str, ids: Iterable[str] | None) -> None:
        """Remove the rows of ``kind`` (of ``ids`` when given) from each of ``tables``, in one transaction."""
        with self._transaction():
            for table in tables:
                if ids is None:
                    self.conn.execute(f"DELETE FROM {table} WHERE kind = ?", (kind,))  # noqa: S608 - fixed names
                else:
                    self.conn.execute(f"DELETE FROM {table} WHERE kind = ? AND {id_column} IN"  # noqa: S608
                                      " (SELECT value FROM json_each(?))", (kind, _ids(ids)))

    def save_index_state(self, kind: str, version: str, entries: Sequence[IndexEntry]) -> None:
        """Insert or replace state entries of ``kind`` (and their keys), in one transaction."""
        with self._transaction():
            self.conn.executemany("DELETE FROM index_state_keys WHERE kind = ? AND id = ?",
                                  [(kind, e.article_id) for e in entries])
            self.conn.executemany("INSERT OR REPLACE INTO index_state(kind, id, version, data) VALUES (?, ?, ?, ?)",
                                  [(kind, e.article_id, version, e.data) for e in entries])
            self.conn.executemany(
                "INSERT OR IGNORE INTO index_state_keys(kind, version, key, slot, id) VALUES (?, ?, ?, ?, ?)",
                [(kind, version, key, slot, e.article_id) for e in entries for slot, key in e.keys])

    def index_state(self, kind: str, version: str, ids: Iterable[str] | None = None) -> Iterator[IndexEntry]:
        query, params = "SELECT id, data FROM index_state WHERE kind = ? AND version = ?", [kind, version]
        if ids is not None:
            query, params = query + " AND id IN (SELECT value FROM json_each(?))", [*params, _ids(ids)]
        for row in self.conn.execute(query + " ORDER BY id", params).fetchall():
            yield IndexEntry(article_id=row["id"], data=bytes(row["data"]))

    def index_state_matches(self, kind: str, version: str, keys: Iterable[tuple[int, int]]) -> set[str]:
        return self._key_matches("index_state_keys", "id", kind, version, keys)

    def delete_index_state(self, kind: str, ids: Iterable[str] | None = None) -> None:
        self._delete_kind(("index_state", "index_state_keys"), "id", kind, ids)

    def index_links(self, kind: str, version: str) -> list[str]:
        """The non-empty ``links`` of every entry of ``kind`` and ``version`` (JSON), by article id."""
        rows = self.conn.execute("SELECT links FROM article_index WHERE kind = ? AND version = ? AND links != '[]'"
                                 " ORDER BY article_id", (kind, version))
        return [row[0] for row in rows]

    # --- analysis results (replaced as a whole by each analyze run) ----------------------------
    def save_analysis(self, relations: Sequence[Relation], groups: Sequence[ProvenanceGroup],
                      assignments: Sequence[Assignment], stories: Sequence[Story], *, ranked: bool = False) -> None:
        """Replace the derived analysis in one transaction: readers see the old or the new, never half."""
        with self._transaction():
            for table in ("relations", "provenance_groups", "assignments", "stories"):
                self.conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            self._write_analysis(relations, groups, assignments, stories, ranked=ranked)

    def update_analysis(self, relations: Sequence[Relation], groups: Sequence[ProvenanceGroup],
                        assignments: Sequence[Assignment], stories: Sequence[Story], *,
                        drop_groups: Iterable[str] = (), drop_stories: Iterable[str] = ()) -> None:
        """Change part of the derived analysis in one transaction (see ``Store.update_analysis``)."""
        with self._transaction():
            self.conn.execute("DELETE FROM provenance_groups WHERE origin IN (SELECT value FROM json_each(?))",
                              (_ids(drop_groups),))
            self.conn.execute("DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?))",
                              (_ids(drop_stories),))
            self._write_analysis(relations, groups, assignments, stories, ranked=True)

    def _write_analysis(self, relations: Sequence[Relation], groups: Sequence[ProvenanceGroup],
                        assignments: Sequence[Assignment], stories: Sequence[Story], *, ranked: bool) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO relations(source, target, kind, score, evidence) VALUES (?, ?, ?, ?, ?)",
            [(r.source, r.target, r.kind, r.score, r.evidence) for r in relations])
        self.conn.executemany(
            "INSERT OR REPLACE INTO provenance_groups(origin, members) VALUES (?, ?)",
            [(g.origin, json.dumps([[m.id, m.relation] for m in g.members])) for g in groups])
        self.conn.executemany(
            "INSERT OR REPLACE INTO assignments(article_id, story_id, event_id, role, detail) VALUES (?, ?, ?, ?, ?)",
            [(a.article_id, a.story_id, a.event_id, a.role, json.dumps({"flags": list(a.flags)}))
             for a in assignments])
        self.conn.executemany(
            "INSERT OR REPLACE INTO stories(id, position, data) VALUES (?, ?, ?)",
            [(story.id, story_rank(story) if ranked else i, json.dumps(asdict(story), ensure_ascii=False))
             for i, story in enumerate(stories)])

    def save_headline_checks(self, checks: Mapping[str, Mapping[str, Any]], version: str) -> None:
        """Each article's headline judged against its own body (JSON-ready dicts by article id)."""
        with self._transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO headline_checks(article_id, version, data) VALUES (?, ?, ?)",
                [(aid, version, json.dumps(data, ensure_ascii=False)) for aid, data in checks.items()])

    def headline_checks(self, version: str | None = None, ids: Iterable[str] | None = None
                        ) -> dict[str, dict[str, Any]]:
        query, params = "SELECT * FROM headline_checks WHERE 1", []
        if version is not None:
            query, params = query + " AND version = ?", [version]
        if ids is not None:
            query, params = query + " AND article_id IN (SELECT value FROM json_each(?))", [*params, _ids(ids)]
        return {r["article_id"]: json.loads(r["data"]) for r in self.conn.execute(query, params)}

    # --- per-article extractions and cross-article findings (quotes, claims, summaries) --------
    def save_extractions(self, stage: str, version: str, by_article: Mapping[str, list[Any]]) -> None:
        """Cache one stage's JSON-ready records per article (replacing older versions)."""
        with self._transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO extractions(article_id, stage, version, data) VALUES (?, ?, ?, ?)",
                [(aid, stage, version, json.dumps(data, ensure_ascii=False)) for aid, data in by_article.items()])

    def extractions(self, stage: str, version: str | None = None, ids: Iterable[str] | None = None
                    ) -> dict[str, list[Any]]:
        query, params = "SELECT * FROM extractions WHERE stage = ?", [stage]
        if version is not None:
            query, params = query + " AND version = ?", [stage, version]
        if ids is not None:
            query, params = query + " AND article_id IN (SELECT value FROM json_each(?))", [*params, _ids(ids)]
        return {r["article_id"]: json.loads(r["data"]) for r in self.conn.execute(query, params)}

    def save_findings(self, kind: str, rows: Sequence[tuple[str, str, Any]], *, version: str = "",
                      keys: Mapping[str, str] | None = None) -> None:
        """Replace every finding of ``kind`` with ``(id, scope, record)`` rows and the reuse key of
        each scope (``keys``: scope -> key; a scope may have a key and no rows), in one transaction."""
        keys = dict(keys or {})
        with self._transaction():
            self.conn.execute("DELETE FROM findings WHERE kind = ?", (kind,))
            self.conn.execute("DELETE FROM finding_keys WHERE kind = ?", (kind,))
            self.conn.executemany(
                "INSERT OR REPLACE INTO findings(kind, id, scope, position, data, version, reuse_key)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(kind, fid, scope, i, json.dumps(encode(record), ensure_ascii=False), version, keys.get(scope))
                 for i, (fid, scope, record) in enumerate(rows)])
            self.conn.executemany(
                "INSERT INTO finding_keys(kind, scope, reuse_key, version) VALUES (?, ?, ?, ?)",
                [(kind, scope, key, version) for scope, key in keys.items()])

    def finding_rows(self, kind: str, scopes: Iterable[str] | None = None, *,
                     reuse_keys: Iterable[str] | None = None, ids: Iterable[str] | None = None
                     ) -> list[StoredFinding]:
        """Findings of ``kind`` in stored order with their columns, filtered in SQL by scope,
        reuse key or id when given."""
        decoder = kind_of(kind)
        query, params = "SELECT * FROM findings WHERE kind = ?", [kind]
        for column, wanted in (("scope", scopes), ("reuse_key", reuse_keys), ("id", ids)):
            if wanted is not None:
                values = list(dict.fromkeys(wanted))
                query += f" AND {column} IN (SELECT value FROM json_each(?))"
                params.append(json.dumps(values))
        rows = self.conn.execute(query + " ORDER BY position", params).fetchall()
        return [StoredFinding(kind=kind, id=r["id"], scope=r["scope"], version=r["version"],
                              reuse_key=r["reuse_key"], record=decoder.decode(json.loads(r["data"]))) for r in rows]

    def findings(self, kind: str, scopes: Iterable[str] | None = None, *,
                 reuse_keys: Iterable[str] | None = None) -> list[Any]:
        """Finding records of ``kind`` (the registered class) in stored order, only those of the
        given stories/events (``scopes``) or reuse keys when named."""
        return [row.record for row in self.finding_rows(kind, scopes, reuse_keys=reuse_keys)]

    def finding(self, kind: str, finding_id: str) -> Any | None:
        """One finding record by its id (e.g. the headline verdict of an article), else None."""
        found = self.finding_rows(kind, ids=[finding_id])
        return found[0].record if found else None

    def finding_keys(self, kind: str) -> dict[str, str]:
        """The reuse key each scope had when ``kind`` was last saved: scope -> key."""
        rows = self.conn.execute("SELECT scope, reuse_key FROM finding_keys WHERE kind = ?", (kind,))
        return {r["scope"]: r["reuse_key"] for r in rows}

    def relations(self) -> list[Relation]:
        rows = self.conn.execute("SELECT * FROM relations ORDER BY source, target, kind")
        return [Relation(source=r["source"], target=r["target"], kind=r["kind"], score=r["score"],
                         evidence=r["evidence"]) for r in rows]

    def provenance_groups(self) -> list[ProvenanceGroup]:
        rows = self.conn.execute("SELECT * FROM provenance_groups ORDER BY origin")
        return [ProvenanceGroup(origin=r["origin"], members=tuple(
            GroupMember(id=i, relation=rel) for i, rel in json.loads(r["members"]))) for r in rows]

    def assignments(self, ids: Iterable[str] | None = None) -> dict[str, Assignment]:
        rows = self.conn.execute("SELECT * FROM assignments") if ids is None else self.conn.execute(
            "SELECT * FROM assignments WHERE article_id IN (SELECT value FROM json_each(?))", (_ids(ids),))
        return {r["article_id"]: Assignment(article_id=r["article_id"], story_id=r["story_id"], event_id=r["event_id"],
                                            role=r["role"], flags=tuple(json.loads(r["detail"]).get("flags") or ()))
                for r in rows}

    def stories(self) -> list[Story]:
        rows = self.conn.execute("SELECT data FROM stories ORDER BY position, id DESC")
        return [_story(json.loads(r["data"])) for r in rows]

    def story(self, story_id: str) -> Story | None:
        row = self.conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            rows = self.conn.execute("SELECT data FROM stories WHERE substr(id, 1, ?) = ? LIMIT 2",
                                     (len(story_id), story_id)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return _story(json.loads(row["data"])) if row else None

    # --- the feed watcher ----------------------------------------------------------------------
    def feed_state(self, url: str) -> FeedState | None:
        row = self.conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        return _feed_state(row) if row else None

    def feed_states(self) -> list[FeedState]:
        return [_feed_state(row) for row in self.conn.execute("SELECT * FROM feeds ORDER BY url")]

    def save_feed_state(self, state: FeedState) -> None:
        with self._transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO feeds(url, etag, last_modified, last_polled, failures, next_poll, last_error)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (state.url, state.etag, state.last_modified, state.last_polled, state.failures, state.next_poll,
                 state.last_error))

    def seen_keys(self, feed: str, keys: Iterable[str]) -> set[str]:
        wanted = json.dumps(list(dict.fromkeys(keys)))
        rows = self.conn.execute("SELECT key FROM seen_items WHERE feed = ? AND key IN (SELECT value FROM json_each(?))",
                                 (feed, wanted))
        return {r["key"] for r in rows}

    def mark_seen(self, items: Sequence[SeenItem]) -> None:
        with self._transaction():
            self.conn.executemany(
                "INSERT OR IGNORE INTO seen_items(feed, key, article_id, seen_at) VALUES (?, ?, ?, ?)",
                [(i.feed, i.key, i.article, i.seen_at or _now()) for i in items])

    def unalerted_articles(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT article_id FROM seen_items WHERE alerted_at IS NULL AND article_id IS NOT NULL"
            " AND article_id NOT IN (SELECT article_id FROM seen_items"
            "                        WHERE alerted_at IS NOT NULL AND article_id IS NOT NULL)"
            " ORDER BY seen_at, rowid")
        return list(dict.fromkeys(r["article_id"] for r in rows))

    def save_alerts(self, alerts: Sequence[Alert], *, articles: Iterable[str] = ()) -> list[Alert]:
        now = _now()
        stored: list[Alert] = []
        with self._transaction():
            for alert in alerts:
                alert = alert if alert.raised_at else with_fields(alert, raised_at=now)
                cursor = self.conn.execute(
                    "INSERT OR IGNORE INTO alerts(key, kind, raised_at, data) VALUES (?, ?, ?, ?)",
                    (alert.key, alert.kind, alert.raised_at, json.dumps(alert.to_dict(), ensure_ascii=False)))
                if cursor.rowcount:
                    stored.append(alert)
            self.conn.execute(
                "UPDATE seen_items SET alerted_at = ? WHERE alerted_at IS NULL"
                " AND article_id IN (SELECT value FROM json_each(?))", (now, json.dumps(list(articles))))
        return stored

    def alerts(self, since: str | None = None, limit: int = 100) -> list[Alert]:
        rows = self.conn.execute(
            "SELECT data FROM alerts WHERE raised_at > ? ORDER BY raised_at DESC, rowid DESC LIMIT ?",
            (since or "", limit)).fetchall()
        return [Alert.from_dict(json.loads(r["data"])) for r in reversed(rows)]

    def follow(self, story_id: str) -> None:
        with self._transaction():
            self.conn.execute("INSERT OR IGNORE INTO follows(story_id, followed_at) VALUES (?, ?)",
                              (story_id, _now()))

    def unfollow(self, story_id: str) -> bool:
        with self._transaction():
            cursor = self.conn.execute("DELETE FROM follows WHERE story_id = ?", (story_id,))
        return bool(cursor.rowcount)

    def followed(self) -> list[str]:
        return [r["story_id"] for r in self.conn.execute("SELECT story_id FROM follows ORDER BY followed_at, rowid")]

    # --- helpers -------------------------------------------------------------------------------
    def _by_prefix(self, prefix: str) -> sqlite3.Row | None:
        """Let users type a short id, as with git: a unique prefix of at least 4 characters."""
        if len(prefix) < 4:
            return None
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute("SELECT * FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                                 (escaped + "%",)).fetchall()
        return rows[0] if len(rows) == 1 else None

    def _transaction(self):
        return _Transaction(self.conn)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error, so a crash never half-writes."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, traceback):
        if kind is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error:
                self._rollback()
                raise
        else:
            self._rollback()
        return False

    def _rollback(self) -> None:
        """Roll back if a transaction is still open. SQLite ends it by itself on some errors
        (a full disk): a ROLLBACK then fails with "cannot rollback - no transaction is
        active" and would hide the error that matters."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the error being raised is the one to report


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _detail_json(article: Article) -> str:
    return json.dumps({
        "blocks": [asdict(block) for block in article.blocks],
        "removed": [asdict(line) for line in article.removed],
        "captions": list(article.captions),
        "provenance": article.provenance,
        "stage_versions": article.stage_versions,
        **({"flags": list(article.flags)} if article.flags else {}),
    }, ensure_ascii=False)


def _feed_state(row: sqlite3.Row) -> FeedState:
    return FeedState(url=row["url"], etag=row["etag"], last_modified=row["last_modified"],
                     last_polled=row["last_polled"], failures=row["failures"], next_poll=row["next_poll"],
                     last_error=row["last_error"])


def _story(data: dict) -> Story:
    events = tuple(Event(**{**e, "articles": tuple(EventArticle(**{**a, "flags": tuple(a.get("flags") or ())})
                                                   for a in e["articles"])})
                   for e in data["events"])
    return Story(**{**data, "articles": tuple(data["articles"]), "outlets": tuple(data["outlets"]),
                    "events": events})


def _ids(ids: Iterable[str]) -> str:
    """Ids as one JSON parameter (``json_each``): any number of them in one statement."""
    return json.dumps(list(dict.fromkeys(ids)))


def _vector_or_none(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype=np.float32)


def _index_entry(row: sqlite3.Row) -> IndexEntry:
    return IndexEntry(article_id=row["article_id"], data=bytes(row["data"]), day=row["day"],
                      vector=_vector_or_none(row["vector"]), links=row["links"])


def _annotation(row: sqlite3.Row) -> Annotation:
    vector = np.frombuffer(row["vector"], dtype=np.float32)
    sentences = tuple(Span(text=t, start=a, end=b) for t, a, b in json.loads(row["sentences"]))
    matrix = np.frombuffer(row["sentence_vectors"], dtype=np.float32).reshape(len(sentences), -1) \
        if sentences else np.zeros((0, vector.shape[0]), dtype=np.float32)
    return Annotation(
        article_id=row["article_id"], version=row["version"], sentences=sentences,
        entities=tuple(Entity(text=t, label=l, start=a, end=b) for t, l, a, b in json.loads(row["entities"])),
        sentence_vectors=matrix, vector=vector,
        lead_vector=None if row["lead_vector"] is None else np.frombuffer(row["lead_vector"], dtype=np.float32))


def _article(row: sqlite3.Row | Mapping[str, Any]) -> Article:
    detail = json.loads(row["detail"])
    return Article(
        **{name: row[name] for name in _COLUMNS},
        blocks=tuple(Block(**block) for block in detail["blocks"]),
        removed=tuple(RemovedLine(**line) for line in detail["removed"]),
        captions=tuple(detail["captions"]),
        provenance=detail["provenance"],
        stage_versions=detail["stage_versions"],
        flags=tuple(detail.get("flags", ())),
    )


def _head(row: sqlite3.Row | Mapping[str, Any]) -> Article:
    """An article without its text (``Store.articles(text=False)``)."""
    return Article(**{name: row[name] for name in _COLUMNS if name != "text"}, text="",
                   flags=tuple(json.loads(row["flags"] or "[]")))


def _fts_phrase(query: str) -> str:
    """Each word of ``query`` as a quoted FTS5 string (never syntax). A NUL ends an FTS5 string
    early ("unterminated string"), so NULs count as spaces."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in query.replace("\x00", " ").split())


def _raw_article(row) -> RawArticle:
    """A stored raw input (both stores keep the same columns)."""
    return RawArticle(source=row["source"], kind=row["kind"], body=row["body"], url=row["url"],
                      encoding=row["encoding"], **json.loads(row["hints"]))
