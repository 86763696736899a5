"""An article without an outlet is filed under its domain, or its id, and the panel says so."""
from __future__ import annotations

import json

from framingkit import make_article

import newsprism.framing as framing
from newsprism.framing import framing_panel, outlet_of


def test_outlet_then_domain_then_article_id():
    assert outlet_of(make_article("x", id="1", outlet=" Reuters ")).name == "Reuters"
    by_domain = outlet_of(make_article("x", id="2", url="https://www.example.org/a/b"))
    assert (by_domain.name, by_domain.source) == ("example.org", "domain")
    by_id = outlet_of(make_article("x", id="0123456789abcdef"))
    assert (by_id.name, by_id.source) == ("article 0123456789ab", "article")


def test_panel_notes_the_fallbacks_and_serialises(language):
    articles = [make_article("The regime spoke.", id="aaaaaaaaaaaaaaaa"),
                make_article("The regime spoke again.", id="b", url="https://news.example.com/x"),
                make_article("Nothing.", id="c", outlet="Named")]
    panel = framing_panel(articles, {}, groups=[], word_model=False, language=language)
    assert [o.outlet_source for o in panel.outlets] == ["outlet", "domain", "article"]
    notes = " ".join(panel.notes)
    assert "news.example.com" in notes and "article aaaaaaaaaaaa" in notes
    json.dumps(panel.to_dict())


def test_exported_members():
    for name in framing.__all__:
        assert hasattr(framing, name), name
    assert {"entity_terms", "loaded_terms", "framing_panel", "FramingPanel", "TermGroup",
            "LoadedTerm", "CoverageRow"} <= set(framing.__all__)
