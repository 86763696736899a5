"""A PostgreSQL store for tests: a fresh schema in the database named by ``NEWSPRISM_TEST_PG``
(or ``DATABASE_URL``), dropped afterwards; the test is skipped when neither is set.

CI sets it (``.ci/run`` starts a throwaway server with scripts/pg_ci.sh), so there the PostgreSQL
half of the suite runs; a URL that is set but unreachable fails the test rather than skipping it.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


def pg_url() -> str | None:
    return os.environ.get("NEWSPRISM_TEST_PG") or os.environ.get("DATABASE_URL") or None


def require_pg_url() -> str:
    url = pg_url()
    if not url:
        pytest.skip("no PostgreSQL: set NEWSPRISM_TEST_PG (scripts/pg_ci.sh starts one)")
    return url


@contextmanager
def scratch_schema() -> Iterator[tuple[str, str]]:
    """``(url, schema)``: a new, empty schema, dropped with everything in it on exit. A store
    opens it with ``PostgresStore(url, schema=schema)`` or the URL of ``schema_url``."""
    import psycopg
    from psycopg import sql

    url = require_pg_url()
    schema = "newsprism_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield url, schema
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


@contextmanager
def pg_store() -> Iterator:
    from newsprism.store.postgres import PostgresStore

    with scratch_schema() as (url, schema):
        store = PostgresStore(url, schema=schema)
        try:
            yield store
        finally:
            store.close()


def schema_url(url: str, schema: str) -> str:
    """``url`` with the schema first on the search path (libpq's ``options``), for code that
    takes only a URL (``newsprism.open``, the CLI)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema},public"
