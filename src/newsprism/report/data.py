"""What the report reads beyond articles and stories: the typed records ``analyze`` stored.

The report never runs an analysis. Each later stage hands its output over as the records the store
returns (the same records ``--json`` prints through ``records.jsonable``), collected in one
``ReportData``; every field is optional and a page section whose data is missing is simply left
out (or derived from the stories, for the timeline):

- ``timeline``: ``newsprism.timeline.TimelineStory`` records
- ``summaries``: story or event id -> ``newsprism.findings.CitedSummary``
- ``quotes``: ``newsprism.quotes.AlignedQuote``; ``claims``: ``newsprism.claims.AlignedClaim``
- ``figures``: ``newsprism.figures.AlignedFigure`` (status "disagree" | "updated" | "agree" | "single")
- ``framing``: story id -> ``newsprism.framing.FramingPanel``
- ``coverage``: the claims stage's ``newsprism.claims.CoverageMatrix`` (rebuilt from the claims
  and the stories' events when not given)

``ReportData.from_json`` reads the same data from the JSON shapes the CLI prints.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..claims.coverage import CoverageMatrix, CoverageRow
    from ..claims.records import AlignedClaim
    from ..figures.records import AlignedFigure
    from ..findings import CitedSummary
    from ..framing.records import FramingPanel, OutletFraming
    from ..quotes.align import AlignedQuote
    from ..timeline.records import TimelineStory

RECORD = dict(frozen=True, slots=True, kw_only=True)

CARRIED, CONTRADICTED, OMITTED = "carried", "contradicted", "omitted"
ELSEWHERE = "elsewhere"  # the outlet covered another event of the story
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(**RECORD)
class ReportData:
    """Everything the report shows beyond articles, stories and provenance (all optional)."""

    timeline: Sequence[TimelineStory] = ()
    summaries: Mapping[str, CitedSummary] = field(default_factory=dict)
    quotes: Sequence[AlignedQuote] = ()
    claims: Sequence[AlignedClaim] = ()
    framing: Mapping[str, FramingPanel] = field(default_factory=dict)  # story id -> its panel
    figures: Sequence[AlignedFigure] = ()
    coverage: CoverageMatrix | None = None  # the claims stage's; None: the report builds it from claims

    def framing_for(self, story_id: str) -> tuple[OutletFraming, ...]:
        """The framing panel's outlet rows for one story (none when it has no panel)."""
        panel = self.framing.get(story_id)
        return panel.outlets if panel is not None else ()

    @classmethod
    def from_json(cls, *, timeline: Sequence[Mapping[str, Any]] = (),
                  summaries: Mapping[str, Mapping[str, Any]] | None = None,
                  quotes: Sequence[Mapping[str, Any]] = (), claims: Sequence[Mapping[str, Any]] = (),
                  framing: Mapping[str, Mapping[str, Any]] | None = None,
                  figures: Sequence[Mapping[str, Any]] = (),
                  coverage: Sequence[Mapping[str, Any]] | None = None) -> ReportData:
        """The report's data from the JSON the CLI prints (``timeline``, ``quotes``, ``claims``,
        ``figures --json``; summaries and framing panels keyed by story or event id; coverage rows)."""
        from ..claims.coverage import CoverageMatrix, CoverageRow
        from ..claims.records import AlignedClaim
        from ..figures.records import AlignedFigure
        from ..findings import CitedSummary
        from ..framing.records import FramingPanel
        from ..quotes.align import AlignedQuote
        from ..records import from_dict
        from ..timeline.records import TimelineStory

        return cls(timeline=[from_dict(TimelineStory, t) for t in timeline],
                   summaries={k: from_dict(CitedSummary, v) for k, v in (summaries or {}).items()},
                   quotes=[from_dict(AlignedQuote, q) for q in quotes],
                   claims=[from_dict(AlignedClaim, c) for c in claims],
                   framing={k: from_dict(FramingPanel, v) for k, v in (framing or {}).items()},
                   figures=[from_dict(AlignedFigure, f) for f in figures],
                   coverage=None if coverage is None else CoverageMatrix(
                       rows=tuple(from_dict(CoverageRow, r) for r in coverage)))


def slug(value: object) -> str:
    """A file-name and anchor-safe form of an id: ids that are already safe pass unchanged, anything
    else (a hostile or odd id: ``../x``, quotes, spaces) becomes a short hash, never a path."""
    text = str(value)
    if _SAFE_ID.fullmatch(text):
        return text
    return "x" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:15]


