"""Pages and /api/stories are rendered once per snapshot: the same answer again until the snapshot
is replaced, and a fresh one after (the app's own ingest, or a rebuild)."""
from __future__ import annotations

import newsprism
from starlette.testclient import TestClient

from newsprism.report.data import slug
from newsprism.web import create_app, state


def test_snapshot_makes_each_answer_once_and_keeps_the_latest(monkeypatch):
    monkeypatch.setattr(state, "CACHED_ANSWERS", 2)
    snap = state.Snapshot(articles=[], stories=[], groups=[], relations=[], checks={}, data=None, index=None)
    made: list[str] = []

    def make(key: str):
        return lambda: made.append(key) or key.encode()

    assert snap.cached("a", make("a")) == b"a" and snap.cached("a", make("a")) == b"a" and made == ["a"]
    snap.cached("b", make("b"))
    snap.cached("a", make("a"))  # used: "b" is now the oldest
    snap.cached("c", make("c"))
    assert list(snap.answers) == ["a", "c"]
    snap.cached("b", make("b"))
    assert made == ["a", "b", "c", "b"]


def test_pages_and_stories_api_answered_from_the_snapshot_until_it_changes(fresh_db):
    with newsprism.open(fresh_db) as corpus:
        [story] = corpus.stories()
    app = create_app(fresh_db, analyze=False)
    with TestClient(app) as client:
        stories = app.state.web.stores
        page = client.get(f"/stories/{slug(story.id)}.html")
        api = client.get("/api/stories")
        snap = stories.snapshot()
        assert {f"/stories/{slug(story.id)}.html?", "/api/stories"} <= set(snap.answers)
        assert client.get(f"/stories/{slug(story.id)}.html").content == page.content
        assert client.get("/api/stories").content == api.content
        assert client.get("/stories/nope.html").status_code == 404  # not kept
        with newsprism.open(fresh_db) as corpus:
            corpus.store.save_analysis([], [], [], [])
        assert client.get("/api/stories").json() == api.json()  # the snapshot's, until replaced
        stories.invalidate()
        assert client.get("/api/stories").json() == []
        assert client.get(f"/stories/{slug(story.id)}.html").status_code == 404
