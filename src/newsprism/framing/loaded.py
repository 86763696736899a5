"""Loaded terms: lexicon matches in an article's text, marked when inside quotation marks."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..model import Article
from ..quotes.marks import find_quotations
from .lexicon import LoadedLexicon, default_loaded
from .records import LoadedCount, LoadedTerm


def loaded_terms(article: Article | str, lexicon: LoadedLexicon | None = None) -> list[LoadedTerm]:
    """Loaded words in ``article`` (an Article or plain text), in text order.

    Overlapping matches keep the longest ("war of aggression" over "aggression"); a match
    inside quotation marks is ``quoted``: the words of a source, not of the outlet.
    """
    text = article if isinstance(article, str) else article.text
    lexicon = lexicon or default_loaded()
    matches = [(start, end, p) for p in lexicon.patterns for start, end in p.spans(text)]
    matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    inside = quoted_spans(text)
    terms, last_end = [], -1
    for start, end, pattern in matches:
        if start < last_end:
            continue
        terms.append(LoadedTerm(term=pattern.term, start=start, end=end, category=pattern.category,
                                text=text[start:end], quoted=in_spans(start, inside)))
        last_end = end
    return terms


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks."""
    return [(q.start, q.end) for q in find_quotations(text)]


def in_spans(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def count_terms(terms: Iterable[LoadedTerm]) -> tuple[LoadedCount, ...]:
    """Counts per (term, category), most used first."""
    counts: Counter[tuple[str, str]] = Counter()
    quoted: Counter[tuple[str, str]] = Counter()
    forms: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for t in terms:
        key = (t.term, t.category)
        counts[key] += 1
        quoted[key] += t.quoted
        if t.text not in forms[key]:
            forms[key].append(t.text)
    rows = [LoadedCount(term=k[0], category=k[1], count=n, quoted=quoted[k], forms=tuple(forms[k]))
            for k, n in counts.items()]
    return tuple(sorted(rows, key=lambda r: (-r.count, r.term)))
