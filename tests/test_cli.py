"""The CLI end to end on the bundled example corpus (real pipeline, no network)."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

runner = CliRunner()
EXAMPLES = Path(str(resources.files("newsprism") / "examples" / "blinken"))
LISTING_FIELDS = {"id", "url", "outlet", "headline", "byline", "published", "dateline", "wire", "language"}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "seeds.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "ingested 5, duplicates 0, failed 0" in result.output
    return path


def test_cli_reingest_stores_nothing_twice(db):
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0
    assert "ingested 0, duplicates 5, failed 0" in result.output


def test_cli_articles_json_has_the_listing_fields(db):
    result = runner.invoke(app, ["articles", "--db", str(db), "--json"])
    rows = json.loads(result.stdout)
    assert len(rows) == 5
    assert all(LISTING_FIELDS <= set(row) for row in rows)
    assert {row["wire"] for row in rows} >= {"AFP", "Reuters"}


def test_cli_show_json_adds_text_and_removed(db):
    rows = json.loads(runner.invoke(app, ["articles", "--db", str(db), "--json"]).stdout)
    afp = next(row for row in rows if row["wire"] == "AFP")
    shown = json.loads(runner.invoke(app, ["show", afp["id"][:6], "--db", str(db), "--json"]).stdout)
    assert LISTING_FIELDS | {"text", "removed"} <= set(shown)
    assert "Related Links" in shown["removed"]
    assert "\n\n" in shown["text"] and "Related Links" not in shown["text"]


def test_cli_show_unknown_id_fails_clearly(db):
    result = runner.invoke(app, ["show", "ffffffffffff", "--db", str(db)])
    assert result.exit_code == 2
    assert "no article with id" in result.output


def test_cli_ingest_failure_sets_exit_status_and_names_input(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    good = tmp_path / "good.txt"
    good.write_text((EXAMPLES / "003_3370ff8a36d960a3.txt").read_text())
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    assert "ingested 1, duplicates 0, failed 1" in result.output


def test_cli_report_writes_pages(db, tmp_path):
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "r")])
    assert result.exit_code == 0
    assert (tmp_path / "r" / "index.html").exists()
    assert len(list((tmp_path / "r" / "articles").glob("*.html"))) == 5


def test_cli_search_finds_by_word(db):
    rows = json.loads(runner.invoke(app, ["search", "nitrocellulose", "--db", str(db), "--json"]).stdout)
    assert len(rows) == 1 and rows[0]["wire"] == "Reuters"


def test_cli_demo_runs(tmp_path):
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "d.db"), "--out", str(tmp_path / "rep")])
    assert result.exit_code == 0, result.output
    assert "report:" in result.output and (tmp_path / "rep" / "index.html").exists()


def test_cli_every_command_has_help():
    for command in ("ingest", "articles", "show", "search", "report", "reclean", "demo"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "--db" in result.output


def test_cli_summarize_cites_every_sentence():
    result = runner.invoke(app, ["summarize", str(EXAMPLES), "--words", "120", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    ids = {a["id"] for a in summary["articles"]}
    assert len(ids) == 5 and summary["sentences"]
    assert all(s["citations"] and set(s["citations"]) <= ids for s in summary["sentences"])
    assert len(summary["summary"].split()) <= 120


def test_cli_articles_hides_pages_flagged_as_no_article_unless_all(tmp_path):
    teasers = "".join(f'<li><a href="/s/{i}">Council weighs plan number {i} for the town</a></li>' for i in range(60))
    front = tmp_path / "front.html"
    front.write_text(f"<html><head><title>Daily Planet</title></head><body><ul>{teasers}</ul>"
                     "<p>Read the day's news from the town and the county, every morning.</p></body></html>")
    path = tmp_path / "mixed.db"
    assert runner.invoke(app, ["ingest", str(EXAMPLES), str(front), "--db", str(path)]).exit_code == 0
    plain = json.loads(runner.invoke(app, ["articles", "--db", str(path), "--json"]).stdout)
    everything = json.loads(runner.invoke(app, ["articles", "--db", str(path), "--json", "--all"]).stdout)
    assert len(plain) == 5 and len(everything) == 6
    flagged = [row for row in everything if row.get("flags")]
    assert len(flagged) == 1 and flagged[0]["flags"][0].startswith("not-article:")
