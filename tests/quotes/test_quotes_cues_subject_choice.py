"""Which subject a cue takes when the parse offers more than one: the one next to the verb, and
for a cue the parser hung on a reported clause, the reporting verb's."""
from __future__ import annotations

from quoteskit import source_of


def _source(language, text: str, cue: str) -> str | None:
    return source_of(language, text, cue, any_verb=True)


def test_of_two_subjects_the_one_next_to_the_verb_speaks(language):
    # the parser makes both "Tuesday" and "Tyler" subjects of "said"
    text = "Late Tuesday in Berea, OH, after winning Ohio in the primary, Gov. John Tyler (R-OH), said, “I am ready.”"
    source = _source(language, text, "said")
    assert source is not None and source.endswith("John Tyler")


def test_a_cue_coordinated_with_a_reported_clause_takes_the_reporter(language):
    text = ("Ginsberg said in an interview last week that she did not want to think about the vote "
            "and predicted that the court would stay divided.")
    assert _source(language, text, "predicted") == "Ginsberg"


def test_a_piece_that_says_has_its_publisher_for_source(language):
    text = "The Harbor Gazette recently ran a piece that noted his plan would help rich households most."
    assert _source(language, text, "noted") == "The Harbor Gazette"


def test_a_document_that_reveals_stays_its_own_source(language):
    text = "The agency released a memo that revealed secret payments to the mayor."
    source = _source(language, text, "revealed")
    assert source is not None and "agency" not in source


def test_a_preposition_parsed_as_subject_gives_way_to_its_object(language):
    text = "“He is a wonderful man,” Tyler said. Of Carson, Levine, who has given money to Rubio, said, “He is scary.”"
    doc_source = _source(language, text.split(". ", 1)[1], "said")
    assert doc_source is not None and "Levine" in doc_source


def test_a_coordinated_subject_is_one_source(language):
    # the parser makes the title the subject and the name its conjunct
    text = "GOP presidential contender and former neurosurgeon Ben Tyler responded on Sunday to accusations that he lied."
    source = _source(language, text, "responded")
    assert source is not None and source.endswith("Ben Tyler")


def test_a_cue_read_as_a_participle_of_a_role_noun_takes_that_noun(language):
    # the parser reads "called" as a participle modifying "lawmaker"
    text = "Parliament held a debate on the ban in January; one lawmaker called Trump “the orange prince of publicity.”"
    source = _source(language, text, "called")
    assert source is not None and "lawmaker" in source


def test_a_cue_after_a_chain_of_reported_clauses_takes_the_reporter(language):
    text = ("Tyler pushed back, saying that the bill had the right security parts but was stalled by voter "
            "mistrust - and arguing that he and Cruz shared almost all the same views.")
    source = _source(language, text, "arguing")
    assert source is not None and "mistrust" not in source


def test_the_object_of_led_or_forced_does_the_infinitive(language):
    text = "The decisive victory led party chairman Reince Priebus to declare him the presumptive nominee."
    assert _source(language, text, "declare") == "party chairman Reince Priebus"
    text = "The scandal forced the minister to admit that he had lied to parliament."
    assert _source(language, text, "admit") == "the minister"



def test_a_noun_the_parser_joined_to_the_object_before_is_the_next_verbs_subject(language):
    text = "He had previous heart surgery and school officials said he was a happy child who loved music."
    assert _source(language, text, "said") == "school officials"
    assert _source(language, "She bought apples and pears and said they were cheap.", "said") == "She"


def test_a_participle_set_off_after_a_reported_clause_takes_the_reporter(language):
    # the parser hangs the participle on the reported clause ("knew", "did not testify")
    text = "Marsh wrote the guards knew to expect the outbursts, saying, “They came every week.”"
    assert _source(language, text, "saying") == "Marsh"
    text = ("Mr. Dalton asked why the governor's aide did not testify at the hearing, "
            "implying that she had been told to stay away.")
    assert _source(language, text, "implying") == "Mr. Dalton"


def test_a_negated_verb_is_no_reporter_of_a_participle(language):
    text = "Hale cannot say that “for now,” Brooks added, saying it should be up to the court."
    assert _source(language, text, "saying") == "Brooks"


def test_a_participle_describing_a_document_takes_who_put_it_out(language):
    text = "Her campaign quickly sent out an email to donors stating, “We just won Ohio.”"
    assert _source(language, text, "stating") == "Her campaign"
    text = "The Ledger replied late Friday with an editor's note on the story saying that Carter had misspoken."
    assert _source(language, text, "saying") == "The Ledger"
    text = "The union answered with a letter to members saying the strike would go on."
    assert _source(language, text, "saying") == "The union"
