"""loaded_words: the word model and the lexicon on plain text: offsets, reasons, quotation marks."""
from __future__ import annotations

import pytest

import newsprism
from newsprism.framing import loaded_words

LOADED = ('Trump said in his characteristically bizarre syntax that the "radical left mob" is destroying '
          "America. Russia calls its war of aggression a special military operation.")
NEUTRAL = "The committee met on Tuesday to review the budget. The vote is scheduled for March 3."


@pytest.fixture(scope="module")
def found(language):
    return loaded_words(LOADED, language=language)


def test_words_are_offsets_into_the_text_with_their_sentence_and_a_reason(found):
    assert found, "an emotive sentence has loaded words"
    for word in found:
        assert LOADED[word.start:word.end] == word.text
        assert word.sentence_start <= word.start < word.end <= word.sentence_end
        assert word.reason
    assert [w.start for w in found] == sorted(w.start for w in found)


def test_the_model_flags_emotive_words_and_says_so(found):
    by_text = {w.text: w for w in found}
    assert {"bizarre", "destroying"} <= set(by_text)
    assert "model p=" in by_text["bizarre"].reason and by_text["bizarre"].probability >= 0.5
    assert by_text["destroying"].kind == "emotive"


def test_words_inside_quotation_marks_are_a_sources(found):
    quoted = {w.text for w in found if w.quoted}
    assert "mob" in quoted
    assert not any(w.quoted for w in found if w.text in {"bizarre", "destroying"})


def test_lexicon_terms_stay_whole_with_their_category(found):
    by_text = {w.text: w for w in found}
    assert by_text["war of aggression"].kind == "escalating"
    assert by_text["special military operation"].reason.startswith("loaded term: softening (lexicon")
    assert "aggression" not in by_text  # no model word inside a lexicon match


def test_plain_reporting_has_none(language):
    assert loaded_words(NEUTRAL, language=language) == []
    assert loaded_words("   ", language=language) == []


def test_the_top_level_function_is_public(language):
    assert "loaded_words" in newsprism.__all__
    [word] = [w for w in newsprism.loaded_words("It was a disgraceful, shameful decision.", language=language)
              if w.text == "disgraceful"]
    assert {"text", "start", "end", "reason", "quoted"} <= set(word.to_dict())
