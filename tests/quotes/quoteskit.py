"""Quote test helpers: the frame a cue makes in a parsed sentence, and its source as written."""
from __future__ import annotations

from newsprism.quotes.cues import Frame, find_frames
from newsprism.quotes.extract import parse_text


def frame_of(language, text: str, cue: str, *, any_verb: bool = False) -> Frame:
    """The first frame of ``text`` whose cue word is ``cue`` ("said", "according to")."""
    doc = parse_text(text, language)
    return next(f for f in find_frames(doc, any_verb=any_verb) if f.cue_word == cue)


def source_of(language, text: str, cue: str, *, any_verb: bool = False) -> str | None:
    """The source mention of that frame, as written (None: the frame has none)."""
    frame = frame_of(language, text, cue, any_verb=any_verb)
    return None if frame.source_start is None else text[frame.source_start:frame.source_end]
