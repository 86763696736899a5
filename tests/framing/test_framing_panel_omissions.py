"""Omissions from a hand-made coverage matrix, in both accepted shapes."""
from __future__ import annotations

from dataclasses import dataclass

from framingkit import make_article

from newsprism.framing import CoverageRow, framing_panel

ARTICLES = [make_article("One says the minister resigned.", id="a1", outlet="One"),
            make_article("One again, later.", id="a2", outlet="One"),
            make_article("Two says little.", id="b1", outlet="Two"),
            make_article("Three denies it.", id="c1", outlet="Three")]

COVERAGE = {
    "k1": {"text": "The minister resigned.",
           "by_article": {"a1": "carried", "a2": "omitted", "b1": "omitted", "c1": "contradicted"}},
    "k2": {"text": "The budget passed.", "by_article": {"a1": "omitted", "a2": "omitted", "b1": "carried"}},
    "k3": {"text": "Nobody carries this.", "by_article": {"a1": "omitted", "b1": "omitted"}},
}


def _omitted(panel, outlet):
    return {(o.claim_id, o.status, o.carried_by) for o in panel.outlet(outlet).omissions}


def test_omissions_from_a_mapping(language):
    panel = framing_panel(ARTICLES, {}, COVERAGE, groups=[], word_model=False, language=language)
    assert panel.has_coverage
    assert _omitted(panel, "One") == {("k2", "omitted", ("Two",))}  # k1: a1 carries it for One
    assert _omitted(panel, "Two") == {("k1", "omitted", ("One",))}
    assert _omitted(panel, "Three") == {("k1", "contradicted", ("One",))}  # k2 not assessed for c1
    assert panel.outlet("One").omissions[0].text == "The budget passed."


@dataclass(frozen=True)
class _Row:  # what another stage's record may look like
    claim_id: str
    text: str
    by_article: dict


def test_omissions_from_records_and_dicts(language):
    rows = [_Row(claim_id=k, text=v["text"], by_article=v["by_article"]) for k, v in COVERAGE.items()]
    as_dicts = [{"id": k, **v} for k, v in COVERAGE.items()]
    as_records = [CoverageRow(claim_id=k, **v) for k, v in COVERAGE.items()]
    expected = framing_panel(ARTICLES, {}, COVERAGE, groups=[], word_model=False, language=language).to_dict()
    for coverage in (rows, as_dicts, as_records):
        assert framing_panel(ARTICLES, {}, coverage, groups=[], word_model=False, language=language).to_dict() == expected


def test_no_coverage_no_omissions(language):
    panel = framing_panel(ARTICLES, {}, groups=[], word_model=False, language=language)
    assert not panel.has_coverage and all(o.omissions == () for o in panel.outlets)
    assert any("No coverage matrix" in note for note in panel.notes)
