"""``newsprism serve --workers N``: N uvicorn processes, each building the app from the environment."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import httpx
from starlette.testclient import TestClient
from typer.testing import CliRunner

from newsprism.cli import app as cli
from newsprism.web import app as web_app

TOKEN = "workers-token-0123456789"


def test_serve_with_workers_hands_uvicorn_the_factory_and_the_options(web_db, monkeypatch):
    import uvicorn

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append((app, options)))
    for name in (web_app.SERVE_OPTIONS_ENV, "NEWSPRISM_TOKEN"):  # set by serve: removed again after the test
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    ok = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--workers", "3", "--token", TOKEN])
    assert ok.exit_code == 0, ok.output
    target, options = started[-1]
    assert target == web_app.SERVE_FACTORY and options["factory"] and options["workers"] == 3
    assert os.environ["NEWSPRISM_TOKEN"] == TOKEN
    assert json.loads(os.environ[web_app.SERVE_OPTIONS_ENV])["db"] == str(web_db)
    with TestClient(web_app.app_from_environment(), base_url="http://127.0.0.1") as client:
        assert client.get("/api/stories").status_code == 401  # the token came through
        assert client.get("/api/stories", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert client.get("/healthz", headers={"Host": "rebound.example"}).status_code == 400  # loopback only
    assert CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--workers", "0"]).exit_code == 2


def test_serve_with_two_workers_answers_on_one_port(web_db):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "NEWSPRISM_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-c", "from newsprism.cli import app; app()", "serve", "--db", str(web_db), "--port", str(port),
                             "--workers", "2"], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, answers = time.monotonic() + 90, []
        while time.monotonic() < deadline and len(answers) < 4:
            try:
                answers.append(httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=30).json())
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                time.sleep(0.3)
        assert len(answers) == 4 and all(a == answers[0] and a for a in answers)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
