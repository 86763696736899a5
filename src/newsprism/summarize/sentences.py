"""Input documents -> clean text -> candidate sentences.

The splitter is rule-based (paragraphs, then sentence-final punctuation minus abbreviations and
initials): it needs no model, it splits the 250 cleaned Multi-News clusters (20k sentences) in
0.1 s, and the benchmark gives the same splitter to every baseline.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..cluster import patterns as CP
from ..model import Article
from . import patterns as P
from .records import Sentence

PARAGRAPH = re.compile(r"\n\s*\n")
# Sentences past this index of a document are not candidates: news puts what matters first,
# and a 10k-word page would otherwise cost seconds of embedding. On the 250 Multi-News clusters
# the summaries take half their sentences from the first 4 of a document, 99% from the first 31.
MAX_SENTENCES = 80


def document_text(item: str | Article, *, clean: bool = True) -> str:
    """The body to summarise: an Article's clean text as is; a raw text through the plain-text
    cleaner (page junk out), falling back to the raw text when the cleaner keeps nothing.

    The cleaner takes a long first line for a headline in ~9% of Multi-News documents (55 of
    625 leads); giving such lines back lowered ROUGE (dev 0.4624/0.1652 -> 0.4615/0.1636), so
    the cleaner's body is used as it is.
    """
    if isinstance(item, Article):
        return item.text
    text = item or ""
    if clean:
        from ..clean.text import clean_text  # on use: the cleaner pulls in lxml via meta

        body = clean_text(text).text
        if body.strip():
            return body
    return text


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` in order; paragraphs (blank lines) always end a sentence."""
    out: list[str] = []
    for paragraph in PARAGRAPH.split(text or ""):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            out.extend(_split_paragraph(paragraph))
    return out


def _split_paragraph(paragraph: str) -> list[str]:
    pieces, start = [], 0
    for match in P.BOUNDARY.finditer(paragraph):
        end = match.end(1)
        if _is_boundary(paragraph[start:end], paragraph[match.end():]):
            pieces.append(paragraph[start:end].strip())
            start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def _is_boundary(before: str, after: str) -> bool:
    """Does the text ``before`` (ending in punctuation) end a sentence, given what follows?"""
    stripped = before.rstrip("\"'”’»)]")
    if stripped != before or not stripped.endswith("."):
        return True  # "?", "!", or a closed quotation: a boundary
    last = stripped.rsplit(None, 1)[-1] if stripped.split() else ""
    next_word = re.sub(r"^\W+", "", after.split(None, 1)[0]).lower() if after.split() else ""
    if P.INITIALS.search(" " + last):
        return next_word in P.OPENERS
    return last[:-1].lstrip("(\"“").lower() not in P.ABBREVIATIONS


def candidates(texts: Sequence[str], *, max_sentences: int = MAX_SENTENCES) -> list[Sentence]:
    """Every document's first ``max_sentences`` sentences as candidates, in document order."""
    out = []
    for doc, text in enumerate(texts):
        for position, sentence in enumerate(split_sentences(text)[:max_sentences]):
            out.append(Sentence(doc=doc, position=position, text=sentence,
                                words=len(sentence.split()),
                                dependent=is_dependent(sentence) or is_partial_quote(sentence)))
    return out


def is_dependent(sentence: str) -> bool:
    """Does the sentence lean on the one before it: a pronoun or connective opening whose
    referent is earlier, or a quote attributed to a bare "he"/"she" with no name in it?"""
    if P.DEPENDENT_OPENING.match(sentence) and not P.EXPLETIVE_OPENING.match(sentence):
        return True
    match = P.PRONOUN_ATTRIBUTION.search(sentence)
    return match is not None and not _names_someone(sentence[:match.start()])


def is_partial_quote(sentence: str) -> bool:
    """A quotation whose speaker is named in another sentence: opened and not closed (or closed
    and not opened) here with no named speaker outside it, or the whole sentence in quotes."""
    if P.WHOLE_QUOTE.match(sentence):
        return True
    straight, opening, closing = sentence.count('"'), sentence.count("“"), sentence.count("”")
    if straight % 2 == 0 and opening == closing:
        return False
    return not _attributed(_outside_quote(sentence))


def _outside_quote(sentence: str) -> str:
    """The part of a sentence with one unbalanced quotation mark that lies outside the quote:
    after a closing mark ('... here," Mayor Tim Flaherty said.'), before an opening one
    ('Her lawyer said in a statement: "...')."""
    last = list(re.finditer(r'["“”]', sentence))[-1]
    before = sentence[last.start() - 1] if last.start() else " "
    opening = last.group() == "“" or (last.group() == '"' and before in " (:—–-")
    return sentence[:last.start()] if opening else sentence[last.end():]


def _attributed(text: str) -> bool:
    return bool(P.SPEECH_VERB.search(text)) and _names_someone(" " + text)


def _names_someone(text: str) -> bool:
    """A rough test for a person's name (two capitalised words, or a title and a name)."""
    body = text.lstrip("\"'“‘ ")
    return bool(P.TITLE_NAME.search(body) or P.NAME.search(body[1:]))


def is_junk(sentence: Sentence) -> bool:
    """Page furniture that survived cleaning, a bare "X told reporters." with nothing said, or
    too short / too long to be a summary sentence."""
    text = sentence.text
    if P.JUNK.match(text) or P.FURNITURE.search(text) or P.URL.search(text) or P.BARE_ATTRIBUTION.match(text):
        return True
    letters = sum(ch.isalpha() for ch in text)
    return letters < 0.6 * len(text) or not re.search(r"[.!?\"'”’)]$", text)


def is_prospective(text: str) -> bool:
    """Does the sentence look ahead ("is set to discuss", "will travel", "details are yet to be
    announced"), outside any quotation? Such a sentence of a preview is stale once the event
    it announces is reported."""
    unquoted = CP.QUOTED.sub(" ", text)
    return bool(CP.FUTURE_CUES.search(unquoted) or P.PROSPECTIVE.search(unquoted))
