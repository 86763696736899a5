"""The span tagger's decoding: B / I / O probabilities per word piece into character spans."""
from __future__ import annotations

import numpy as np

from newsprism.quotes.tagger import INSIDE, TaggedSpan, decode, spans_of, words_of

O, B, I = (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)  # noqa: E741


def test_a_span_runs_from_its_b_piece_over_its_i_pieces():
    offsets = np.array([[0, 3], [4, 8], [9, 12], [13, 17], [18, 20]])
    p = np.array([O, B, I, I, O])
    assert spans_of(offsets, p) == [TaggedSpan(4, 17, 1.0)]


def test_a_new_b_starts_a_new_span_and_an_i_after_o_opens_one():
    offsets = np.array([[0, 3], [4, 8], [9, 12], [13, 17], [18, 20]])
    p = np.array([B, I, B, O, I])
    assert [(s.start, s.end) for s in spans_of(offsets, p)] == [(0, 8), (9, 12), (18, 20)]


def test_an_unsure_piece_ends_the_span_and_the_score_is_the_mean_inside_probability():
    offsets = np.array([[0, 3], [4, 8], [9, 12]])
    sure_b, weak_i, unsure = (0.1, 0.9, 0.0), (0.3, 0.0, 0.7), (1 - INSIDE + 0.1, 0.0, INSIDE - 0.1)
    spans = spans_of(offsets, np.array([sure_b, weak_i, unsure]))
    assert [(s.start, s.end) for s in spans] == [(0, 8)]
    assert abs(spans[0].score - 0.8) < 1e-9


def test_special_pieces_without_characters_are_skipped():
    offsets = np.array([[0, 3], [0, 0], [4, 8]])
    p = np.array([B, O, I])
    assert [(s.start, s.end) for s in spans_of(offsets, p)] == [(0, 8)]


def test_decode_drops_short_contents_but_keeps_short_cues_and_sources():
    offsets = np.array([[0, 2], [3, 7], [8, 12]])
    p = np.zeros((3, 3, 3))
    p[:, 0] = [B, I, O]  # content "He said": too short to be what someone said
    p[:, 1] = [O, B, O]
    p[:, 2] = [B, O, O]
    tagging = decode(offsets, p)
    assert tagging.contents == ()
    assert [(s.start, s.end) for s in tagging.cues] == [(3, 7)]
    assert [(s.start, s.end) for s in tagging.sources] == [(0, 2)]


def test_word_pieces_glued_by_letters_are_one_word_but_punctuation_is_its_own():
    text = "to affirm, he said"
    offsets = np.array([[0, 2], [3, 5], [5, 9], [9, 10], [11, 13], [14, 18]])  # to af ##firm , he said
    assert words_of(offsets, text) == [[0], [1, 2], [3], [4], [5]]


def test_with_the_text_no_span_starts_or_ends_inside_a_word():
    text = "unwillingness to affirm his support for the plan"
    # unwillingness to af ##firm his support for the plan
    offsets = np.array([[0, 13], [14, 16], [17, 19], [19, 23], [24, 27], [28, 35], [36, 39], [40, 43], [44, 48]])
    cue = np.array([B, I, I, O, O, O, O, O, O])  # the model let "##firm" out of the cue
    content = np.array([O, O, O, B, I, I, I, I, I])  # ... and into the content
    p = np.stack([content, cue, np.array([O] * 9)], axis=1)
    tagging = decode(offsets, p, text)
    assert [text[s.start:s.end] for s in tagging.cues] == ["unwillingness to affirm"]
    assert [text[s.start:s.end] for s in tagging.contents] == ["his support for the plan"]
    pieces = decode(offsets, p)  # without the text: piece by piece
    assert [text[s.start:s.end] for s in pieces.cues] == ["unwillingness to af"]
    assert [text[s.start:s.end] for s in pieces.contents] == ["firm his support for the plan"]
