"""Reported speech holding a quotation is kept whatever the scorer says, except when it lies
inside reported speech the scorer accepts: 'said she respects the governor’s “energy and
resolve”' is one attribution ("respects" is part of what was said), not two."""
from __future__ import annotations

from dataclasses import dataclass

from newsprism.quotes import extract_quotes
from newsprism.quotes.extract import NESTED_MIXED_SHARE, drop_nested_unsure


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    kind: str
    score: float


def test_a_low_scored_quoting_frame_inside_an_accepted_one_is_dropped(language):
    text = "The mayor said she respects the governor’s “energy and resolve” even when they disagree."
    quotes = extract_quotes(text, language=language)
    reported = [q for q in quotes if q.kind in ("indirect", "mixed")]
    assert [q.cue for q in reported] == ["said"]
    assert reported[0].text.startswith("she respects")
    assert any(q.kind == "partial" and q.text == "energy and resolve" for q in quotes)


def test_a_participle_inside_a_told_frame_is_not_a_second_quote(language):
    text = "Mr. Ortiz told the council that the new plan keeps “doing what works” for the harbor."
    quotes = extract_quotes(text, language=language)
    assert [q.cue for q in quotes if q.kind in ("indirect", "mixed")] == ["told"]


def test_only_unsure_quoting_frames_nested_in_a_sure_one_go():
    threshold = 0.3
    outer = Item(0, 100, "mixed", 0.9)
    nested_unsure = Item(10, 60, "mixed", threshold * NESTED_MIXED_SHARE / 2)
    nested_sure = Item(20, 50, "mixed", 0.8)
    alone_unsure = Item(200, 260, "mixed", 0.01)  # not nested: kept, as every quoting frame is
    direct = Item(30, 40, "direct", 1.0)
    kept = drop_nested_unsure([outer, nested_unsure, nested_sure, alone_unsure, direct], threshold)
    assert kept == [outer, nested_sure, alone_unsure, direct]


def test_a_frame_is_not_nested_in_itself_nor_in_an_unsure_one():
    threshold = 0.3
    unsure_outer = Item(0, 100, "mixed", 0.05)
    unsure_inner = Item(10, 60, "mixed", 0.05)
    assert drop_nested_unsure([unsure_outer, unsure_inner], threshold) == [unsure_outer, unsure_inner]
