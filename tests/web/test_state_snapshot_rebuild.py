"""The web snapshot: a stale one is served while a background thread builds the next; an
invalidated one (the app's own ingest) is rebuilt before the next page is served."""
from __future__ import annotations

import time

from newsprism.model import Article, Block, RawArticle
from newsprism.store import SQLiteStore
from newsprism.web import state


def _add(path, n: int) -> None:
    store = SQLiteStore(path)
    text = f"Article number {n} says something new about the harbour."
    url = f"https://example.test/{n}"
    store.add(RawArticle(source=url, kind="text", body=text, url=url, title=f"Headline {n}"),
              Article(id=f"a{n:03d}", source=url, url=url, canonical_url=url, headline=f"Headline {n}",
                      outlet="Example", byline=None, dateline=None, published="2024-01-01", wire=None,
                      language="en", text=text, blocks=(Block(text=text),), provenance={}, stage_versions={}))
    store.close()


def _wait_for(predicate, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_stale_snapshot_served_while_rebuilt_in_background(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    _add(path, 1)
    stores = state.Stores(path)
    first = stores.snapshot()
    assert len(first.articles) == 1
    _add(path, 2)
    monkeypatch.setattr(state, "SNAPSHOT_TTL_S", 0.0)
    # stale: the old snapshot comes back at once, the new one replaces it when built
    assert stores.snapshot() is first
    assert _wait_for(lambda: len(stores.snapshot().articles) == 2)
    stores.close()


def test_invalidated_snapshot_rebuilt_before_next_page(tmp_path):
    path = tmp_path / "s.db"
    _add(path, 1)
    stores = state.Stores(path)
    assert len(stores.snapshot().articles) == 1
    _add(path, 2)
    assert len(stores.snapshot().articles) == 1  # fresh for SNAPSHOT_TTL_S
    stores.invalidate()
    assert len(stores.snapshot().articles) == 2
    stores.close()


def test_rebuild_waits_several_build_times(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    _add(path, 1)
    snap = state.Stores(path).snapshot()
    monkeypatch.setattr(state, "SNAPSHOT_TTL_S", 0.0)
    snap.built, snap.cost = time.monotonic(), 10.0
    assert not snap.stale  # built just now, took 10 s: not rebuilt for REBUILD_COST_FACTOR * 10 s
    snap.built -= state.REBUILD_COST_FACTOR * 10.0
    assert snap.stale
