"""The coverage matrix and the report's small data helpers."""
from __future__ import annotations

from newsprism.report import ReportData, coverage_matrix
from newsprism.report.data import canonical_text, omissions, slug

COLUMNS = [{"key": "o:A", "label": "A", "articles": ["a1", "a2"]}, {"key": "o:B", "label": "B", "articles": ["b1"]},
           {"key": "a:c1", "label": "unnamed", "articles": ["c1"]}]


def test_coverage_cells_say_carried_omitted_or_contradicted_per_outlet():
    claims = [{"id": "k1", "carried_by": [{"article": "a2"}, {"article": "b1"}], "contradicted_by": [{"article": "c1"}]},
              {"id": "k2", "carried_by": [{"article": "c1"}], "contradicted_by": []}]
    matrix = coverage_matrix(claims, COLUMNS)
    states = [[c["state"] for c in row["cells"]] for row in matrix["rows"]]
    assert states == [["carried", "carried", "contradicted"], ["omitted", "omitted", "carried"]]
    assert matrix["rows"][0]["cells"][0]["articles"] == ["a2"]
    assert (matrix["rows"][0]["carried"], matrix["rows"][0]["contradicted"]) == (2, 1)
    left_out = omissions(matrix)
    assert [c["id"] for c in left_out["o:A"]] == ["k2"] and left_out["a:c1"] == []


def test_coverage_contradiction_wins_over_carrying_in_one_outlet():
    claims = [{"id": "k", "carried_by": [{"article": "a1"}], "contradicted_by": [{"article": "a2"}]}]
    assert coverage_matrix(claims, COLUMNS)["rows"][0]["cells"][0]["state"] == "contradicted"


def test_slug_keeps_safe_ids_and_hashes_anything_else():
    assert slug("5dc3f92c52cd0f1e") == "5dc3f92c52cd0f1e"
    for hostile in ("../../etc/passwd", 'x" onmouseover="alert(1)', "javascript:alert(1)", ""):
        out = slug(hostile)
        assert out.startswith("x") and out.isalnum() and out == slug(hostile)


def test_canonical_quote_prefers_its_text_then_the_longest_verbatim_variant():
    assert canonical_text({"text": "own", "variants": []}) == "own"
    variants = [{"text": "short", "variant": "verbatim"}, {"text": "a much longer reworded one", "variant": "reworded"},
                {"text": "longer verbatim", "variant": "verbatim"}]
    assert canonical_text({"variants": variants}) == "longer verbatim"
    assert canonical_text({}) == ""


def test_report_data_framing_accepts_one_list_or_one_per_story():
    rows = [{"outlet": "RT"}]
    assert ReportData(framing={"outlets": rows}).framing_for("s1") == rows
    assert ReportData(framing={"s1": {"outlets": rows}}).framing_for("s1") == rows
    assert ReportData().framing_for("s1") == []


def test_single_source_claims_are_not_omissions():
    claims = [{"id": "one", "independent_sources": 1, "carried_by": [{"article": "b1"}], "contradicted_by": []},
              {"id": "two", "independent_sources": 2, "carried_by": [{"article": "b1"}, {"article": "c1"}],
               "contradicted_by": []}]
    left_out = omissions(coverage_matrix(claims, COLUMNS))
    assert [c["id"] for c in left_out["o:A"]] == ["two"]
