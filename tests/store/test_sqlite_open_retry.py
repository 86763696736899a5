"""Opening a new SQLite store retries its set-up while another process creating the same file
holds a lock that SQLite's busy timeout does not wait for."""
import sqlite3

import pytest

from newsprism.store import sqlite as sqlite_store


def test_open_retries_a_locked_migration(tmp_path, monkeypatch):
    real = sqlite_store.migrate
    calls = []

    def locked_once(conn):
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return real(conn)

    monkeypatch.setattr(sqlite_store, "migrate", locked_once)
    store = sqlite_store.SQLiteStore(tmp_path / "new.db")
    assert len(calls) == 2
    assert store.conn.execute("SELECT count(*) FROM migrations").fetchone()[0] > 0


def test_open_does_not_retry_other_errors(tmp_path, monkeypatch):
    def broken(conn):
        raise sqlite3.OperationalError("no such table: nothing")

    monkeypatch.setattr(sqlite_store, "migrate", broken)
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        sqlite_store.SQLiteStore(tmp_path / "new.db")
