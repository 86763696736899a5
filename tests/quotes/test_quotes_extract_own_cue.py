"""A reported clause never holds its own parenthetical cue: 'Two years ago, the governor said, the press
considered him ...' is what the governor said after "said"; 'This campaign, he said, is
different' stays whole (its subject comes before the cue), as PolNeAR marks it."""
from __future__ import annotations

from newsprism.quotes import extract_quotes


def _reported(text, language):
    return [q for q in extract_quotes(text, language=language) if q.kind in ("indirect", "mixed")]


def test_words_before_a_parenthetical_cue_that_are_no_subject_are_not_the_content(language):
    text = "Two years ago, the governor said, the press considered him a \"long shot,\" making air quotes."
    (quote,) = _reported(text, language)
    assert quote.text == 'the press considered him a "long shot,"'
    assert quote.cue == "said" and quote.speaker_text == "the governor"


def test_a_subject_before_a_parenthetical_cue_keeps_the_content_whole(language):
    text = "Tyler spoke for an hour. This campaign, he said, is different from any other race he has run."
    (quote,) = _reported(text, language)
    assert quote.text == "This campaign, he said, is different from any other race he has run"
