"""PostgreSQL-only behaviour: the migrations table, the HNSW and GIN indexes in use, atomic
duplicate checks between two writers, URL handling. (What both backends do is in test_contract.py.)"""
from __future__ import annotations

import subprocess
import sys
import threading

import numpy as np
import pytest
from pgkit import pg_store, schema_url, scratch_schema

from newsprism.errors import StoreError
from newsprism.model import Annotation, Article, Block, RawArticle
from newsprism.store import SQLiteStore, is_url, open_store
from newsprism.store.pg_migrations import HNSW_DIM, MIGRATIONS
from newsprism.store.postgres import nearest_sql


def article(aid: str, canonical_url: str | None = None, text: str = "Blinken met Wang Yi in Beijing.") -> Article:
    return Article(id=aid, source="x.txt", url=None, canonical_url=canonical_url, headline="H", outlet="O",
                   byline=None, dateline=None, published=None, wire=None, language="en", text=text,
                   blocks=(Block(text=text),), provenance={}, stage_versions={})


def test_postgres_urls_pick_the_backend_and_hide_passwords(tmp_path):
    from newsprism.store.postgres import redact

    assert is_url("postgresql://u@h/db") and is_url("postgres://h/db") and not is_url(str(tmp_path / "x.db"))
    assert redact("postgresql://news:s3cret@db.example:5432/news") == "postgresql://news:***@db.example:5432/news"
    assert redact("postgres://news@db/news") == "postgres://news@db/news"
    store = open_store(tmp_path / "x.db")
    assert isinstance(store, SQLiteStore)
    store.close()


def test_postgres_unreachable_server_is_one_store_error_without_the_password():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as raised:
        open_store("postgresql://news:s3cret@127.0.0.1:9/news?connect_timeout=2")
    assert "s3cret" not in str(raised.value) and "***" in raised.value.path


