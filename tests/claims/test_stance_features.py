"""Stance features without the model: stemming, sentences, cue words, polarity."""
from __future__ import annotations

import numpy as np

from newsprism.claims.stance_features import (
    CUES, FEATURE_NAMES, PROTO_KINDS, Prototypes, headline_sentences, numbers, pair_features,
    read_text, sentence_cues, split_sentences, stem, words)

# two-dimensional stand-ins for MiniLM vectors
TOY_PROTOTYPES = Prototypes(kinds=PROTO_KINDS, vectors=tuple(np.array([[0.0, 1.0]]) for _ in PROTO_KINDS))


def test_stem_meets_inflections():
    assert stem("denies") == stem("denied") == stem("denying") == stem("deny")
    assert stem("warned") == stem("warning") == stem("warns") == "warn"
    assert stem("stopped") == stem("stop")
    assert stem("hoaxes") == stem("hoax")


def test_split_sentences_keeps_offsets():
    body = 'He said it. "It is false," she added.\n\nA new paragraph? Yes.'
    spans = split_sentences(body)
    assert [s.text for s in spans] == ["He said it.", '"It is false," she added.', "A new paragraph?", "Yes."]
    assert all(body[s.start:s.end] == s.text for s in spans)


def test_split_sentences_keeps_abbreviations_and_initials():
    body = "U.S. Secretary of State Antony Blinken met Mr. Wang on Jan. 5 in Beijing. J. Smith said so."
    assert [s.text for s in split_sentences(body)] == [
        "U.S. Secretary of State Antony Blinken met Mr. Wang on Jan. 5 in Beijing.", "J. Smith said so."]


def test_split_sentences_of_blank_text_is_empty():
    assert split_sentences("") == ()
    assert split_sentences(" \n\n ") == ()


def _polarity(text: str) -> int:
    return sentence_cues(words(text))[1]


def test_polarity_support_and_oppose():
    assert _polarity("The minister will boost funding for schools") == 1
    assert _polarity("The minister warned against cuts") == -1
    # an opposing cue dominates what it is about: concerns about support oppose the support
    assert _polarity("He raised concerns about their support for the regime") == -1


def test_negation_flips_polarity():
    assert _polarity("The council will not support the plan") == -1


def test_cue_counts():
    counts, _ = sentence_cues(words("Officials denied the hoax, which was reportedly fake"))
    row = dict(zip(CUES, counts))
    assert row["refute"] >= 3 and row["hedge"] >= 1


def test_numbers_meet_number_words():
    assert numbers("Three killed, 2,500 injured") == {"3", "2500"}


def _view(text, vectors, *, headline=False):
    spans = headline_sentences(text) if headline else split_sentences(text)
    return read_text(text, spans, np.asarray(vectors, dtype=np.float32), prototypes=TOY_PROTOTYPES)


def test_pair_features_shape_and_polarity_flip():
    head = _view("Mayor to boost funding for the stadium", [[1.0, 0.0]], headline=True)
    body = _view("The mayor warned against funding the stadium. Weather was fine.",
                 [[0.9, 0.436], [0.0, 1.0]])
    features = dict(zip(FEATURE_NAMES, pair_features(head, body)))
    assert len(features) == len(FEATURE_NAMES)
    assert features["head_polarity"] == 1
    assert features["polarity_flip"] == 1
    assert 0 < features["cover_body"] <= 1


def test_cue_words_near_headline_words_are_counted():
    head = _view("Singer adopts a lion", [[1.0, 0.0]], headline=True)
    body = _view("The label denied that the singer adopts a lion. The weather was hoax-free.",
                 [[1.0, 0.0], [0.0, 1.0]])
    features = dict(zip(FEATURE_NAMES, pair_features(head, body)))
    assert features["win_refute_any"] == 1 and features["win_hits"] > 0


def test_pair_features_of_empty_body_are_zero():
    head = _view("Anything", [[1.0, 0.0]], headline=True)
    body = _view("", np.zeros((0, 2)))
    assert not pair_features(head, body).any()
