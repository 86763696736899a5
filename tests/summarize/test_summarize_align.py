"""The alignment rule behind citations (no model: cosines given)."""
from __future__ import annotations

from newsprism.summarize.align import content_words, is_aligned, mutual_overlap

LONG = ("Channel 11 News reported that the student's mother said 2,400 text messages were exchanged "
        "between her child and the Beechwood Elementary School teacher over a two-week span.")


def test_summarize_align_copy_and_rewording():
    a = content_words("Governor Ron DeSantis declared a state of emergency in twelve counties.")
    assert is_aligned(0.99, a, a)
    assert is_aligned(0.0, a, content_words("On Monday Ron DeSantis, the governor, declared a state of "
                                            "emergency in twelve counties."))
    assert is_aligned(0.85, content_words("China has assured the United States it won't supply Russia "
                                          "lethal aid, Blinken said after meeting Xi Jinping."),
                      content_words("We have received assurances from China that it will not provide "
                                    "lethal assistance to Russia."))


def test_summarize_align_shared_names_are_not_enough():
    short = content_words("She was a teacher at Beechwood Elementary School in Beechview.")
    assert mutual_overlap(content_words(LONG), short) >= 0.7
    assert not is_aligned(0.39, content_words(LONG), short)
    assert not is_aligned(0.77, content_words("Blinken met Foreign Minister Qin Gang on June 18."),
                          content_words("Blinken held talks with Wang Yi in Beijing on Friday."))


def test_summarize_align_symmetric_in_overlap():
    a, b = content_words(LONG), content_words("The teacher exchanged 2,400 text messages with the student.")
    assert mutual_overlap(a, b) == mutual_overlap(b, a)
