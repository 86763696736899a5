"""Quotation spans from quotation marks (no model)."""
from __future__ import annotations

from hypothesis import given, strategies as st

from newsprism.quotes.marks import find_quotations


def spans(text):
    return [(text[q.start:q.end], q.flags) for q in find_quotations(text)]


def test_straight_and_curly_marks():
    text = 'He said "hello there" and “it’s fine,” she said.'
    assert spans(text) == [("hello there", ()), ("it’s fine,", ())]


def test_apostrophes_and_inches_are_not_quotes():
    assert spans("It’s the 5\" screen of Sanders' phone.") == []


def test_quote_continued_in_next_paragraph():
    text = "“First part of it.\n\n“Second part,” he said."
    [(content, flags)] = spans(text)
    assert content == "First part of it.\n\n“Second part,"
    assert flags == ("multi-paragraph",)


def test_unbalanced_quote_runs_to_paragraph_end():
    text = "An “unbalanced one here\n\nNext paragraph without marks."
    assert spans(text) == [("unbalanced one here", ("unbalanced-quotes",))]


def test_nested_single_quotes_flagged():
    text = "“They say ‘we want to be in the camp’ now,” Ryder said."
    assert spans(text) == [("They say ‘we want to be in the camp’ now,", ("nested",))]


@given(st.text(alphabet=st.sampled_from(list('ab “”"\n.,’‘')), max_size=80))
def test_never_raises_and_spans_are_inside(text):
    for q in find_quotations(text):
        assert 0 <= q.start <= q.end <= len(text)
