"""The summarizer on small hand-written texts: budget, duplicates, citations, groups, edge cases."""
from __future__ import annotations

import pytest

from newsprism.summarize import Summary, summarize

STORM = [
    "A powerful storm hit the coast of Florida on Monday, cutting power to 200,000 homes. "
    "Governor Ron DeSantis declared a state of emergency in twelve counties. "
    "Schools in Miami will stay closed until Wednesday, officials said. "
    "The storm is expected to weaken as it moves north over Georgia.",
    "Governor Ron DeSantis declared a state of emergency in twelve counties on Monday. "
    "A powerful storm hit the Florida coast, leaving about 200,000 homes without electricity. "
    "Forecasters said the storm would lose strength over Georgia later this week. "
    "Insurance companies are preparing for thousands of claims from homeowners.",
    "The local baseball team postponed its game against Atlanta because of heavy rain. "
    "Fans who bought tickets for the game will get a full refund from the club, a spokesman said. "
    "The match will now be played next month at the same stadium in the evening.",
]


def test_summarize_small_budget_respected(language):
    for words in (15, 30, 60, 1000):
        summary = summarize(STORM, words, language=language)
        assert summary.words <= words
        assert all(len(s.text.split()) <= words for s in summary.sentences)
    assert summarize(STORM, 5, language=language).sentences == ()  # nothing fits: nothing said


def test_summarize_small_duplicates_removed(language):
    copy = STORM[0]
    summary = summarize([STORM[0], copy, STORM[2]], 1000, language=language)
    texts = [s.text for s in summary.sentences]
    assert len(texts) == len(set(texts))


def test_summarize_small_citations_include_aligned_copies(language):
    summary = summarize(STORM, 1000, language=language)
    emergency = [s for s in summary.sentences if "state of emergency" in s.text]
    assert len(emergency) == 1  # told by two articles, said once
    assert set(emergency[0].citations) == {"0", "1"}
    assert emergency[0].independent_sources == 2
    rain = [s for s in summary.sentences if "refund" in s.text]
    assert all(s.citations == ("2",) for s in rain)


def test_summarize_small_group_of_counts_copies_once(language):
    summary = summarize(STORM, 1000, language=language, group_of={"0": "wire", "1": "wire"})
    emergency = next(s for s in summary.sentences if "state of emergency" in s.text)
    assert set(emergency.citations) == {"0", "1"} and emergency.independent_sources == 1


def test_summarize_small_prefers_corroborated(language):
    """With room for one sentence, the storm (two sources) beats the ballgame (one)."""
    [only] = summarize(STORM, 20, language=language).sentences
    assert only.article in {"0", "1"} and only.independent_sources == 2


def test_summarize_small_document_order(language):
    summary = summarize(STORM, 1000, language=language)
    keys = [(int(s.article), s.position) for s in summary.sentences]
    assert keys == sorted(keys)


@pytest.mark.parametrize("texts", [[], [""], ["", "   \n\n "], ["%%%% ### !!!"]])
def test_summarize_small_empty_input(language, texts):
    summary = summarize(texts, 100, language=language)
    assert summary == Summary(version=summary.version)
    assert summary.to_json() == {"summary": "", "sentences": []}


def test_summarize_small_junk_does_not_crash(language):
    junk = ["Tweet with a location\n\nYou can add location information to your Tweets.\n\n"
            "Learn more\n\nhttp://example.com/a/b?c=d\n\n© 2017 All rights reserved",
            "\x00\x01 ½ ¼ \u200b" * 50, "a. b. c. d. e." * 30, "word " * 5000]
    summary = summarize(junk, 260, language=language)
    assert summary.words <= 260
    assert not any("Tweet with a location" in s.text for s in summary.sentences)


def test_summarize_small_dangling_pronoun_needs_its_referent(language):
    """'He said ...' is only taken with the sentence that names him."""
    texts = [
        "Senator Maria Lopez unveiled a plan to cut income taxes for families on Tuesday. "
        "\"This plan will cut income taxes for every working family,\" she said at a rally.",
        "A plan to cut income taxes for families was unveiled by a senator on Tuesday in the capital.",
    ]
    for words in (20, 40, 1000):
        summary = summarize(texts, words, language=language)
        quotes = [s for s in summary.sentences if "she said" in s.text]
        for quote in quotes:
            assert any(s.article == quote.article and s.position == quote.position - 1
                       for s in summary.sentences)


def test_summarize_small_module_is_callable(language):
    import newsprism.summarize as summarize_module

    summary = summarize_module(STORM, 30, language=language)
    assert summary == summarize(STORM, 30, language=language)
    assert summarize_module.Summary is Summary


def test_summarize_small_texts_a_long_lede_may_be_chosen_a_long_later_sentence_not(language):
    """A document's first sentence may run to ``lead_max_words`` (NeuS ledes), a later one only
    to ``max_words``."""
    from newsprism.summarize import Weights

    long_tail = " ".join(["the committee also reviewed the budget for the new library wing"] * 4)
    lede = f"The city council voted on Monday to approve the new library after {long_tail}."
    later = f"Residents who attended the meeting said that {long_tail}."
    assert Weights().max_words < len(lede.split()) <= Weights().lead_max_words
    assert Weights().max_words < len(later.split()) <= Weights().lead_max_words
    summary = summarize([f"{lede} {later}"], 200, language=language)
    assert [s.text for s in summary.sentences] == [lede]
