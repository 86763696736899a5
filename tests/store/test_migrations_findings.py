"""Migration 0006: findings written before it (reuse keys inside the JSON payload, "<kind>-key"
pseudo-findings) read back as records with kind, scope, version and reuse key as columns."""
from __future__ import annotations

import json
import sqlite3

from newsprism.store import SQLiteStore, migrations


def _old_store(path, monkeypatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", [m for m in migrations.MIGRATIONS if m[0] < "0006"])
        conn = sqlite3.connect(path, isolation_level=None)
        migrations.migrate(conn)
    claim = {"id": "c1", "text": "The dam failed.", "status": "single-source", "independent_sources": 1,
             "carried_by": [{"article": "a", "text": "The dam failed.", "start": 0, "end": 15}],
             "contradicted_by": [], "event": "e1", "details": {}}
    rows = [("claim", "c1", "e1", 0, claim),
            ("claim-key", "e1", "e1", 0, {"event": "e1", "key": "k-e1"}),
            ("claim-key", "e2", "e2", 1, {"event": "e2", "key": "k-e2"}),  # an event without claims
            ("summary", "s1", "s1", 0, {"id": "s1", "key": "k-s1", "summary": "One.",
                                        "sentences": [{"text": "One.", "citations": ["a"], "independent_sources": 1}]}),
            ("framing", "s1", "s1", 0, {"key": "k-f1", "story": "s1", "version": "f", "outlets": [], "groups": []})]
    conn.executemany("INSERT INTO findings(kind, id, scope, position, data) VALUES (?, ?, ?, ?, ?)",
                     [(k, i, s, p, json.dumps(d)) for k, i, s, p, d in rows])
    conn.close()


def test_migration_moves_reuse_keys_into_columns(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    _old_store(path, monkeypatch)
    store = SQLiteStore(path)
    try:
        assert store.finding_keys("claim") == {"e1": "k-e1", "e2": "k-e2"}
        assert store.finding_keys("summary") == {"s1": "k-s1"} and store.finding_keys("framing") == {"s1": "k-f1"}
        assert [r.reuse_key for r in store.finding_rows("claim")] == ["k-e1"]
        assert store.findings("claim")[0].text == "The dam failed."
        assert store.finding("summary", "s1").to_dict() == {
            "summary": "One.", "sentences": [{"text": "One.", "citations": ["a"], "independent_sources": 1}]}
        assert store.findings("framing", reuse_keys=["k-f1"])[0].story == "s1"
        kinds = {r[0] for r in store.conn.execute("SELECT DISTINCT kind FROM findings")}
        assert kinds == {"claim", "summary", "framing"}  # the pseudo-findings are gone
    finally:
        store.close()
