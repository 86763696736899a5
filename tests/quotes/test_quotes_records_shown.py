"""Quotation marks only around the article's own quoted words: reported speech is a paraphrase."""
from __future__ import annotations

from newsprism.quotes import KINDS, shown


def test_verbatim_kinds_are_quoted():
    assert shown("We will win", "direct") == "“We will win”"
    assert shown("a brazen breach", "partial") == "“a brazen breach”"


def test_reported_speech_is_not_quoted():
    assert shown("to put pressure on Chinese officials", "indirect") == "to put pressure on Chinese officials (paraphrase)"
    assert shown("it was “a disaster”", "mixed") == "it was “a disaster” (paraphrase)"


def test_every_kind_is_named():
    assert KINDS == ("direct", "partial", "indirect", "mixed")
