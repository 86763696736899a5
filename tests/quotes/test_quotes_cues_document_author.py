"""A document as the source ("an analysis by the Pew Research Center", "A 2014 estimate by the
committee"): the mention runs on to who made it."""
from __future__ import annotations

from quoteskit import source_of


def test_according_to_a_document_names_its_author(language):
    text = "Turnout rose sharply this year, according to an analysis by the Harbor Research Center."
    assert source_of(language, text, "according to").endswith("the Harbor Research Center")


def test_a_document_subject_names_its_author(language):
    text = "A 2014 estimate by the tax committee projected that the rule would cost $3 billion."
    assert source_of(language, text, "projected").endswith("the tax committee")
