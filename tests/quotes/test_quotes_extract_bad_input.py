"""Bad input: unbalanced marks, quotes across paragraphs, no quotes, speakers never named."""
from __future__ import annotations

from newsprism.quotes import extract_quotes


def test_empty_and_quoteless_text(language):
    assert extract_quotes("", language=language) == []
    assert extract_quotes("   \n\n ", language=language) == []
    quotes = extract_quotes("The river rose two metres overnight. Roads were closed.", language=language)
    assert quotes == []


def test_unbalanced_quote_is_flagged_not_fatal(language):
    text = "Maria Lopez said: “We will rebuild the bridge by spring and nobody will stop us\n\nThe council met later."
    [quote] = [q for q in extract_quotes(text, language=language) if q.kind == "direct"]
    assert "unbalanced-quotes" in quote.flags
    assert quote.speaker == "Maria Lopez"
    assert quote.text.endswith("nobody will stop us")


def test_quote_spanning_paragraphs(language):
    text = ("“The first thing we did was call the families,” said Tom Berg, the mayor. “Then we opened the school.\n\n"
            "“Nobody slept that night,” he said.")
    quotes = [q for q in extract_quotes(text, language=language) if q.kind == "direct"]
    assert all(q.speaker == "Tom Berg" for q in quotes)
    assert any("multi-paragraph" in q.flags for q in quotes)


def test_speaker_never_named_is_not_invented(language):
    text = "“We are not going anywhere,” a protester said. “This is our home,” he added."
    quotes = extract_quotes(text, language=language)
    assert quotes and all(q.speaker in (None, "protester") for q in quotes)
    assert all("unnamed-speaker" in q.flags or "no-speaker" in q.flags or q.speaker is None for q in quotes)


def test_quote_with_no_cue_anywhere_has_no_speaker(language):
    text = "Angela Merkel visited Paris.\n\n“Prices will rise again next year, and fast.”"
    quotes = extract_quotes(text, language=language)
    assert [q.speaker for q in quotes] == [None]
    assert "no-speaker" in quotes[0].flags


def test_offsets_index_the_given_text(language):
    text = "Intro.\n\n“It works,” said Ana Ruiz, adding that the test “passed twice.”"
    for q in extract_quotes(text, language=language):
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text


def test_long_text_is_parsed_in_chunks(language):
    paragraph = "Officials met again on Tuesday to discuss the budget and the roads. " * 30
    text = "\n\n".join([paragraph] * 12 + ["“We need more money,” Mayor Jane Doe said."])
    quotes = extract_quotes(text, language=language)
    assert quotes[-1].speaker == "Jane Doe"


# --- where the source is ----------------------------------------------------------------------
def test_name_after_a_dash_is_the_source(language):
    text = "Readers wrote in.\n\n“He represents our greatest shame.” ― Sonya Herridge\n“He is ignorant of our culture.”― Pamela Padilla"
    quotes = extract_quotes(text, language=language)
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("He represents our greatest shame.", "Sonya Herridge"), ("He is ignorant of our culture.", "Pamela Padilla")]


def test_any_verb_after_a_quotation_attributes_it(language):
    text = "The host was angry.\n\n“OK, for a start, his wife has explained why she chose not to speak,” Oliver barked."
    [quote] = extract_quotes(text, language=language)
    assert quote.speaker_text == "Oliver" and quote.cue == "barked"


def test_transcript_turns_are_quotes_of_their_speakers(language):
    text = ("Fox News host Chris Wallace spoke to Governor Mike Pence.\n\n"
            '"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n'
            '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.')
    turns = [q for q in extract_quotes(text, language=language) if q.cue == ":"]
    assert [(q.speaker, q.text[:14]) for q in turns] == [("Chris Wallace", "Will Gennifer "),
                                                         ("Mike Pence", "Gennifer Flowe")]
    assert "UPDATE" not in "".join(q.speaker_text for q in extract_quotes("UPDATE: The vote was moved.", language=language))


def test_participle_cue_shares_the_subject_of_its_verb(language):
    text = "Senator Ann Cole ended her speech by saying that the bill would pass in March."
    [quote] = [q for q in extract_quotes(text, language=language) if q.cue == "saying"]
    assert quote.speaker == "Ann Cole"


def test_statement_issued_by_someone_is_theirs(language):
    text = "The Democratic National Committee issued a statement saying that the emails were regrettable."
    [quote] = [q for q in extract_quotes(text, language=language) if q.cue == "saying"]
    assert quote.speaker_text == "The Democratic National Committee"


def test_passive_cue_has_no_invented_source(language):
    text = "Mr. Quiros was accused of using $50 million for personal expenses."
    assert all(q.speaker_text != "Mr. Quiros" for q in extract_quotes(text, language=language))


def test_dateline_is_not_the_speaker(language):
    text = "LONDON (Reuters) - Donald Trump said he was unlikely to have a good relationship with David Cameron."
    [quote] = [q for q in extract_quotes(text, language=language) if q.cue == "said"]
    assert quote.speaker == "Donald Trump"
