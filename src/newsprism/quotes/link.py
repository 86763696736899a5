"""Who said a content the span tagger found: a learned source linker.

The tagger (``tagger.py``) adds contents the parse rules miss; their speaker used to be the tagged
source nearest the tagged cue nearest the content, right for 62% of those additions on PolNeAR
train's held-apart fifth against 95% for the rules' quotes. ``SourceLinker`` scores every mention
that could be the speaker instead: the heads of noun chunks, of named entities and personal
pronouns in the content's sentences and the two sentences before it (never inside the content),
and the tagger's source spans, from parse features (is it the subject of the verb that governs
the content, or of the verb of saying before it; how far; before or after; entity type; part of
speech; dependency label; is its verb in the cue lexicon) and the tagger's own reading (its mean
source probability over the mention, its distance to a tagged cue). It returns the best mention,
or None when even the best is more likely wrong than right (``LinkerWeights.threshold``): an
unresolved speaker is shown as unresolved, never guessed.

``bench/quote_linker.py`` trains it (logistic regression, PolNeAR train only) and ships the
weights as ``data/quote_linker.json``; inference is plain numpy.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from . import patterns as P
from .cues import SUBJECTS, _span_of, cue_forms, text_of
from .model import shipped_json
from .tagger import TaggedSpan, Tagging

__all__ = ["Candidate", "LinkerWeights", "SourceLinker", "candidates", "features", "load_linker"]

LINKER_FILE = "quote_linker.json"
# Sentences before the content's first sentence whose mentions are candidates, and after its last:
# the gold source is among the candidates of 94.7% of PolNeAR train's gold contents with a source
# (the four fifths; 94.5% of those on the held-apart fifth that the rules miss; bench/quote_linker.py).
SENTENCES_BEFORE, SENTENCES_AFTER = 2, 1
# Mentions further than this (characters) from the content are no candidates (a bound on very long
# sentences, not tuned).
MAX_GAP_CHARS = 400
_ENT_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_DEPS = ("nsubj", "nsubjpass", "pobj", "dobj", "poss", "compound", "appos", "conj", "attr", "ROOT")
_POS = ("PROPN", "PRON", "NOUN")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention that may be the speaker: its character span and its head token's index."""

    start: int
    end: int
    head: int
    tagged: float = 0.0  # the share of the mention the tagger tagged as a source


@dataclass(frozen=True)
class LinkerWeights:
    """A logistic regression over the named ``features``; ``threshold``: the least probability
    linked; ``stage1``: a first regression over parse features alone whose logit is the feature
    ``stage1_logit`` of this one (trained on other documents, see ``bench/quote_linker.py``)."""

    names: tuple[str, ...]
    coef: np.ndarray
    bias: float
    threshold: float = 0.0
    stage1: LinkerWeights | None = None

    def logits(self, names: Sequence[str], x: np.ndarray) -> np.ndarray:
        index = {n: k for k, n in enumerate(names)}
        if self.stage1 is not None:
            x = np.column_stack([x, self.stage1.logits(names, x)])
            index["stage1_logit"] = x.shape[1] - 1
        return x[:, [index[n] for n in self.names]] @ self.coef + self.bias


