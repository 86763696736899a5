"""Every page of the web app over the analysed seeds: the story index, search with each filter and
its snippets, the report's story, event and article pages, the add and alerts pages, exports."""
from __future__ import annotations

import csv
import io
import json
import re

import newsprism
from typer.testing import CliRunner

from newsprism.cli import app as cli
from newsprism.report.data import slug


def _story(web_db):
    with newsprism.open(web_db) as corpus:
        [story] = corpus.stories()
        return story, {a.id: a for a in corpus.articles()}


def test_home_lists_stories_by_coverage_and_recency(client, web_db):
    story, _ = _story(web_db)
    for order in ("coverage", "recent"):
        page = client.get(f"/?sort={order}")
        assert page.status_code == 200
        assert f'href="stories/{slug(story.id)}.html"' in page.text
        assert "independent source" in page.text
    assert client.get("/index.html").status_code == 200


def test_search_ranks_matches_and_marks_them_in_snippets(client):
    page = client.get("/search", params={"q": "fentanyl"})
    assert page.status_code == 200
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', page.text, re.S)
    assert snippets and all("<mark>fentanyl</mark>" in s.lower() for s in snippets)


def test_search_filters_by_outlet_date_story_language_and_flag(client, web_db):
    story, articles = _story(web_db)
    named = next(a for a in articles.values() if a.outlet and a.published)

    def ids(**params) -> set[str]:
        page = client.get("/search", params=params)
        assert page.status_code == 200
        return set(re.findall(r'href="articles/([^"]+)\.html"', page.text))

    assert ids(outlet=named.outlet) == {a.id for a in articles.values() if a.outlet == named.outlet}
    day = named.published[:10]
    assert ids(since=day, until=day) == {a.id for a in articles.values() if (a.published or "")[:10] == day}
    assert ids(story=story.id) == set(story.articles)
    assert ids(language="en") == {a.id for a in articles.values() if a.language == "en"}
    assert ids(language="xx") == set()
    assert ids(q="Blinken", outlet=named.outlet) <= {a.id for a in articles.values() if a.outlet == named.outlet}
    flagged = {item.id: item.flags for e in story.events for item in e.articles if item.flags}
    if flagged:
        flag = next(iter(flagged.values()))[0]
        assert ids(flag=flag) == {aid for aid, flags in flagged.items() if flag in flags}


def test_search_refuses_a_bad_date_with_400(client):
    assert client.get("/search", params={"since": "2024-13-45"}).status_code == 400
    assert client.get("/search", params={"until": "yesterday"}).status_code == 400
    assert client.get("/search", params={"page": "0"}).status_code == 400


def test_story_event_and_article_pages_are_the_reports(client, web_db):
    story, articles = _story(web_db)
    page = client.get(f"/stories/{slug(story.id)}.html")
    assert page.status_code == 200 and story.title in page.text.replace("&#39;", "'")
    assert 'id="quotes-h"' in page.text and 'href="../style.css"' in page.text
    for event in story.events:
        event_page = client.get(f"/events/{slug(event.id)}.html")
        assert event_page.status_code == 200 and 'id="claims-h"' in event_page.text
    for article in articles.values():
        article_page = client.get(f"/articles/{slug(article.id)}.html")
        assert article_page.status_code == 200 and 'aria-label="Clean article text"' in article_page.text


def test_unknown_pages_answer_404(client):
    for path in ("/stories/nope.html", "/events/nope.html", "/articles/nope.html", "/jobs/nope"):
        assert client.get(path).status_code == 404


def test_add_alerts_login_and_static_pages_render(client):
    add = client.get("/add")
    assert add.status_code == 200 and 'name="csrf"' in add.text and 'type="file"' in add.text
    assert client.get("/alerts").status_code == 200
    assert client.get("/login").status_code == 200
    assert client.get("/style.css").headers["content-type"].startswith("text/css")
    assert "poll" in client.get("/static/app.js").text


def test_pages_send_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"


def test_exports_articles_quotes_and_claims_as_csv_and_json(client, web_db):
    story, articles = _story(web_db)
    rows = json.loads(client.get("/export/articles.json").text)
    assert {r["id"] for r in rows} == set(articles)
    table = list(csv.DictReader(io.StringIO(client.get("/export/articles.csv").text)))
    assert {r["id"] for r in table} == set(articles)
    with newsprism.open(web_db) as corpus:
        quotes, claims = corpus.quotes(story.id), corpus.claims(story.events[0].id)
    assert len(json.loads(client.get("/export/quotes.json", params={"story": story.id}).text)) == len(quotes)
    quote_rows = list(csv.DictReader(io.StringIO(client.get("/export/quotes.csv").text)))
    assert [r["id"] for r in quote_rows] == [q.id for q in quotes]
    claim_rows = list(csv.DictReader(io.StringIO(client.get("/export/claims.csv",
                                                            params={"event": story.events[0].id}).text)))
    assert [r["id"] for r in claim_rows] == [c.id for c in claims]
    assert client.get("/export/quotes.csv", params={"story": "nope"}).status_code == 404
    assert client.get("/export/secrets.csv").status_code == 404


def test_healthz_answers_200_with_the_count(client, web_db):
    answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.json() == {"ok": True, "articles": 5}


def test_csv_cells_never_start_a_spreadsheet_formula():
    from newsprism.web.app import _csv

    rows = list(csv.reader(io.StringIO(_csv([{"id": "=HYPERLINK(\"x\")", "text": "+1", "flags": ["a"]}],
                                              ["id", "text", "flags"]))))
    assert rows == [["id", "text", "flags"], ["'=HYPERLINK(\"x\")", "'+1", '["a"]']]


def test_alerts_page_and_api_show_the_stores_alerts(fresh_db):
    from starlette.testclient import TestClient

    from newsprism.watch.records import Alert
    from newsprism.web import create_app

    story, articles = _story(fresh_db)
    with newsprism.open(fresh_db) as corpus:
        corpus.store.save_alerts([Alert(key="k1", kind="new-event", message="A <b>new</b> event in a followed story",
                                        story=story.id, event=story.events[0].id, articles=(next(iter(articles)),))])
    with TestClient(create_app(fresh_db, analyze=False)) as client:
        [alert] = client.get("/api/alerts").json()
        assert alert["key"] == "k1" and alert["story"] == story.id and alert["raised_at"]
        assert client.get("/api/alerts", params={"since": alert["raised_at"]}).json() == []
        cli_json = CliRunner().invoke(cli, ["alerts", "--db", str(fresh_db), "--json"]).stdout
        assert client.get("/api/alerts").json() == json.loads(cli_json)
        page = client.get("/alerts").text
        assert "A &lt;b&gt;new&lt;/b&gt; event" in page and f'href="stories/{slug(story.id)}.html"' in page
