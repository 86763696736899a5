"""Store errors: the duplicate check and the insert are one transaction, and a full disk says so."""
from __future__ import annotations

import sqlite3

import pytest

from newsprism.errors import StoreError
from newsprism.model import Article, Block, RawArticle
from newsprism.store import SQLiteStore


def _article(article_id: str, body: str, url: str | None = None) -> Article:
    return Article(id=article_id, source="x.txt", url=url, canonical_url=url, headline="H", outlet=None,
                   byline=None, dateline=None, published=None, wire=None, language="en", text=body,
                   blocks=(Block(text=body),), removed=(), captions=(), provenance={}, stage_versions={})


def _raw(body: str) -> RawArticle:
    return RawArticle(source="x.txt", kind="text", body=body)


def test_store_add_new_stores_once(tmp_path):
    store = SQLiteStore(tmp_path / "t.db")
    assert store.add_new(_raw("one"), _article("a" * 16, "one", "https://x.org/1")) is None
    assert store.add_new(_raw("one"), _article("a" * 16, "one")) == "a" * 16
    assert store.add_new(_raw("two"), _article("b" * 16, "two", "https://x.org/1")) == "a" * 16
    assert store.count() == 1
    store.close()


def test_store_second_connection_sees_the_first_ones_insert(tmp_path):
    first, second = SQLiteStore(tmp_path / "t.db"), SQLiteStore(tmp_path / "t.db")
    assert first.add_new(_raw("one"), _article("a" * 16, "one")) is None
    assert second.add_new(_raw("one"), _article("a" * 16, "one")) == "a" * 16
    first.close()
    second.close()


def _full(tmp_path) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "full.db")
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # a disk with one page left
    return store


def test_store_full_disk_is_a_store_error_naming_the_file(tmp_path):
    store = _full(tmp_path)
    with pytest.raises(StoreError) as raised:
        for n in range(50):
            store.add_new(_raw(f"body {n} " * 500), _article(f"{n:016d}", f"body {n} " * 500))
    assert raised.value.reason == "database or disk is full"
    assert raised.value.path == str(tmp_path / "full.db")
    assert not store.conn.in_transaction


def test_store_full_disk_error_is_not_hidden_by_the_rollback(tmp_path):
    store = _full(tmp_path)
    with pytest.raises(sqlite3.OperationalError, match="database or disk is full"):
        for n in range(50):
            store.save_findings("quotes", [(f"q{n}-{i}", "story", {"text": "x" * 5000}) for i in range(n + 1)])


def test_store_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        SQLiteStore(path)


def test_store_locked_for_longer_than_the_busy_timeout(tmp_path, monkeypatch):
    import newsprism.store.sqlite as module

    monkeypatch.setattr(module, "BUSY_TIMEOUT_S", 0.1)
    store = SQLiteStore(tmp_path / "t.db")
    other = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer that never lets go
    try:
        with pytest.raises(StoreError) as raised:
            store.add_new(_raw("one"), _article("a" * 16, "one"))
        assert raised.value.reason == "database is locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
        store.close()


def test_store_search_with_nul_in_query_matches_the_words(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    store.add(_raw("harbour storm"), _article("a1", "The harbour closed before the storm."))
    assert [a.id for a in store.search("harbour\x00storm")] == ["a1"]
    assert [h.article.id for h in store.search_hits("\x00harbour")] == ["a1"]
    assert store.search_hits("\x00") == store.search_hits("")
    store.close()
