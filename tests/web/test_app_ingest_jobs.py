"""Adding articles from the browser: a URL on a local server (allowed with ``allow_private``), a file
upload, and the JSON API; each runs as a background job whose progress the page polls."""
from __future__ import annotations

import re

from starlette.testclient import TestClient

import newsprism
from newsprism.web import create_app


def _csrf(client: TestClient) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/add").text).group(1)


def _finished(client: TestClient, status_url: str) -> dict:
    job = client.app.state.web.jobs.wait(status_url.rsplit("/", 1)[1], timeout=120)
    assert job is not None
    return client.get(status_url).json()


def test_a_pasted_url_is_ingested_in_the_background_and_shows_up(fresh_db, news_site):
    url = f"{news_site}/news/blinken-xi.html"
    with TestClient(create_app(fresh_db, allow_private=True, analyze=False)) as client:
        answer = client.post("/add", data={"urls": url, "csrf": _csrf(client)}, headers={"Accept": "application/json"})
        assert answer.status_code == 202
        job = _finished(client, answer.json()["status_url"])
        assert job["state"] == "done" and len(job["ingested"]) == 1 and not job["failed"]
        [article_id] = job["ingested"]
        page = client.get(answer.json()["page"])
        assert page.status_code == 200 and "Blinken presses Xi" in page.text
        assert client.get(f"/articles/{article_id}.html").status_code == 200
        hits = client.get("/api/articles", params={"q": "machine tools microelectronics"}).json()
        assert article_id in [h["id"] for h in hits]
        again = client.post("/add", data={"urls": url, "csrf": _csrf(client)}, headers={"Accept": "application/json"})
        assert _finished(client, again.json()["status_url"])["duplicates"] == [article_id]


def test_the_form_without_javascript_redirects_to_the_job_page(fresh_db, news_site):
    with TestClient(create_app(fresh_db, allow_private=True, analyze=False)) as client:
        answer = client.post("/add", data={"urls": f"{news_site}/news/blinken-xi.html", "csrf": _csrf(client)},
                             follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/jobs/")
        client.app.state.web.jobs.wait(answer.headers["location"].rsplit("/", 1)[1])
        assert "Blinken presses Xi" in client.get(answer.headers["location"]).text


def test_an_uploaded_file_is_ingested(fresh_db, new_article_html):
    with TestClient(create_app(fresh_db, analyze=False)) as client:
        answer = client.post("/add", data={"csrf": _csrf(client)}, headers={"Accept": "application/json"},
                             files={"files": ("../../evil name.html", new_article_html.encode(), "text/html")})
        assert answer.status_code == 202
        job = _finished(client, answer.json()["status_url"])
        assert job["state"] == "done" and len(job["ingested"]) == 1
        assert all("/" not in name and " " not in name for name in job["inputs"])
    with newsprism.open(fresh_db) as corpus:
        assert len(corpus) == 6


def test_the_api_ingests_with_the_bearer_token_and_no_csrf(fresh_db, news_site):
    with TestClient(create_app(fresh_db, token="t0ken", allow_private=True, analyze=False)) as client:
        client.headers["Authorization"] = "Bearer t0ken"
        answer = client.post("/api/ingest", json={"urls": [f"{news_site}/news/blinken-xi.html"]})
        assert answer.status_code == 202
        assert _finished(client, answer.json()["status_url"])["state"] == "done"
        assert client.post("/api/ingest", json={"urls": "not a list"},
                           headers={"Authorization": "Bearer t0ken"}).status_code == 400


def test_an_empty_form_is_refused(client):
    answer = client.post("/add", data={"csrf": _csrf(client)}, headers={"Accept": "application/json"})
    assert answer.status_code == 400 and "nothing to add" in answer.json()["error"]


def test_an_ingest_job_with_analysis_puts_the_article_in_its_story(fresh_db, news_site, language):
    with TestClient(create_app(fresh_db, allow_private=True, language=language)) as client:
        answer = client.post("/add", data={"urls": f"{news_site}/news/blinken-xi.html", "csrf": _csrf(client)},
                             headers={"Accept": "application/json"})
        job = _finished(client, answer.json()["status_url"])
        assert job["state"] == "done", job
        [article_id] = job["ingested"]
        stories = client.get("/api/stories").json()
        assert any(article_id in s["articles"] for s in stories)
