"""Direct quotes the rules used to miss or misread: a short quoted sentence after "X said,", and
a quotation interrupted by its cue after a single word ("“Frankly,” Oliver said, “...”")."""
from __future__ import annotations

import pytest

from newsprism.quotes import extract_quotes


def _by_text(text, language):
    return {q.text: q for q in extract_quotes(text, language=language)}


def test_a_short_quoted_question_after_asked_and_a_comma_is_direct(language):
    quotes = _by_text("Wallace then asked, “With nukes?”", language)
    assert quotes["With nukes?"].kind == "direct"
    assert quotes["With nukes?"].speaker == "Wallace"


def test_a_short_quoted_title_after_a_comma_stays_unquoted(language):
    quotes = _by_text("She said the film, “Here Now.”", language)
    assert "Here Now." not in quotes


def test_a_quotation_interrupted_after_one_word_is_two_direct_quotes(language):
    quotes = _by_text("“Frankly,” Oliver said, “we may be on the brink of electing a narcissist.”", language)
    assert {t: q.kind for t, q in quotes.items()} == {
        "Frankly,": "direct", "we may be on the brink of electing a narcissist.": "direct"}
    assert {q.speaker for q in quotes.values()} == {"Oliver"}


def test_an_interrupted_sentence_without_quotation_marks_stays_reported(language):
    quotes = _by_text("He was unable to find a taker, he said, on condition of anonymity.", language)
    assert [q.kind for q in quotes.values()] == ["indirect"]


def test_a_name_after_said_between_two_quotations_is_their_speaker(language):
    text = ('"The risk," said Edward Leamer, an economist who is the director of the UCLA Anderson Forecast, '
            '"is that we\'re going to be attracting workers and repelling jobs."')
    quotes = _by_text(text, language)
    assert {t: (q.kind, q.speaker) for t, q in quotes.items()} == {
        "The risk,": ("direct", "Edward Leamer"),
        "is that we're going to be attracting workers and repelling jobs.": ("direct", "Edward Leamer")}


def test_a_quotation_after_adding_and_a_colon_is_the_addings(language):
    text = ('"If she gets to pick her judges, nothing you can do folks," Trump said before adding: '
            '"Though the Second Amendment people, maybe there is, I do not know."')
    quotes = _by_text(text, language)
    assert quotes["If she gets to pick her judges, nothing you can do folks,"].cue == "said"
    second = quotes["Though the Second Amendment people, maybe there is, I do not know."]
    assert (second.kind, second.cue, second.speaker) == ("direct", "adding", "Trump")


def test_a_quotation_after_a_cue_an_adverb_and_a_colon_is_that_cues_not_the_participle_after(language):
    text = ("When the mayor said the city would appeal, Ortiz fired back forcefully: “If they appeal, "
            "they are going to lose,” referencing the ruling of the higher court last spring.")
    quote = _by_text(text, language)["If they appeal, they are going to lose,"]
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Ortiz", "fired back")


def test_a_quoted_fragment_before_the_parsers_reported_clause_stays_a_fragment(language):
    text = ('Hemsley said the days when the nation had "a somewhat unifying story" from newspapers '
            'and the leading TV news networks are gone.')
    quotes = _by_text(text, language)
    assert quotes["a somewhat unifying story"].kind == "partial"
    mixed = [q for q in quotes.values() if q.kind == "mixed"]
    assert [q.text for q in mixed] == ['the days when the nation had "a somewhat unifying story" from newspapers '
                                       'and the leading TV news networks are gone']


def test_a_parenthesis_between_dashes_bounds_its_cue_and_keeps_the_main_verbs_subject(language):
    text = ('GOP front-runner Donald Trump - who previously said he would "bomb the [expletive] out of" oil fields '
            'seized by the Islamic State - said at a Saturday rally in Texas that the United States should also '
            'close its borders.')
    quotes = extract_quotes(text, language=language)
    mixed = next(q for q in quotes if q.kind == "mixed")
    assert mixed.text == 'he would "bomb the [expletive] out of" oil fields seized by the Islamic State'
    main = next(q for q in quotes if q.text.startswith("that the United States"))
    assert main.speaker == "Donald Trump" and "found-by-model" not in main.flags


def test_a_scare_quote_after_an_adjective_is_a_fragment_not_a_direct_quote(language):
    text = 'Older children and adults with the syndrome often demonstrate intellectual "strengths and weaknesses."'
    quotes = _by_text(text, language)
    assert quotes["strengths and weaknesses."].kind == "partial"
    assert _by_text('The statement said that "the company will appeal the ruling."', language)[
        "the company will appeal the ruling."].kind == "direct"


def test_went_on_after_a_quotation_is_a_cue_of_saying_but_not_went_on_to_win(language):
    quotes = _by_text("“You know, it happens, right?” Trump went on, as if he didn’t hear her.", language)
    assert (quotes["You know, it happens, right?"].cue, quotes["You know, it happens, right?"].speaker) == (
        "went on", "Trump")
    assert all("other-cue" in q.flags for q in extract_quotes("He went on to win the race.", language=language))


@pytest.mark.parametrize("text, cue", [("“This is wrong,” Jones pushed back.", "pushed back"),
                                       ("“Not so fast,” Smith shot back.", "shot back"),
                                       ("“We need action now,” Smith chimed in.", "chimed in")])
def test_a_verb_and_its_particle_after_a_quotation_are_a_cue_of_saying(language, text, cue):
    quote = next(q for q in extract_quotes(text, language=language) if q.kind == "direct")
    assert quote.cue == cue and quote.speaker_text in ("Jones", "Smith")


def test_a_particle_verb_with_an_object_is_no_cue(language):
    assert extract_quotes("The committee pushed back the vote to next week.", language=language) == []


@pytest.mark.parametrize("text, speaker", [
    ("The turnout story matters most for the fall. Pollsters agree - Dana Whitfield: “Young voters came out "
     "in numbers nobody expected this year.”", "Dana Whitfield"),
    ("Online panels are particularly problematic - Pew Research: “All the samples evaluated include more "
     "engaged people than benchmarks indicate.”", "Pew Research"),
])
def test_a_name_between_a_dash_and_a_colon_labels_the_quotation(language, text, speaker):
    # how newsletters and roundups credit the passages they excerpt
    quote = next(q for q in extract_quotes(text, language=language) if q.kind == "direct")
    assert (quote.speaker, quote.cue) == (speaker, ":")


def test_echoing_is_speech_not_an_act(language):
    text = "Voters at the diner agreed. Ruth Marsh, a retired teacher, echoed: “We need a leader who speaks plainly.”"
    quote = _by_text(text, language)["We need a leader who speaks plainly."]
    assert (quote.speaker, quote.cue) == ("Ruth Marsh", "echoed") and "other-cue" not in quote.flags
