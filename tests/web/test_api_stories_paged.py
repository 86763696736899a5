"""``/api/stories`` answers a page (``STORIES_LIMIT`` unless ``limit`` / ``offset`` are given),
equal to ``newsprism stories --json --limit N --offset M``, and says the total in a header."""
from __future__ import annotations

import json
from dataclasses import replace

import newsprism
from starlette.testclient import TestClient
from typer.testing import CliRunner

from newsprism.cli import app as cli
from newsprism.web import app as web_app, create_app


def _cli(db, *args: str):
    result = CliRunner().invoke(cli, ["stories", "--db", str(db), "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _five_stories(db) -> None:
    """The seeds' one story under five ids (each with its own event ids)."""
    with newsprism.open(db) as corpus:
        [story] = corpus.stories()
        copies = [replace(story, id=f"{story.id}-{n}", title=f"{story.title} {n}",
                          events=tuple(replace(e, id=f"{e.id}-{n}") for e in story.events)) for n in range(5)]
        corpus.store.save_analysis(corpus.relations(), corpus.provenance_groups(), [], copies)


def test_api_stories_pages_equal_the_cli_pages(fresh_db, monkeypatch):
    _five_stories(fresh_db)
    monkeypatch.setattr(web_app, "STORIES_LIMIT", 2)
    every = _cli(fresh_db)
    assert len(every) == 5
    with TestClient(create_app(fresh_db, analyze=False)) as client:
        first = client.get("/api/stories")
        assert first.json() == every[:2] == _cli(fresh_db, "--limit", "2")
        assert first.headers["x-total-count"] == "5"
        assert client.get("/api/stories", params={"offset": 2}).json() == every[2:4] == \
            _cli(fresh_db, "--limit", "2", "--offset", "2")
        assert client.get("/api/stories", params={"limit": 10, "offset": 3}).json() == every[3:] == \
            _cli(fresh_db, "--offset", "3")
        assert client.get("/api/stories", params={"offset": 9}).json() == []
        assert client.get("/api/stories", params={"limit": 0}).status_code == 400
