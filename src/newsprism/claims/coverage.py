"""The coverage matrix: aligned claims x the articles of their event, built once by the claims stage.

Each row says, for every article of the claim's event, whether it carries the claim, contradicts it
or leaves it out. ``analyze`` stores the rows (finding kind ``coverage``); the framing panel reads
its omissions from them (``CoverageRow.by_article``) and the report lays them out per outlet
(``report.data.outlet_matrix``), so both read the same cells.

An article that both states and disputes a claim counts as disputing it, the rarer and more
telling fact. Leaving a claim out counts only when independent sources corroborate it
(``OMISSION_SOURCES`` or more): for a single-source claim the other articles are not assessed.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..records import Record
from .records import CARRIED, CONTRADICTED, OMITTED, AlignedClaim

RECORD = dict(frozen=True, slots=True, kw_only=True)

# A claim left out by an article is an omission only when this many independent sources carry
# it (issue 11: on a 110-article pile, "omits 138 claims" counted others' single-source claims).
OMISSION_SOURCES = 2
RANK = {CONTRADICTED: 2, CARRIED: 1, OMITTED: 0}  # one outlet of several articles: the strongest cell


@dataclass(**RECORD)
class CoverageRow(Record):
    """One aligned claim: ``cells`` maps every article of its event (and any other article that
    carries or contradicts it) to "carried", "contradicted" or "omitted"."""

    claim: str
    event: str
    text: str
    status: str
    independent_sources: int
    cells: Mapping[str, str] = field(default_factory=dict)

    @property
    def assessed(self) -> bool:
        """Independent sources corroborate the claim, so leaving it out counts as an omission."""
        sources = self.independent_sources
        return isinstance(sources, int) and not isinstance(sources, bool) and sources >= OMISSION_SOURCES

    @property
    def by_article(self) -> dict[str, str]:
        """The assessed cells: every article for a corroborated claim, else only the articles that
        carry or contradict it (the framing panel's omissions)."""
        return dict(self.cells) if self.assessed else {a: s for a, s in self.cells.items() if s != OMITTED}

    def by_outlet(self, outlet_of: Mapping[str, str | None]) -> dict[str, str]:
        """The assessed cells per outlet (an article without one stands for itself); an outlet's
        strongest cell wins: contradicted, then carried, then omitted."""
        outlets: dict[str, str] = {}
        for article, cell in self.by_article.items():
            outlet = outlet_of.get(article) or article
            if RANK[cell] >= RANK[outlets.get(outlet, OMITTED)]:
                outlets[outlet] = cell
        return outlets


@dataclass(**RECORD)
class CoverageMatrix(Record):
    """The rows of some claims, in the claims' order; ``row(claim id)`` finds one."""

    rows: tuple[CoverageRow, ...] = ()

    def row(self, claim_id: str) -> CoverageRow | None:
        return next((r for r in self.rows if r.claim == claim_id), None)

    def only(self, claim_ids: Iterable[str]) -> CoverageMatrix:
        """The rows of ``claim_ids``, in that order (ids without a row are skipped)."""
        rows = {r.claim: r for r in self.rows}
        return CoverageMatrix(rows=tuple(rows[c] for c in claim_ids if c in rows))


def coverage_row(claim: AlignedClaim, articles: Sequence[str]) -> CoverageRow:
    """The row of one claim over ``articles`` (its event's)."""
    contra = {m.article for m in claim.contradicted_by}
    carried = {m.article for m in claim.carried_by} - contra
    ids = list(dict.fromkeys([*articles, *(m.article for m in (*claim.carried_by, *claim.contradicted_by))]))
    cells = {a: CONTRADICTED if a in contra else CARRIED if a in carried else OMITTED for a in ids}
    return CoverageRow(claim=claim.id, event=claim.event, text=claim.text, status=claim.status,
                       independent_sources=claim.independent_sources, cells=cells)


def coverage_matrix(aligned: Sequence[AlignedClaim],
                    articles_of_event: Mapping[str, Sequence[str]]) -> CoverageMatrix:
    """One row per aligned claim over every article of its event (``articles_of_event``:
    event id -> article ids)."""
    return CoverageMatrix(rows=tuple(coverage_row(c, articles_of_event.get(c.event, ())) for c in aligned))
