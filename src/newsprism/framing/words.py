"""``loaded_words``: the loaded words of a text, each with its reason, its sentence and whether it
is quoted. The word model (``emotive.py``) finds them; the shipped loaded-term lexicon
(``data/loaded_terms.json``) adds the multi-word naming choices it was written for ("war of
aggression", "Kiev regime"), which a word-by-word model does not see as one unit."""
from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Sequence
from dataclasses import replace

from . import patterns as P
from .emotive import LoadedWordModel, default_model, default_sentiment, score_sentences
from .lexicon import LoadedLexicon, default_loaded
from .loaded import in_spans, loaded_terms, quoted_spans
from .records import LoadedTerm, LoadedWord

if TYPE_CHECKING:
    from ..nlp.language import Language

# Each article's loaded words are cached per article (extraction "loaded") by the language layer,
# from the MiniLM pass that embeds its sentences; bump with the code that finds them (the word
# model's and the lexicon's own versions are part of ``loaded_version``).
LOADED_VERSION = "loaded-1"
EMOTIVE_VALENCE = 1.5  # |VADER valence| from which a flagged word is called "emotive" (VADER's "good" is 1.9)
SUBJECTIVE = 0.5  # TextBlob subjectivity from which a flagged adjective is called "subjective"


def sentence_spans(text: str, sentences: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text`` (given, else found by ``patterns.SENTENCE``), blank ones dropped and
    long ones cut into stretches of at most ``MAX_SENTENCE_WORDS`` words."""
    if sentences is None:
        sentences = [(m.start(), m.end()) for m in P.SENTENCE.finditer(text)]
    out = []
    for start, end in sentences:
        words = list(P.WORD.finditer(text, start, end))
        for i in range(0, len(words), P.MAX_SENTENCE_WORDS):
            chunk = words[i:i + P.MAX_SENTENCE_WORDS]
            out.append((start if i == 0 else chunk[0].start(),
                        end if i + P.MAX_SENTENCE_WORDS >= len(words) else chunk[-1].end()))
    return out


def loaded_words(text: str, *, language: Language, sentences: Sequence[tuple[int, int]] | None = None,
                 model: LoadedWordModel | None = None, lexicon: LoadedLexicon | None = None,
                 article_id: str = "", states=None) -> list[LoadedWord]:
    """The loaded words of ``text``, in text order.

    ``language`` is a ``newsprism.nlp.Language`` (MiniLM loads on its first use); ``sentences`` are ``(start, end)`` offsets when a parse already gave them. A word the
    model flags at or above its threshold keeps the model's probability in its reason; a loaded-term
    lexicon match is kept whole ("special military operation") with its lexicon category.
    ``states``: MiniLM's reading of sentences the language layer already ran (``emotive.encode``).
    """
    if not text.strip():
        return []
    model = model or default_model()
    spans = sentence_spans(text, sentences)
    inside = quoted_spans(text)
    terms = loaded_terms(text, lexicon or default_loaded())
    found = [_from_term(t, spans, article_id) for t in terms]
    scores = score_sentences([text[s:e] for s, e in spans], language,
                             quoted=[[in_spans(s + w.start(), inside) for w in P.WORD.finditer(text[s:e])]
                                     for s, e in spans], model=model, states=states)
    for (s0, e0), sentence in zip(spans, scores):
        for w in sentence.words:
            start, end = s0 + w.start, s0 + w.end
            if w.probability < model.word_threshold:
                continue
            if any(t.start < end and start < t.end for t in terms):
                found = [_with_probability(f, start, end, w.probability) for f in found]
                continue
            found.append(LoadedWord(text=w.text, start=start, end=end, quoted=w.quoted,
                                    reason=_reason(w.text, w.probability), kind=_kind(w.text),
                                    term=w.text.lower().replace("’", "'"), probability=round(w.probability, 3),
                                    sentence_start=s0, sentence_end=e0, article_id=article_id))
    return sorted(found, key=lambda w: (w.start, w.end))


def loaded_version() -> str:
    """The version stamped on cached loaded words: this code's, the word model's, the lexicon's."""
    return f"{LOADED_VERSION}+{default_model().version}+{default_loaded().version}"



def _from_term(term: LoadedTerm, spans, article_id: str) -> LoadedWord:
    s0, e0 = next(((s, e) for s, e in spans if s <= term.start < e), (term.start, term.end))
    return LoadedWord(text=term.text, start=term.start, end=term.end, quoted=term.quoted,
                      reason=f"loaded term: {term.category} (lexicon)", kind=term.category, term=term.term,
                      sentence_start=s0, sentence_end=e0, article_id=article_id)


def _with_probability(word: LoadedWord, start: int, end: int, p: float) -> LoadedWord:
    """A lexicon match the model also flags (in one of its words) keeps the higher probability."""
    overlaps = word.start < end and start < word.end
    if not overlaps or (word.probability is not None and word.probability >= p):
        return word
    return replace(word, probability=round(p, 3),
                   reason=f"loaded term: {word.kind} (lexicon; model p={p:.2f})")


def _kind(word: str) -> str:
    low = word.lower().replace("’", "'")
    if low in P.INTENSIFIERS:
        return "intensifier"
    if low in P.DOUBT_WORDS:
        return "doubt"
    valence, subjective = default_sentiment().lookup(word)
    if valence is not None and abs(valence) >= EMOTIVE_VALENCE:
        return "emotive"
    if subjective is not None and subjective[1] >= SUBJECTIVE:
        return "subjective"
    return "model"


def _reason(word: str, p: float) -> str:
    kind = _kind(word)
    valence, subjective = default_sentiment().lookup(word)
    details = [f"model p={p:.2f}"]
    if valence is not None:
        details.append(f"VADER {valence:+.1f}")
    if subjective is not None:
        details.append(f"subjectivity {subjective[1]:.1f}")
    label = "word choice" if kind == "model" else kind
    return f"{label} ({'; '.join(details)})"
