"""Omissions from the claims stage's coverage matrix (a hand-made one), as a matrix or its rows."""
from __future__ import annotations

from framingkit import make_article

from newsprism.framing import CoverageMatrix, CoverageRow, framing_panel

ARTICLES = [make_article("One says the minister resigned.", id="a1", outlet="One"),
            make_article("One again, later.", id="a2", outlet="One"),
            make_article("Two says little.", id="b1", outlet="Two"),
            make_article("Three denies it.", id="c1", outlet="Three")]

CELLS = {
    "k1": ("The minister resigned.", {"a1": "carried", "a2": "omitted", "b1": "omitted", "c1": "contradicted"}),
    "k2": ("The budget passed.", {"a1": "omitted", "a2": "omitted", "b1": "carried"}),  # c1: another event
    "k3": ("Nobody carries this.", {"a1": "omitted", "b1": "omitted"}),
}
COVERAGE = CoverageMatrix(rows=tuple(
    CoverageRow(claim=k, event="e", text=text, status="corroborated", independent_sources=2, cells=cells)
    for k, (text, cells) in CELLS.items()))


def _omitted(panel, outlet):
    return {(o.claim_id, o.status, o.carried_by) for o in panel.outlet(outlet).omissions}


def test_omissions_from_the_coverage_matrix(language):
    panel = framing_panel(ARTICLES, {}, COVERAGE, groups=[], word_model=False, language=language)
    assert panel.has_coverage
    assert _omitted(panel, "One") == {("k2", "omitted", ("Two",))}  # k1: a1 carries it for One
    assert _omitted(panel, "Two") == {("k1", "omitted", ("One",))}
    assert _omitted(panel, "Three") == {("k1", "contradicted", ("One",))}  # k2: c1 has no cell
    assert panel.outlet("One").omissions[0].text == "The budget passed."


def test_omissions_from_the_matrix_or_its_rows_agree(language):
    expected = framing_panel(ARTICLES, {}, COVERAGE, groups=[], word_model=False, language=language).to_dict()
    assert framing_panel(ARTICLES, {}, list(COVERAGE.rows), groups=[], word_model=False, language=language).to_dict() == expected


def test_single_source_claims_are_no_omission(language):
    single = CoverageMatrix(rows=tuple(row.__class__(**{**row.to_dict(), "independent_sources": 1})
                                       for row in COVERAGE.rows))
    panel = framing_panel(ARTICLES, {}, single, groups=[], word_model=False, language=language)
    assert _omitted(panel, "One") == set() and _omitted(panel, "Two") == set()
    assert _omitted(panel, "Three") == {("k1", "contradicted", ("One",))}  # contradicting still counts


def test_no_coverage_no_omissions(language):
    panel = framing_panel(ARTICLES, {}, groups=[], word_model=False, language=language)
    assert not panel.has_coverage and all(o.omissions == () for o in panel.outlets)
    assert any("No coverage matrix" in note for note in panel.notes)
