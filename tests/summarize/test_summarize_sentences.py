"""The rule-based sentence splitter and the dependent-sentence test (no model needed)."""
from __future__ import annotations

from hypothesis import given, strategies as st

from newsprism.summarize import split_sentences
from newsprism.summarize.sentences import is_dependent, is_partial_quote


def test_summarize_sentences_abbreviations_and_initials():
    text = ("Mr. Smith went to Washington, D.C. on Jan. 5. He met U.S. officials there. "
            "\"We are done,\" he said. It happened in the U.S. The president spoke at 5 p.m. Friday. "
            "J. K. Rowling wrote it! Really?\n\nNew paragraph without an end")
    assert split_sentences(text) == [
        "Mr. Smith went to Washington, D.C. on Jan. 5.", "He met U.S. officials there.",
        "\"We are done,\" he said.", "It happened in the U.S.", "The president spoke at 5 p.m. Friday.",
        "J. K. Rowling wrote it!", "Really?", "New paragraph without an end"]


def test_summarize_sentences_paragraphs_end_sentences():
    assert split_sentences("First line no stop\n\nSecond line.\n \nThird") == [
        "First line no stop", "Second line.", "Third"]


@given(st.text(max_size=300))
def test_summarize_sentences_never_lose_words(text):
    assert " ".join(split_sentences(text)).split() == text.split()


def test_summarize_sentences_dependent():
    assert is_dependent("He said the talks would go on.")
    assert is_dependent("But the plan failed.")
    assert is_dependent("\"We will win,\" she said.")
    assert not is_dependent("\"We will win,\" Senator Maria Lopez said.")
    assert not is_dependent("It is unclear when the talks will resume.")
    assert not is_dependent("There are 12 candidates in the race.")
    assert not is_dependent("Heavy rain fell on Monday.")


def test_summarize_sentences_quotes_without_their_speaker():
    assert is_partial_quote('"We have not seen any evidence that contradicts that.')
    assert is_partial_quote('What we do have are concerns," he said.')
    assert is_partial_quote('"We have asked the government to be very vigilant about that."')
    assert is_partial_quote("“We have asked the government to be very vigilant.”")
    assert not is_partial_quote('"We have asked them to be vigilant," Blinken said.')
    assert not is_partial_quote("Blinken said the talks were candid.")
    assert not is_partial_quote('Our city clerk has resigned," Mayor Tim Flaherty said.')
    assert not is_partial_quote('Her lawyer, Jamie Gorelick, said in a statement: "He will share what he knows.')
