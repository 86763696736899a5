"""Nominal cues: a noun naming something said ("the mayor's claim that ...") is a candidate frame
for the scorer, with its content (a that-clause, an "of"/"about" phrase) and its source (the
possessor, a "by" object, or the subject of a light verb)."""
from __future__ import annotations

from newsprism.quotes.cues import find_frames, is_nominal
from newsprism.quotes.extract import parse_text
from newsprism.quotes.model import frame_features


def _nominal(text, language):
    doc = parse_text(text, language)
    frames = find_frames(doc, any_verb=True)
    return doc, frames, [f for f in frames if is_nominal(f)]


def _span(doc, start, end):
    return doc.text[start:end] if start is not None else None


def test_a_possessive_claim_with_a_that_clause(language):
    doc, frames, nominal = _nominal("The mayor's claim that the bridge had been repaired angered the engineers.", language)
    [claim] = nominal
    assert claim.cue_word == "claim"
    assert _span(doc, claim.content_start, claim.content_end) == "that the bridge had been repaired"
    assert _span(doc, claim.source_start, claim.source_end) == "The mayor"
    features = frame_features(doc, claim, frames)
    assert features["nominal"] == 1.0 and features["nominal_dep=noun_that"] == 1.0


def test_the_subject_of_a_light_verb_is_the_source(language):
    doc, _, nominal = _nominal("The governor made the accusation that the auditors had lied.", language)
    [accusation] = nominal
    assert _span(doc, accusation.source_start, accusation.source_end) == "The governor"
    assert _span(doc, accusation.content_start, accusation.content_end) == "that the auditors had lied"


def test_a_by_phrase_source_and_an_of_phrase_content(language):
    doc, _, nominal = _nominal("The union repeated its criticism of the pension plan on Friday.", language)
    [criticism] = nominal
    assert _span(doc, criticism.content_start, criticism.content_end) == "the pension plan"
    assert _span(doc, criticism.source_start, criticism.source_end) == "its"


def test_a_noun_outside_the_list_or_without_content_is_no_frame(language):
    _, _, nominal = _nominal("The bridge that the mayor built was closed after a short statement.", language)
    assert nominal == []


def test_verb_cues_are_unchanged_by_nominal_frames(language):
    doc, frames, nominal = _nominal("She said the plan was dead.", language)
    assert nominal == [] and [f.cue_word for f in frames] == ["said"]
