"""A name after a quotation the parser hangs elsewhere is still its speaker: '“...,” said David
Brock, a confidant who heads ...' (the name made the subject of a later verb), '“...,” Nate
Silver, the analyst who founded ..., tweeted' (the name made the root, the cue a modifier)."""
from __future__ import annotations

from newsprism.quotes import extract_quotes


def _speaker_of(language, text: str, opening: str) -> str | None:
    quote = next(q for q in extract_quotes(text, language=language) if q.text.startswith(opening))
    return quote.speaker


def test_the_name_right_after_an_inverted_cue(language):
    text = "“This is a disgrace,” said Oliver Brandt, a mayoral aide who heads the super PAC Correct the Record."
    assert _speaker_of(language, text, "This is a disgrace") == "Oliver Brandt"


def test_a_cue_hung_from_the_name_before_it(language):
    text = ("“The mayor needs a strategy for targeting Johnson and Stein voters,” Nate Silverman, the "
            "polling guru who founded the site, tweeted on Wednesday. “They're clearly there.”")
    assert _speaker_of(language, text, "The mayor needs") == "Nate Silverman"
