"""Reporting that is not speech never becomes a quote (issue 11): someone who did not respond,
declined to comment, could not be reached, was asked, or is yet to speak said nothing."""
from __future__ import annotations

import pytest

from newsprism.quotes import extract_quotes
from newsprism.quotes.cues import find_frames
from newsprism.quotes.extract import not_speech, parse_text

NOT_SPEECH = [
    "Blinken did not respond to a question on whether China would supply weapons to Russia.",
    "A spokesman for the company declined to comment on the report.",
    "The mayor could not be reached for comment on Friday.",
    "The senator was asked whether she would support the bill.",
    "The president is expected to say that the deal is good for workers.",
    "She did not say whether she would run again next year.",
    "He declined to say whether the plan would pass the House.",
    "A White House spokesman did not immediately respond to a request for comment.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_not_speech_is_no_quote(text, language):
    assert extract_quotes(text, language=language) == []


def test_speech_next_to_it_is_kept(language):
    text = "Trump was asked whether he would pay. Aides said he would not pay anything."
    quotes = extract_quotes(text, language=language)
    assert [(q.speaker, q.text) for q in quotes] == [("Aides", "he would not pay anything")]


def test_the_question_put_to_a_speaker_is_not_his_words(language):
    """"Asked why ..., Blinken argued": the participle is the question put to him, as "was asked"."""
    text = ("Asked why Washington would want to continue engaging with China despite the apparent "
            "unwillingness to have open military communications from the other side, Blinken argued that "
            "such efforts are necessary to make changes happen.")
    quotes = extract_quotes(text, language=language)
    assert [(q.cue, q.text) for q in quotes] == [("argued", "that such efforts are necessary to make changes happen")]


def test_the_kind_of_reported_speech_with_a_quoted_fragment_is_mixed(language):
    text = "Officials said the talks had been “very productive” and would go on."
    kinds = {q.kind for q in extract_quotes(text, language=language)}
    assert kinds == {"mixed", "partial"}


def test_a_cue_in_the_subject_of_a_refusal_is_no_quote(language):
    text = ("Several people Republicans have tried to talk to about the Clinton email matter have refused "
            "to cooperate.")
    assert extract_quotes(text, language=language) == []



def test_the_one_asked_in_a_passive_is_not_the_speaker_even_with_words_between(language):
    text = "Ronald Reagan was once asked how the Cold War would end. He laughed."
    doc = parse_text(text, language)
    frame = next(f for f in find_frames(doc, any_verb=True) if f.cue_word == "asked")
    assert not_speech(doc, frame)


def test_a_question_put_to_someone_is_not_their_words_nor_the_next_speakers(language):
    text = "The senator was asked, “Will you run again?” He said, “No.”"
    quotes = {q.text: q for q in extract_quotes(text, language=language)}
    assert quotes["Will you run again?"].speaker is None
    assert quotes["No."].cue == "said"


def test_what_someone_might_have_answered_was_never_said(language):
    text = "Cosby might have answered, “Well, not being an accused serial rapist,” and thereby justified the claims."
    assert extract_quotes(text, language=language) == []
    assert extract_quotes("Smith could have said, “We lost,” but he did not.", language=language) == []


def test_a_quote_whose_own_cue_comes_before_when_asked_stays_the_speakers(language):
    text = '"You bet I would," Christie said when asked whether he would issue a quarantine for travellers.'
    quote = next(q for q in extract_quotes(text, language=language) if q.text == "You bet I would,")
    assert (quote.cue, quote.speaker) == ("said", "Christie")


def test_a_question_in_the_next_paragraph_does_not_take_the_quote_before_it(language):
    text = ("“Fixing the bridges will cost $4 billion,” said Marlow. “Doing nothing will cost far more.”\n\n"
            "When asked whether tolls could pay for it, Ortiz said: “Only in part, and only over decades.”")
    quotes = {q.text: q for q in extract_quotes(text, language=language)}
    assert quotes["Doing nothing will cost far more."].speaker == "Marlow"
    assert quotes["Only in part, and only over decades."].speaker == "Ortiz"
