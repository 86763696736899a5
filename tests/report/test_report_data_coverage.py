"""The claims stage's coverage matrix read per outlet, and the report's small data helpers."""
from __future__ import annotations

from newsprism.claims import AlignedClaim, ClaimMention, CoverageMatrix
from newsprism.claims.coverage import coverage_matrix
from newsprism.quotes.align import AlignedQuote, QuoteVariant
from newsprism.report import ReportData, outlet_matrix
from newsprism.report.data import Column, canonical_text, omissions, slug

COLUMNS = [Column(key="o:A", label="A", title="A", articles=("a1", "a2")),
           Column(key="o:B", label="B", title="B", articles=("b1",)),
           Column(key="a:c1", label="unnamed", title="unnamed", articles=("c1",))]
EVENT = {"e": ["a1", "a2", "b1", "c1"]}


def claim(cid: str, carried: list[str], against: list[str] = (), sources: int = 2) -> AlignedClaim:
    return AlignedClaim(id=cid, event="e", text=cid, status="corroborated", independent_sources=sources,
                        carried_by=tuple(ClaimMention(article=a, text="x", start=0, end=1) for a in carried),
                        contradicted_by=tuple(ClaimMention(article=a, text="y", start=0, end=1) for a in against))


def by_outlet(claims: list[AlignedClaim]):
    rows = coverage_matrix(claims, EVENT).rows
    return outlet_matrix(list(zip(claims, rows)), COLUMNS)


def test_coverage_cells_say_carried_omitted_or_contradicted_per_outlet():
    matrix = by_outlet([claim("k1", ["a2", "b1"], ["c1"]), claim("k2", ["c1"])])
    states = [[c.state for c in row.cells] for row in matrix.rows]
    assert states == [["carried", "carried", "contradicted"], ["omitted", "omitted", "carried"]]
    assert matrix.rows[0].cells[0].articles == ("a2",)
    assert (matrix.rows[0].carried, matrix.rows[0].contradicted) == (2, 1)
    left_out = omissions(matrix)
    assert [c.id for c in left_out["o:A"]] == ["k2"] and left_out["a:c1"] == []


def test_coverage_contradiction_wins_over_carrying_in_one_outlet():
    assert by_outlet([claim("k", ["a1"], ["a2"])]).rows[0].cells[0].state == "contradicted"


def test_coverage_column_of_another_event_is_elsewhere():
    found = claim("k", ["a1"])
    [row] = coverage_matrix([found], EVENT).rows
    matrix = outlet_matrix([(found, row)], COLUMNS, {"a1": "e", "a2": "e", "b1": "other", "c1": "e"})
    assert [c.state for c in matrix.rows[0].cells] == ["carried", "elsewhere", "omitted"]


def test_single_source_claims_are_not_omissions():
    left_out = omissions(by_outlet([claim("one", ["b1"], sources=1), claim("two", ["b1", "c1"])]))
    assert [c.id for c in left_out["o:A"]] == ["two"]


def test_report_data_reads_the_cli_json_into_records():
    found = claim("k", ["a1"])
    data = ReportData.from_json(claims=[found.to_dict()], coverage=[r.to_dict() for r in coverage_matrix([found], EVENT).rows])
    assert data.claims == [found] and isinstance(data.coverage, CoverageMatrix)
    assert data.coverage.row("k").cells == {"a1": "carried", "a2": "omitted", "b1": "omitted", "c1": "omitted"}
    assert ReportData().framing_for("s1") == ()


def test_slug_keeps_safe_ids_and_hashes_anything_else():
    assert slug("5dc3f92c52cd0f1e") == "5dc3f92c52cd0f1e"
    for hostile in ("../../etc/passwd", 'x" onmouseover="alert(1)', "javascript:alert(1)", ""):
        out = slug(hostile)
        assert out.startswith("x") and out.isalnum() and out == slug(hostile)


def variant(text: str, kind: str) -> QuoteVariant:
    return QuoteVariant(article="a", text=text, start=0, end=1, speaker=None, speaker_text=None, speaker_start=None,
                        speaker_end=None, cue=None, kind="direct", variant=kind)


def test_canonical_quote_prefers_its_text_then_the_longest_verbatim_variant():
    def quote(text: str, *variants: QuoteVariant) -> AlignedQuote:
        return AlignedQuote(id="q", speaker=None, event=None, variants=variants, independent_sources=1, text=text)

    assert canonical_text(quote("own")) == "own"
    variants = [variant("short", "verbatim"), variant("a much longer reworded one", "reworded"),
                variant("longer verbatim", "verbatim")]
    assert canonical_text(quote("", *variants)) == "longer verbatim"
    assert canonical_text(quote("")) == ""


def test_report_reads_the_matrix_the_claims_stage_stored(seed_pipeline):
    """``analyze`` stores one coverage row per aligned claim (finding kind "coverage"); the report
    is handed those, and they are what the one builder gives from the claims and the events."""
    data, stories = seed_pipeline["data"], seed_pipeline["stories"]
    assert data.coverage is not None and [r.claim for r in data.coverage.rows] == [c.id for c in data.claims]
    members = {e.id: [a.id for a in e.articles] for s in stories for e in s.events}
    assert data.coverage == coverage_matrix(data.claims, members)
    assert any(r.assessed and "omitted" in r.cells.values() for r in data.coverage.rows)
