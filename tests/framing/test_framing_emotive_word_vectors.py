"""A word's vector is the mean of the hidden states of the word pieces it overlaps (padding and
special pieces left out; zero where no piece reaches the word)."""
from __future__ import annotations

import numpy as np

from newsprism.framing.emotive import _word_vectors


def test_word_vectors_average_the_pieces_each_word_overlaps():
    # "Protesters torched banks": [CLS], "protest" "##ers", "torched", "banks", [SEP], padding
    offsets = np.array([[0, 0], [0, 7], [7, 10], [11, 18], [19, 24], [0, 0], [0, 0]])
    mask = np.array([1, 1, 1, 1, 1, 1, 0], dtype=np.float32)
    hidden = np.arange(7 * 3, dtype=np.float32).reshape(7, 3) ** 1.5
    spans = [(0, 10), (11, 18), (19, 24), (30, 35)]  # the last word is past the 256 pieces
    got = _word_vectors(spans, offsets, hidden, mask)
    assert np.array_equal(got[0], hidden[1:3].mean(0))
    assert np.array_equal(got[1], hidden[3]) and np.array_equal(got[2], hidden[4])
    assert not got[3].any()


def test_word_vectors_of_no_words_or_no_pieces_are_empty_or_zero():
    hidden = np.ones((2, 3), dtype=np.float32)
    assert _word_vectors([], np.zeros((2, 2), dtype=np.int64), hidden, np.ones(2)).shape == (0, 3)
    assert not _word_vectors([(0, 4)], np.zeros((2, 2), dtype=np.int64), hidden, np.ones(2)).any()
