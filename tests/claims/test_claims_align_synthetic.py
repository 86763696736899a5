"""Alignment on synthetic claims: contradiction, single source, a copy counted once, the matrix."""
from __future__ import annotations

import pytest

from newsprism.claims.align import align_claims
from newsprism.claims.coverage import coverage_matrix
from newsprism.claims.extract import claim_from_text


def claim(article: str, text: str):
    found = claim_from_text(text, article=article)
    return found


@pytest.fixture(scope="module")
def aligned(language):
    claims = {
        "a": [claim("a", "Acme recalled 5,000 cars in Germany last week."),
              claim("a", "The mayor of Springfield opened a new bridge over the river.")],
        "b": [claim("b", "Acme did not recall any cars in Germany last week.")],
        "c": [claim("c", "The mayor of Springfield opened the new bridge across the river on Sunday.")],
        "d": [claim("d", "The mayor of Springfield opened the new bridge across the river on Sunday.")],
        "e": [claim("e", "Fishermen reported record salmon catches along the northern coast.")],
    }
    event_of = dict.fromkeys(claims, "ev1")
    group_of = {"a": "a", "b": "b", "c": "c", "d": "c", "e": "e"}  # d is a copy of c
    return align_claims(claims, event_of=event_of, group_of=group_of, language=language)


def find(aligned, phrase):
    [match] = [a for a in aligned if any(phrase in m.text for m in a.carried_by)]
    return match


def test_contradiction_is_contested_both_ways(aligned):
    recalled = find(aligned, "Acme recalled")
    denied = find(aligned, "did not recall")
    assert recalled is not denied
    assert recalled.status == denied.status == "contested"
    assert [m.article for m in recalled.contradicted_by] == ["b"]
    assert [m.article for m in denied.contradicted_by] == ["a"]


def test_a_copy_counts_once(aligned):
    bridge = find(aligned, "opened a new bridge")
    assert sorted(m.article for m in bridge.carried_by) == ["a", "c", "d"]
    assert bridge.independent_sources == 2  # a, and c with its copy d
    assert bridge.status == "corroborated"


def test_single_source(aligned):
    salmon = find(aligned, "salmon")
    assert salmon.status == "single-source" and salmon.independent_sources == 1
    assert salmon.contradicted_by == ()


def test_to_dict_has_the_interface_fields(aligned):
    d = find(aligned, "Acme recalled").to_dict()
    assert {"id", "text", "status", "independent_sources", "carried_by", "contradicted_by"} <= set(d)
    assert set(d["carried_by"][0]) == {"article", "text", "start", "end"}
    assert d["contradicted_by"][0]["article"] == "b"


def test_coverage_matrix(aligned):
    matrix = coverage_matrix(aligned, {"ev1": ["a", "b", "c", "d", "e"]})
    recalled = matrix.row(find(aligned, "Acme recalled").id)
    # one source carries the recall: leaving it out is no omission (not assessed, no cell)
    assert not recalled.assessed and recalled.by_article == {"a": "carried", "b": "contradicted"}
    assert recalled.cells == {"a": "carried", "b": "contradicted", "c": "omitted", "d": "omitted", "e": "omitted"}
    bridge = matrix.row(find(aligned, "opened a new bridge").id)
    assert [bridge.by_article[x] for x in "acde"] == ["carried"] * 3 + ["omitted"]


def test_articles_outside_any_event_are_skipped(language):
    claims = {"x": [claim("x", "Acme recalled 5,000 cars in Germany last week.")]}
    assert align_claims(claims, event_of={}, language=language) == []


def test_ids_are_stable(language, aligned):
    claims = {"a": [claim("a", "Acme recalled 5,000 cars in Germany last week.")]}
    first = align_claims(claims, event_of={"a": "ev"}, language=language)
    again = align_claims(claims, event_of={"a": "ev"}, language=language)
    assert first[0].id == again[0].id


def test_coverage_matrix_by_outlet(aligned):
    outlet_of = {"a": "Daily A", "b": "B News", "c": "C Post", "d": "C Post", "e": None}
    matrix = coverage_matrix(aligned, {"ev1": ["a", "b", "c", "d", "e"]})
    recalled = matrix.row(find(aligned, "Acme recalled").id)
    assert recalled.by_outlet(outlet_of) == {"Daily A": "carried", "B News": "contradicted"}
    bridge = matrix.row(find(aligned, "opened a new bridge").id)
    assert bridge.by_outlet(outlet_of) == {"Daily A": "carried", "B News": "omitted", "C Post": "carried", "e": "omitted"}


def test_coverage_matrix_disputing_wins_as_in_the_report():
    """An article or outlet that both states and disputes a claim shows as disputing it, in this
    matrix and in the report's per-outlet reading of it (``report.data.outlet_matrix``)."""
    from newsprism.claims.records import AlignedClaim, ClaimMention
    from newsprism.report import outlet_matrix
    from newsprism.report.data import Column

    said, denied = ClaimMention(article="a", text="It rose.", start=0, end=8), ClaimMention(
        article="a", text="It did not rise.", start=9, end=25)
    other = ClaimMention(article="b", text="It rose.", start=0, end=8)
    claim = AlignedClaim(id="c1", event="ev", text="It rose.", status="contested", independent_sources=2,
                         carried_by=(said, other), contradicted_by=(denied,))
    [row] = coverage_matrix([claim], {"ev": ["a", "b", "c"]}).rows
    assert row.cells == {"a": "contradicted", "b": "carried", "c": "omitted"}
    assert row.by_outlet({"a": "A", "b": "A", "c": "C"}) == {"A": "contradicted", "C": "omitted"}
    columns = [Column(key="A", label="A", title="A", articles=("a", "b")), Column(key="C", label="C", title="C", articles=("c",))]
    [report_row] = outlet_matrix([(claim, row)], columns).rows
    assert [cell.state for cell in report_row.cells] == ["contradicted", "omitted"]
