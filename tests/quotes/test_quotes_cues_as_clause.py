"""A cue in an as-clause with no complement of its own reports the clause it hangs from: "As
one council member noted, the budget has not grown" (PolNeAR marks the main clause as content)."""
from __future__ import annotations

from quoteskit import frame_of

from newsprism.quotes import extract_quotes


def test_the_main_clause_is_what_the_as_clause_reports(language):
    text = "As one council member noted, the budget has not grown in four years."
    quotes = extract_quotes(text, language=language)
    assert [(q.speaker_text, q.cue, q.text, q.kind) for q in quotes] == [
        ("one council member", "noted", "the budget has not grown in four years", "indirect")]


def test_an_as_clause_of_reporting_is_a_frame_with_the_main_clause(language):
    text = "As the harbor authority reported on Monday, the pier will close for two weeks."
    frame = frame_of(language, text, "reported")
    assert text[frame.content_start:frame.content_end] == "the pier will close for two weeks"
    assert text[frame.source_start:frame.source_end] == "the harbor authority"


def test_an_as_clause_of_time_is_no_quote(language):
    assert extract_quotes("As the rain began, the crowd left the square.", language=language) == []
