"""Language of a text from stop-word profiles (en, fr, de, es, it, pt, nl, ru, zh)."""
from __future__ import annotations

from collections import Counter

from ..patterns import stopwords_for  # noqa: F401 - re-exported (clean.text reads it here)
from .patterns import CJK_CHAR, MIN_LANGUAGE_SHARE, STOPWORDS, WORD

# Read at most this many characters: a few paragraphs decide the language.
SAMPLE_CHARS = 20_000
# Share of CJK characters among letters above which a text is taken as Chinese.
CJK_SHARE = 0.3


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (letters only, apostrophes kept inside a word)."""
    return [w.lower() for w in WORD.findall(text)]


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code whose stop words cover most of ``text``, or None when none fits."""
    sample = text[:SAMPLE_CHARS]
    cjk = len(CJK_CHAR.findall(sample))
    letters = sum(ch.isalpha() for ch in sample)
    if letters and cjk / letters > CJK_SHARE:
        return "zh"
    tokens = words(sample)
    if not tokens:
        return None
    counts = Counter(tokens)
    scores = {lang: sum(n for w, n in counts.items() if w in stops)
              for lang, stops in STOPWORDS.items() if lang != "zh"}
    best = max(scores, key=scores.__getitem__)
    if scores[best] / len(tokens) < MIN_LANGUAGE_SHARE:
        return None
    return best


