"""An "if" or "because" clause hanging from the cue is part of what was said ("promised a new
bridge if voters approved the tax"); a "when" clause is when it was said."""
from __future__ import annotations

from newsprism.quotes.cues import find_frames
from newsprism.quotes.extract import parse_text


def _content(language, text: str, cue: str) -> str:
    doc = parse_text(text, language)
    frame = next(f for f in find_frames(doc, any_verb=True) if f.cue_word == cue)
    return text[frame.content_start:frame.content_end]


def test_an_if_clause_is_content(language):
    text = "The mayor warned of delays if the unions went on strike."
    assert _content(language, text, "warned") == "of delays if the unions went on strike"


def test_a_because_clause_is_content(language):
    text = "The coach blamed the players because they had stopped training."
    assert _content(language, text, "blamed") == "the players because they had stopped training"


def test_a_when_clause_is_not_content(language):
    text = "The coach criticised the players when reporters asked him about the season."
    assert "reporters" not in _content(language, text, "criticised")


def test_a_reason_alone_is_no_content(language):
    from newsprism.quotes import extract_quotes

    text = ("The official spoke on condition of anonymity because he did not want to be linked to "
            "the inquiry.")
    assert not [q for q in extract_quotes(text, language=language) if q.text.startswith("because")]