@dataclass(**RECORD)
class Column:
    """One column of the claims x outlets table: a named outlet (its articles together), or one
    article without an outlet. ``key`` is unique in a table ("o:<outlet>" / "a:<article id>")."""

    key: str
    label: str
    title: str
    articles: tuple[str, ...]


@dataclass(**RECORD)
class Cell:
    """A column's stance toward a claim, and which of its articles take it."""

    state: str  # carried | contradicted | omitted | elsewhere
    articles: tuple[str, ...] = ()


@dataclass(**RECORD)
class MatrixRow:
    claim: AlignedClaim
    coverage: CoverageRow
    cells: tuple[Cell, ...]
    carried: int
    contradicted: int


@dataclass(**RECORD)
class OutletMatrix:
    """The claims stage's coverage matrix laid out per outlet for one story or event page."""

    columns: tuple[Column, ...]
    rows: tuple[MatrixRow, ...]


def outlet_matrix(rows: Sequence[tuple[AlignedClaim, CoverageRow]], columns: Sequence[Column],
                  event_of: Mapping[str, str] | None = None) -> OutletMatrix:
    """Claims x outlets: each claim's coverage row (``newsprism.claims.coverage``: one cell per
    article) read per column. A column carries a claim when any of its articles does;
    contradiction wins over carrying (the claims stage's rule: the rarer and more telling fact).
    With ``event_of`` (article id -> event id), a column none of whose articles belongs to the
    claim's event is ``elsewhere``: it reports another event, so it cannot have omitted the claim.
    """
    out = []
    for claim, coverage in rows:
        cells = tuple(_cell(coverage, column, event_of) for column in columns)
        out.append(MatrixRow(claim=claim, coverage=coverage, cells=cells,
                             carried=sum(c.state == CARRIED for c in cells),
                             contradicted=sum(c.state == CONTRADICTED for c in cells)))
    return OutletMatrix(columns=tuple(columns), rows=tuple(out))


def _cell(coverage: CoverageRow, column: Column, event_of: Mapping[str, str] | None) -> Cell:
    ids = column.articles
    if event_of is not None and coverage.event and not any(event_of.get(a) == coverage.event for a in ids):
        return Cell(state=ELSEWHERE)
    states = [coverage.cells.get(a, OMITTED) for a in ids]  # cells: article id -> state (a mapping)
    for state in (CONTRADICTED, CARRIED):
        if state in states:
            return Cell(state=state, articles=tuple(a for a, s in zip(ids, states) if s == state))
    return Cell(state=OMITTED)


def omissions(matrix: OutletMatrix) -> dict[str, list[AlignedClaim]]:
    """Per column key, the claims it leaves out that other columns carry, counting only claims
    independent sources corroborate (``CoverageRow.assessed``)."""
    out: dict[str, list[AlignedClaim]] = {c.key: [] for c in matrix.columns}
    for row in matrix.rows:
        if not row.carried or not row.coverage.assessed:
            continue
        for column, cell in zip(matrix.columns, row.cells):
            if cell.state == OMITTED:
                out[column.key].append(row.claim)
    return out


def quote_kind(quote: AlignedQuote) -> str:
    """How the quote's shown words were said (direct, partial, indirect, mixed): its own ``kind``,
    else that of the variant ``canonical_text`` shows (records saved before quotes carried one)."""
    if quote.kind:
        return quote.kind
    text = canonical_text(quote)
    chosen = next((v for v in quote.variants if v.text == text), quote.variants[0] if quote.variants else None)
    return (chosen.kind if chosen else None) or "direct"


def canonical_text(quote: AlignedQuote) -> str:
    """The quote as the table shows it: its own ``text``, else the longest verbatim variant, else
    the first variant's words."""
    if quote.text:
        return str(quote.text)
    variants = list(quote.variants)
    verbatim = [v for v in variants if v.variant in (None, "verbatim")]
    pool = verbatim or variants
    return str(max(pool, key=lambda v: len(str(v.text or ""))).text or "") if pool else ""


def date_of(value: object) -> str | None:
    """The ``YYYY-MM-DD`` part of an ISO date or datetime, or None when there is none."""
    text = str(value or "")
    return text[:10] if re.match(r"\d{4}-\d{2}-\d{2}", text) else None
