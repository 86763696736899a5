"""The span tagger's contents join the rules' quotes only where the rules found nothing, never
over reporting that is not speech, and take their speaker from the tagged cue and source near them or stay unresolved."""
from __future__ import annotations

from newsprism.quotes.extract import parse_text, quotes_from_doc
from newsprism.quotes.records import OTHER_CUE, TAGGED, UNATTRIBUTED
from newsprism.quotes.tagger import SURE, TaggedSpan, Tagging


class FixedTagger:
    """Tags given character spans of whatever text it reads."""

    def __init__(self, contents=(), cues=(), sources=()):
        self.tagging = Tagging(contents=tuple(contents), cues=tuple(cues), sources=tuple(sources))

    def tag(self, texts):
        return [self.tagging for _ in texts]


def span(text: str, words: str, score: float = 0.95) -> TaggedSpan:
    start = text.index(words)
    return TaggedSpan(start, start + len(words), score)


def test_a_sure_content_the_rules_missed_is_added_with_the_tagged_source_of_its_tagged_cue(language):
    text = "The senator's view is that the bill will fail in the House next week."
    content = "the bill will fail in the House next week"
    tagger = FixedTagger(contents=[span(text, content)], cues=[span(text, "view")],
                         sources=[span(text, "The senator")])
    quotes = quotes_from_doc(parse_text(text, language), tagger=tagger)
    added = [q for q in quotes if TAGGED in q.flags]
    assert [q.text for q in added] == [content]
    assert added[0].speaker_text is not None and "senator" in added[0].speaker_text
    assert added[0].kind == "indirect"


def test_an_unsure_content_is_not_added(language):
    text = "The senator's view is that the bill will fail in the House next week."
    tagger = FixedTagger(contents=[span(text, "the bill will fail in the House next week", SURE - 0.1)])
    assert not [q for q in quotes_from_doc(parse_text(text, language), tagger=tagger) if TAGGED in q.flags]


def test_a_content_the_rules_found_is_not_added_twice(language):
    text = "Smith said the bill will fail in the House next week."
    tagger = FixedTagger(contents=[span(text, "the bill will fail in the House")])
    quotes = quotes_from_doc(parse_text(text, language), tagger=tagger)
    assert len(quotes) == 1 and TAGGED not in quotes[0].flags


def test_reporting_that_is_not_speech_stays_out(language):
    text = "Blinken did not respond to a question on whether the talks had failed in the end."
    tagger = FixedTagger(contents=[span(text, "whether the talks had failed in the end")],
                         cues=[span(text, "respond")], sources=[span(text, "Blinken")])
    assert quotes_from_doc(parse_text(text, language), tagger=tagger) == []


def test_no_tagged_cue_near_leaves_the_speaker_unresolved(language):
    text = "Markets fell sharply on Monday. The recovery will take years, not months, to arrive here."
    tagger = FixedTagger(contents=[span(text, "The recovery will take years, not months, to arrive here")])
    added = [q for q in quotes_from_doc(parse_text(text, language), tagger=tagger) if TAGGED in q.flags]
    assert len(added) == 1
    assert added[0].speaker is None and UNATTRIBUTED in added[0].flags


def test_a_sure_content_around_a_direct_quote_is_left_to_the_rules(language):
    # the rules read the clause going on after the quotation as reported speech holding it
    text = 'Sanders says "the wind is at our backs" despite his loss in Nevada on Saturday.'
    content = '"the wind is at our backs" despite his loss in Nevada on Saturday'
    quotes = quotes_from_doc(parse_text(text, language), tagger=FixedTagger(contents=[span(text, content)]))
    assert [(q.kind, q.text, q.speaker, TAGGED in q.flags) for q in quotes] == [
        ("mixed", content, "Sanders", False), ("partial", "the wind is at our backs", "Sanders", False)]


def test_a_tagged_cue_of_saying_is_words_and_a_tagged_act_is_not(language):
    text = "In a statement on Monday, the ministry: the border will stay closed until further notice."
    content = "the border will stay closed until further notice"
    said = quotes_from_doc(parse_text(text, language), tagger=FixedTagger(
        contents=[span(text, content)], cues=[span(text, "In a statement")], sources=[span(text, "the ministry")]))
    assert [OTHER_CUE in q.flags for q in said if q.text == content and TAGGED in q.flags] == [False]
    text = "The ministry released new figures on Monday: the border will stay closed until further notice."
    acted = quotes_from_doc(parse_text(text, language), tagger=FixedTagger(
        contents=[span(text, content)], cues=[span(text, "released")], sources=[span(text, "The ministry")]))
    assert [OTHER_CUE in q.flags for q in acted if q.text == content] == [True]


def test_reported_speech_takes_the_extent_the_tagger_is_sure_of_and_keeps_its_speaker(language):
    text = "Smith said the bill will fail in the House next week, before leaving for Ohio."
    doc = parse_text(text, language)
    (rule,) = quotes_from_doc(doc, tagger=None)
    assert rule.text == "the bill will fail in the House next week, before leaving for Ohio"  # the parse runs on
    sure = quotes_from_doc(doc, tagger=FixedTagger(contents=[span(text, "the bill will fail in the House next week", 0.95)]))
    assert [(q.text, q.speaker, q.cue, q.kind) for q in sure] == [
        ("the bill will fail in the House next week", "Smith", rule.cue, "indirect")]
    unsure = quotes_from_doc(doc, tagger=FixedTagger(contents=[span(text, "the bill will fail in the House next week", 0.85)]))
    assert [q.text for q in unsure] == [rule.text]


def test_a_direct_quote_keeps_its_quotation_marks_extent(language):
    text = '"We will win," Smith said on Monday in a crowded hall.'
    tagger = FixedTagger(contents=[span(text, '"We will win," Smith said on Monday', 0.99)])
    quotes = quotes_from_doc(parse_text(text, language), tagger=tagger)
    assert [(q.kind, q.text) for q in quotes] == [("direct", "We will win,")]


def test_a_content_across_a_paragraph_break_is_not_added(language):
    text = "The senator's view is that the bill will fail.\n\nIn the House next week the vote comes."
    content = "the bill will fail.\n\nIn the House next week"
    tagger = FixedTagger(contents=[span(text, content)], cues=[span(text, "view")],
                         sources=[span(text, "The senator")])
    assert not [q for q in quotes_from_doc(parse_text(text, language), tagger=tagger) if TAGGED in q.flags]


def test_a_content_whose_tagged_cue_is_no_speech_is_not_added(language):
    text = "About 250,000 women in the United States are expected to be diagnosed with the disease this year."
    tagger = FixedTagger(contents=[span(text, "to be diagnosed with the disease this year")],
                         cues=[span(text, "are expected")], sources=[span(text, "women in the United States")])
    assert not [q for q in quotes_from_doc(parse_text(text, language), tagger=tagger) if TAGGED in q.flags]
