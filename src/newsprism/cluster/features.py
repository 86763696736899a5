"""What the story/event decisions read from one article: its vector, WHO (people,
organisations), WHERE (places, nationalities, the dateline), WHAT (named events, products,
laws), salient numbers (magnitudes, death tolls), WHEN, its role and its input flags.

Entity keys are normalised so that mentions of one thing match across outlets: a person is
keyed by surname ("Antony Blinken", "Blinken", "Blinken's" -> "p:blinken"), an organisation or
place by its lower-cased name without "the"; a surname tagged ORG or GPE by the small spaCy model
("Wang", "Blinken" in headlines) goes back to the person it names.
"""
from __future__ import annotations

import math
import zlib
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ..model import Annotation, Article
from . import patterns as P
from .dates import When, article_when, parse_iso
from .roles import role

RECORD = dict(frozen=True, slots=True, kw_only=True)
MIN_WORDS = 30  # shorter texts are clustered but flagged: too little to go on
# Numbers below this are too common to identify a happening ("two people", "three days").
MIN_NUMBER = 5
# Mentions in the first sentences say what the article is about; later ones are background.
LEAD_CHARS = 800
LEAD_BOOST = 1.0
TERM_BITS = 20  # hashed vocabulary of the lexical profile: 1M buckets, collisions negligible
LEXICAL_CHARS = 6000  # the lexical profile reads the headline and this much of the body
LEAD_SENTENCES = 3  # the lead words: what happened, in the first sentences (see lead_words)
LEAD_FALLBACK_CHARS = 500  # without sentences, the lead words come from this much of the body


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Features:
    """One article as the index sees it. ``keys`` maps entity keys ("p:blinken", "g:beijing",
    "o:state department", "n:7.2", "e:oscars") to a salience weight."""

    id: str
    vector: np.ndarray
    keys: dict[str, float]
    when: When
    terms: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))  # hashed words, sorted
    tf: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))  # 1 + log(count)
    # The lead (see _lead: first sentence and masked lead): what kind of happening the article
    # reports, which is what links the events of one story.
    lead: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    masked: bool = False  # ``lead`` includes the masked lead (``Annotation.lead_vector``)
    # The lead's words without names (hashed ids, sorted, and sublinear counts): see lead_words.
    lead_terms: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    lead_tf: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    role: str
    words: int = 0  # words of headline and text: short texts need stronger similarity (link_model)
    # The headline's words (hashed ids, sorted, and sublinear counts): two reports of one event
    # share headline words, two stories of one subject less (link_model's ``headline``).
    headline_terms: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    headline_tf: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    outlet: str | None = None
    headline: str | None = None
    flags: tuple[str, ...] = ()
    order: tuple = field(default=())  # canonical order: (day or far future, id)

    @property
    def day(self):
        return self.when.date or self.when.anchor


def flags_of(article: Article, annotation: Annotation | None) -> tuple[str, ...]:
    """Visible flags for input the clusterer handles with less to go on."""
    flags = []
    if parse_iso(article.published) is None:
        flags.append("no-date")
    if not (article.headline or "").strip():
        flags.append("no-headline")
    if len(P.WORD.findall(article.text or "")) < MIN_WORDS:
        flags.append("short")
    if article.language and article.language != "en":
        flags.append("not-english")
    if annotation is None or getattr(annotation, "vector", None) is None \
            or not np.any(np.asarray(annotation.vector)):
        flags.append("no-vector")
    return tuple(flags)


