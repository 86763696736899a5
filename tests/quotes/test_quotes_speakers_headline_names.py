"""A headline's capitals are not a name: the tagger reads "Garza Snub" in a Title Case headline as a
person, and every later "Garza" became "Garza Snub" (in Multi-News, "Obama Diss")."""
from __future__ import annotations

from newsprism.quotes import extract_quotes
from newsprism.quotes.speakers import _headline_only

TEXT = ("Harbor Town Stunned by Garza Snub\n\n"
        "The council was surprised by the news, because Garza personally told the mayor he thought the new "
        "pier was a \"fine project\" when they met last year.")


def test_a_name_seen_only_in_the_headline_does_not_name_the_speaker(language):
    quotes = extract_quotes(TEXT, language=language)
    assert quotes and {q.speaker for q in quotes} == {"Garza"}


def test_a_headline_name_that_the_body_repeats_is_a_name():
    text = "Ana Garza Wins Harbor Vote\n\nAna Garza said the pier would open in May."
    assert not _headline_only(text, "Ana Garza")
    assert _headline_only("Harbor Town Stunned by Garza Snub\n\nGarza said so.", "Garza Snub")


def test_a_sentence_is_not_a_headline():
    assert not _headline_only("Yesterday Ana Garza Wins said hello.\n", "Ana Garza Wins")


def test_share_buttons_left_in_the_text_are_nobody(language):
    from newsprism.quotes import extract_quotes

    text = ("Facebook Twitter Pinterest\n\nThe rats were slower, researchers said.\n\n"
            "“When rats were given THC we found that they were less likely to exert the mental energy,” he said.")
    quote = next(q for q in extract_quotes(text, language=language) if q.kind == "direct")
    assert quote.speaker is None
