"""A possessive alone as the source of a noun cue ("His assertion that ...") stands for a person:
the speaker is who "his" refers to, or unresolved, never the word "His"."""
from __future__ import annotations

from newsprism.quotes.speakers import SpeakerIndex
from newsprism.quotes.extract import parse_text


def _resolve(text: str, mention: str, language):
    doc = parse_text(text, language)
    index = SpeakerIndex.build(doc)
    start = text.rindex(mention)
    return index.resolve(start, start + len(mention), None)


def test_possessive_source_resolves_like_its_pronoun(language):
    text = ("Eben Alexander said on Monday that the coma had changed him. His assertion that psychedelics "
            "do not explain the visions is disputed.")
    assert _resolve(text, "His", language).speaker == "Eben Alexander"


def test_possessive_with_no_antecedent_is_unresolved(language):
    text = "Their assertion that the vote was rigged is false."
    assert _resolve(text, "Their", language).speaker is None
