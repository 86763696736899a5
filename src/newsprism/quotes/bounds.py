"""Where reported speech starts and ends: a learned choice among the parse's cut points.

The frame's content (``cues._content``) is the cue's complements, whole. PolNeAR's content often
stops earlier or starts later: a trailing participle or relative clause is the reporter's
("told ... he would consider it a “personal insult”, implicitly putting his name on the line"),
an addressee or a time phrase before the clause is not what was said ("warned state officials
to boost ...", "told reporters this weekend he would ..."). The candidates are the content's own
ends and the edges of the parse subtrees at its edges (``candidate_starts``, ``candidate_ends``);
a logistic regression over their features, trained on PolNeAR train by
``scripts/train_quote_bounds.py``, picks one start and one end (``BoundaryScorer.refine``). The
weights ship as ``data/bounds.json``; without it the content is left as the frame has it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from . import patterns as P
from .cues import PUNCT_STRIP, Frame, cue_forms, text_of

WEIGHTS = "bounds.json"
# Words closing a content before a cut that are the joint, not the content ("..., and", "... but").
_JOINTS = {"and", "or", "but", "nor", "so", "yet", "then"}
_FUNCTION = {"that", "which", "who", "whom", "whose", "where", "when", "while", "as", "after", "before",
             "because", "since", "if", "though", "although", "even", "until", "unless", "whether", "to",
             "in", "on", "at", "for", "with", "by", "from", "of", "about", "during", "amid", "and", "or",
             "but", "including", "despite", "according", "than", "like", "saying", "adding", "noting"}
# Dependents whose subtree can be cut off the end of a content (a clause, a phrase, a conjunct):
# not an object or a modifier, whose head would be left dangling ("on the line as").
_CUT_DEPS = {"advcl", "relcl", "acl", "prep", "conj", "appos", "parataxis", "npadvmod", "advmod",
             "ccomp", "xcomp", "dep", "agent", "oprd", "punct"}
# Length buckets (words) of a removed or kept piece.
_BUCKETS = (0, 1, 2, 3, 5, 8, 12, 20, 35)


@dataclass(frozen=True, slots=True)
class Cut:
    """One candidate edge of a content span: its offset and the features of choosing it."""

    at: int
    features: dict[str, float]


def _bucket(n: int) -> int:
    return max(i for i, b in enumerate(_BUCKETS) if n >= b)


def _word(token) -> str:
    return token.lower_ if token.lower_ in _FUNCTION else token.pos_


def _common(frame: Frame, verb) -> dict[str, float]:
    base = cue_forms().get(frame.cue_word, "")
    lex = "speech" if base in P.SPEECH else "cognition" if base in P.COGNITION else \
        "evidence" if base in P.EVIDENCE else "other"
    return {f"lex={lex}": 1.0, f"dep={frame.content_dep}": 1.0, f"tag={verb.tag_}": 1.0}


def _span(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def candidate_ends(doc, frame: Frame) -> list[Cut]:
    """The frame's own end, and the end before each subtree that runs to it from inside (a
    trailing clause, phrase or conjunct), each with its features."""
    assert frame.content_start is not None and frame.content_end is not None
    text = text_of(doc)
    span = _span(doc, frame.content_start, frame.content_end)
    verb = doc[frame.cue_index]
    common = _common(frame, verb)
    if span is None or len(span) < 2:
        return [Cut(frame.content_end, {"end=full": 1.0, **common})]
    words = sum(1 for t in span if not t.is_punct)
    out = [Cut(frame.content_end, {"end=full": 1.0, f"end_full_len={_bucket(words)}": 1.0, **common})]
    seen = {frame.content_end}
    last = span[-1].i
    while last > span.start and doc[last].is_punct:
        last -= 1
    for token in span[1:]:
        if token.is_punct or token.is_space:
            continue
        roots = [r for r in (token, *token.ancestors) if r.left_edge.i == token.i and r.right_edge.i >= last
                 and span.start <= r.head.i < token.i and r.dep_ in _CUT_DEPS]
        if not roots:
            continue
        root = roots[-1]
        end = _trim_end(doc, span.start, token.i - 1)
        if end is None or end in seen or end <= frame.content_start:
            continue
        seen.add(end)
        prev = doc[token.i - 1]
        kept = sum(1 for t in doc[span.start:token.i] if not t.is_punct)
        removed = words - kept
        holds_quote = any(m in text[token.idx:frame.content_end] for m in "“”\"")
        f = {"end=cut": 1.0, f"cut_dep={root.dep_}": 1.0, f"cut_tag={root.tag_}": 1.0,
             f"cut_word={_word(token)}": 1.0, f"cut_prev={prev.text if prev.is_punct else 'word'}": 1.0,
             f"cut_dep_prev={root.dep_}|{prev.text if prev.is_punct else 'word'}": 1.0,
             f"cut_head={'verb' if root.head.i == verb.i else 'root' if root.head.dep_ in ('ccomp', 'ROOT') else 'deep'}": 1.0,
             f"cut_removed={_bucket(removed)}": 1.0, f"cut_kept={_bucket(kept)}": 1.0,
             "cut_quote": float(holds_quote), f"cut_dep_lex={root.dep_}|{next(iter(common))}": 1.0,
             "cut_cue_verb": float(root.lower_ in cue_forms() and root.pos_ == "VERB"),
             **common}
        out.append(Cut(end, f))
    return out


def candidate_starts(doc, frame: Frame) -> list[Cut]:
    """The frame's own start, and the start of each complement of the cue (or of the clause) that
    begins later inside the content: what comes before it is then an addressee or an adjunct."""
    assert frame.content_start is not None and frame.content_end is not None
    span = _span(doc, frame.content_start, frame.content_end)
    verb = doc[frame.cue_index]
    common = _common(frame, verb)
    out = [Cut(frame.content_start, {"start=full": 1.0, **common})]
    if span is None or len(span) < 2 or frame.content_dep in ("according", "inverted"):
        return out
    seen = {frame.content_start}
    for child in verb.children:
        first = child.left_edge
        if not (span.start < first.i < span.end) or child.dep_ in ("punct", "cc", "mark", "aux", "neg"):
            continue
        start = _trim_start(doc, first.i, span.end - 1)
        if start is None or start in seen or start >= frame.content_end:
            continue
        seen.add(start)
        before = doc[span.start:first.i]
        skipped = sum(1 for t in before if not t.is_punct)
        deps = sorted({t.dep_ for t in before if t.head.i == verb.i})
        f = {"start=cut": 1.0, f"start_dep={child.dep_}": 1.0, f"start_word={_word(first)}": 1.0,
             f"start_skipped={_bucket(skipped)}": 1.0,
             **common}
        for dep in deps:
            f[f"start_over={dep}"] = 1.0
        f[f"start_dep_pair={frame.content_dep}|{child.dep_}"] = 1.0
        out.append(Cut(start, f))
    return out


def _trim_end(doc, first: int, last: int) -> int | None:
    """The end offset of tokens ``first..last`` without trailing punctuation, spaces and joints."""
    text = text_of(doc)
    while last >= first and (doc[last].is_punct and doc[last].text not in "”\"’'" or doc[last].is_space
                             or doc[last].lower_ in _JOINTS):
        last -= 1
    if last < first:
        return None
    end = doc[last].idx + len(doc[last])
    while end > doc[first].idx and text[end - 1] in PUNCT_STRIP:
        end -= 1
    return end


def _trim_start(doc, first: int, last: int) -> int | None:
    text = text_of(doc)
    while first <= last and (doc[first].is_punct and doc[first].text not in "“\"‘'" or doc[first].is_space):
        first += 1
    if first > last:
        return None
    start = doc[first].idx
    while start < len(text) and text[start] in PUNCT_STRIP:
        start += 1
    return start


class BoundaryScorer:
    """Scores candidate cuts with shipped logistic-regression weights (one table for starts, one
    for ends) and picks the best start and the best end of a content."""

    def __init__(self, starts: dict[str, float], ends: dict[str, float], start_bias: float = 0.0,
                 end_bias: float = 0.0):
        self.starts, self.ends = starts, ends
        self.start_bias, self.end_bias = start_bias, end_bias

    @classmethod
    def load(cls) -> "BoundaryScorer | None":
        return _load()

    @staticmethod
    def _z(weights: dict[str, float], bias: float, cut: Cut) -> float:
        return bias + sum(weights.get(name, 0.0) * value for name, value in cut.features.items())

    def refine(self, doc, frame: Frame) -> tuple[int, int]:
        """The content span chosen for ``frame`` (its own when no cut scores higher)."""
        assert frame.content_start is not None and frame.content_end is not None
        start = max(candidate_starts(doc, frame), key=lambda c: self._z(self.starts, self.start_bias, c)).at
        ends = [c for c in candidate_ends(doc, frame) if c.at > start]
        end = max(ends, key=lambda c: self._z(self.ends, self.end_bias, c)).at if ends else frame.content_end
        return start, end


@cache
def _load() -> BoundaryScorer | None:
    try:
        raw = (resources.files(__package__) / "data" / WEIGHTS).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(raw)
    return BoundaryScorer(data["start"]["weights"], data["end"]["weights"], data["start"]["bias"], data["end"]["bias"])
