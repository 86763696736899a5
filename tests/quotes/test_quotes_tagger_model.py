"""The shipped span tagger: its weights load without torch, it reads texts longer than one
window, and it finds an attribution the rules over the parse miss (hand-checked)."""
from __future__ import annotations

import numpy as np

from newsprism.quotes.extract import parse_text, quotes_from_doc
from newsprism.quotes.records import OTHER_CUE, TAGGED
from newsprism.quotes.tagger import LAYERS, WINDOW, load_tagger

ARGUMENT = ("Sen. Maria Lopez voted against the bill on Tuesday. Her argument: the reform would cost far more "
            "than its sponsors are willing to admit in public.")


def test_every_piece_of_a_text_longer_than_one_window_gets_probabilities():
    tagger = load_tagger()
    assert tagger is not None
    text = " ".join(f"Paragraph {i} says the council met and the mayor said the budget was fine." for i in range(40))
    (offsets, p), = tagger.probabilities([text])
    assert len(offsets) > 2 * WINDOW
    assert p.shape == (len(offsets), len(LAYERS), 3)
    assert np.allclose(p.sum(axis=-1), 1.0, atol=1e-4)
    assert offsets[-1][1] == len(text)  # through the last piece


def test_a_colon_after_a_noun_of_saying_is_found_with_its_speaker(language):
    quotes = quotes_from_doc(parse_text(ARGUMENT, language))
    found = [q for q in quotes if TAGGED in q.flags]
    assert [q.text for q in found] == ["the reform would cost far more than its sponsors are willing to admit in public"]
    assert found[0].speaker == "Maria Lopez" and found[0].speaker_text == "Her"
    assert OTHER_CUE not in found[0].flags  # "argument" is a noun of saying


def test_without_the_tagger_the_rules_miss_it(language):
    quotes = quotes_from_doc(parse_text(ARGUMENT, language), tagger=None)
    assert not [q for q in quotes if "reform" in q.text]
