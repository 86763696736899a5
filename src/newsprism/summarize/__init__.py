"""Summarize stage: a cited extractive summary of a pile of articles or texts.

    from newsprism.summarize import summarize
    summary = summarize(texts, words=260, language=language)  # a newsprism.nlp.Language
    summary.to_json()  # {summary, sentences: [{text, citations, independent_sources}]}

``newsprism`` makes this module callable, so that ``newsprism.summarize(texts, words=260)`` (the
interface of issue 5) works with the process-wide Language, taken at that entry point.
"""
from .extractive import DEFAULT_WORDS, SUMMARIZE_VERSION, Options, summarize
from .records import Sentence, Summary, SummarySentence
from .scoring import Weights
from .sentences import split_sentences

__all__ = ["DEFAULT_WORDS", "SUMMARIZE_VERSION", "Options", "Sentence", "Summary", "SummarySentence",
           "Weights", "split_sentences", "summarize"]

