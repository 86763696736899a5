"""What the report reads beyond articles and stories: plain JSON-shaped dicts, as the CLI prints them.

The report never runs an analysis. Each later stage hands its output over in the same shape its
``--json`` command prints, collected in one ``ReportData``; every field is optional and a page
section whose data is missing is simply left out (or derived from the stories, for the timeline).

Shapes (ids are article / event / story / quote / claim ids; offsets index the article's clean text):

- ``timeline``: ``[{story, events: [{id, title, start, end, inferred, articles: [{id, role, date,
  date_source, evidence}]}]}]``
- ``summaries``: ``{story_or_event_id: {summary, sentences: [{text, citations, independent_sources}]}}``
- ``quotes``: ``[{id, speaker, text, kind, event, independent_sources, flags, variants: [{article, text, start,
  end, speaker, speaker_text, speaker_start, speaker_end, cue, kind, variant, flags}]}]``
- ``claims``: ``[{id, event, text, status, independent_sources, carried_by: [{article, text, start,
  end}], contradicted_by: [...], details}]``
- ``figures``: ``[{id, event, kind, thing, unit, status, independent_sources, figures: [{article, kind,
  thing, unit, value, high, bound, text, start, end, sentence, quoted, date}], pairs: [{status, first,
  second}]}]`` (status "disagree" | "updated" | "agree" | "single")
- ``framing``: ``{outlets: [{outlet, articles, terms: [{referent, forms: {form: count}}],
  loaded: [{term, category, count}], omissions: [claim ids]}]}``, or ``{story id: that}``
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

RECORD = dict(frozen=True, slots=True, kw_only=True)

CARRIED, CONTRADICTED, OMITTED = "carried", "contradicted", "omitted"
ELSEWHERE = "elsewhere"  # the outlet covered another event of the story
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(**RECORD)
class ReportData:
    """Everything the report shows beyond articles, stories and provenance (all optional)."""

    timeline: Sequence[Mapping] = ()
    summaries: Mapping[str, Mapping] = field(default_factory=dict)
    quotes: Sequence[Mapping] = ()
    claims: Sequence[Mapping] = ()
    framing: Mapping = field(default_factory=dict)
    figures: Sequence[Mapping] = ()

    def framing_for(self, story_id: str) -> list[Mapping]:
        """The outlet rows for one story: a per-story mapping, or the one corpus-wide list."""
        if "outlets" in self.framing:
            return list(self.framing.get("outlets") or ())
        return list((self.framing.get(story_id) or {}).get("outlets") or ())


def slug(value: object) -> str:
    """A file-name and anchor-safe form of an id: ids that are already safe pass unchanged, anything
    else (a hostile or odd id: ``../x``, quotes, spaces) becomes a short hash, never a path."""
    text = str(value)
    if _SAFE_ID.fullmatch(text):
        return text
    return "x" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:15]


def coverage_matrix(claims: Sequence[Mapping], columns: Sequence[Mapping],
                    event_of: Mapping[str, str] | None = None) -> dict:
    """Claims x outlets: for each claim, whether each column carries it, contradicts it or omits it.

    ``columns`` are ``{key, label, articles: [ids]}`` (one outlet, or one unnamed article). A column
    carries a claim when any of its articles does; contradiction wins over carrying (an outlet that
    both states and disputes a claim is shown as disputing it, the rarer and more telling fact).
    With ``event_of`` (article id -> event id), a column none of whose articles belongs to the
    claim's event is ``elsewhere``: it reports another event, so it cannot have omitted the claim.
    Returns ``{columns, rows: [{claim, cells: [{state, articles}], carried, contradicted}]}``.
    """
    rows = []
    for claim in claims:
        carried = {c.get("article") for c in claim.get("carried_by") or ()}
        against = {c.get("article") for c in claim.get("contradicted_by") or ()}
        cells = []
        for column in columns:
            ids = list(column.get("articles") or ())
            if event_of is not None and claim.get("event") and not any(
                    event_of.get(a) == claim["event"] for a in ids):
                cells.append({"state": ELSEWHERE, "articles": []})
                continue
            if any(a in against for a in ids):
                cells.append({"state": CONTRADICTED, "articles": [a for a in ids if a in against]})
            elif any(a in carried for a in ids):
                cells.append({"state": CARRIED, "articles": [a for a in ids if a in carried]})
            else:
                cells.append({"state": OMITTED, "articles": []})
        rows.append({"claim": claim, "cells": cells,
                     "carried": sum(c["state"] == CARRIED for c in cells),
                     "contradicted": sum(c["state"] == CONTRADICTED for c in cells)})
    return {"columns": list(columns), "rows": rows}


def omissions(matrix: Mapping) -> dict[str, list[Mapping]]:
    """Per column key, the claims it leaves out that other columns carry, counting only claims
    independent sources corroborate (a claim without ``independent_sources`` is taken as such)."""
    out: dict[str, list[Mapping]] = {c["key"]: [] for c in matrix["columns"]}
    for row in matrix["rows"]:
        if not row["carried"] or not _corroborated(row["claim"]):
            continue
        for column, cell in zip(matrix["columns"], row["cells"]):
            if cell["state"] == OMITTED:
                out[column["key"]].append(row["claim"])
    return out


def quote_kind(quote: Mapping) -> str:
    """How the quote's shown words were said (direct, partial, indirect, mixed): its own ``kind``,
    else that of the variant ``canonical_text`` shows (records saved before quotes carried one)."""
    if quote.get("kind"):
        return quote["kind"]
    text = canonical_text(quote)
    variants = list(quote.get("variants") or ())
    chosen = next((v for v in variants if v.get("text") == text), variants[0] if variants else {})
    return chosen.get("kind") or "direct"


def _corroborated(claim: Mapping) -> bool:
    """Two or more independent sources carry the claim (a claim that does not say is taken as
    corroborated; a value that is no number, as from a hostile store, too)."""
    sources = claim.get("independent_sources")
    return not isinstance(sources, (int, float)) or isinstance(sources, bool) or sources >= 2


def canonical_text(quote: Mapping) -> str:
    """The quote as the table shows it: its own ``text``, else the longest verbatim variant, else
    the first variant's words."""
    if quote.get("text"):
        return str(quote["text"])
    variants = list(quote.get("variants") or ())
    verbatim = [v for v in variants if v.get("variant") in (None, "verbatim")]
    pool = verbatim or variants
    return str(max(pool, key=lambda v: len(str(v.get("text") or ""))).get("text") or "") if pool else ""


def date_of(value: object) -> str | None:
    """The ``YYYY-MM-DD`` part of an ISO date or datetime, or None when there is none."""
    text = str(value or "")
    return text[:10] if re.match(r"\d{4}-\d{2}-\d{2}", text) else None
