"""The CLI: ``watch --once``, ``alerts``, ``follow`` and ``unfollow``."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Story
from newsprism.store import SQLiteStore
from newsprism.watch import Alert
from watchkit import RSS_TYPE, item, page, rss

runner = CliRunner()


def test_cli_watch_once_ingests_and_exit_code_says_if_a_feed_failed(feeds, tmp_path):
    feeds.route("/a/1.html", page(1))
    good = feeds.route("/feed.xml", rss([item(guid="g1", link=feeds.url("/a/1.html"))]), content_type=RSS_TYPE)
    (tmp_path / "feeds.txt").write_text(f"# desk\n{good}\n")
    db = tmp_path / "w.db"
    common = ["--once", "--no-analyze", "--allow-private", "--host-delay", "0", "--db", str(db)]
    result = runner.invoke(app, ["watch", str(tmp_path / "feeds.txt"), *common])
    assert result.exit_code == 0, result.output
    assert "1 new article(s)" in result.output and SQLiteStore(db).count() == 1
    down = feeds.route("/down.xml", "x", status=503, content_type="text/plain")
    result = runner.invoke(app, ["watch", good, down, *common])
    assert result.exit_code == 1 and "503" in result.output and "feed.xml: 0 new, 0 already stored" in result.output


def test_cli_watch_refuses_private_addresses_and_bad_arguments(feeds, tmp_path):
    url = feeds.route("/feed.xml", rss([]), content_type=RSS_TYPE)
    db = str(tmp_path / "w.db")
    result = runner.invoke(app, ["watch", url, "--once", "--host-delay", "0", "--db", db])
    assert result.exit_code == 1 and "refused loopback address" in result.output
    assert runner.invoke(app, ["watch", url, "--every", "soon", "--db", db]).exit_code == 2
    result = runner.invoke(app, ["watch", url, "--alert", "gossip", "--db", db])
    assert result.exit_code == 2 and "unknown alert kind 'gossip'" in result.output
    assert runner.invoke(app, ["watch", str(tmp_path / "nope.opml"), "--db", db]).exit_code == 2
    result = runner.invoke(app, ["watch", url, "--smtp", "localhost:25", "--db", db])
    assert result.exit_code == 2 and "--mail-to" in result.output


def test_cli_alerts_lists_and_prints_json(tmp_path):
    db = tmp_path / "w.db"
    store = SQLiteStore(db)
    store.save_alerts([Alert(key="k1", kind="contested-claim", message="contested claim “[x]”", event="e1"),
                       Alert(key="k2", kind="new-event", message="new event", story="s1")])
    store.close()
    result = runner.invoke(app, ["alerts", "--db", str(db), "--json"])
    assert [a["key"] for a in json.loads(result.stdout)] == ["k1", "k2"]
    assert Alert.from_dict(json.loads(result.stdout)[0]).message == "contested claim “[x]”"
    table = runner.invoke(app, ["alerts", "--db", str(db), "--limit", "1"]).stdout
    assert "new event" in table and "contested" not in table


def test_cli_follow_and_unfollow(tmp_path):
    db = tmp_path / "w.db"
    store = SQLiteStore(db)
    store.save_analysis([], [], [], [Story(id="s1234567890", title="Dam", articles=(), outlets=(),
                                           independent_sources=0, start=None, end=None, events=())])
    store.close()
    assert "no story followed" in runner.invoke(app, ["follow", "--db", str(db)]).stdout
    assert runner.invoke(app, ["follow", "s123", "--db", str(db)]).exit_code == 0
    assert json.loads(runner.invoke(app, ["follow", "--json", "--db", str(db)]).stdout) == [
        {"id": "s1234567890", "title": "Dam"}]
    assert runner.invoke(app, ["follow", "nope", "--db", str(db)]).exit_code == 2
    assert runner.invoke(app, ["unfollow", "s12", "--db", str(db)]).exit_code == 0
    assert SQLiteStore(db).followed() == []
    assert runner.invoke(app, ["unfollow", "s12", "--db", str(db)]).exit_code == 2
