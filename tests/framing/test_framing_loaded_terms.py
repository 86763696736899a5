"""Loaded terms: offsets, categories, longest match, quotation marks, {PLACE} patterns."""
from __future__ import annotations

from framingkit import make_article

from newsprism.framing import framing_panel, loaded_terms


def test_offsets_and_categories():
    text = "The so-called referendum was staged by the regime after a brutal crackdown."
    terms = loaded_terms(make_article(text, id="x"))
    assert [(t.term, t.category) for t in terms] == [
        ("so-called", "doubt"), ("regime", "label"), ("brutal", "intensifier"), ("repressive", "intensifier")]
    assert all(text[t.start:t.end] == t.text for t in terms)


def test_longest_match_wins_and_quotes_mark_sources():
    text = 'He condemned "a war of aggression" while the paper wrote of aggression.'
    terms = loaded_terms(text)
    assert [(t.text, t.quoted) for t in terms] == [("war of aggression", True), ("aggression", False)]


def test_place_patterns_need_a_name():
    terms = loaded_terms("The crisis deepened. The Ukraine crisis and the conflict in Gaza went on. This conflict too.")
    assert [t.text for t in terms] == ["Ukraine crisis", "conflict in Gaza"]
    assert {t.category for t in terms} == {"softening"}


def test_rates_are_per_thousand_words_and_own_voice(language):
    filler = " ".join(["word"] * 96)
    articles = [make_article(f'The regime spoke of "a brutal war". {filler}', id="a", outlet="One"),
                make_article(f"Nothing loaded here at all. {filler}", id="b", outlet="Two")]
    panel = framing_panel(articles, {}, groups=[], word_model=False, language=language)  # the lexicon's own counts
    one, two = panel.outlet("One"), panel.outlet("Two")
    assert one.words == 103 and one.loaded_per_1000 == round(1000 * 2 / 103, 2)
    assert one.own_voice_per_1000 == round(1000 * 1 / 103, 2)  # "brutal" is inside quotation marks
    assert two.loaded == () and two.loaded_per_1000 == 0.0
