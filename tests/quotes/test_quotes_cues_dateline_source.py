"""A dateline the parser leaves at the front of a source mention is not part of the speaker's
name ("WASHINGTON - President Joe Biden said ..."), and a hyphenated name keeps its capitals."""
from __future__ import annotations

from newsprism.quotes import extract_quotes


def _speakers(text: str, language) -> list[str]:
    return [q.speaker_text for q in extract_quotes(text, language=language)]


def test_dateline_left_out_of_the_source_mention(language):
    text = ("The talks went on.\n\nWASHINGTON - President Joe Biden said on Monday that the talks "
            "would go on until the budget was agreed.")
    assert _speakers(text, language) == ["President Joe Biden"]


def test_dateline_with_agency_left_out(language):
    text = "NEW YORK (AP) — Mayor Eric Adams said Monday that the city would reopen its schools."
    assert _speakers(text, language) == ["Mayor Eric Adams"]


def test_hyphenated_capitals_are_no_dateline(language):
    text = "U.S.-China trade officials said on Monday that the talks would go on."
    assert _speakers(text, language) == ["U.S.-China trade officials"]


def test_dateline_right_before_the_name_left_out(language):
    text = "WASHINGTON - Biden said on Monday that the talks would go on until the budget was agreed."
    assert _speakers(text, language) == ["Biden"]
