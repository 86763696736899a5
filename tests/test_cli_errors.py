"""CLI error lines: store and file-system trouble is one ``error:`` line naming the file, and text
from inputs cannot drive the terminal (control sequences, bidi overrides, forged lines)."""
from __future__ import annotations

import json
import sqlite3

from typer.testing import CliRunner

import newsprism
from newsprism.cli import app

runner = CliRunner()
PROSE = "Officials said the talks were productive and long. " * 30


def _one_error_line(result, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [expected]


def test_cli_folder_as_db(tmp_path):
    result = runner.invoke(app, ["articles", "--db", str(tmp_path)])
    _one_error_line(result, f"error: {tmp_path}: unable to open database file (is it a folder, or in a "
                            "folder that cannot be created or written?)")


def test_cli_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database\n" * 200)
    _one_error_line(runner.invoke(app, ["articles", "--db", str(path)]),
                    f"error: {path}: file is not a database")


def test_cli_file_in_the_way_of_the_db_folder(tmp_path):
    (tmp_path / "f").write_text("x")
    _one_error_line(runner.invoke(app, ["ingest", str(tmp_path / "f"), "--db", str(tmp_path / "f" / "x.db")]),
                    f"error: {tmp_path / 'f'}: cannot make this folder: a file is in the way")


def test_cli_report_into_a_file(tmp_path):
    (tmp_path / "f").write_text("x")
    newsprism.open(tmp_path / "c.db").close()
    result = runner.invoke(app, ["report", "--db", str(tmp_path / "c.db"), "--out", str(tmp_path / "f" / "rep")])
    _one_error_line(result, f"error: {tmp_path / 'f' / 'rep'}: cannot make this folder: a file is in the way")


def test_cli_read_only_store(tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    newsprism.open(db).close()
    connect = sqlite3.connect

    def read_only(path, *args, **kwargs):  # tests run as root, which chmod cannot stop
        return connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": PROSE}) + "\n")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.jsonl"), "--db", str(db)])
    _one_error_line(result, f"error: {db}: attempt to write a readonly database")


def test_cli_search_limit_out_of_range(tmp_path):
    result = runner.invoke(app, ["search", "talks", "--limit", "99999999999999999999", "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 2
    assert "Invalid value for '--limit'" in result.output and "Traceback" not in result.output


def test_cli_newline_in_a_file_name_cannot_forge_a_line(tmp_path):
    bad = tmp_path / "x.txt\nerror: everything is fine.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "c.db")])
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {tmp_path}/x.txt\\nerror: everything is fine.txt: empty file"]
    assert result.exit_code == 1


def test_cli_show_neutralises_escape_sequences_and_bidi(tmp_path):
    db = tmp_path / "c.db"
    record = {"title": "Calm \x1b[2J headline", "outlet": "Reuters\u202egnp.exe", "author": "Ann \x1b]0;pwned\x07",
              "text": PROSE}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.jsonl"), "--db", str(db)]).exit_code == 0
    listing = runner.invoke(app, ["articles", "--db", str(db)]).output
    article_id = json.loads(runner.invoke(app, ["articles", "--db", str(db), "--json"]).output)[0]["id"]
    shown = runner.invoke(app, ["show", article_id, "--db", str(db)]).output
    for output in (listing, shown):
        assert "\x1b" not in output and "\u202e" not in output and "\x07" not in output
    assert "Calm \\x1b[2J headline" in shown and "Reuters\\u202egnp.exe" in shown
