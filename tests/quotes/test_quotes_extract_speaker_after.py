"""Speakers found past what the parser offers: a long subject right after the quotation, an
appositive before the cue with no name next to it, a quotation after a sentence of reported
speech, and a date that is never the speaker."""
from __future__ import annotations

from newsprism.quotes import extract_quotes


def _speakers(text, language):
    return {q.text: q.speaker_text for q in extract_quotes(text, language=language) if q.kind == "direct"}


def test_a_long_subject_right_after_the_quotation_is_its_speaker(language):
    text = ('"This is a big year for our potential senator, Bobby Scott!" Scott\'s niece, state Del. '
            'Marcia "Cia" Price (D-Newport News), shouted to the crowd.')
    speakers = _speakers(text, language)
    assert speakers["This is a big year for our potential senator, Bobby Scott!"] is not None


def test_the_name_an_appositive_describes_and_never_a_date(language):
    text = ("“He's absolutely right. There's a severe disconnect between this White House and our "
            "military,” Flynn, a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.”")
    speakers = _speakers(text, language)
    speaker = speakers["He's absolutely right. There's a severe disconnect between this White House and our military,"]
    assert speaker is not None and "Thursday" not in speaker


def test_a_quotation_after_reported_speech_goes_on_with_its_speaker(language):
    text = ("The administration may be reluctant to act while talks go on, Schiff said. \"The other factor "
            "is whether it would look like they were trying to tip the scales.\"")
    speakers = _speakers(text, language)
    assert speakers["The other factor is whether it would look like they were trying to tip the scales."] == "Schiff"
