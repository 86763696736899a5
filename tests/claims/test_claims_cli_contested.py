"""`newsprism claims` lists a contested claim with both sides cited (outlet, article id, offsets)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from newsprism import cli
from newsprism.claims.records import AlignedClaim, ClaimMention

DENIAL = ClaimMention(article="a1b2c3d4e5", text="China is not involved in the Ukraine crisis", start=10, end=53)
ACCUSATION = ClaimMention(article="f6e5d4c3b2", text="China is powering Russia's war", start=200, end=230)
CLAIM = AlignedClaim(id="c1", event="e1", text=DENIAL.text, status="contested", independent_sources=1,
                     carried_by=(DENIAL,), contradicted_by=(ACCUSATION,))


def _run(monkeypatch, *args):
    monkeypatch.setattr(cli, "_scoped", lambda *a, **k: ([CLAIM], {"a1b2c3d4e5": "RT", "f6e5d4c3b2": "Reuters"}))
    return CliRunner().invoke(cli.app, ["claims", *args], terminal_width=200)


def test_contested_claim_cites_both_sides(monkeypatch):
    result = _run(monkeypatch)
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "contested" in out
    # the table wraps at the console's width: check each side's label and citation
    assert "says:" in out and "RT a1b2c3d4:10-53" in out
    assert "disputed by:" in out and "Reuters f6e5d4c3:200-230" in out


def test_json_carries_contradicted_by(monkeypatch):
    items = json.loads(_run(monkeypatch, "--json").output)
    assert items[0]["status"] == "contested"
    assert items[0]["contradicted_by"][0]["article"] == "f6e5d4c3b2"
