"""A quotation's cue after it whose name the parser took for its object: '“...,” added another
New Hampshire Democrat' is that Democrat's."""
from __future__ import annotations

from newsprism.quotes import extract_quotes


def test_the_object_after_a_trailing_cue_is_the_speaker(language):
    text = ("“It is hers to lose at this point,” said one New Hampshire Republican.\n\n"
            "“It’s Bernie’s to lose at this point,” added another New Hampshire Democrat. “The team has done what it needs.”")
    quotes = extract_quotes(text, language=language)
    quote = next(q for q in quotes if q.text.startswith("It’s Bernie’s"))
    assert quote.speaker_text is not None and "Democrat" in quote.speaker_text
