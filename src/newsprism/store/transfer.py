"""Copy a SQLite store into a PostgreSQL one: ``newsprism migrate --from news.db --to postgresql://...``.

Every table is copied row for row (raw inputs, articles, annotations and their vectors,
headline checks, extractions, the analysis, findings and their reuse keys, the feed watcher's
feeds, seen items, alerts and followed stories, the cross-article indexes), so the PostgreSQL
store answers exactly as the SQLite file did, and a later ``analyze`` reuses every cache.

Idempotent: articles and raw inputs already in the target are kept (``ON CONFLICT DO NOTHING``);
per-article caches are overwritten with the source's; the analysis tables (replaced as a whole
by each ``analyze``) are replaced as a whole, in one transaction each. A copy cut short is
finished by running it again, which sends only the articles and raw inputs the target lacks. Rows
travel by COPY into a temporary table, then one ``INSERT ... SELECT ... ON CONFLICT`` per batch,
a commit per batch.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

import numpy as np

from .postgres import PostgresStore
from .sqlite import SQLiteStore

# Rows per COPY batch and commit: ~2,000 articles are a few MB of text, and a progress step.
BATCH_ROWS = 2000


@dataclass(frozen=True)
class Table:
    """One table to copy: its columns, key, and how rows already in the target are treated."""
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    mode: str  # "keep": target rows kept (one key column) | "update": overwritten | "replace": replaced whole
    order: str = "rowid"


TABLES: tuple[Table, ...] = (
    Table("raw", ("id", "source", "kind", "url", "body", "hints", "encoding", "stored_at"), ("id",), "keep"),
    Table("articles", ("id", "raw_id", "source", "url", "canonical_url", "headline", "outlet", "byline", "dateline",
                       "published", "wire", "language", "text", "detail", "ingested_at"), ("id",), "keep"),
    Table("annotations", ("article_id", "version", "sentences", "entities", "sentence_vectors", "vector",
                          "lead_vector"), ("article_id",), "update"),
    Table("headline_checks", ("article_id", "version", "data"), ("article_id",), "update"),
    Table("extractions", ("article_id", "stage", "version", "data"), ("article_id", "stage"), "update"),
    Table("relations", ("source", "target", "kind", "score", "evidence"), ("source", "target", "kind"), "replace"),
    Table("provenance_groups", ("origin", "members"), ("origin",), "replace"),
    Table("assignments", ("article_id", "story_id", "event_id", "role", "detail"), ("article_id",), "replace"),
    Table("stories", ("id", "position", "data"), ("id",), "replace"),
    Table("findings", ("kind", "id", "scope", "position", "data", "version", "reuse_key"), ("kind", "id"), "replace"),
    Table("finding_keys", ("kind", "scope", "reuse_key", "version"), ("kind", "scope"), "replace"),
    # the feed watcher's state (migration 0007_watch): the target mirrors the source's rows
    Table("feeds", ("url", "etag", "last_modified", "last_polled", "failures", "next_poll", "last_error"), ("url",),
          "update"),
    Table("seen_items", ("feed", "key", "article_id", "seen_at", "alerted_at"), ("feed", "key"), "update"),
    Table("alerts", ("key", "kind", "raised_at", "data"), ("key",), "update"),
    Table("follows", ("story_id", "followed_at"), ("story_id",), "update"),
    # the cross-article indexes analyze keeps (migration 0008_article_index): derived, replaced whole
    Table("article_index", ("kind", "article_id", "version", "day", "links", "vector", "data"), ("kind", "article_id"),
          "replace"),
    Table("article_index_keys", ("kind", "version", "key", "slot", "article_id"),
          ("kind", "version", "key", "slot", "article_id"), "replace", order="kind, version, key, slot, article_id"),
    # what analyze keeps of the story index beyond each article's entry (migration 0010_index_state)
    Table("index_state", ("kind", "id", "version", "data"), ("kind", "id"), "replace"),
    Table("index_state_keys", ("kind", "version", "key", "slot", "id"), ("kind", "version", "key", "slot", "id"),
          "replace", order="kind, version, key, slot, id"),
)

Progress = Callable[[str, int, int], None]  # table, rows done, rows in the source


@dataclass(frozen=True)
class TableCount:
    """Rows of one table in the source and, after the copy, in the target."""
    table: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        """Every source row arrived (a target that held more articles beforehand keeps them)."""
        return self.target == self.source if _mode(self.table) == "replace" else self.target >= self.source


def _mode(name: str) -> str:
    return next(t.mode for t in TABLES if t.name == name)


def copy_store(source: SQLiteStore, target: PostgresStore, on_progress: Progress | None = None,
               batch_rows: int = BATCH_ROWS) -> list[TableCount]:
    """Copy every table of ``source`` into ``target``; the row counts of both, table by table."""
    counts: list[TableCount] = []
    for table in TABLES:
        total = source.conn.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]  # fixed names
        if on_progress:
            on_progress(table.name, 0, total)
        _copy_table(source.conn, target, table, total, on_progress, batch_rows)
        row = target.conn.execute(f"SELECT count(*) AS n FROM {table.name}").fetchone()
        counts.append(TableCount(table.name, total, int(row["n"]) if row else 0))
    return counts


def _copy_table(conn: sqlite3.Connection, target: PostgresStore, table: Table, total: int,
                on_progress: Progress | None, batch_rows: int) -> None:
    pg = target.conn
    cols = ", ".join(table.columns)
    stage = f"newsprism_stage_{table.name}"
    pg.execute(f"CREATE TEMP TABLE IF NOT EXISTS {stage} AS SELECT 0::bigint AS ord, {cols}"
               f" FROM {table.name} WITH NO DATA")
    conflict = f"ON CONFLICT ({', '.join(table.key)}) DO NOTHING"
    if table.mode == "update":
        others = [c for c in table.columns if c not in table.key]
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in others)
        # a row equal to the source's is left alone: no new row version (nor HNSW entry) on a re-run
        changed = f"({', '.join(f'{table.name}.{c}' for c in others)}) IS DISTINCT FROM" \
                  f" ({', '.join(f'EXCLUDED.{c}' for c in others)})"
        conflict = f"ON CONFLICT ({', '.join(table.key)}) DO UPDATE SET {updates} WHERE {changed}"
    insert = f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM {stage} ORDER BY ord {conflict}"
    rows = conn.execute(f"SELECT {cols} FROM {table.name} ORDER BY {table.order}")
    done = 0
    # "replace": one transaction for the whole table (batches are savepoints in it), so readers
    # see the old analysis or the new, never half
    with pg.transaction() if table.mode == "replace" else nullcontext():
        if table.mode == "replace":
            pg.execute(f"DELETE FROM {table.name}")
        for chunk in _chunks(rows, batch_rows):
            todo = _missing(pg, table, chunk) if table.mode == "keep" else chunk
            with pg.transaction():
                pg.execute(f"TRUNCATE {stage}")
                with pg.cursor().copy(f"COPY {stage} (ord, {cols}) FROM STDIN") as copy:
                    for i, row in enumerate(todo):
                        copy.write_row((done + i, *_convert(table.name, row)))
                pg.execute(insert)
            done += len(chunk)
            if on_progress:
                on_progress(table.name, done, total)
    pg.execute(f"DROP TABLE IF EXISTS {stage}")


def _missing(pg: Any, table: Table, chunk: list[Any]) -> list[Any]:
    """The rows of ``chunk`` whose key the target lacks: a re-run sends only what is missing."""
    [key] = table.key
    position = table.columns.index(key)
    ids = [row[position] for row in chunk]
    present = {r[key] for r in pg.execute(f"SELECT {key} FROM {table.name} WHERE {key} = ANY(%s)", (ids,)).fetchall()}
    return [row for row in chunk if row[position] not in present]


def _chunks(rows: sqlite3.Cursor, size: int) -> Iterator[list[Any]]:
    while True:
        chunk = rows.fetchmany(size)
        if not chunk:
            return
        yield chunk


def _convert(table: str, row: sqlite3.Row | tuple[Any, ...]) -> tuple[Any, ...]:
    """A SQLite row as PostgreSQL takes it: float32 blobs of article vectors become pgvector
    values (an empty one NULL, as ``PostgresStore.save_annotations`` stores it)."""
    values = tuple(row)
    if table != "annotations":
        return values
    article_id, version, sentences, entities, matrix, vector, lead = values
    vec = np.frombuffer(vector, dtype=np.float32)
    lead_vec = None if lead is None else np.frombuffer(lead, dtype=np.float32)
    return (article_id, version, sentences, entities, bytes(matrix),
            vec if vec.size else None, lead_vec if lead_vec is not None and lead_vec.size else None)


def sizes(source: SQLiteStore, target: PostgresStore) -> dict[str, int]:
    """Bytes on disk: the SQLite file (pages in use) and the PostgreSQL tables with their indexes."""
    pages = source.conn.execute("PRAGMA page_count").fetchone()[0]
    page_size = source.conn.execute("PRAGMA page_size").fetchone()[0]
    pg_bytes = 0
    for table in TABLES:
        row = target.conn.execute("SELECT pg_total_relation_size(%s::regclass) AS n", (table.name,)).fetchone()
        pg_bytes += int(row["n"]) if row else 0
    return {"sqlite_bytes": pages * page_size, "postgres_bytes": pg_bytes}
