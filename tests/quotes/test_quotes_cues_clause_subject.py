"""A clause the parser takes for the subject of a cue is no speaker: the name right before the
cue is ("Shippers being “very direct” about ... Harbor Commissioner Ann Tyler said"); a mention
never reaches back over a quotation mark; a quote going on after a sentence of reported speech
is the outer speaker's, not the one inside what was reported."""
from __future__ import annotations

from quoteskit import source_of

from newsprism.quotes import extract_quotes

GARBLED = ("Shippers being “very direct” about their worries and their wish “Holding Ports accountable” "
           "Harbor Commissioner Ann Tyler said that the port would reopen in May.")


def test_a_clause_subject_gives_way_to_the_name_before_the_cue(language):
    mention = source_of(language, GARBLED, "said")
    assert mention is not None and mention.endswith("Ann Tyler") and "being" not in mention


def test_a_mention_does_not_reach_back_over_a_quotation_mark(language):
    mention = source_of(language, GARBLED, "said")
    assert mention is not None and not any(mark in mention for mark in "“”\"")


def test_the_speaker_who_goes_on_is_the_outer_one(language):
    text = ("Deputy Harbor Commissioner Ann Tyler said that the county accused the shippers of "
            "breaking the rules. “What we have tried to stress is that the port stays open.”")
    quotes = extract_quotes(text, language=language)
    goes_on = next(q for q in quotes if q.text.startswith("What we have tried"))
    assert goes_on.speaker == "Ann Tyler"
