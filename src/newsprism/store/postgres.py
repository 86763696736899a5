"""The server store: PostgreSQL 15 + pgvector, for a team sharing one corpus.

``PostgresStore("postgresql://user@host/db")`` implements the same ``Store`` protocol as
``SQLiteStore`` and passes the same contract suite (tests/store/test_contract.py). psycopg is
imported here only, and this module only when a ``postgresql://`` URL is opened: ``import
newsprism`` and SQLite users never load it (``pip install 'newsprism[postgres]'`` brings it).

Semantics kept from SQLite: every statement is parameterised; each write is one transaction
(``add_new`` checks for a duplicate and inserts under per-key advisory locks, so two ingesters
never both insert one article; ``save_analysis`` and ``save_findings`` replace in one
transaction, readers see the old or the new); the schema is a numbered list of migrations
(``pg_migrations.py``). Text columns sort with the "C" collation, SQLite's byte order, whatever
the database's default, so both backends list rows in the same order.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, replace as with_fields
from typing import Any

import numpy as np

from ..errors import StoreError
from ..findings import StoredFinding, encode, kind_of
from ..model import (Annotation, Article, Assignment, Entity, GroupMember, IndexEntry, ProvenanceGroup, RawArticle,
                     Relation, Span, Story)
from ..watch.records import Alert, FeedState, SeenItem
from .pg_migrations import HNSW_DIM, migrate
from .rank import story_rank
from .revision import Revision
from .search import ELLIPSIS, MARK_END, MARK_START, SNIPPET_TOKENS, SearchHit, plain_snippet
from .sqlite import _COLUMNS, _HINTS, _article, _head, _raw_article, _detail_json, _now, _story, raw_id

# hnsw.ef_search (pgvector's default 40) is raised to the number of neighbours asked for, up to
# pgvector's maximum, so a query for k neighbours can return k.
EF_SEARCH_MAX = 1000
_ARTICLE_FIELDS = ("seq", *_COLUMNS, "raw_id", "detail", "ingested_at")  # every column but the tsvector
_ARTICLE_SELECT = ", ".join(_ARTICLE_FIELDS)
_ARTICLE_SELECT_A = ", ".join(f"a.{name}" for name in _ARTICLE_FIELDS)


def redact(url: str) -> str:
    """The URL without its password, for error lines and logs."""
    return re.sub(r"^(postgres(?:ql)?://[^:/@]*):[^@/]*@", r"\1:***@", url)


class PostgresStore:
    """``Store`` over a PostgreSQL database (15 or later, with the pgvector extension).

    ``schema``: the tables live in this schema (created if missing) instead of the first one
    on the server's search path; tests give each run its own.
    """

    def __init__(self, url: str, *, schema: str | None = None):
        import psycopg
        from psycopg import sql
        from psycopg.rows import dict_row

        self.path = redact(url)  # named in error lines, as SQLiteStore.path is
        self._psycopg = psycopg
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as error:
            raise StoreError(self.path, " ".join(str(error).split())) from error
        try:
            if schema is not None:
                self.conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
                self.conn.execute(sql.SQL("SET search_path TO {}, public").format(sql.Identifier(schema)))
            self._ensure_vector()
            migrate(self.conn)
        except BaseException:
            self.conn.close()
            raise

    def _ensure_vector(self) -> None:
        from pgvector.psycopg import register_vector

        found = self.conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'").fetchone()
        if found is None:
            try:
                self.conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
            except self._psycopg.Error as error:
                raise StoreError(self.path, "the pgvector extension is not installed in this database and could "
                                 f"not be created ({' '.join(str(error).split())}); a superuser can run "
                                 "CREATE EXTENSION vector") from error
            found = self.conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'").fetchone()
        version = tuple(int(part) for part in re.findall(r"\d+", found["extversion"] if found else "")[:2])
        self._iterative_scan = version >= (0, 8)  # hnsw.iterative_scan came with pgvector 0.8
        register_vector(self.conn)

    # --- writing -------------------------------------------------------------------------------
    def find_duplicate(self, article_id: str, canonical_url: str | None) -> str | None:
        row = self.conn.execute("SELECT id FROM articles WHERE id = %s", (article_id,)).fetchone()
        if row is None and canonical_url:
            row = self.conn.execute("SELECT id FROM articles WHERE canonical_url = %s ORDER BY seq LIMIT 1",
                                    (canonical_url,)).fetchone()
        return row["id"] if row else None

    def add(self, raw: RawArticle, article: Article) -> None:
        with self.conn.transaction():
            self._insert(raw, article)

    def add_new(self, raw: RawArticle, article: Article) -> str | None:
        """Store ``article`` unless a duplicate is stored; return the duplicate's id if so.

        The check and the insert are one transaction holding an advisory lock on the article's
        id and one on its canonical URL (taken in a fixed order, so two ingesters never
        deadlock): two processes ingesting the same pile never both insert one article.
        """
        psycopg = self._psycopg
        keys = sorted({f"id:{article.id}", *([f"url:{article.canonical_url}"] if article.canonical_url else [])})
        try:
            with self.conn.transaction():
                for key in keys:
                    self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))
                existing = self.find_duplicate(article.id, article.canonical_url)
                if existing is None:
                    self._insert(raw, article)
        except (psycopg.IntegrityError, psycopg.DataError):
            raise  # this article's own problem (a NUL character, ...): the caller reports it and goes on
        except psycopg.OperationalError as error:  # connection lost, disk full, read-only
            raise StoreError(self.path, " ".join(str(error).split())) from error
        return existing

    def _insert(self, raw: RawArticle, article: Article) -> None:
        """Both rows of one article; the caller holds the transaction."""
        rid = raw_id(raw)
        now = _now()
        hints = json.dumps({name: getattr(raw, name) for name in _HINTS}, ensure_ascii=False)
        self.conn.execute(
            "INSERT INTO raw(id, source, kind, url, body, hints, encoding, stored_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
            (rid, raw.source, raw.kind, raw.url, raw.body, hints, raw.encoding, now))
        self.conn.execute(
            f"INSERT INTO articles({', '.join(_COLUMNS)}, raw_id, detail, ingested_at)"
            f" VALUES ({', '.join(['%s'] * len(_COLUMNS))}, %s, %s, %s)",
            (*[getattr(article, name) for name in _COLUMNS], rid, _detail_json(article), now))

    def replace(self, article: Article) -> None:
        names = [name for name in _COLUMNS if name != "id"]
        with self.conn.transaction():
            self.conn.execute(
                f"UPDATE articles SET {', '.join(f'{n} = %s' for n in names)}, detail = %s WHERE id = %s",
                (*[getattr(article, n) for n in names], _detail_json(article), article.id))

    # --- reading -------------------------------------------------------------------------------
    def get(self, article_id: str) -> Article | None:
        row = self.conn.execute(f"SELECT {_ARTICLE_SELECT} FROM articles WHERE id = %s", (article_id,)).fetchone()
        if row is None:
            row = self._by_prefix(article_id)
        return _article(row) if row else None

    def articles(self, *, text: bool = True) -> Iterator[Article]:
        order = ' FROM articles ORDER BY published IS NULL, published COLLATE "C", seq'
        if text:
            for row in self.conn.execute(f"SELECT {_ARTICLE_SELECT}" + order).fetchall():
                yield _article(row)
            return
        heads = ", ".join(name for name in _COLUMNS if name != "text")
        for row in self.conn.execute(f"SELECT {heads}, (detail::json -> 'flags')::text AS flags" + order).fetchall():
            yield _head(row)

    def revision(self) -> Revision:
        row = self.conn.execute(
            "SELECT (SELECT n FROM revisions WHERE name = 'articles') AS edits,"
            " (SELECT n FROM revisions WHERE name = 'analysis') AS analysis,"
            " (SELECT coalesce(max(seq), 0) FROM articles) AS last, (SELECT count(*) FROM articles) AS count").fetchone()
        assert row is not None  # a SELECT without FROM: always one row
        return Revision(edits=int(row["edits"]), analysis=int(row["analysis"]), last=int(row["last"]),
                        count=int(row["count"]))

    def articles_added(self, after: int, upto: int) -> list[Article]:
        rows = self.conn.execute(f"SELECT {_ARTICLE_SELECT} FROM articles WHERE seq > %s AND seq <= %s ORDER BY seq",
                                 (after, upto)).fetchall()
        return [_article(row) for row in rows]

    def raw(self, article_id: str) -> RawArticle | None:
        row = self.conn.execute(
            "SELECT raw.* FROM raw JOIN articles ON articles.raw_id = raw.id WHERE articles.id = %s",
            (article_id,)).fetchone()
        return _raw_article(row) if row else None

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Full-text search (tsvector + GIN, ranked by ts_rank_cd): the query goes through
        ``plainto_tsquery``, so every word must occur and nothing in it is syntax."""
        query = _no_nul(query)
        if not query.split():
            return []
        rows = self.conn.execute(
            f"SELECT {_ARTICLE_SELECT_A}"
            " FROM articles a, plainto_tsquery('simple', %s) q"
            " WHERE a.tsv @@ q ORDER BY ts_rank_cd(a.tsv, q) DESC, a.seq LIMIT %s", (query, limit)).fetchall()
        return [_article(row) for row in rows]

    def search_hits(self, query: str, *, outlets: Sequence[str] = (), since: str | None = None,
                    until: str | None = None, languages: Sequence[str] = (),
                    article_ids: Iterable[str] | None = None, limit: int = 20, offset: int = 0,
                    snippets: bool = True) -> list[SearchHit]:
        """Filtered search with a snippet per hit (``ts_headline``; none with ``snippets=False``): best matches first when ``query``
        has words (rank: minus ``ts_rank_cd``, lower is better, as SQLite's bm25), else the newest
        first. ``since`` / ``until`` are inclusive ISO dates on the publication date; the query is
        words (``plainto_tsquery``), never syntax."""
        query, outlets, languages = _no_nul(query), [_no_nul(o) for o in outlets], [_no_nul(x) for x in languages]
        since, until = (_no_nul(since) if since else since), (_no_nul(until) if until else until)
        where: list[str] = []
        params: list[Any] = []
        if outlets:
            where.append("a.outlet = ANY(%s)")
            params.append(list(outlets))
        if languages:
            where.append("a.language = ANY(%s)")
            params.append(list(languages))
        if since:
            where.append('left(a.published, 10) COLLATE "C" >= %s')
            params.append(since[:10])
        if until:
            where.append('left(a.published, 10) COLLATE "C" <= %s')
            params.append(until[:10])
        if article_ids is not None:
            where.append("a.id = ANY(%s)")
            params.append(list(dict.fromkeys(article_ids)))
        bounds = (max(0, limit), max(0, offset))
        if query.split():
            hit = "ts_headline('simple', a.text, q, %s)" if snippets else "NULL"
            sql = (f"SELECT {_ARTICLE_SELECT_A}, {hit} AS hit,"
                   " -ts_rank_cd(a.tsv, q) AS rank FROM articles a, plainto_tsquery('simple', %s) q"
                   " WHERE a.tsv @@ q" + "".join(f" AND {w}" for w in where) +
                   " ORDER BY rank, a.seq LIMIT %s OFFSET %s")
            rows = self.conn.execute(sql, (*((HEADLINE_OPTIONS,) if snippets else ()), query, *params,
                                           *bounds)).fetchall()
        else:
            sql = (f"SELECT {_ARTICLE_SELECT_A}, NULL AS hit, 0.0 AS rank FROM articles a"
                   + (" WHERE " + " AND ".join(where) if where else "") +
                   ' ORDER BY a.published IS NULL, a.published COLLATE "C" DESC, a.seq DESC LIMIT %s OFFSET %s')
            rows = self.conn.execute(sql, (*params, *bounds)).fetchall()
        hits = []
        for row in rows:
            article = _article(row)
            snippet = plain_snippet(article.text) if snippets else ""
            if row["hit"]:
                snippet = _with_ellipses(row["hit"], article.text)
            hits.append(SearchHit(article=article, snippet=snippet, rank=float(row["rank"])))
        return hits

    def nearest(self, vector: Any, limit: int = 10, version: str | None = None) -> list[tuple[str, float]]:
        """The articles whose vectors are closest to ``vector`` (cosine similarity, best first):
        candidate retrieval through the HNSW index for MiniLM-width vectors, exact otherwise."""
        query = np.asarray(vector, dtype=np.float32).ravel()
        if query.size == 0 or limit <= 0:
            return []
        sql, params = nearest_sql(query.size, version)
        with self.conn.transaction():
            if query.size == HNSW_DIM:
                self.conn.execute("SELECT set_config('hnsw.ef_search', %s, true)",
                                  (str(min(max(40, limit), EF_SEARCH_MAX)),))
                if version is not None and self._iterative_scan:
                    # the filter is applied while the index is walked, so k matches come back
                    self.conn.execute("SELECT set_config('hnsw.iterative_scan', 'strict_order', true)")
            rows = self.conn.execute(sql, (query, *params, query, limit)).fetchall()
        return [(r["article_id"], float(r["similarity"])) for r in rows]

    def count(self) -> int:
        row = self.conn.execute("SELECT count(*) AS n FROM articles").fetchone()
        return int(row["n"]) if row else 0

    def close(self) -> None:
        self.conn.close()

    # --- language layer cache ------------------------------------------------------------------
    def save_annotations(self, annotations: Sequence[Annotation]) -> None:
        rows = [annotation_row(a.article_id, a.version,
                               json.dumps([[s.text, s.start, s.end] for s in a.sentences], ensure_ascii=False),
                               json.dumps([[e.text, e.label, e.start, e.end] for e in a.entities], ensure_ascii=False),
                               np.asarray(a.sentence_vectors, dtype=np.float32).tobytes(), a.vector, a.lead_vector)
                for a in annotations]
        with self.conn.transaction(), self.conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO annotations(article_id, version, sentences, entities, sentence_vectors, vector, lead_vector)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (article_id) DO UPDATE SET"
                " version = EXCLUDED.version, sentences = EXCLUDED.sentences, entities = EXCLUDED.entities,"
                " sentence_vectors = EXCLUDED.sentence_vectors, vector = EXCLUDED.vector,"
                " lead_vector = EXCLUDED.lead_vector", rows)

    def annotations(self, version: str | None = None, ids: Iterable[str] | None = None) -> dict[str, Annotation]:
        """Cached annotations by article id (only those of ``version``, of ``ids``, when given)."""
        params: list[Any]
        query, params = "SELECT * FROM annotations WHERE true", []
        if version is not None:
            query, params = query + " AND version = %s", [version]
        if ids is not None:
            query, params = query + " AND article_id = ANY(%s)", [*params, list(dict.fromkeys(ids))]
        return {row["article_id"]: _annotation(row) for row in self.conn.execute(query, params).fetchall()}

    def annotation_ids(self, version: str | None = None) -> set[str]:
        """The ids of the articles with a cached annotation (of ``version`` when given)."""
        query, params = "SELECT article_id FROM annotations", []
        if version is not None:
            query, params = query + " WHERE version = %s", [version]
        return {row["article_id"] for row in self.conn.execute(query, params).fetchall()}

    # --- cross-article indexes kept between runs (model.IndexEntry) ----------------------------
    def save_index_entries(self, kind: str, version: str, entries: Sequence[IndexEntry]) -> None:
        """Insert or replace the entries of ``kind`` (and their keys), in one transaction."""
        with self.conn.transaction(), self.conn.cursor() as cursor:
            cursor.executemany("DELETE FROM article_index_keys WHERE kind = %s AND article_id = %s",
                               [(kind, e.article_id) for e in entries])
            cursor.executemany(
                "INSERT INTO article_index(kind, article_id, version, day, links, vector, data)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (kind, article_id) DO UPDATE SET"
                " version = EXCLUDED.version, day = EXCLUDED.day, links = EXCLUDED.links,"
                " vector = EXCLUDED.vector, data = EXCLUDED.data",
                [(kind, e.article_id, version, e.day, e.links,
                  None if e.vector is None else np.asarray(e.vector, dtype=np.float32).tobytes(), e.data)
                 for e in entries])
            cursor.executemany(
                "INSERT INTO article_index_keys(kind, version, key, slot, article_id) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT DO NOTHING",
                [(kind, version, key, slot, e.article_id) for e in entries for slot, key in e.keys])

    def index_entries(self, kind: str, version: str, ids: Iterable[str] | None = None) -> Iterator[IndexEntry]:
        """Entries of ``kind`` and ``version`` (of ``ids`` when given; without their keys), by article id."""
        params: list[Any]
        query, params = "SELECT * FROM article_index WHERE kind = %s AND version = %s", [kind, version]
        if ids is not None:
            query, params = query + " AND article_id = ANY(%s)", [*params, list(dict.fromkeys(ids))]
        with self.conn.cursor() as cursor:
            cursor.execute(query + ' ORDER BY article_id COLLATE "C"', params)
            for row in cursor:
                yield _index_entry(row)

    def indexed_ids(self, kind: str, version: str) -> set[str]:
        rows = self.conn.execute("SELECT article_id FROM article_index WHERE kind = %s AND version = %s",
                                 (kind, version)).fetchall()
        return {row["article_id"] for row in rows}

    def index_window(self, kind: str, version: str, first_day: int, last_day: int) -> list[IndexEntry]:
        """The entries dated ``first_day`` to ``last_day`` (inclusive) and the undated ones: their
        id, day and vector only."""
        rows = self.conn.execute(
            "SELECT article_id, day, vector FROM article_index WHERE kind = %s AND version = %s"
            ' AND (day BETWEEN %s AND %s OR day IS NULL) ORDER BY article_id COLLATE "C"',
            (kind, version, first_day, last_day)).fetchall()
        return [IndexEntry(article_id=r["article_id"], day=r["day"], vector=_bytes_vector(r["vector"])) for r in rows]

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
            f"SELECT slot, key, {id_column} AS id FROM {table}"  # fixed table and column names
            " WHERE kind = %s AND version = %s AND key = ANY(%s::bigint[])",
            (kind, version, sorted({k for _, k in wanted}))).fetchall()
        return {r["id"] for r in rows if (r["slot"], r["key"]) in wanted}

    def _delete_kind(self, tables: Sequence[str], id_column: str, kind: str, ids: Iterable[str] | None) -> None:
        """Remove the rows of ``kind`` (of ``ids`` when given) from each of ``tables``, in one transaction."""
        with self.conn.transaction(), self.conn.cursor() as cursor:
            for table in tables:
                if ids is None:
                    cursor.execute(f"DELETE FROM {table} WHERE kind = %s", (kind,))  # fixed table names
                else:
                    cursor.execute(f"DELETE FROM {table} WHERE kind = %s AND {id_column} = ANY(%s)",
                                   (kind, list(dict.fromkeys(ids))))

    def save_index_state(self, kind: str, version: str, entries: Sequence[IndexEntry]) -> None:
        """Insert or replace state entries of ``kind`` (and their keys), in one transaction."""
        with self.conn.transaction(), self.conn.cursor() as cursor:
            cursor.executemany("DELETE FROM index_state_keys WHERE kind = %s AND id = %s",
                               [(kind, e.article_id) for e in entries])
            cursor.executemany(
                "INSERT INTO index_state(kind, id, version, data) VALUES (%s, %s, %s, %s) ON CONFLICT (kind, id)"
                " DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data",
                [(kind, e.article_id, version, e.data) for e in entries])
            cursor.executemany(
                "INSERT INTO index_state_keys(kind, version, key, slot, id) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT DO NOTHING",
                [(kind, version, key, slot, e.article_id) for e in entries for slot, key in e.keys])

    def index_state(self, kind: str, version: str, ids: Iterable[str] | None = None) -> Iterator[IndexEntry]:
        params: list[Any]
        query, params = "SELECT id, data FROM index_state WHERE kind = %s AND version = %s", [kind, version]
        if ids is not None:
            query, params = query + " AND id = ANY(%s)", [*params, list(dict.fromkeys(ids))]
        for row in self.conn.execute(query + ' ORDER BY id COLLATE "C"', params).fetchall():
            yield IndexEntry(article_id=row["id"], data=bytes(row["data"]))

    def index_state_matches(self, kind: str, version: str, keys: Iterable[tuple[int, int]]) -> set[str]:
        return self._key_matches("index_state_keys", "id", kind, version, keys)

    def delete_index_state(self, kind: str, ids: Iterable[str] | None = None) -> None:
        self._delete_kind(("index_state", "index_state_keys"), "id", kind, ids)

    def index_links(self, kind: str, version: str) -> list[str]:
        """The non-empty ``links`` of every entry of ``kind`` and ``version`` (JSON), by article id."""
        rows = self.conn.execute("SELECT links FROM article_index WHERE kind = %s AND version = %s AND links != '[]'"
                                 ' ORDER BY article_id COLLATE "C"', (kind, version)).fetchall()
        return [row["links"] for row in rows]

    # --- analysis results (replaced as a whole by each analyze run) ----------------------------
    def save_analysis(self, relations: Sequence[Relation], groups: Sequence[ProvenanceGroup],
                      assignments: Sequence[Assignment], stories: Sequence[Story], *, ranked: bool = False) -> None:
        """Replace the derived analysis in one transaction: readers see the old or the new, never half."""
        with self.conn.transaction(), self.conn.cursor() as cursor:
            for table in ("relations", "provenance_groups", "assignments", "stories"):
                cursor.execute(f"DELETE FROM {table}")  # fixed table names
            self._write_analysis(cursor, relations, groups, assignments, stories, ranked=ranked)

    def update_analysis(self, relations: Sequence[Relation], groups: Sequence[ProvenanceGroup],
                        assignments: Sequence[Assignment], stories: Sequence[Story], *,
                        drop_groups: Iterable[str] = (), drop_stories: Iterable[str] = ()) -> None:
        """Change part of the derived analysis in one transaction (see ``Store.update_analysis``)."""
        with self.conn.transaction(), self.conn.cursor() as cursor:
            cursor.execute("DELETE FROM provenance_groups WHERE origin = ANY(%s)", (list(dict.fromkeys(drop_groups)),))
            cursor.execute("DELETE FROM stories WHERE id = ANY(%s)", (list(dict.fromkeys(drop_stories)),))
            self._write_analysis(cursor, relations, groups, assignments, stories, ranked=True)

    @staticmethod
    def _write_analysis(cursor: Any, relations: Sequence[Relation], groups: Sequence[ProvenanceGroup],
                        assignments: Sequence[Assignment], stories: Sequence[Story], *, ranked: bool) -> None:
        cursor.executemany(
            "INSERT INTO relations(source, target, kind, score, evidence) VALUES (%s, %s, %s, %s, %s)"
            " ON CONFLICT (source, target, kind) DO UPDATE SET score = EXCLUDED.score, evidence = EXCLUDED.evidence",
            [(r.source, r.target, r.kind, r.score, r.evidence) for r in relations])
        cursor.executemany(
            "INSERT INTO provenance_groups(origin, members) VALUES (%s, %s)"
            " ON CONFLICT (origin) DO UPDATE SET members = EXCLUDED.members",
            [(g.origin, json.dumps([[m.id, m.relation] for m in g.members])) for g in groups])
        cursor.executemany(
            "INSERT INTO assignments(article_id, story_id, event_id, role, detail) VALUES (%s, %s, %s, %s, %s)"
            " ON CONFLICT (article_id) DO UPDATE SET story_id = EXCLUDED.story_id, event_id = EXCLUDED.event_id,"
            " role = EXCLUDED.role, detail = EXCLUDED.detail",
            [(a.article_id, a.story_id, a.event_id, a.role, json.dumps({"flags": list(a.flags)}))
             for a in assignments])
        cursor.executemany(
            "INSERT INTO stories(id, position, data) VALUES (%s, %s, %s)"
            " ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, data = EXCLUDED.data",
            [(story.id, story_rank(story) if ranked else i, json.dumps(asdict(story), ensure_ascii=False))
             for i, story in enumerate(stories)])

    def save_headline_checks(self, checks: Mapping[str, Mapping[str, Any]], version: str) -> None:
        """Each article's headline judged against its own body (JSON-ready dicts by article id)."""
        with self.conn.transaction(), self.conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO headline_checks(article_id, version, data) VALUES (%s, %s, %s)"
                " ON CONFLICT (article_id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data",
                [(aid, version, json.dumps(data, ensure_ascii=False)) for aid, data in checks.items()])

    def headline_checks(self, version: str | None = None, ids: Iterable[str] | None = None
                        ) -> dict[str, dict[str, Any]]:
        params: list[Any]
        query, params = "SELECT * FROM headline_checks WHERE true", []
        if version is not None:
            query, params = query + " AND version = %s", [version]
        if ids is not None:
            query, params = query + " AND article_id = ANY(%s)", [*params, list(dict.fromkeys(ids))]
        return {r["article_id"]: json.loads(r["data"]) for r in self.conn.execute(query, params).fetchall()}

    # --- per-article extractions and cross-article findings (quotes, claims, summaries) --------
    def save_extractions(self, stage: str, version: str, by_article: Mapping[str, list[Any]]) -> None:
        """Cache one stage's JSON-ready records per article (replacing older versions)."""
        with self.conn.transaction(), self.conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO extractions(article_id, stage, version, data) VALUES (%s, %s, %s, %s)"
                " ON CONFLICT (article_id, stage) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data",
                [(aid, stage, version, json.dumps(data, ensure_ascii=False)) for aid, data in by_article.items()])

    def extractions(self, stage: str, version: str | None = None, ids: Iterable[str] | None = None
                    ) -> dict[str, list[Any]]:
        params: list[Any]
        query, params = "SELECT * FROM extractions WHERE stage = %s", [stage]
        if version is not None:
            query, params = query + " AND version = %s", [stage, version]
        if ids is not None:
            query, params = query + " AND article_id = ANY(%s)", [*params, list(dict.fromkeys(ids))]
        return {r["article_id"]: json.loads(r["data"]) for r in self.conn.execute(query, params).fetchall()}

    def save_findings(self, kind: str, rows: Sequence[tuple[str, str, Any]], *, version: str = "",
                      keys: Mapping[str, str] | None = None) -> None:
        """Replace every finding of ``kind`` with ``(id, scope, record)`` rows and the reuse key of
        each scope (``keys``: scope -> key; a scope may have a key and no rows), in one transaction."""
        keys = dict(keys or {})
        with self.conn.transaction(), self.conn.cursor() as cursor:
            cursor.execute("DELETE FROM findings WHERE kind = %s", (kind,))
            cursor.execute("DELETE FROM finding_keys WHERE kind = %s", (kind,))
            cursor.executemany(
                "INSERT INTO findings(kind, id, scope, position, data, version, reuse_key)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (kind, id) DO UPDATE SET scope = EXCLUDED.scope,"
                " position = EXCLUDED.position, data = EXCLUDED.data, version = EXCLUDED.version,"
                " reuse_key = EXCLUDED.reuse_key",
                [(kind, fid, scope, i, json.dumps(encode(record), ensure_ascii=False), version, keys.get(scope))
                 for i, (fid, scope, record) in enumerate(rows)])
            cursor.executemany(
                "INSERT INTO finding_keys(kind, scope, reuse_key, version) VALUES (%s, %s, %s, %s)",
                [(kind, scope, key, version) for scope, key in keys.items()])

    def finding_rows(self, kind: str, scopes: Iterable[str] | None = None, *,
                     reuse_keys: Iterable[str] | None = None, ids: Iterable[str] | None = None
                     ) -> list[StoredFinding]:
        """Findings of ``kind`` in stored order with their columns, filtered in SQL by scope,
        reuse key or id when given."""
        decoder = kind_of(kind)
        query, params = "SELECT * FROM findings WHERE kind = %s", list[Any]([kind])
        for column, wanted in (("scope", scopes), ("reuse_key", reuse_keys), ("id", ids)):
            if wanted is not None:
                query += f" AND {column} = ANY(%s)"  # fixed column names
                params.append(list(dict.fromkeys(wanted)))
        rows = self.conn.execute(query + " ORDER BY position", params).fetchall()
        return [StoredFinding(kind=kind, id=r["id"], scope=r["scope"], version=r["version"],
                              reuse_key=r["reuse_key"], record=decoder.decode(json.loads(r["data"]))) for r in rows]

    def findings(self, kind: str, scopes: Iterable[str] | None = None, *,
                 reuse_keys: Iterable[str] | None = None) -> list[Any]:
        """Finding records of ``kind`` in stored order, only those of the given scopes or reuse
        keys when named."""
        return [row.record for row in self.finding_rows(kind, scopes, reuse_keys=reuse_keys)]

    def finding(self, kind: str, finding_id: str) -> Any | None:
        """One finding record by its id, else None."""
        found = self.finding_rows(kind, ids=[finding_id])
        return found[0].record if found else None

    def finding_keys(self, kind: str) -> dict[str, str]:
        """The reuse key each scope had when ``kind`` was last saved: scope -> key."""
        rows = self.conn.execute("SELECT scope, reuse_key FROM finding_keys WHERE kind = %s", (kind,)).fetchall()
        return {r["scope"]: r["reuse_key"] for r in rows}

    def relations(self) -> list[Relation]:
        rows = self.conn.execute('SELECT * FROM relations ORDER BY source COLLATE "C", target COLLATE "C",'
                                 ' kind COLLATE "C"').fetchall()
        return [Relation(source=r["source"], target=r["target"], kind=r["kind"], score=r["score"],
                         evidence=r["evidence"]) for r in rows]

    def provenance_groups(self) -> list[ProvenanceGroup]:
        rows = self.conn.execute('SELECT * FROM provenance_groups ORDER BY origin COLLATE "C"').fetchall()
        return [ProvenanceGroup(origin=r["origin"], members=tuple(
            GroupMember(id=i, relation=rel) for i, rel in json.loads(r["members"]))) for r in rows]

    def assignments(self, ids: Iterable[str] | None = None) -> dict[str, Assignment]:
        rows = self.conn.execute("SELECT * FROM assignments").fetchall() if ids is None else self.conn.execute(
            "SELECT * FROM assignments WHERE article_id = ANY(%s)", (list(dict.fromkeys(ids)),)).fetchall()
        return {r["article_id"]: Assignment(article_id=r["article_id"], story_id=r["story_id"], event_id=r["event_id"],
                                            role=r["role"], flags=tuple(json.loads(r["detail"]).get("flags") or ()))
                for r in rows}

    def stories(self) -> list[Story]:
        rows = self.conn.execute('SELECT data FROM stories ORDER BY position, id COLLATE "C" DESC').fetchall()
        return [_story(json.loads(r["data"])) for r in rows]

    def story(self, story_id: str) -> Story | None:
        if "\x00" in story_id:  # no id holds one, and PostgreSQL text refuses it
            return None
        row = self.conn.execute("SELECT data FROM stories WHERE id = %s", (story_id,)).fetchone()
        if row is None:
            rows = self.conn.execute("SELECT data FROM stories WHERE left(id, %s) = %s LIMIT 2",
                                     (len(story_id), story_id)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return _story(json.loads(row["data"])) if row else None

    # --- the feed watcher ----------------------------------------------------------------------
    def feed_state(self, url: str) -> FeedState | None:
        row = self.conn.execute("SELECT * FROM feeds WHERE url = %s", (url,)).fetchone()
        return _feed_state(row) if row else None

    def feed_states(self) -> list[FeedState]:
        return [_feed_state(row) for row in self.conn.execute('SELECT * FROM feeds ORDER BY url COLLATE "C"').fetchall()]

    def save_feed_state(self, state: FeedState) -> None:
        with self.conn.transaction():
            self.conn.execute(
                "INSERT INTO feeds(url, etag, last_modified, last_polled, failures, next_poll, last_error)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag,"
                " last_modified = EXCLUDED.last_modified, last_polled = EXCLUDED.last_polled,"
                " failures = EXCLUDED.failures, next_poll = EXCLUDED.next_poll, last_error = EXCLUDED.last_error",
                (state.url, state.etag, state.last_modified, state.last_polled, state.failures, state.next_poll,
                 state.last_error))

    def seen_keys(self, feed: str, keys: Iterable[str]) -> set[str]:
        rows = self.conn.execute("SELECT key FROM seen_items WHERE feed = %s AND key = ANY(%s)",
                                 (feed, list(dict.fromkeys(keys)))).fetchall()
        return {r["key"] for r in rows}

    def mark_seen(self, items: Sequence[SeenItem]) -> None:
        with self.conn.transaction(), self.conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO seen_items(feed, key, article_id, seen_at) VALUES (%s, %s, %s, %s)"
                " ON CONFLICT (feed, key) DO NOTHING",
                [(i.feed, i.key, i.article, i.seen_at or _now()) for i in items])

    def unalerted_articles(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT article_id FROM seen_items WHERE alerted_at IS NULL AND article_id IS NOT NULL"
            " AND article_id NOT IN (SELECT article_id FROM seen_items"
            "                        WHERE alerted_at IS NOT NULL AND article_id IS NOT NULL)"
            ' ORDER BY seen_at COLLATE "C", seq').fetchall()
        return list(dict.fromkeys(r["article_id"] for r in rows))

    def save_alerts(self, alerts: Sequence[Alert], *, articles: Iterable[str] = ()) -> list[Alert]:
        now = _now()
        stored: list[Alert] = []
        with self.conn.transaction():
            for alert in alerts:
                alert = alert if alert.raised_at else with_fields(alert, raised_at=now)
                cursor = self.conn.execute(
                    "INSERT INTO alerts(key, kind, raised_at, data) VALUES (%s, %s, %s, %s)"
                    " ON CONFLICT (key) DO NOTHING",
                    (alert.key, alert.kind, alert.raised_at, json.dumps(alert.to_dict(), ensure_ascii=False)))
                if cursor.rowcount:
                    stored.append(alert)
            self.conn.execute("UPDATE seen_items SET alerted_at = %s WHERE alerted_at IS NULL AND article_id = ANY(%s)",
                              (now, list(articles)))
        return stored

    def alerts(self, since: str | None = None, limit: int = 100) -> list[Alert]:
        rows = self.conn.execute(
            'SELECT data FROM alerts WHERE raised_at COLLATE "C" > %s ORDER BY raised_at COLLATE "C" DESC, seq DESC'
            " LIMIT %s", (since or "", max(0, limit))).fetchall()
        return [Alert.from_dict(json.loads(r["data"])) for r in reversed(rows)]

    def follow(self, story_id: str) -> None:
        with self.conn.transaction():
            self.conn.execute("INSERT INTO follows(story_id, followed_at) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                              (story_id, _now()))

    def unfollow(self, story_id: str) -> bool:
        with self.conn.transaction():
            cursor = self.conn.execute("DELETE FROM follows WHERE story_id = %s", (story_id,))
        return bool(cursor.rowcount)

    def followed(self) -> list[str]:
        rows = self.conn.execute('SELECT story_id FROM follows ORDER BY followed_at COLLATE "C", seq').fetchall()
        return [r["story_id"] for r in rows]

    # --- helpers -------------------------------------------------------------------------------
    def _by_prefix(self, prefix: str) -> dict[str, Any] | None:
        """A unique id prefix of at least 4 characters, as with git."""
        if len(prefix) < 4:
            return None
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute(f"SELECT {_ARTICLE_SELECT} FROM articles WHERE id LIKE %s ESCAPE '\\' LIMIT 2",
                                 (escaped + "%",)).fetchall()
        return rows[0] if len(rows) == 1 else None


def nearest_sql(dims: int, version: str | None) -> tuple[str, list[Any]]:
    """The query of ``nearest`` (parameters: vector, the filter's, vector, limit) and the filter's
    parameters. Ordered by the distance alone: a second sort key would keep PostgreSQL from
    reading the order off the HNSW index (a full scan and a sort instead)."""
    params: list[Any] = []
    if dims == HNSW_DIM:  # the indexed expression and the index's own predicate, word for word
        column, where = f"vector::vector({HNSW_DIM})", f"vector_dims(vector) = {HNSW_DIM}"
    else:
        column, where = "vector", "vector_dims(vector) = %s"
        params.append(dims)
    if version is not None:
        where += " AND version = %s"
        params.append(version)
    return (f"SELECT article_id, 1 - ({column} <=> %s) AS similarity FROM annotations"
            f" WHERE vector IS NOT NULL AND {where} ORDER BY {column} <=> %s LIMIT %s"), params


def _feed_state(row: Mapping[str, Any]) -> FeedState:
    return FeedState(url=row["url"], etag=row["etag"], last_modified=row["last_modified"],
                     last_polled=row["last_polled"], failures=row["failures"], next_poll=row["next_poll"],
                     last_error=row["last_error"])


def annotation_row(article_id: str, version: str, sentences: str, entities: str, sentence_vectors: bytes,
                   vector: Any, lead_vector: Any) -> tuple[Any, ...]:
    """One annotations row: pgvector needs at least one dimension, so an empty vector is NULL."""
    vec = np.asarray(vector, dtype=np.float32).ravel()
    lead = None if lead_vector is None else np.asarray(lead_vector, dtype=np.float32).ravel()
    return (article_id, version, sentences, entities, sentence_vectors,
            vec if vec.size else None, lead if lead is not None and lead.size else None)


def _floats(value: Any) -> np.ndarray:
    """A pgvector value (``pgvector.Vector``, or an array in older pgvector releases) as float32."""
    return np.asarray(value.to_numpy() if hasattr(value, "to_numpy") else value, dtype=np.float32)


def _bytes_vector(blob: Any) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(bytes(blob), dtype=np.float32)


def _index_entry(row: Mapping[str, Any]) -> IndexEntry:
    return IndexEntry(article_id=row["article_id"], data=bytes(row["data"]), day=row["day"],
                      vector=_bytes_vector(row["vector"]), links=row["links"])


def _annotation(row: Mapping[str, Any]) -> Annotation:
    vector = np.zeros(0, dtype=np.float32) if row["vector"] is None else _floats(row["vector"])
    sentences = tuple(Span(text=t, start=a, end=b) for t, a, b in json.loads(row["sentences"]))
    matrix = np.frombuffer(bytes(row["sentence_vectors"]), dtype=np.float32).reshape(len(sentences), -1) \
        if sentences else np.zeros((0, vector.shape[0]), dtype=np.float32)
    return Annotation(
        article_id=row["article_id"], version=row["version"], sentences=sentences,
        entities=tuple(Entity(text=t, label=l, start=a, end=b) for t, l, a, b in json.loads(row["entities"])),
        sentence_vectors=matrix, vector=vector,
        lead_vector=None if row["lead_vector"] is None else _floats(row["lead_vector"]))


# ts_headline's options: matched words between the marks of search.py, one fragment of about
# SNIPPET_TOKENS words (SQLite's snippet() takes the same number of tokens).
HEADLINE_OPTIONS = (f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_TOKENS},"
                    f" MinWords={SNIPPET_TOKENS // 2}, MaxFragments=1, FragmentDelimiter={ELLIPSIS}")


def _with_ellipses(snippet: str, text: str) -> str:
    """An ellipsis where the snippet cuts the text, as SQLite's snippet() marks it."""
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "")
    words = plain.split()
    flat = " ".join(text.split())
    start = not words or flat.startswith(" ".join(words[:3]))
    end = not words or flat.endswith(" ".join(words[-3:]))
    return ("" if start else ELLIPSIS) + snippet.strip() + ("" if end else ELLIPSIS)


def _no_nul(text: str) -> str:
    """PostgreSQL text holds no NUL character (psycopg refuses it): one typed into a search box
    is a space, as SQLite's search reads it, not a server error."""
    return text.replace("\x00", " ")
