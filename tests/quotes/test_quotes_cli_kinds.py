"""`newsprism quotes` shows each variant's kind, and quotation marks only around quoted words."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from newsprism import cli
from newsprism.quotes.align import AlignedQuote
from newsprism.records import from_dict

ALIGNED = [{
    "id": "q1", "speaker": "Antony Blinken", "text": "to put pressure on Chinese officials", "kind": "indirect",
    "event": None, "independent_sources": 2, "flags": [], "reasons": [],
    "variants": [
        {"article": "a1", "text": "to put pressure on Chinese officials", "start": 0, "end": 36, "speaker": "Antony Blinken",
         "speaker_text": "Blinken", "speaker_start": None, "speaker_end": None, "cue": "aims", "kind": "indirect",
         "variant": "verbatim", "flags": []},
        {"article": "a2", "text": "We will press Beijing", "start": 0, "end": 21, "speaker": "Antony Blinken",
         "speaker_text": "Blinken", "speaker_start": None, "speaker_end": None, "cue": "said", "kind": "direct",
         "variant": "reworded", "flags": []}]},
    {"id": "q2", "speaker": None, "text": "it", "kind": "direct", "event": None, "independent_sources": 1,
     "flags": ["no-speaker"], "reasons": [], "variants": [
         {"article": "a1", "text": "it", "start": 0, "end": 2, "speaker": None, "speaker_text": None,
          "speaker_start": None, "speaker_end": None, "cue": None, "kind": "direct", "variant": "verbatim", "flags": []}]}]


def _run(monkeypatch, *args):
    monkeypatch.setattr(cli, "_scoped", lambda *a, **k: ([from_dict(AlignedQuote, q) for q in ALIGNED], {"a1": "RT", "a2": "Reuters"}))
    return CliRunner().invoke(cli.app, ["quotes", *args])


def test_paraphrase_is_not_quoted_and_names_its_cue(monkeypatch):
    out = " ".join(_run(monkeypatch).output.split())  # the console wraps long lines
    assert "verbatim, indirect, RT (Blinken, aims): to put pressure on Chinese officials (paraphrase)" in out
    assert "“to put pressure" not in out
    assert "reworded, direct, Reuters (Blinken): “We will press Beijing”" in out


def test_unresolved_speaker_is_said_so(monkeypatch):
    assert "speaker unresolved" in _run(monkeypatch).output


def test_a_lone_variant_is_not_called_verbatim(monkeypatch):
    """"verbatim" compares a wording with other outlets'; a quote found once has nothing to compare."""
    out = " ".join(_run(monkeypatch).output.split())
    assert "direct, RT: “it”" in out
    assert "verbatim, direct, RT: “it”" not in out


def test_json_items_carry_kind(monkeypatch):
    items = json.loads(_run(monkeypatch, "--json").output)
    assert [i["kind"] for i in items] == ["indirect", "direct"]


ACT = {"id": "q3", "speaker": "POLITICO", "text": "to verify her account", "kind": "indirect", "event": None,
       "independent_sources": 1, "flags": [], "reasons": [], "variants": [
           {"article": "a2", "text": "to verify her account", "start": 0, "end": 21, "speaker": "POLITICO",
            "speaker_text": "POLITICO", "speaker_start": None, "speaker_end": None, "cue": "sought",
            "kind": "indirect", "variant": None, "flags": ["other-cue"]}]}


def _run_with_act(monkeypatch, *args):
    records = [from_dict(AlignedQuote, q) for q in [*ALIGNED, ACT]]
    monkeypatch.setattr(cli, "_scoped", lambda *a, **k: (records, {"a1": "RT", "a2": "Reuters"}))
    return CliRunner().invoke(cli.app, ["quotes", *args])


def test_acts_are_counted_not_listed_unless_asked(monkeypatch):
    """'POLITICO sought to verify her account' is an attribution in PolNeAR's sense, not a quote."""
    out = " ".join(_run_with_act(monkeypatch).output.split())
    assert "to verify her account" not in out
    assert "1 more attribution(s) by verbs of doing rather than saying ('sought', ...)" in out
    assert "to put pressure on Chinese officials" in out
    shown_all = " ".join(_run_with_act(monkeypatch, "--all").output.split())
    assert "indirect, Reuters (POLITICO, sought): to verify her account (paraphrase)" in shown_all
    assert "more attribution(s)" not in shown_all
    items = json.loads(_run_with_act(monkeypatch, "--json").output)
    assert [i["id"] for i in items] == ["q1", "q2", "q3"]  # machines get everything, flagged


MODELLED = {"id": "q4", "speaker": "Kurt Campbell", "text": "the sanctions will widen", "kind": "indirect", "event": None,
            "independent_sources": 1, "flags": [], "reasons": [], "variants": [
                {"article": "a1", "text": "the sanctions will widen", "start": 0, "end": 24, "speaker": "Kurt Campbell",
                 "speaker_text": "Campbell", "speaker_start": None, "speaker_end": None, "cue": "in a statement",
                 "kind": "indirect", "variant": None, "flags": ["found-by-model"]}]}


def test_attributions_only_the_span_model_found_are_counted_apart_and_marked(monkeypatch):
    records = [from_dict(AlignedQuote, q) for q in [*ALIGNED, MODELLED]]
    monkeypatch.setattr(cli, "_scoped", lambda *a, **k: (records, {"a1": "RT", "a2": "Reuters"}))
    out = " ".join(CliRunner().invoke(cli.app, ["quotes"]).output.split())
    assert "the sanctions will widen" not in out
    assert "1 more attribution(s) found only by the span model" in out
    shown_all = " ".join(CliRunner().invoke(cli.app, ["quotes", "--all"]).output.split())
    assert "indirect (found by the span model), RT (Campbell, in a statement): the sanctions will widen" in shown_all
