"""newsprism: one news story through every outlet that covered it.

    import newsprism
    corpus = newsprism.open("news.db")
    corpus.ingest(["pile/", "https://example.com/feed.xml"])
    for article in corpus.articles():
        print(article.outlet, article.headline)
"""
import types

from .corpus import Corpus, open
from .errors import BadInput, FetchError, NewsprismError
from . import summarize  # a callable module: newsprism.summarize(texts, words=260)
from .model import Article, Block, Cleaned, Failure, IngestReport, Metadata, RawArticle, RemovedLine, Sourced

__version__ = "0.1.0"

# The notebook functions below are entry points: the one place, with the CLI, ``analyze``, the
# watcher and the web app, that takes the process-wide Language when the caller passes none.
# The stages they call get it passed in and never load models of their own.


def _language(language=None):
    """``language``, or the process-wide one (models load on first use)."""
    if language is not None:
        return language
    from .nlp import shared_language

    return shared_language()


class _SummarizeModule(types.ModuleType):
    """``newsprism.summarize`` is callable (the interface of issue 5), with the shared Language
    when none is given, while ``newsprism.summarize.Summary`` and friends stay reachable."""

    def __call__(self, texts, words: int | None = None, *, language=None, **options):
        from .summarize.extractive import DEFAULT_WORDS, summarize as _summarize

        return _summarize(texts, DEFAULT_WORDS if words is None else words, language=_language(language), **options)


summarize.__class__ = _SummarizeModule


def extract_quotes(text: str, *, language=None, **options):
    """Quotes in ``text`` with speakers, cues and character offsets (see ``newsprism.quotes``).

    Imported on first use: the language models load only when quotes are asked for.
    """
    from .quotes import extract_quotes as _extract

    return _extract(text, language=_language(language), **options)  # a Language loads nothing until used


def headline_check(headline: str, body: str, *, language=None) -> str:
    """Stance of a headline toward a body: "agree", "disagree", "discuss" or "unrelated"."""
    from .claims import headline_check as _check

    return _check(headline, body, language=_language(language))


def extract_figures(text: str, **options):
    """The figures in ``text``: each number with the quantity it gives (``kind``: dead, injured,
    arrested, missing, evacuated, magnitude, money, percent, count; ``thing`` counted; ``unit``),
    its bound ("at least", "at most", "about", "exact"), range, character offsets and whether it
    is quoted. See ``newsprism.figures``."""
    from .figures import extract_figures as _extract

    return _extract(text, **options)


def loaded_words(text: str, *, language=None, **options):
    """The loaded words of ``text``: each with ``text``, ``start``, ``end``, ``reason`` and ``quoted``
    (inside quotation marks: a source's words, not the outlet's). See ``newsprism.framing.loaded_words``.

    Imported on first use: MiniLM loads only when loaded words are asked for.
    """
    from .framing import loaded_words as _loaded

    return _loaded(text, language=_language(language), **options)


def claim_relation(claim_a: str, claim_b: str, *, language=None) -> str:
    """Does ``claim_b`` support ``claim_a`` ("strengthens"), contradict or undercut it
    ("weakens"), or neither ("neither")? The claim-pair judge of ``newsprism.claims.judge``."""
    from .claims import claim_relation as _relation

    return _relation(claim_a, claim_b, language=_language(language))


def claim_in_article(claim: str, body: str, *, language=None) -> str:
    """Does the article ``body`` assert ``claim`` ("carries"), dispute or deny it
    ("contradicts"), or neither (only reports it, or is about something else)? Read against the
    whole article, its hedging and reporting words included: ``newsprism.claims.claim_in_article``."""
    from .claims import claim_in_article as _standing

    return _standing(claim, body, language=_language(language))


__all__ = [
    "Article", "BadInput", "Block", "Cleaned", "Corpus", "Failure", "FetchError", "IngestReport",
    "Metadata", "NewsprismError", "claim_in_article", "claim_relation", "extract_figures", "extract_quotes", "headline_check", "loaded_words", "summarize", "RawArticle", "RemovedLine", "Sourced", "open", "__version__",
]