def features(article: Article, annotation: Annotation | None) -> Features:
    """The features of one article (never raises on missing fields)."""
    when = article_when(article)
    vector = _vector(annotation)
    keys = entity_keys(annotation.entities if annotation else (), article.dateline)
    day = when.date or when.anchor
    order = (day.toordinal() if day else 10**7, article.id)
    terms, tf = lexical(f"{article.headline or ''}\n{(article.text or '')[:LEXICAL_CHARS]}")
    lead_terms, lead_tf = lead_words(article, annotation)
    headline_terms, headline_tf = lexical(article.headline or "")
    return Features(id=article.id, vector=vector, keys=keys, when=when, terms=terms, tf=tf,
                    lead=_lead(annotation, vector), masked=_masked(annotation) is not None,
                    lead_terms=lead_terms, lead_tf=lead_tf,
                    role=role(article, annotation, when),
                    words=len(P.WORD.findall(f"{article.headline or ''} {article.text or ''}")),
                    headline_terms=headline_terms, headline_tf=headline_tf,
                    outlet=article.outlet, headline=article.headline, flags=flags_of(article, annotation),
                    order=order)


def lead_words(article: Article, annotation: Annotation | None) -> tuple[np.ndarray, np.ndarray]:
    """The words of the first ``LEAD_SENTENCES`` sentences without names: the lead's vocabulary
    of what happened ("arson", "riot", "sentenced", "rehab"). Named entities are cut out, and so
    are capitalised words inside a sentence (names the small model missed); a sentence's first
    word stays ("Riots broke out"). Beside the MiniLM lead it links the events of one kind of
    happening into a story (``linking.link_events``)."""
    if annotation is None or not annotation.sentences:
        return lexical((article.text or "")[:LEAD_FALLBACK_CHARS], names=False)
    text = article.text or ""
    spans = [(e.start, e.end) for e in annotation.entities]
    words: list[str] = []
    for sentence in annotation.sentences[:LEAD_SENTENCES]:
        chars = list(text[sentence.start:sentence.end])
        for start, end in spans:
            for i in range(max(start, sentence.start), min(end, sentence.end)):
                chars[i - sentence.start] = " "
        found = P.WORD.findall("".join(chars))
        first = P.WORD.search(sentence.text)
        words.extend(w for k, w in enumerate(found)
                     if not w[:1].isupper() or (k == 0 and first is not None and first.group() == w))
    return lexical(" ".join(w.lower() for w in words))