def _sentences(doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the candidate window around ``[start, end)``."""
    sents = list(doc.sents)
    first = next((k for k, s in enumerate(sents) if s.end_char > start), len(sents) - 1)
    last = next((k for k, s in enumerate(sents) if s.end_char >= end), len(sents) - 1)
    a = sents[max(0, first - SENTENCES_BEFORE)].start_char
    b = sents[min(len(sents) - 1, last + SENTENCES_AFTER)].end_char
    return max(a, start - MAX_GAP_CHARS), min(b, end + MAX_GAP_CHARS)


def _is_mention_head(token) -> bool:
    if token.pos_ == "PRON":
        return "Prs" in token.morph.get("PronType") and token.dep_ != "expl"
    return token.pos_ in ("PROPN", "NOUN") and token.ent_type_ not in P.NOT_SPEAKER_ENTS


def candidates(doc, start: int, end: int, tagging: Tagging | None = None) -> list[Candidate]:
    """The speaker candidates of the content ``[start, end)`` (character offsets), in text order."""
    a, b = _sentences(doc, start, end)
    window = doc.char_span(a, b, alignment_mode="expand")
    if window is None:
        return []
    heads: dict[int, tuple[int, int]] = {}
    for chunk in window.noun_chunks:
        if _is_mention_head(chunk.root):
            heads.setdefault(chunk.root.i, _span_of(chunk.root))
    for ent in doc.ents:
        if ent.start_char < b and a < ent.end_char and ent.label_ not in P.NOT_SPEAKER_ENTS:
            heads.setdefault(ent.root.i, (ent.start_char, ent.end_char))
    for token in window:
        if token.pos_ == "PRON" and _is_mention_head(token):
            heads.setdefault(token.i, (token.idx, token.idx + len(token)))
    sources = [s for s in (tagging.sources if tagging else ()) if s.start < b and a < s.end]
    for tagged in sources:
        span = doc.char_span(tagged.start, tagged.end, alignment_mode="expand")
        if span is not None and len(span):
            heads.setdefault(span.root.i, (span.start_char, span.end_char))
    out = []
    for i, (m0, m1) in sorted(heads.items()):
        token = doc[i]
        if start <= token.idx < end:
            continue  # inside the content: what was said, not who said it
        if m0 < end and start < m1:  # the compact span runs into the content: the head alone
            m0, m1 = token.idx, token.idx + len(token)
        if not any(c.isalnum() for c in text_of(doc)[m0:m1]):
            continue  # a tagged source that is a comma or a dash
        covered = sum(max(0, min(m1, t.end) - max(m0, t.start)) for t in sources)
        out.append(Candidate(m0, m1, i, covered / max(1, m1 - m0)))
    return out


def _governor(doc, start: int, end: int):
    """The verb the content hangs from (its root's head outside it, up to the first verb), or None."""
    inside = doc.char_span(start, end, alignment_mode="expand")
    if inside is None or not len(inside):
        return None
    token = inside.root.head
    for _ in range(4):
        if not (start <= token.idx < end) and token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _verb_before(doc, start: int):
    """The nearest verb of the cue lexicon before the content in its sentence (within 12 tokens)."""
    forms = cue_forms()
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return None
    i = first.start
    sent_start = doc[i].sent.start
    for j in range(i - 1, max(sent_start, i - 12) - 1, -1):
        if doc[j].pos_ in ("VERB", "AUX") and doc[j].lower_ in forms:
            return doc[j]
    return None


# Dependency edges counted between a candidate and the content (or the tagged cue); beyond, "far".
MAX_TREE = 12


def _depth_path(token) -> list[int]:
    """Token indices from ``token`` up to its sentence root."""
    path = [token.i]
    while token.head.i != token.i and len(path) < 40:
        token = token.head
        path.append(token.i)
    return path


def _tree_distance(a, b) -> int:
    """Dependency edges between two tokens of one sentence (``MAX_TREE`` across sentences)."""
    if a.sent.start != b.sent.start:
        return MAX_TREE
    up_a, up_b = _depth_path(a), _depth_path(b)
    on_b = {t: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t in on_b:
            return min(MAX_TREE, k + on_b[t])
    return MAX_TREE



def _cue_verb(doc, cue: TaggedSpan | None):
    """The token a tagged cue turns on: the root of its span."""
    if cue is None:
        return None
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _subject_up(token, verb) -> bool:
    """``token`` is the subject of ``verb`` or of a verb it hangs from as a conjunct, clause or
    infinitive ("Clinton spent the run-up portraying", "X said ... and added")."""
    for _ in range(4):
        if verb is None:
            return False
        if _subject_of(token, verb):
            return True
        if verb.dep_ not in ("conj", "advcl", "xcomp", "acl", "pcomp", "prep", "pobj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _subject_of(token, verb) -> bool:
    """``token`` is the subject of ``verb``, directly or as a conjunct of its subject."""
    if verb is None:
        return False
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in SUBJECTS and token.head.i == verb.i


def features(doc, start: int, end: int, cands: Sequence[Candidate], tagging: Tagging | None = None,
             tagger_features: bool = True) -> tuple[tuple[str, ...], np.ndarray]:
    """Feature names and a (candidates x features) matrix for the content ``[start, end)``."""
    text = text_of(doc)
    forms = cue_forms()
    governor = _governor(doc, start, end)
    before_verb = _verb_before(doc, start)
    cues = [c for c in (tagging.cues if tagging else ()) if c.end <= start or end <= c.start]
    nearest = _nearest_source(cues, tagging.sources if tagging else (), start, end)
    near_cue = min(cues, key=lambda c: _gap(start, end, c), default=None)
    cue_token = _cue_verb(doc, near_cue) if near_cue is not None and _gap(start, end, near_cue) <= 100 else None
    inside = doc.char_span(start, end, alignment_mode="expand")
    content_root = inside.root if inside is not None and len(inside) else None
    first_sent = doc.char_span(start, start + 1, alignment_mode="expand")
    content_sent = first_sent.sent.start if first_sent is not None else 0
    sent_starts = sorted({doc[c.head].sent.start for c in cands} | {content_sent})
    # rank of each candidate by distance among those on its side of the content
    dist = [max(0, start - c.end, c.start - end) for c in cands]
    side = [c.end <= start for c in cands]
    rank = [sum(1 for k in range(len(cands)) if side[k] == side[j] and dist[k] < dist[j]) for j in range(len(cands))]
    subj_rank = [sum(1 for k in range(len(cands)) if side[k] == side[j] and dist[k] < dist[j]
                     and doc[cands[k].head].dep_ in SUBJECTS) for j in range(len(cands))]
    rows = []
    for j, c in enumerate(cands):
        token = doc[c.head]
        head = token.head
        f: dict[str, float] = {}
        f["before"] = float(side[j])
        f["log_chars"] = math.log1p(dist[j])
        f["rank0"] = float(rank[j] == 0)
        f["rank1"] = float(rank[j] == 1)
        f["log_rank"] = math.log1p(rank[j])
        f["subj_rank0"] = float(subj_rank[j] == 0 and token.dep_ in SUBJECTS)
        sd = abs(sent_starts.index(token.sent.start) - sent_starts.index(content_sent))
        f["same_sentence"] = float(sd == 0)
        f["sentence_gap"] = float(sd)
        f["subject"] = float(token.dep_ in SUBJECTS)
        f["subject_of_governor"] = float(_subject_of(token, governor))
        f["governor_is_cue"] = float(_subject_of(token, governor) and governor is not None
                                     and governor.lower_ in forms)
        f["subject_of_cue_before"] = float(_subject_of(token, before_verb))
        f["subject_up_governor"] = float(_subject_up(token, governor))
        tree = _tree_distance(token, content_root) if content_root is not None else MAX_TREE
        f["tree_content"] = float(tree)
        f["tree_content_le2"] = float(tree <= 2)
        f["head_is_cue"] = float(token.dep_ in SUBJECTS and head.lower_ in forms)
        f["according_to"] = float(head.lower_ == "to" and head.head.lower_ == "according")
        f["noun_cue_owner"] = float(token.dep_ == "poss" and head.lower_ in P.NOUN_CUES)
        f["inside_quotes"] = float(_in_quotes(text, c.start))
        for label in _ENT_TYPES:
            f[f"ent={label}"] = float(token.ent_type_ == label)
        for pos in _POS:
            f[f"pos={pos}"] = float(token.pos_ == pos)
        for dep in _DEPS:
            f[f"dep={dep}"] = float(token.dep_ == dep)
        f["pron_it"] = float(token.lower_ in ("it", "its"))
        f["pron_first_second"] = float(token.pos_ == "PRON" and any(p in ("1", "2") for p in token.morph.get("Person")))
        f["capitalised"] = float(text[c.start:c.start + 1].isupper())
        if tagger_features:
            f["tagged_source"] = c.tagged
            gap = min((max(0, q.start - c.end, c.start - q.end) for q in cues), default=1000)
            f["log_cue_chars"] = math.log1p(gap)
            f["near_cue"] = float(gap <= 30)
            f["subject_of_tagged_cue"] = float(cue_token is not None and _subject_up(token, cue_token))
            f["poss_of_tagged_cue"] = float(cue_token is not None and token.dep_ == "poss" and head.i == cue_token.i)
            cue_tree = _tree_distance(token, cue_token) if cue_token is not None else MAX_TREE
            f["tree_cue"] = float(cue_tree)
            f["tree_cue_le2"] = float(cue_tree <= 2)
            f["passive_subject"] = float(token.dep_ == "nsubjpass" and (
                _subject_up(token, governor) or (cue_token is not None and _subject_up(token, cue_token))))
            f["cue_nearest_source"] = float(nearest is not None and nearest.start < c.end and c.start < nearest.end)
        rows.append(f)
    names = tuple(rows[0]) if rows else ()
    return names, np.array([[r[n] for n in names] for r in rows], dtype=np.float64).reshape(len(rows), len(names))


def _gap(a: int, b: int, span: TaggedSpan) -> int:
    return max(0, a - span.end, span.start - b)


def _nearest_source(cues: Sequence[TaggedSpan], sources: Sequence[TaggedSpan], start: int,
                    end: int) -> TaggedSpan | None:
    """The tagged source nearest the tagged cue nearest the content (how the speaker of a tagged
    content was chosen before this linker)."""
    cue = min(cues, key=lambda c: _gap(start, end, c), default=None)
    if cue is None:
        return None
    return min(sources, key=lambda s: _gap(cue.start, cue.end, s), default=None)


def _in_quotes(text: str, at: int) -> bool:
    """An odd number of quotation marks between the paragraph start and ``at``."""
    para = text.rfind("\n", 0, at) + 1
    before = text[para:at]
    return (before.count("“") > before.count("”")) or before.count('"') % 2 == 1


class SourceLinker:
    """Scores candidates with shipped weights; ``link`` returns the best one or None."""

    def __init__(self, weights: LinkerWeights):
        self.weights = weights
        self.tagger_features = "tagged_source" in weights.names

    def probabilities(self, doc, start: int, end: int, cands: Sequence[Candidate],
                      tagging: Tagging | None = None) -> np.ndarray:
        if not cands:
            return np.zeros(0)
        names, x = features(doc, start, end, cands, tagging, self.tagger_features)
        p = 1.0 / (1.0 + np.exp(-np.clip(self.weights.logits(names, x), -30, 30)))
        if "passive_subject" in names:
            # "X was accused of ...": the one the cue is about, not its source (PolNeAR train's
            # fifth: 14% of the passive subjects of a content's verb or tagged cue are its source)
            p[x[:, names.index("passive_subject")] > 0] = 0.0
        return p

    def link(self, doc, span: TaggedSpan | tuple[int, int], tagging: Tagging | None = None) -> Candidate | None:
        """The speaker mention of the content ``span``, or None when no candidate is likely enough."""
        start, end = (span.start, span.end) if isinstance(span, TaggedSpan) else span
        cands = candidates(doc, start, end, tagging)
        p = self.probabilities(doc, start, end, cands, tagging)
        if not len(p) or p.max() < self.weights.threshold:
            return None
        return cands[int(p.argmax())]


def read_weights(data: dict) -> LinkerWeights:
    """``LinkerWeights`` from the shipped JSON's object."""
    return LinkerWeights(names=tuple(data["names"]), coef=np.asarray(data["coef"], dtype=np.float64),
                         bias=float(data["bias"]), threshold=float(data.get("threshold", 0.0)),
                         stage1=read_weights(data["stage1"]) if data.get("stage1") else None)


@cache
def load_linker() -> SourceLinker | None:
    """The shipped linker (None when its weights are not installed)."""
    data = shipped_json(LINKER_FILE)
    return SourceLinker(read_weights(data)) if data is not None else None
