"""A quotation that is the whole content of accepted reported speech with a verb outside the cue
lexicon ("cracked", "boomed") is that frame's direct quote: one quote with its speaker, not an
unattributed quote beside a paraphrase of the same words."""
from __future__ import annotations

from newsprism.quotes import extract_quotes


def test_the_quote_takes_the_frame_that_reports_it(language):
    text = ("During their first debate, Maria Lopez cracked, ''I'm a reformer, but I'm a reformer "
            "who likes to get things done'' - she has often been effective.")
    quotes = [q for q in extract_quotes(text, language=language) if q.text.startswith("I'm a reformer")]
    assert len(quotes) == 1
    assert (quotes[0].kind, quotes[0].speaker, quotes[0].cue) == ("direct", "Maria Lopez", "cracked")