def test_postgres_sqlite_use_never_imports_psycopg(tmp_path):
    code = ("import sys, newsprism; c = newsprism.open(sys.argv[1]); c.search('x'); c.close(); "
            "print('psycopg' in sys.modules, 'pgvector' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "n.db")], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["False", "False"]


def test_postgres_migrations_recorded_once():
    with scratch_schema() as (url, schema):
        from newsprism.store.postgres import PostgresStore

        first = PostgresStore(url, schema=schema)
        names = [r["name"] for r in first.conn.execute("SELECT name FROM schema_version ORDER BY name")]
        assert names == [name for name, _ in MIGRATIONS]
        first.close()
        again = PostgresStore(schema_url(url, schema))  # the same schema through the URL: nothing to apply
        assert again.conn.execute("SELECT count(*) AS n FROM schema_version").fetchone()["n"] == len(MIGRATIONS)
        again.close()


def test_postgres_nearest_and_search_use_their_indexes():
    with pg_store() as store:
        rng = np.random.default_rng(1)
        for i in range(50):
            aid = f"{i:04d}" + "0" * 12
            store.add(RawArticle(source="x", kind="text", body=aid), article(aid, text=f"word{i} Beijing"))
            store.save_annotations([Annotation(article_id=aid, version="v", sentences=(), entities=(),
                                               sentence_vectors=np.zeros((0, HNSW_DIM), np.float32),
                                               vector=rng.normal(size=HNSW_DIM).astype(np.float32))])
        store.conn.execute("ANALYZE")
        store.conn.execute("SET enable_seqscan = off")  # 50 rows: the planner would scan; show the index works
        probe = np.ones(HNSW_DIM, np.float32)
        plans = {}
        for version in (None, "v"):
            sql, params = nearest_sql(HNSW_DIM, version)
            plans[version] = " ".join(r["QUERY PLAN"] for r in store.conn.execute(
                "EXPLAIN " + sql, (probe, *params, probe, 5)))
        text_plan = " ".join(r["QUERY PLAN"] for r in store.conn.execute(
            "EXPLAIN SELECT id FROM articles a, plainto_tsquery('simple', %s) q WHERE a.tsv @@ q", ("word7",)))
        assert all("annotations_vector_hnsw" in plan and "Sort" not in plan for plan in plans.values()), plans
        assert "articles_tsv" in text_plan
        assert [a.id[:4] for a in store.search("word7 beijing")] == ["0007"]
        assert len(store.nearest(rng.normal(size=HNSW_DIM), limit=5)) == 5


@pytest.mark.parametrize("same", ["id", "canonical_url"])
def test_postgres_two_writers_store_one_article_once(same):
    """Two connections race to add the same article (same content hash, or same canonical URL
    under different hashes): exactly one insert, the other gets the stored id back."""
    with scratch_schema() as (url, schema):
        from newsprism.store.postgres import PostgresStore

        stores = [PostgresStore(url, schema=schema) for _ in range(2)]
        results: list[list[str | None]] = [[], []]
        errors: list[BaseException] = []
        barrier = threading.Barrier(2, timeout=30)

        def write(n: int) -> None:
            try:
                for i in range(30):
                    aid = f"{i:04d}" + ("0" * 12 if same == "id" else f"{n}" * 12)
                    barrier.wait()
                    results[n].append(stores[n].add_new(RawArticle(source="x", kind="text", body=aid),
                                                        article(aid, canonical_url=f"https://example.com/{i}")))
            except BaseException as error:  # noqa: B036 - reported by the test below
                errors.append(error)
                barrier.abort()  # the other writer stops waiting

        threads = [threading.Thread(target=write, args=(n,)) for n in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        try:
            assert not [e for e in errors if not isinstance(e, threading.BrokenBarrierError)], errors
            assert stores[0].count() == 30
            assert all((a is None) != (b is None) for a, b in zip(*results))  # one stored, one told
        finally:
            for s in stores:
                s.close()


def test_postgres_save_analysis_is_all_or_nothing():
    from newsprism.model import Relation

    with pg_store() as store:
        good = Relation(source="a", target="b", kind="copy", score=0.9, evidence="e")
        store.save_analysis([good], [], [], [])
        with pytest.raises(Exception):
            store.save_analysis([good], [], [], [object()])  # type: ignore[list-item]  # fails midway
        assert store.relations() == [good]


def _sqlite_tables(store: SQLiteStore) -> set[str]:
    rows = store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows if not r[0].startswith("articles_fts") and r[0] != "migrations"}


def test_postgres_migrate_knows_every_sqlite_table(tmp_path):
    """A table added to SQLite's migrations must be added to ``transfer.TABLES`` (and to the
    PostgreSQL migrations) too, or ``newsprism migrate`` would leave it behind."""
    from newsprism.store.transfer import TABLES

    store = SQLiteStore(tmp_path / "n.db")
    try:
        # revisions: each store's own change counters (migration 0009), never copied
        assert _sqlite_tables(store) - {"revisions"} == {t.name for t in TABLES}
    finally:
        store.close()


def test_postgres_schema_has_every_sqlite_table_and_column(tmp_path):
    lite = SQLiteStore(tmp_path / "n.db")
    with pg_store() as store:
        for table in _sqlite_tables(lite):
            lite_columns = {r[1] for r in lite.conn.execute(f"PRAGMA table_info({table})")}
            pg_columns = {r["column_name"] for r in store.conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = %s", (table,))}
            assert lite_columns <= pg_columns, table
    lite.close()


def test_postgres_migrate_copies_the_watchers_state(tmp_path):
    from newsprism.store.transfer import copy_store
    from newsprism.watch.records import Alert, FeedState, SeenItem

    lite = SQLiteStore(tmp_path / "n.db")
    lite.add(RawArticle(source="x", kind="text", body="b"), article("a" * 16))
    lite.save_feed_state(FeedState(url="https://example.com/feed", etag='"v1"', failures=1))
    lite.mark_seen([SeenItem(feed="https://example.com/feed", key=k, article="a" * 16) for k in ("g2", "g1")])
    lite.save_alerts([Alert(key="event:e1", kind="new-event", message="m", story="s1")], articles=["a" * 16])
    lite.mark_seen([SeenItem(feed="https://example.com/other", key="g3", article="b" * 16)])
    lite.follow("s2")
    lite.follow("s1")
    with pg_store() as pg:
        for _ in range(2):
            assert all(c.ok and c.source == c.target for c in copy_store(lite, pg))
        assert pg.feed_states() == lite.feed_states() and pg.alerts() == lite.alerts()
        assert pg.followed() == lite.followed() == ["s2", "s1"]
        assert pg.unalerted_articles() == lite.unalerted_articles() == ["b" * 16]
        assert pg.seen_keys("https://example.com/feed", ["g1", "g2", "g9"]) == {"g1", "g2"}
    lite.close()


def test_postgres_migrate_rerun_leaves_equal_rows_alone(tmp_path):
    """A re-run writes no new version of a row equal to the source's (no HNSW re-insert), and
    still carries over a row the source changed since."""
    from newsprism.store.transfer import copy_store

    lite = SQLiteStore(tmp_path / "n.db")
    lite.add(RawArticle(source="x", kind="text", body="b"), article("a" * 16))
    vec = np.arange(HNSW_DIM, dtype=np.float32)

    def annotate(version: str) -> None:
        lite.save_annotations([Annotation(article_id="a" * 16, version=version, sentences=(), entities=(),
                                          sentence_vectors=np.zeros((0, HNSW_DIM), np.float32), vector=vec)])

    annotate("v1")
    with pg_store() as pg:
        def row_version() -> str:
            return pg.conn.execute("SELECT xmin::text AS x FROM annotations").fetchone()["x"]

        copy_store(lite, pg)
        first = row_version()
        copy_store(lite, pg)
        assert row_version() == first
        annotate("v2")
        copy_store(lite, pg)
        assert row_version() != first and pg.annotations()["a" * 16].version == "v2"
    lite.close()
