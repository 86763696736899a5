"""A document as the source ("an analysis by the Pew Research Center", "A 2014 estimate by the
committee"): the mention runs on to who made it."""
from __future__ import annotations

from newsprism.quotes.cues import find_frames
from newsprism.quotes.extract import parse_text


def _source(language, text: str, cue: str) -> str:
    doc = parse_text(text, language)
    frame = next(f for f in find_frames(doc) if f.cue_word == cue)
    return text[frame.source_start:frame.source_end]


def test_according_to_a_document_names_its_author(language):
    text = "Turnout rose sharply this year, according to an analysis by the Harbor Research Center."
    assert _source(language, text, "according to").endswith("the Harbor Research Center")


def test_a_document_subject_names_its_author(language):
    text = "A 2014 estimate by the tax committee projected that the rule would cost $3 billion."
    assert _source(language, text, "projected").endswith("the tax committee")
