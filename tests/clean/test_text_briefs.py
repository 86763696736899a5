"""A one-sentence brief is an article; a lone menu, cue or fragment is not."""
from newsprism.clean.text import clean_text

BRIEF = ("Staunton police on Friday arrested a 60-year-old woman on first-degree murder charges in the 1967 "
         "slayings of two women at an ice cream shop.")


def test_a_one_sentence_brief_is_kept_whole():
    cleaned = clean_text(BRIEF)
    assert cleaned.text == BRIEF


def test_a_lone_menu_cue_or_fragment_is_still_no_article():
    for text in ("Home | News | Sport | Contact us", "Please enable JavaScript to view this page.",
                 "Copyright 2024 Example Media. All rights reserved.", "Blinken landed on Wednesday."):
        assert not clean_text(text).blocks, text

