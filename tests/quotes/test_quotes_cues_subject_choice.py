"""Which subject a cue takes when the parse offers more than one: the one next to the verb, and
for a cue the parser hung on a reported clause, the reporting verb's."""
from __future__ import annotations

import pytest

from quoteskit import source_of


def _source(language, text: str, cue: str) -> str | None:
    return source_of(language, text, cue, any_verb=True)


def test_of_two_subjects_the_one_next_to_the_verb_speaks(language):
    # the parser makes both "Tuesday" and "Tyler" subjects of "said"
    text = "Late Tuesday in Berea, OH, after winning Ohio in the primary, Gov. John Tyler (R-OH), said, “I am ready.”"
    source = _source(language, text, "said")
    assert source is not None and source.endswith("John Tyler")


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


# (text, cue, the source mention as written)
SOURCES = {
    "a cue coordinated with a reported clause takes the reporter": (
        "Ginsberg said in an interview last week that she did not want to think about the vote "
        "and predicted that the court would stay divided.", "predicted", "Ginsberg"),
    "a piece that says has its publisher for source": (
        "The Harbor Gazette recently ran a piece that noted his plan would help rich households most.",
        "noted", "The Harbor Gazette"),
    "the object of 'led' does the infinitive": (
        "The decisive victory led party chairman Reince Priebus to declare him the presumptive nominee.",
        "declare", "party chairman Reince Priebus"),
    "the object of 'forced' does the infinitive": (
        "The scandal forced the minister to admit that he had lied to parliament.", "admit", "the minister"),
    "a noun the parser joined to the object before is the next verb's subject": (
        "He had previous heart surgery and school officials said he was a happy child who loved music.",
        "said", "school officials"),
    "a subject coordinated verbs share": ("She bought apples and pears and said they were cheap.", "said", "She"),
    # the parser hangs a participle set off by a comma on the reported clause ("knew", "did not testify")
    "a participle after a reported clause takes the reporter": (
        "Marsh wrote the guards knew to expect the outbursts, saying, \u201cThey came every week.\u201d",
        "saying", "Marsh"),
    "a participle after a question clause takes the reporter": (
        "Mr. Dalton asked why the governor's aide did not testify at the hearing, "
        "implying that she had been told to stay away.", "implying", "Mr. Dalton"),
    "a negated verb is no reporter of a participle": (
        "Hale cannot say that \u201cfor now,\u201d Brooks added, saying it should be up to the court.",
        "saying", "Brooks"),
    "a participle describing an email takes who sent it": (
        "Her campaign quickly sent out an email to donors stating, \u201cWe just won Ohio.\u201d",
        "stating", "Her campaign"),
    "a participle describing a note takes who replied with it": (
        "The Ledger replied late Friday with an editor's note on the story saying that Carter had misspoken.",
        "saying", "The Ledger"),
    "a participle describing a letter takes who answered with it": (
        "The union answered with a letter to members saying the strike would go on.", "saying", "The union"),
}


@pytest.mark.parametrize("text, cue, source", SOURCES.values(), ids=SOURCES.keys())
def test_the_source_a_cue_takes(language, text, cue, source):
    assert _source(language, text, cue) == source
