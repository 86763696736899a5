"""The web app's guards: the token, CSRF on every write, escaping of hostile text, the SSRF rules
of ingest for URLs pasted in the browser, loopback-only Host names, and ``serve`` refusing to
listen off loopback without a token."""
from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

import newsprism
from newsprism.cli import app as cli
from newsprism.web import create_app
from newsprism.web.security import CSRF_COOKIE

TOKEN = "s3cret-token-for-tests"
HOSTILE = '<script>alert("x")</script> & "quotes" <img src=x onerror=alert(1)>'


def _csrf(client: TestClient, path: str = "/add") -> str:
    page = client.get(path)
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


@pytest.fixture
def guarded(web_db):
    with TestClient(create_app(web_db, token=TOKEN, analyze=False)) as client:
        yield client


def test_a_token_guards_every_page_and_endpoint_but_healthz(guarded):
    assert guarded.get("/healthz").status_code == 200
    for path in ("/api/stories", "/api/articles", "/api/quotes", "/export/articles.csv"):
        assert guarded.get(path).status_code == 401
    page = guarded.get("/search", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login"
    assert guarded.get("/api/stories", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert guarded.get("/api/stories", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_login_sets_a_session_cookie_and_a_wrong_token_is_refused(guarded):
    csrf = _csrf(guarded, "/login")
    assert guarded.post("/login", data={"token": "wrong", "csrf": csrf}).status_code == 403
    answer = guarded.post("/login", data={"token": TOKEN, "csrf": csrf}, follow_redirects=False)
    assert answer.status_code == 303
    assert TOKEN not in answer.headers["set-cookie"]  # the cookie proves the token without holding it
    assert guarded.get("/api/stories").status_code == 200
    assert guarded.get("/search").status_code == 200


def test_writes_need_the_token_even_with_a_csrf_token(guarded):
    answer = guarded.post("/api/ingest", json={"urls": ["https://example.com/"]})
    assert answer.status_code == 401
    guarded.cookies.set(CSRF_COOKIE, "x")
    form = guarded.post("/add", data={"urls": "https://example.com/", "csrf": "x"}, headers={"Accept": "application/json"})
    assert form.status_code == 401


def test_forms_refuse_a_missing_or_wrong_csrf_token_and_a_foreign_origin(client):
    data = {"urls": "https://example.com/news.html"}
    accept = {"Accept": "application/json"}
    assert client.post("/add", data=data, headers=accept).status_code == 403
    csrf = _csrf(client)
    assert client.post("/add", data={**data, "csrf": csrf + "x"}, headers=accept).status_code == 403
    foreign = client.post("/add", data={**data, "csrf": csrf}, headers={**accept, "Origin": "https://evil.example"})
    assert foreign.status_code == 403 and "cross-origin" in foreign.json()["error"]
    assert client.post("/api/ingest", json={"urls": ["https://example.com/"]}).status_code == 403


def test_pasted_urls_follow_ingests_ssrf_rules(client):
    csrf = _csrf(client)
    accept = {"Accept": "application/json", "X-CSRF-Token": csrf}
    for url in ("http://127.0.0.1:9/", "http://localhost/admin", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/", "http://10.0.0.1/"):
        answer = client.post("/add", data={"urls": url}, headers=accept)
        assert answer.status_code == 400, url
        assert "allow-private" in answer.json()["error"], answer.json()
    for thing in ("/etc/passwd", "file:///etc/passwd", "ftp://example.com/x"):
        answer = client.post("/add", data={"urls": thing}, headers=accept)
        assert answer.status_code == 400 and "only http(s)" in answer.json()["error"]


def test_hostile_headlines_render_inert_everywhere(tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(f"<html><head><title>{HOSTILE.replace('&', '&amp;').replace('<', '&lt;')}</title></head><body>"
                    f"<h1>{HOSTILE.replace('&', '&amp;').replace('<', '&lt;')}</h1>"
                    + "<p>The council met on Tuesday to discuss the new budget for the harbour district. " * 8
                    + "</p></body></html>", encoding="utf-8")
    db = tmp_path / "hostile.db"
    with newsprism.open(db) as corpus:
        corpus.ingest(page)
        [article] = list(corpus.articles())
    assert "<script>" in (article.headline or "")
    with TestClient(create_app(db, analyze=False)) as client:
        for path in ("/", "/search?q=council", f"/articles/{article.id}.html", "/search?q=%3Cscript%3E"):
            html = client.get(path).text
            assert "<script>alert" not in html and "<img src=x" not in html, path
        assert "&lt;script&gt;alert" in client.get(f"/articles/{article.id}.html").text


def test_a_loopback_server_answers_only_loopback_host_names(web_db):
    app = create_app(web_db, analyze=False, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/healthz").status_code == 200
        assert client.get("/healthz", headers={"Host": "rebound.example"}).status_code == 400


def test_serve_refuses_to_listen_off_loopback_without_a_token(web_db, monkeypatch):
    import uvicorn

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append(options))
    monkeypatch.delenv("NEWSPRISM_TOKEN", raising=False)
    refused = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "without a token" in refused.output and not started
    ok = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--host", "0.0.0.0", "--token", TOKEN])
    assert ok.exit_code == 0 and started[-1] == {"host": "0.0.0.0", "port": 8000, "log_level": "warning"}
    local = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--port", "8123"])
    assert local.exit_code == 0 and started[-1]["host"] == "127.0.0.1"
