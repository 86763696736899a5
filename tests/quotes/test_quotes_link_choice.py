"""The source linker of the tagger's additions (``quotes.link``): it picks the subject of the verb
that governs the content over nearer or earlier mentions, and refuses when no mention is a
likely speaker."""
from __future__ import annotations

import pytest

from newsprism.quotes.extract import _frame_of_tagged, parse_text
from newsprism.quotes.link import candidates, load_linker
from newsprism.quotes.tagger import TaggedSpan, Tagging


@pytest.fixture(scope="module")
def linker():
    shipped = load_linker()
    assert shipped is not None, "data/quote_linker.json is shipped"
    return shipped


def _tagging(text: str, content: str, cue: str | None) -> tuple[TaggedSpan, Tagging]:
    start = text.index(content)
    span = TaggedSpan(start, start + len(content), 0.9)
    cues = (TaggedSpan(text.index(cue), text.index(cue) + len(cue), 0.9),) if cue else ()
    return span, Tagging(contents=(span,), cues=cues, sources=())


def _linked(language, linker, text: str, content: str, cue: str | None) -> str | None:
    doc = parse_text(text, language)
    span, tagging = _tagging(text, content, cue)
    found = linker.link(doc, span, tagging)
    return None if found is None else text[found.start:found.end]


def test_subject_of_the_governing_verb_over_its_object(language, linker):
    text = "The senator told reporters on Tuesday that the bill would fail in the House next week."
    assert _linked(language, linker, text, "the bill would fail in the House next week", "told") == "The senator"


def test_subject_of_the_governing_verb_over_earlier_mentions(language, linker):
    text = ("Officials in Ohio met the mayor on Monday, and Jane Smith, the party chair, argued that the "
            "plan was dead and buried.")
    assert _linked(language, linker, text, "the plan was dead and buried", "argued") == "Jane Smith"


def test_refuses_when_no_mention_could_have_said_it(language, linker):
    text = "On the table lay three apples and a knife. The plan was dead and buried, and nothing could revive it."
    doc = parse_text(text, language)
    span, tagging = _tagging(text, "The plan was dead and buried, and nothing could revive it", None)
    assert [text[c.start:c.end] for c in candidates(doc, span.start, span.end, tagging)] == [
        "the table", "three apples", "a knife"]
    assert linker.link(doc, span, tagging) is None


def test_no_candidate_inside_the_content(language):
    text = "Jane Smith said on Monday that Governor Brown and his aides had misled the voters."
    doc = parse_text(text, language)
    span, tagging = _tagging(text, "Governor Brown and his aides had misled the voters", "said")
    found = [text[c.start:c.end] for c in candidates(doc, span.start, span.end, tagging)]
    assert "Jane Smith" in found
    assert not any(c in found for c in ("Governor Brown", "his", "his aides", "the voters"))


def test_tagged_frame_takes_the_linked_speaker(language, linker):
    text = ("Officials in Ohio met the mayor on Monday, and Jane Smith, the party chair, argued that the "
            "plan was dead and buried.")
    doc = parse_text(text, language)
    span, tagging = _tagging(text, "the plan was dead and buried", "argued")
    frame = _frame_of_tagged(doc, span, tagging)
    assert frame is not None
    assert (frame.cue, text[frame.source_start:frame.source_end]) == ("argued", "Jane Smith")


def test_tagged_frame_unresolved_when_the_linker_refuses(language, linker):
    text = "On the table lay three apples and a knife. The plan was dead and buried, and nothing could revive it."
    doc = parse_text(text, language)
    span, tagging = _tagging(text, "The plan was dead and buried", "On the table")
    assert _frame_of_tagged(doc, span, tagging) is None
