"""Shingles and overlap: a truncated copy is contained in the full text; overlap is symmetric."""
from hypothesis import given, strategies as st

from newsprism.dedup.minhash import estimated_jaccard, overlap, shingles, signature, words

TEXT = ("The storm brought down power lines across the county on Tuesday night, and crews worked until "
        "dawn to restore service to more than twelve thousand homes, the utility said in a statement. "
        "Schools in three districts stayed closed while roads were cleared of fallen trees and debris.")


def test_words_ignore_case_punctuation_and_curly_apostrophes():
    assert words("Didn’t it RAIN? It didn't.") == ["didn't", "it", "rain", "it", "didn't"]


def test_truncated_copy_is_contained_but_not_jaccard_similar():
    half = " ".join(TEXT.split()[:25])
    containment, jaccard = overlap(shingles(half), shingles(TEXT))
    assert containment == 1.0 and jaccard < 0.6


def test_boilerplate_around_a_copy_keeps_containment():
    padded = "Home | News | Local\nAdvertisement\n" + TEXT + "\nSubscribe to our newsletter. All rights reserved."
    assert overlap(shingles(TEXT), shingles(padded))[0] == 1.0


def test_signature_estimates_jaccard():
    a, b = shingles(TEXT), shingles(TEXT.replace("Tuesday", "Wednesday"))
    assert abs(estimated_jaccard(signature(a), signature(b)) - overlap(a, b)[1]) < 0.15


def test_empty_and_tiny_texts():
    assert len(shingles("")) == 0 and len(shingles("two words")) == 1
    assert overlap(shingles(""), shingles(TEXT)) == (0.0, 0.0)


@given(st.text(max_size=300), st.text(max_size=300))
def test_overlap_is_symmetric_and_bounded(x, y):
    a, b = shingles(x), shingles(y)
    assert overlap(a, b) == overlap(b, a)
    containment, jaccard = overlap(a, b)
    assert 0.0 <= jaccard <= containment <= 1.0
