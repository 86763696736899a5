"""A relative pronoun subject ("commentators who have suggested ...") is the source together with
the noun it stands for: the mention spans both, and the speaker is the noun, not "who"."""
from __future__ import annotations

from quoteskit import source_of

from newsprism.quotes import extract_quotes


def test_the_mention_runs_from_the_noun_to_the_pronoun(language):
    text = "The plan drew fire from several harbor pilots, who said that the channel was too shallow."
    assert source_of(language, text, "said") == "several harbor pilots, who"


def test_the_speaker_is_the_person_the_pronoun_stands_for(language):
    text = ("Mayor Olga Brandt spoke on Monday. The crowd cheered for Olga Brandt, who said that "
            "the bridge would reopen in May.")
    quotes = extract_quotes(text, language=language)
    said = next(q for q in quotes if q.cue == "said")
    assert said.speaker == "Olga Brandt"
    assert said.speaker_text == "Olga Brandt, who"
