"""Where a cue's quote starts and stops around words that are not the quote: a second verb of
saying joined by "and" ('said it was “firmly opposed” and warned ...'), a programme's name before
the cue ('On CNN's “State of the Union,” Ortiz said ...'), a quotation ending the sentence before
the cue's own ('... the nickname “Crooked Dan.” Ortiz called the mayor a “liar”')."""
from __future__ import annotations

from newsprism.quotes import extract_quotes


def _kinds(text, language):
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(text, language=language)]


def test_a_coordinated_verb_of_saying_ends_the_first_clause_and_keeps_the_reporter(language):
    text = ("The ministry said it was “firmly opposed” to the sanctions and warned Washington "
            "to expect a response.")
    kinds = _kinds(text, language)
    assert ("mixed", "it was “firmly opposed” to the sanctions", "ministry") in kinds
    assert ("indirect", "Washington to expect a response", "ministry") in kinds


def test_no_reported_speech_ends_on_the_and_joining_the_two_verbs(language):
    text = ("Ortiz tweeted overnight that Palmer was “a disgrace” and “a fake” and encouraged voters "
            "to “look up” his record.")
    kinds = _kinds(text, language)
    assert ("mixed", "that Palmer was “a disgrace” and “a fake”", "Ortiz") in kinds
    assert ("mixed", "voters to “look up” his record", "Ortiz") in kinds


def test_a_programme_name_before_the_cue_is_no_quote_of_it(language):
    text = ("On CNN's “State of the Union,” Ortiz said that by delaying the vote, the council is "
            "“playing games with people's homes.”")
    kinds = _kinds(text, language)
    assert not any(t == "State of the Union," for _, t, _ in kinds)
    assert kinds[0][0] == "mixed" and kinds[0][1].startswith("that by delaying the vote") and kinds[0][2] == "Ortiz"


def test_a_chant_after_a_preposition_is_no_quote_of_the_cue_after_it(language):
    text = 'Amid chants of "Four more years!," the governor told supporters his opponent was "finished."'
    assert _kinds(text, language) == [("mixed", 'his opponent was "finished."', "governor"),
                                      ("partial", "finished.", "governor")]


def test_a_quotation_ending_its_sentence_is_not_the_next_sentence_cues(language):
    text = 'Ortiz answered with the nickname "Crooked Dan." Ortiz called the mayor a "liar," a "cheat" and "weak."'
    kinds = _kinds(text, language)
    assert ("mixed", 'the mayor a "liar," a "cheat" and "weak."', "Ortiz") in kinds
    assert not any(t.startswith("Crooked Dan") and s == "Ortiz" for _, t, s in kinds)


def test_a_short_quote_before_its_cue_still_counts(language):
    assert _kinds("“Not one more,” Ortiz told reporters.", language) == [("direct", "Not one more,", "Ortiz")]


def test_a_programme_name_after_the_cue_is_the_listener_not_the_clause(language):
    text = "But Ortiz told NBC’s “Meet the Press” that he agrees the council is “out of touch.”"
    kinds = _kinds(text, language)
    assert ("mixed", "that he agrees the council is “out of touch.”", "Ortiz") in kinds
    assert not any(t == "Meet the Press" for _, t, _ in kinds)
