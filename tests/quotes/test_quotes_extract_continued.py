"""A quotation with no cue of its own goes on with the quote before it: a short next sentence
after the cue ('“I would,” Melanie said. “I would, Donald.”'), and a quotation after reported
speech holding a quoted fragment ('are “not meeting the demand,” says X. “We often ...”')."""
from __future__ import annotations

from newsprism.quotes import extract_quotes


def test_a_short_next_sentence_is_the_same_speakers(language):
    text = "Kevin was snoring.\n\n“Here he is, babe,” she said. “Donald’s here, babe.”\n\nTrump walked in."
    quotes = [q for q in extract_quotes(text, language=language) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["Here he is, babe,", "Donald’s here, babe."]
    assert quotes[1].speaker_text == "she" and "continued" in quotes[1].flags


def test_a_short_scare_quote_is_still_no_quote(language):
    text = "“We will win this,” Smith said on Monday. He called the rival plan “unsafe.”"
    texts = [q.text for q in extract_quotes(text, language=language) if q.kind == "direct"]
    assert texts == ["We will win this,"]


def test_a_quotation_after_a_quoted_fragment_is_the_same_speakers(language):
    text = ('The answers to veteran suicides are "not meeting the demand," says Paul Rieckhoff, founder of '
            'a veterans group. "We often compare it to the early days of the AIDS crisis."\n\nAttention grew.')
    [quote] = [q for q in extract_quotes(text, language=language) if q.text.startswith("We often")]
    assert quote.speaker == "Paul Rieckhoff"
