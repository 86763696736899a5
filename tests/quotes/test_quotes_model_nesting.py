"""The frame scorer knows when a cue sits inside another frame's reported speech ('said she could
not stay composed while talking about her son': "talking" is part of what was said)."""
from __future__ import annotations

from newsprism.quotes.cues import find_frames
from newsprism.quotes.extract import parse_text
from newsprism.quotes.model import frame_features


def test_a_cue_inside_reported_speech_is_marked_nested(language):
    text = "Mrs. Khan said she had not spoken because she could not stay composed while talking about her son."
    doc = parse_text(text, language)
    frames = find_frames(doc, any_verb=True)
    said = next(f for f in frames if f.cue_word == "said")
    talking = next(f for f in frames if f.cue_word == "talking")
    assert frame_features(doc, talking, frames).get("nested_in=speech") == 1.0
    assert frame_features(doc, said, frames).get("nested=no") == 1.0