def lexical(text: str, names: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Hashed content words of ``text`` (sorted ids) and their sublinear counts; ``names=False``
    leaves capitalised words out."""
    words = P.WORD.findall(text)
    if not names:
        words = [w for w in words if not w[:1].isupper()]
    counts = Counter(w for w in (m.lower() for m in words) if w not in P.STOPWORDS and len(w) > 2)
    if not counts:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
    mask = (1 << TERM_BITS) - 1
    buckets: dict[int, float] = {}
    for word, n in counts.items():
        h = zlib.crc32(word.encode()) & mask
        buckets[h] = buckets.get(h, 0.0) + n
    ids = np.fromiter(sorted(buckets), dtype=np.int32, count=len(buckets))
    tf = np.array([1.0 + math.log(buckets[i]) for i in ids.tolist()], dtype=np.float32)
    return ids, tf


def _vector(annotation: Annotation | None) -> np.ndarray:
    if annotation is None or annotation.vector is None:
        return np.zeros(0, dtype=np.float32)
    vector = np.asarray(annotation.vector, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def _lead(annotation: Annotation | None, vector: np.ndarray) -> np.ndarray:
    """What kind of happening the article reports, which is what links the events of one story:
    in news the lead says what happened ("X checked into rehab", "a bomb exploded at a bank").
    The mean of the first sentence's vector and the masked lead's (``Annotation.lead_vector``:
    the first sentences with names, places and dates replaced by their kind, so that two
    happenings of one kind read alike whoever and wherever they involve), re-normalised; the
    first sentence alone for annotations without a masked lead; the article vector (shared,
    not copied) when there are no sentence vectors either.

    ECB+ dev story B-cubed F1 (as given / text only), events from ``StoryIndex.consolidate``:
    first sentence 0.939 / 0.938; masked lead alone 0.940 / 0.937; the mean 0.950 / 0.954
    (0.958 / 0.943 to 0.950 / 0.954 over links 0.26-0.30)."""
    first = _first_sentence(annotation, vector)
    masked = _masked(annotation)
    if masked is None or masked.size != first.size:
        return first
    mean = first + masked
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype(np.float32) if norm else first


def _first_sentence(annotation: Annotation | None, vector: np.ndarray) -> np.ndarray:
    sentences = getattr(annotation, "sentence_vectors", None) if annotation is not None else None
    if sentences is None or len(sentences) == 0:
        return vector
    lead = np.asarray(sentences[0], dtype=np.float32)
    norm = float(np.linalg.norm(lead))
    return lead / norm if norm else vector


def _masked(annotation: Annotation | None) -> np.ndarray | None:
    """The unit masked-lead vector, None when the annotation has none (older annotations)."""
    masked = getattr(annotation, "lead_vector", None) if annotation is not None else None
    if masked is None:
        return None
    masked = np.asarray(masked, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(masked)) if masked.size else 0.0
    return masked / norm if norm else None


def entity_keys(entities, dateline: str | None = None) -> dict[str, float]:
    """Entity keys with a salience weight: 1 + log(mentions), plus a bonus for the lead."""
    surnames = _surnames(entities)
    counts: Counter = Counter()
    lead: set[str] = set()
    for entity in entities:
        key = entity_key(entity.text, entity.label, surnames)
        if key:
            counts[key] += 1
            if entity.start < LEAD_CHARS:
                lead.add(key)
    if dateline:
        key = entity_key(dateline, "GPE", surnames)
        if key:
            counts[key] += 1
            lead.add(key)
    return {k: 1.0 + math.log(n) + (LEAD_BOOST if k in lead else 0.0) for k, n in counts.items()}


def _surnames(entities) -> dict[str, str]:
    """Each word of a multi-word PERSON -> that person's key word ("Antony Blinken": "antony"
    and "blinken" -> "blinken"; "Wang Yi": "wang" -> "yi"), so that a lone "Wang" or a
    headline "Blinken" tagged ORG/GPE finds its person."""
    out: dict[str, str] = {}
    for entity in entities:
        if entity.label == "PERSON":
            words = _clean(entity.text).split()
            if len(words) >= 2:
                for word in words:
                    out.setdefault(word, words[-1])
    return out


def _clean(text: str) -> str:
    text = P.POSSESSIVE.sub("", " ".join(text.split()))
    name = P.ENTITY_PREFIX.sub("", text).strip(" .,;:-\"'“”‘’").lower().replace(".", "")
    return P.ALIASES.get(name, name)


def entity_key(text: str, label: str, surnames: dict[str, str] | None = None) -> str | None:
    """The normalised key of one entity mention, None when it carries no identity."""
    surnames = surnames or {}
    name = _clean(text)
    if not name or len(name) < 2:
        return None
    if label in P.NUMBER_LABELS:
        return _number_key(name)
    if label == "PERSON" or (name in surnames and label in ("ORG", "GPE")):
        last = name.split()[-1]
        return "p:" + (surnames.get(name, last) if " " not in name else last)
    if label in P.WHERE_LABELS or label == "NORP":
        return "g:" + name
    if label in ("ORG",):
        return "o:" + name
    if label in P.WHAT_LABELS:
        return "e:" + name
    return None


def _number_key(text: str) -> str | None:
    """"7.2" (a magnitude), "10" (a toll): numbers that identify a happening; not years."""
    match = P.NUMBER.search(text)
    if match:
        raw = match.group().replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            return None
    else:
        words = [P.NUMBER_WORDS[w] for w in text.split() if w in P.NUMBER_WORDS]
        if not words:
            return None
        value = float(words[0])
    if value < MIN_NUMBER or (value.is_integer() and 1900 <= value <= 2100 and "." not in text):
        return None
    return "n:" + (f"{value:g}")


def kind(key: str) -> str:
    """"who", "where", "what" or "number" for an entity key."""
    return {"p": "who", "o": "who", "g": "where", "e": "what", "n": "number"}[key[0]]
