"""Sources the parser hangs elsewhere: a subject-less finite cue takes the nearest subject or
appositive noun before it; a source after its cue may open with a determiner."""
from __future__ import annotations

from quoteskit import source_of

from newsprism.quotes.cues import _stranded_subject, find_frames, inverted_source
from newsprism.quotes import extract_quotes
from newsprism.quotes.extract import parse_text


def test_a_finite_cue_without_a_subject_takes_the_noun_before_it(language):
    # the parser hangs "Sanders" from "sits" and leaves "said" without a subject
    text = "Sanders, meanwhile, who sits at zero such endorsements, said that the count speaks volumes."
    assert source_of(language, text, "said") == "Sanders"


def test_a_participle_gets_no_stranded_subject(language):
    doc = parse_text("Saying the audit was late, the board left.", language)
    saying = next(t for t in doc if t.text == "Saying")
    assert _stranded_subject(saying) is None


def test_an_inverted_source_may_open_with_a_determiner(language):
    text = "“We will win this state,” added another county official."
    doc = parse_text(text, language)
    added = next(t for t in doc if t.text == "added")
    frame = next((f for f in find_frames(doc) if f.cue_index == added.i), None)
    assert frame is not None
    found = inverted_source(doc, added, frame) if frame.source_start is None else frame
    assert found is not None and text[found.source_start:found.source_end] == "another county official"


def test_a_title_case_dateline_is_no_source(language):
    text = "New York (AFP) – Vice President Ann Tyler on Monday hit the campaign trail, accusing the mayor of lying."
    doc = parse_text(text, language)
    frame = next(f for f in find_frames(doc, any_verb=True) if f.cue_word == "accusing")
    assert frame.source_start is None or "York" not in text[frame.source_start:frame.source_end]


def test_a_stranded_subject_is_not_the_party_in_parentheses(language):
    text = ("Speaking Saturday at the Massachusetts Democratic state’s party convention Sen. Ann Tyler "
            "(D-MA) said the nominee was a danger.")
    doc = parse_text(text, language)
    frame = next(f for f in find_frames(doc) if f.cue_word == "said")
    assert frame.source_start is not None and "MA" not in text[frame.source_start:frame.source_end]


def test_a_cue_the_parser_left_as_an_unknown_dependent_finds_its_subject(language):
    # the parser makes "exasperated" the root and "responded" its "dep", with no subject
    text = ("Senators kept asking why the agency had blamed the weather. Marlow, exasperated, famously "
            "responded: \"What difference does it make now?\"")
    quote = next(q for q in extract_quotes(text, language=language) if q.kind == "direct")
    assert (quote.speaker, quote.cue) == ("Marlow", "responded")
