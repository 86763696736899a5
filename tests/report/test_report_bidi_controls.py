"""Bidi overrides and control characters from article fields never reach a report page, and the
ordinary escaping stays."""
from __future__ import annotations

from dataclasses import replace

from test_report_hostile_data import hostile_article

from newsprism.report import write_report
from newsprism.safe_text import BIDI


def test_report_drops_bidi_and_control_characters(tmp_path):
    article = replace(hostile_article(1), outlet="Reuters\u202egnp.exe", headline="Calm \x1b[2J \u2066x\u2069 <b>",
                      byline="Ann\x07 Lee")
    write_report([article], tmp_path)
    for page in [tmp_path / "index.html", *(tmp_path / "articles").iterdir()]:
        html = page.read_text(encoding="utf-8")
        assert not any(char in html for char in BIDI + "\x1b\x07")
    html = next((tmp_path / "articles").iterdir()).read_text(encoding="utf-8")
    assert "Reutersgnp.exe" in html and "Calm [2J x &lt;b&gt;" in html
