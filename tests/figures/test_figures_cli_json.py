"""`newsprism figures`: disagreements listed with each side cited (outlet, date, article id,
offsets); `--json` prints the records through the one serialiser."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from newsprism import cli
from newsprism.figures import align_figures, extract_figures

FIRST = "Twelve people were killed in the blast."
SECOND = "The blast killed 15 people."


def _aligned():
    found = {"a1b2c3d4e5": extract_figures(FIRST, article="a1b2c3d4e5", date="2024-05-05"),
             "f6e5d4c3b2": extract_figures(SECOND, article="f6e5d4c3b2", date="2024-05-05")}
    return align_figures(found, event="e1")


def _run(monkeypatch, *args):
    monkeypatch.setattr(cli, "_scoped", lambda *a, **k: (_aligned(), {"a1b2c3d4e5": "RT", "f6e5d4c3b2": "Reuters"}))
    return CliRunner().invoke(cli.app, ["figures", *args], terminal_width=200)


def test_figures_table_cites_both_sides(monkeypatch):
    result = _run(monkeypatch)
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "disagree" in out and "Twelve (RT); 15 (Reuters)" in out
    assert "RT 2024-05-05 a1b2c3d4:0-6" in out and "Reuters 2024-05-05 f6e5d4c3:17-19" in out


def test_figures_json_shape(monkeypatch):
    [item] = json.loads(_run(monkeypatch, "--json").output)
    assert (item["kind"], item["status"], item["event"]) == ("dead", "disagree", "e1")
    assert [f["value"] for f in item["figures"]] == [12, 15]
    pair = item["pairs"][0]
    assert {pair["first"]["article"], pair["second"]["article"]} == {"a1b2c3d4e5", "f6e5d4c3b2"}
    assert SECOND[pair["second"]["start"]:pair["second"]["end"]] == "15"
