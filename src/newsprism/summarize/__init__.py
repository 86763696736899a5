"""Summarize stage: a cited extractive summary of a pile of articles or texts.

    from newsprism.summarize import summarize
    summary = summarize(texts, words=260)
    summary.to_json()  # {summary, sentences: [{text, citations, independent_sources}]}

The module itself is callable too, so that ``newsprism.summarize(texts, words=260)`` (the
interface of issue 5) works once ``newsprism`` imports this subpackage, while
``newsprism.summarize.Summary`` and friends stay reachable.
"""
import sys
import types

from .extractive import DEFAULT_WORDS, SUMMARIZE_VERSION, Options, summarize
from .records import Sentence, Summary, SummarySentence
from .scoring import Weights
from .sentences import split_sentences

__all__ = ["DEFAULT_WORDS", "SUMMARIZE_VERSION", "Options", "Sentence", "Summary", "SummarySentence",
           "Weights", "split_sentences", "summarize"]


class _CallableModule(types.ModuleType):
    def __call__(self, *args, **kwargs) -> Summary:
        return summarize(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
