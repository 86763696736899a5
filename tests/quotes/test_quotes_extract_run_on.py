"""A clause that goes on after a quotation its cue introduces ('says “the tide is turning”
despite her defeat'), or a clause that a quotation ends ('said that she backs it because “...”'):
the speaker's claim is the whole clause (mixed), the quotation a partial quote inside it."""
from __future__ import annotations

import pytest

from newsprism.quotes import extract_quotes


def _kinds(text, language):
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(text, language=language)]


def test_a_clause_going_on_after_the_quotation_is_reported_speech_holding_it(language):
    text = "Moreno says “the tide is turning” despite her defeat in the Ohio primary."
    assert _kinds(text, language) == [
        ("mixed", "“the tide is turning” despite her defeat in the Ohio primary", "Moreno"),
        ("partial", "the tide is turning", "Moreno")]


def test_a_second_quotation_in_the_clause_is_a_partial_quote_of_it(language):
    text = "Moreno says “the game is rigged” because “the rules keep changing every year.”"
    kinds = _kinds(text, language)
    assert kinds[0] == ("mixed", "“the game is rigged” because “the rules keep changing every year.”", "Moreno")
    assert [k for k, _, _ in kinds[1:]] == ["partial", "partial"]


def test_a_quotation_that_ends_its_sentence_stays_direct(language):
    text = "Moreno tweeted, “Thank you, Ohio!” on Friday night."
    assert _kinds(text, language) == [("direct", "Thank you, Ohio!", "Moreno")]


@pytest.mark.parametrize("text, words", [
    ("Moreno said “we will win Ohio” on Friday night.", "we will win Ohio"),
    ("Moreno said “we did it, we won the state” moments after the polls closed.", "we did it, we won the state"),
])
def test_when_it_was_said_is_not_what_was_said(language, text, words):
    assert _kinds(text, language) == [("direct", words, "Moreno")]


def test_words_shown_or_mouthed_do_not_run_on(language):
    text = "Moreno held up a sign reading “Ohio Loves You” for the cameras behind her."
    kinds = {(k, t) for k, t, _ in _kinds(text, language)}
    assert ("direct", "Ohio Loves You") in kinds and ("partial", "Ohio Loves You") not in kinds


def test_reported_speech_starting_on_a_quoted_fragment_holds_the_whole_quotation(language):
    # the parser starts the content on the quotation's first word, inside its marks
    text = "Moreno tweeted “Thank you Ohio” to her supporters."
    assert _kinds(text, language) == [("mixed", "“Thank you Ohio” to her supporters", "Moreno"),
                                      ("partial", "Thank you Ohio", "Moreno")]


def test_the_speakers_next_act_is_not_what_was_said(language):
    text = "Moreno said “I will never resign” and walked out of the hearing room."
    assert _kinds(text, language) == [("direct", "I will never resign", "Moreno")]


def test_the_clause_ends_at_a_comma(language):
    text = "Moreno said “I am tired of the lies” about her voting record, and the crowd cheered."
    assert _kinds(text, language)[0] == ("mixed", "“I am tired of the lies” about her voting record", "Moreno")


def test_a_reported_clause_that_a_quotation_ends_is_reported_speech_holding_it(language):
    text = "Ortiz told Politico on Wednesday that she backs the plan because “we need a leader, not a manager.”"
    assert _kinds(text, language) == [
        ("mixed", "that she backs the plan because “we need a leader, not a manager.”", "Ortiz"),
        ("partial", "we need a leader, not a manager.", "Ortiz")]


@pytest.mark.parametrize("text, words", [
    ("Ortiz said in an interview on Monday, “We will win this state by ten points.”",
     "We will win this state by ten points."),
    ("Ortiz said as she introduced her husband, “Finally, the dam broke and we are free.”",
     "Finally, the dam broke and we are free."),
])
def test_phrases_and_clauses_of_time_before_a_quotation_leave_it_direct(language, text, words):
    assert _kinds(text, language) == [("direct", words, "Ortiz")]


def test_where_it_was_said_is_not_what_was_said(language):
    text = "Moreno said “the wall will be built” at a rally in Texas."
    assert _kinds(text, language) == [("direct", "the wall will be built", "Moreno")]
