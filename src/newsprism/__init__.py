"""newsprism: one news story through every outlet that covered it.

    import newsprism
    corpus = newsprism.open("news.db")
    corpus.ingest(["pile/", "https://example.com/feed.xml"])
    for article in corpus.articles():
        print(article.outlet, article.headline)
"""
from .corpus import Corpus, open
from .errors import BadInput, FetchError, NewsprismError
from . import summarize  # a callable module: newsprism.summarize(texts, words=260)
from .model import Article, Block, Cleaned, Failure, IngestReport, Metadata, RawArticle, RemovedLine, Sourced

__version__ = "0.1.0"


def extract_quotes(text: str, **options):
    """Quotes in ``text`` with speakers, cues and character offsets (see ``newsprism.quotes``).

    Imported on first use: the language models load only when quotes are asked for.
    """
    from .quotes import extract_quotes as _extract

    return _extract(text, **options)


def headline_check(headline: str, body: str, **options) -> str:
    """Stance of a headline toward a body: "agree", "disagree", "discuss" or "unrelated"."""
    from .claims import headline_check as _check

    return _check(headline, body, **options)


def extract_figures(text: str, **options):
    """The figures in ``text``: each number with the quantity it gives (``kind``: dead, injured,
    arrested, missing, evacuated, magnitude, money, percent, count; ``thing`` counted; ``unit``),
    its bound ("at least", "at most", "about", "exact"), range, character offsets and whether it
    is quoted. See ``newsprism.figures``."""
    from .figures import extract_figures as _extract

    return _extract(text, **options)


def loaded_words(text: str, **options):
    """The loaded words of ``text``: each with ``text``, ``start``, ``end``, ``reason`` and ``quoted``
    (inside quotation marks: a source's words, not the outlet's). See ``newsprism.framing.loaded_words``.

    Imported on first use: MiniLM loads only when loaded words are asked for.
    """
    from .framing import loaded_words as _loaded

    return _loaded(text, **options)


def claim_relation(claim_a: str, claim_b: str, **options) -> str:
    """Does ``claim_b`` support ``claim_a`` ("strengthens"), contradict or undercut it
    ("weakens"), or neither ("neither")? The claim-pair judge of ``newsprism.claims.judge``."""
    from .claims import claim_relation as _relation

    return _relation(claim_a, claim_b, **options)


__all__ = [
    "Article", "BadInput", "Block", "Cleaned", "Corpus", "Failure", "FetchError", "IngestReport",
    "Metadata", "NewsprismError", "claim_relation", "extract_figures", "extract_quotes", "headline_check", "loaded_words", "summarize", "RawArticle", "RemovedLine", "Sourced", "open", "__version__",
]
