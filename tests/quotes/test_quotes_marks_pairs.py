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


def test_straight_quote_holds_curly_quote_inside():
    text = '"He called it “Shark Tank.” But this is America," Pence said.'
    [(content, flags)] = spans(text)
    assert content == "He called it “Shark Tank.” But this is America,"
    assert "nested" in flags


def test_closing_mark_typed_as_opener():
    text = "”Fear. I am truly afraid.” ― Edwin Monroy"
    assert spans(text) == [("Fear. I am truly afraid.", ())]


def test_block_quote_marker_does_not_swallow_next_paragraph():
    # a straight mark opening an excerpt paragraph, then a paragraph quoting with curly marks
    text = '"Kevin was snoring.\n\n“Here he is, babe,” she said.'
    assert spans(text)[-1] == ("Here he is, babe,", ())


def test_transcript_turn_ends_a_continued_quotation():
    text = '"WALLACE: Why would he do that?\n\n"PENCE: Well, look, it was a joke.'
    assert [c for c, _ in spans(text)] == ["WALLACE: Why would he do that?", "PENCE: Well, look, it was a joke."]


def test_two_apostrophes_are_a_quotation_mark():
    text = "''This isn't tax reform,'' said Mr. Cole. ''It's anti-reform.''\n\n''And more,'' he said."
    quotations = find_quotations(text)
    assert [text[q.start:q.end] for q in quotations] == ["This isn't tax reform,", "It's anti-reform.", "And more,"]
    first = quotations[0]
    assert (first.open_at, text[first.open_at:first.start]) == (0, "''")
    assert text[first.end:first.outer_end] == "''"


def test_two_apostrophes_across_paragraphs():
    text = "''First part of it.\n\n''Second part,'' he said."
    [(content, flags)] = spans(text)
    assert content == "First part of it.\n\n''Second part,"
    assert flags == ("multi-paragraph",)


def test_a_text_quoting_with_single_marks_only_has_its_quotations_found():
    from newsprism.quotes.marks import find_quotations

    text = ("‘As a manufacturer of children’s products, safety is our top priority,’ the company says. "
            "Bloggers insist they’re ‘100 per cent safe.’")
    quotes = [text[q.start:q.end] for q in find_quotations(text)]
    assert quotes == ["As a manufacturer of children’s products, safety is our top priority,", "100 per cent safe."]
    # beside double marks, single ones stay quotations inside quotations
    nested = "He said “it’s ‘fine’ now.”"
    assert [nested[q.start:q.end] for q in find_quotations(nested)] == ["it’s ‘fine’ now."]
