"""Golden test: every quote GOLD.md lists for the seeds, with the right speaker."""
from __future__ import annotations

import pytest

from testkit import find_article


def _quote(seed_articles, seed_quotes, phrase: str, kind: str | None = None):
    """The quote whose content holds ``phrase`` (the article is found by the same phrase)."""
    article = find_article(seed_articles, phrase)
    found = [q for q in seed_quotes[article.id] if phrase in q.text and (kind is None or q.kind == kind)]
    assert found, f"no quote holds {phrase!r}"
    return article, found[0]


@pytest.mark.parametrize("phrase, speaker", [
    ("We -- and other countries -- have received assurances from China", "Antony Blinken"),
    ("With regard to lethal aid to Russia for use in Ukraine", "Antony Blinken"),
    ("I reiterated our serious concern about the PRC providing components", "Antony Blinken"),
    ("just like the first button of a shirt", "Xi Jinping"),
    ("Broadly speaking, what you would be seeing is a country like China", "Patrick Ryder"),
    ("It would prolong this conflict", "Patrick Ryder"),
    ("Without getting too far ahead of those meetings", "Matthew Miller"),
    ("China regulates the export of dual-use items", "Mao Ning"),
    ("Relevant countries should not distort or attack", "Mao Ning"),
])
def test_direct_quotes_have_their_speaker(seed_articles, seed_quotes, phrase, speaker):
    article, quote = _quote(seed_articles, seed_quotes, phrase)
    assert quote.kind == "direct"
    assert quote.speaker == speaker
    assert article.text[quote.start:quote.end] == quote.text
    assert article.text[quote.speaker_start:quote.speaker_end] == quote.speaker_text


def test_he_in_000_line_12_is_blinken(seed_articles, seed_quotes):
    _, quote = _quote(seed_articles, seed_quotes, "We have not seen any evidence that contradicts that")
    assert (quote.speaker_text, quote.speaker, quote.cue) == ("he", "Antony Blinken", "said")
    assert "pronoun-speaker" in quote.flags


def test_the_us_diplomat_is_blinken(seed_articles, seed_quotes):
    _, quote = _quote(seed_articles, seed_quotes, "there were concerns about Chinese firms providing Russia")
    assert quote.kind == "indirect"
    assert (quote.speaker_text, quote.speaker) == ("the U.S. diplomat", "Antony Blinken")


def test_wang_yi_giant_ship_fragment(seed_articles, seed_quotes):
    _, fragment = _quote(seed_articles, seed_quotes, "giant ship", kind="partial")
    assert fragment.speaker == "Wang Yi"
    article = find_article(seed_articles, "giant ship")
    # reported speech holding the quoted fragment is "mixed": neither verbatim nor a plain paraphrase
    [reported] = [q for q in seed_quotes[article.id] if "giant ship" in q.text and q.cue == "told" and q.kind == "mixed"]
    assert reported.speaker == "Wang Yi"


def test_003_line_12_keeps_the_attribution_the_text_gives(seed_articles, seed_quotes):
    """The words are a US official's, but the text says a Foreign Ministry spokesman: keep that,
    as an unnamed role with its organisation, so alignment can flag the misattribution."""
    _, quote = _quote(seed_articles, seed_quotes, "We will express these concerns to China")
    assert quote.speaker == "Foreign Ministry spokesman"
    assert quote.speaker_org == "Foreign Ministry"
    assert quote.speaker_text == "A Foreign Ministry spokesman"
    assert "unnamed-speaker" in quote.flags


def test_unnamed_state_department_spokesman_stays_a_role(seed_articles, seed_quotes):
    _, quote = _quote(seed_articles, seed_quotes, "We reiterate our deep concerns")
    assert quote.speaker == "US State Department spokesman" and "unnamed-speaker" in quote.flags


def test_according_to_matthew_miller(seed_articles, seed_quotes):
    _, quote = _quote(seed_articles, seed_quotes, "is set to discuss concerns with China")
    assert (quote.kind, quote.cue, quote.speaker) == ("indirect", "according to", "Matthew Miller")
    assert quote.speaker_text == "State Department spokesperson Matthew Miller"


def test_quote_continued_over_paragraphs_keeps_speaker(seed_articles, seed_quotes):
    """002: Blinken's quote goes on in the next paragraph, which has no cue of its own."""
    _, quote = _quote(seed_articles, seed_quotes, "China is the top supplier of machine tools")
    assert quote.speaker == "Antony Blinken" and "continued" in quote.flags


def test_no_speaker_is_invented(seed_articles, seed_quotes):
    """Every speaker is a name, role or body written in the text."""
    for article in seed_articles:
        for quote in seed_quotes[article.id]:
            if quote.speaker is None:
                continue
            for word in quote.speaker.split():
                assert word in article.text, (quote.speaker, article.headline)
