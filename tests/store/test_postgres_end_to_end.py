"""The bundled example corpus ingested and analysed into PostgreSQL gives what SQLite gives, and
``newsprism migrate`` copies an analysed SQLite store into PostgreSQL with nothing lost, twice."""
from __future__ import annotations

import json

import numpy as np
import pytest
from pgkit import require_pg_url, schema_url, scratch_schema
from testkit import EXAMPLES
from typer.testing import CliRunner

import newsprism
from newsprism.cli import app
from newsprism.findings import KINDS
from newsprism.store import Store


def snapshot(store: Store) -> dict:
    """Everything a reader of the store sees, in comparable form."""
    notes = store.annotations()
    return {
        "articles": list(store.articles()),
        "raw": [store.raw(a.id) for a in store.articles()],
        "stories": store.stories(), "relations": store.relations(),
        "groups": store.provenance_groups(), "assignments": store.assignments(),
        "headline_checks": store.headline_checks(),
        "extractions": {stage: store.extractions(stage) for stage in ("quotes", "claims")},
        "findings": {kind: store.finding_rows(kind) for kind in KINDS},
        "finding_keys": {kind: store.finding_keys(kind) for kind in KINDS},
        "annotations": {aid: (n.version, n.sentences, n.entities) for aid, n in notes.items()},
        "vectors": {aid: np.concatenate([n.vector, n.sentence_vectors.ravel(),
                                         n.lead_vector if n.lead_vector is not None else []])
                    for aid, n in notes.items()},
    }


def assert_same(a: dict, b: dict) -> None:
    vectors_a, vectors_b = a.pop("vectors"), b.pop("vectors")
    for key in a:
        assert a[key] == b[key], key
    assert vectors_a.keys() == vectors_b.keys()
    for aid in vectors_a:
        assert np.allclose(vectors_a[aid], vectors_b[aid], atol=1e-6), aid


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory, language):
    require_pg_url()
    path = tmp_path_factory.mktemp("e2e") / "seeds.db"
    with newsprism.open(path) as corpus:
        corpus.ingest(EXAMPLES)
        corpus.analyze(language)
    return path


def test_postgres_analysis_of_the_examples_equals_sqlite(sqlite_db, language):
    with scratch_schema() as (url, schema):
        with newsprism.open(schema_url(url, schema)) as corpus:
            report = corpus.ingest(EXAMPLES)
            assert len(report.ingested) == 5
            corpus.analyze(language)
            on_pg = snapshot(corpus.store)
            assert corpus.stories() and corpus.quotes() and corpus.claims()
        with newsprism.open(sqlite_db) as corpus:
            on_sqlite = snapshot(corpus.store)
    assert len(on_pg["articles"]) == 5 and on_pg["findings"]["quote"]
    assert_same(on_sqlite, on_pg)


def test_postgres_migrate_copies_every_table_once(sqlite_db):
    runner = CliRunner()
    with scratch_schema() as (url, schema):
        target = schema_url(url, schema)
        first = runner.invoke(app, ["migrate", "--from", str(sqlite_db), "--to", target, "--json"])
        assert first.exit_code == 0, first.output
        counts = json.loads(first.stdout)
        assert {c["table"] for c in counts} >= {"raw", "articles", "annotations", "extractions", "stories", "findings"}
        assert all(c["ok"] and c["source"] == c["target"] for c in counts)
        assert next(c for c in counts if c["table"] == "articles")["target"] == 5
        again = runner.invoke(app, ["migrate", "--from", str(sqlite_db), "--to", target, "--json"])
        assert again.exit_code == 0 and json.loads(again.stdout) == counts  # idempotent
        with newsprism.open(target) as pg, newsprism.open(sqlite_db) as lite:
            assert_same(snapshot(lite.store), snapshot(pg.store))
            assert [a.id for a in pg.search("Blinken Beijing")] and pg.store.nearest(
                next(iter(pg.store.annotations().values())).vector, limit=2)


def test_postgres_migrate_refuses_a_missing_file_and_a_path_target(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["migrate", "--from", str(tmp_path / "typo.db"), "--to", "postgresql://x@127.0.0.1/y"])
    assert missing.exit_code == 2 and "no such SQLite file" in missing.output
    assert not (tmp_path / "typo.db").exists()
    (tmp_path / "a.db").write_bytes(b"")
    not_url = runner.invoke(app, ["migrate", "--from", str(tmp_path / "a.db"), "--to", str(tmp_path / "b.db")])
    assert not_url.exit_code == 2 and "postgresql://" in not_url.output
