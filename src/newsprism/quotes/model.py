"""The trained part: a logistic regression that decides which cue frames are attributions.

Rules find the candidates (``cues.find_frames(any_verb=True)``: every verb with a complement,
"according to", and nominal cues, "Trump's claim that ..." with a ``nominal`` feature), this model scores them from parse features: the cue word, how the content hangs
from it, what the subject is (a name, a pronoun, an organisation, a thing), tense, position,
quotation marks. Trained on PolNeAR train documents by ``scripts/train_quotes.py``; the weights
ship as ``data/attribution.json`` (a feature -> weight table, read with the standard library).
Without that file, ``extract`` falls back to the cue-lexicon rule.
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from importlib import resources

from . import patterns as P
from .cues import Frame, cue_forms, is_nominal, text_of

WEIGHTS = "attribution.json"
# Probability above which a frame is emitted as reported speech. Tuned on PolNeAR train by
# cross-validation (scripts/train_quotes.py prints the F1 at each threshold).
THRESHOLD = 0.5


class AttributionScorer:
    """Scores frames with shipped logistic-regression weights."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float = THRESHOLD):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    @classmethod
    def load(cls) -> "AttributionScorer | None":
        return _load()

    def score(self, doc, frame: Frame, frames: Sequence[Frame] = ()) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value
                            for name, value in frame_features(doc, frame, frames).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def shipped_json(name: str) -> dict | None:
    """A JSON file of the quotes stage's shipped data (``data/``), or None when it is not installed."""
    try:
        return json.loads((resources.files(__package__) / "data" / name).read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError):
        return None


@cache
def _load() -> AttributionScorer | None:
    data = shipped_json(WEIGHTS)
    if data is None:
        return None
    return AttributionScorer(data["weights"], data["bias"], data.get("threshold", THRESHOLD))


def frame_features(doc, frame: Frame, frames: Sequence[Frame] = ()) -> dict[str, float]:
    """Sparse binary features of one frame (names are ``group=value``); ``frames`` are the other
    candidate frames of the document (a cue inside another frame's reported speech is most often
    part of what was said, not an attribution of its own: 'said she did not believe she could
    remain composed while talking about her son')."""
    text = text_of(doc)
    verb = doc[frame.cue_index]
    base = cue_forms().get(frame.cue_word, "")
    f: dict[str, float] = {
        f"cue={frame.cue_word}": 1.0,
        f"base={base or 'none'}": 1.0,
        f"dep={frame.content_dep}": 1.0,
        f"cue_dep={verb.dep_ if frame.content_dep != 'according' else 'according'}": 1.0,
        f"tag={verb.tag_}": 1.0,
        f"lex={_lexicon(base)}": 1.0,
        f"lex_dep={_lexicon(base)}|{frame.content_dep}": 1.0,
        f"cue_dep_pair={frame.cue_word}|{frame.content_dep}": 1.0,
    }
    if is_nominal(frame):  # a noun cue ("Trump's claim that"): its own weights, and its source's kind
        f["nominal"] = 1.0
        f[f"nominal_dep={frame.content_dep}"] = 1.0
        head = doc[frame.source_head] if frame.source_head is not None else None
        f[f"nominal_src={'none' if head is None else head.dep_ if head.head.i == frame.cue_index else 'light'}"] = 1.0
    f.update(_subject_features(doc, frame))
    f.update(_nesting_features(doc, frame, frames, _lexicon(base)))
    f.update(_context_features(doc, frame, verb))
    assert frame.content_end is not None  # only frames with content are scored
    content = text[frame.content_start:frame.content_end]
    words = len(content.split())
    f[f"len={min(words // 4, 8)}"] = 1.0
    f["content_quote"] = float(any(m in content for m in "“”\""))
    f["content_that"] = float(content.lower().startswith("that "))
    f["content_before_cue"] = float(frame.content_end <= frame.cue_start)
    for child in verb.children:
        if child.dep_ == "neg":
            f["neg"] = 1.0
        elif child.dep_ == "aux" and child.lower_ in ("will", "would", "could", "might", "may", "should", "can"):
            f["modal"] = 1.0
        elif child.dep_ in ("dobj", "dative") and child.lower_ in P.CUE_OBJECTS:
            f["cue_object"] = 1.0
    return f


def _nesting_features(doc, frame: Frame, frames: Sequence[Frame], lex: str) -> dict[str, float]:
    """Whether the cue lies inside the content of another frame, and of what kind of cue."""
    outer = [g for g in frames if g is not frame and g.content_start is not None and g.content_end is not None
             and g.content_start <= frame.cue_start < g.content_end]
    if not outer:
        return {"nested=no": 1.0}
    f = {}
    own_source = frame.source_head is not None and doc[frame.source_head].pos_ != "PRON"
    for g in outer:
        kind = _lexicon(cue_forms().get(g.cue_word, "")) if g.content_dep != "according" else "according"
        f[f"nested_in={kind}"] = 1.0
        f[f"nested_pair={kind}|{lex}"] = 1.0
        if g.source_start is not None:
            f["nested_in_sourced"] = 1.0
            if frame.source_start is not None and frame.source_end is not None and g.source_end is not None \
                    and own_source \
                    and not (g.source_start < frame.source_end and frame.source_start < g.source_end):
                # another speaker inside the reported speech ("Demoski says he does not remember
                # the collisions, which the Iditarod described as ...")
                f[f"nested_other_source={lex}"] = 1.0
    return f


def _context_features(doc, frame: Frame, verb) -> dict[str, float]:
    """The cue's lemma (inflections the lexicon lacks), the word the content opens with ("that",
    "to", "whether", "how"), and the verb the cue hangs from ("wants to say", "declined to")."""
    assert frame.content_start is not None
    f = {f"lemma={verb.lemma_.lower()}": 1.0}
    first = doc.char_span(frame.content_start, frame.content_start + 1, alignment_mode="expand")
    if first is not None and len(first):  # an empty span where the content starts inside whitespace
        word = first[0]
        f[f"first={word.lower_ if word.is_stop or word.is_punct else word.pos_}"] = 1.0
    if verb.head.i != verb.i:
        f[f"head={verb.head.lemma_.lower()}|{verb.dep_}"] = 1.0
    return f


def _lexicon(base: str) -> str:
    if base in P.SPEECH:
        return "speech"
    if base in P.COGNITION:
        return "cognition"
    if base in P.EVIDENCE:
        return "evidence"
    return "other"


def _subject_features(doc, frame: Frame) -> dict[str, float]:
    if frame.source_head is None:
        return {"subj=none": 1.0}
    head = doc[frame.source_head]
    f = {f"subj_pos={head.pos_}": 1.0, f"subj_dep={head.dep_}": 1.0}
    if head.ent_type_:
        f[f"subj_ent={head.ent_type_}"] = 1.0
    if head.pos_ == "PRON":
        f[f"subj_pron={head.lower_}"] = 1.0
    elif head.lower_ in P.ROLE_CLASS or head.lower_.rstrip("s") in P.ROLE_CLASS:
        f["subj_role"] = 1.0
    f["subj_after_cue"] = float(head.i > frame.cue_index)
    # the cue's own subject, or one found elsewhere: shared with the verb the cue hangs from ("X
    # ended by saying"), the noun a participle modifies ("voters saying")
    f[f"subj_link={'own' if head.head.i == frame.cue_index else 'shared'}"] = 1.0
    if head.pos_ == "NOUN":  # "the report found" vs "the scale ... suggested"
        f[f"subj_noun={head.lower_}"] = 1.0
    return f
