"""The shipped loaded-word model and its lexicons: shapes, thresholds, lookups, sentence cuts."""
from __future__ import annotations

import numpy as np

from newsprism.framing import patterns as P
from newsprism.framing.emotive import (
    SHAPE_FEATURES,
    default_model,
    default_sentiment,
    sentence_features,
)
from newsprism.framing.words import sentence_spans

MINILM = 384


def test_shipped_weights_fit_the_features():
    model = default_model()
    assert model.word_coef.shape == (MINILM + len(SHAPE_FEATURES),)
    assert model.sentence_coef.shape == sentence_features(np.zeros(MINILM), np.array([0.1, 0.9]), 0.5).shape
    assert 0 < model.word_threshold < 1 and 0 < model.sentence_threshold < 1
    assert "BABE" in model.about and model.version


def test_sentiment_lexicon_reads_inflections():
    lexicon = default_sentiment()
    assert lexicon.lookup("horrible")[0] < 0
    assert lexicon.lookup("Destroying")[0] < 0  # "destroy" via the -ing form
    assert lexicon.lookup("table") == (None, None)


def test_sentences_cut_on_stops_not_on_abbreviations_and_long_ones_in_pieces():
    text = 'Mr. Smith met U.S. officials. "It was fine," he said.\nA line without a stop'
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Mr. Smith met U.S. officials.", '"It was fine," he said.', "A line without a stop"]
    long = " ".join(f"w{i}" for i in range(P.MAX_SENTENCE_WORDS * 2 + 5))
    pieces = sentence_spans(long)
    assert len(pieces) == 3 and all(len(long[s:e].split()) <= P.MAX_SENTENCE_WORDS for s, e in pieces)
    assert " ".join(long[s:e] for s, e in pieces) == long
