"""Sentence alignment, quotes, numbers and wire names (no model: vectors are made by hand)."""
import numpy as np

from newsprism.dedup import normalize_wire
from newsprism.dedup.align import align, numbers, quotes, shared_quotes


def unit(*rows):
    m = np.asarray(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_alignment_is_one_to_one():
    a = unit([1, 0, 0], [1, 0.05, 0], [0, 1, 0])
    b = unit([1, 0, 0], [0, 0, 1])
    al = align(a, b, 0.9)
    assert (al.aligned, al.of) == (1, 2)  # two sentences of a match one of b: it counts once
    assert al.share == 0.5 and al.mean_cosine > 0.99


def test_alignment_of_nothing():
    empty = np.zeros((0, 3), dtype=np.float32)
    assert align(empty, unit([1, 0, 0]), 0.8).share == 0.0


def test_long_quotes_only_and_trimmed_quotes_match():
    text = ('He said "no limits" and then: “We have asked the Chinese government to be very vigilant about '
            'that,” adding "it is not and will not provide lethal assistance".')
    found = quotes(text)
    assert found == ("we have asked the chinese government to be very vigilant about that",
                     "it is not and will not provide lethal assistance")
    assert shared_quotes(found, ("asked the chinese government to be very vigilant",)) == [found[0]]


def test_numbers_are_normalised_and_common_ones_dropped():
    got = numbers("In 2023, 2,500 people fled; 3 died; turnout was 40 % and costs hit 1.5 million, up 6.1.")
    assert got == {"2500", "40%", "1.5million", "6.1"}


def test_wire_names():
    assert normalize_wire("Agence France-Presse") == normalize_wire("AFP Staff Writers") == "AFP"
    assert normalize_wire("The Associated Press") == "AP"
    assert normalize_wire("  ") is None and normalize_wire(None) is None
    assert normalize_wire("Some Local Wire") == "some local wire"


def test_quantized_vectors_keep_cosines():
    from newsprism.dedup.align import dequantize, quantize

    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(50, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    codes, scales = quantize(vectors)
    assert codes.dtype == np.int8
    restored = dequantize(codes, scales)
    assert np.abs(restored @ restored.T - vectors @ vectors.T).max() < 0.01
    assert quantize(np.zeros((0, 384), dtype=np.float32))[0].shape == (0, 384)
