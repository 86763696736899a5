"""Each ``/api/`` answer equals the matching CLI ``--json`` output, byte for byte once parsed."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import newsprism
from newsprism.cli import app as cli


def _cli(web_db, *args: str):
    result = CliRunner().invoke(cli, [*args, "--db", str(web_db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def ids(web_db):
    with newsprism.open(web_db) as corpus:
        [story] = corpus.stories()
        return {"story": story.id, "events": [e.id for e in story.events], "article": story.articles[0]}


def test_api_stories_equals_cli_stories(client, web_db):
    assert client.get("/api/stories").json() == _cli(web_db, "stories")


def test_api_story_equals_cli_story_by_id_and_prefix(client, web_db, ids):
    expected = _cli(web_db, "story", ids["story"])
    assert client.get(f"/api/stories/{ids['story']}").json() == expected
    assert client.get(f"/api/stories/{ids['story'][:6]}").json() == expected
    assert client.get("/api/stories/nope").status_code == 404


def test_api_articles_equals_cli_articles_and_search(client, web_db):
    assert client.get("/api/articles").json() == _cli(web_db, "articles")
    assert client.get("/api/articles", params={"all": "true"}).json() == _cli(web_db, "articles", "--all")
    assert client.get("/api/articles", params={"q": "Russia weapons"}).json() == _cli(web_db, "search", "Russia weapons")
    assert client.get("/api/articles", params={"q": "China", "limit": 2}).json() == \
        _cli(web_db, "search", "China", "--limit", "2")


def test_api_articles_filters(client, web_db):
    every = _cli(web_db, "articles")
    outlet = next(a["outlet"] for a in every if a["outlet"])
    assert client.get("/api/articles", params={"outlet": outlet}).json() == [a for a in every if a["outlet"] == outlet]
    day = next(a["published"][:10] for a in every if a["published"])
    assert client.get("/api/articles", params={"since": day, "until": day}).json() == \
        [a for a in every if (a["published"] or "")[:10] == day]
    assert client.get("/api/articles", params={"since": "not a date"}).status_code == 400


def test_api_article_equals_cli_show(client, web_db, ids):
    assert client.get(f"/api/articles/{ids['article']}").json() == _cli(web_db, "show", ids["article"])
    assert client.get("/api/articles/zzzzzzzz").status_code == 404


def test_api_quotes_equals_cli_quotes(client, web_db, ids):
    assert client.get("/api/quotes").json() == _cli(web_db, "quotes")
    assert client.get("/api/quotes", params={"story": ids["story"]}).json() == _cli(web_db, "quotes", ids["story"])
    assert client.get("/api/quotes", params={"story": "nope"}).status_code == 404


def test_api_claims_equals_cli_claims(client, web_db, ids):
    assert client.get("/api/claims").json() == _cli(web_db, "claims")
    for event in ids["events"]:
        assert client.get("/api/claims", params={"event": event}).json() == _cli(web_db, "claims", event)
    assert client.get("/api/claims", params={"event": "nope"}).status_code == 404


def test_api_alerts_equals_cli_alerts(client, web_db):
    assert client.get("/api/alerts").json() == _cli(web_db, "alerts")
    assert client.get("/api/alerts", params={"limit": 0}).status_code == 400


def test_openapi_spec_names_every_api_path(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/quotes", "/api/claims",
                 "/api/alerts", "/healthz"):
        assert path in spec["paths"]
