"""Quotes: who said what, with speakers resolved (issue 4, part 1).

    from newsprism.quotes import extract_quotes
    for q in extract_quotes(article.text, language=language):
        print(q.speaker, q.cue, q.kind, q.text)
"""
from .align import ALIGN_VERSION, AlignedQuote, QuoteVariant, align_quotes
from .extract import QUOTES_VERSION, extract_quotes, extract_quotes_batch, parse_texts, quotes_from_doc
from .records import DIRECT, INDIRECT, KINDS, MIXED, PARTIAL, Quote, shown
from .speakers import canonical_speaker, strip_titles

__all__ = ["ALIGN_VERSION", "AlignedQuote", "QuoteVariant", "align_quotes", "DIRECT", "INDIRECT", "KINDS", "MIXED", "PARTIAL", "QUOTES_VERSION", "Quote", "canonical_speaker",
           "extract_quotes", "extract_quotes_batch", "parse_texts", "quotes_from_doc", "shown", "strip_titles"]
