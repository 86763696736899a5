"""One pair of articles: the evidence (``compare``) and the verdict (``decide``).

Both are pure functions of the two articles, never of what else is indexed: that is what makes a
batch run and a one-by-one run in any order give the same relations.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ..model import Annotation, Article, Relation
from .align import Alignment, align, dequantize, eligible_sentences, numbers, quantize, quotes, shared_quotes
from .groups import order_key
from .minhash import overlap, shingles
from .wire import normalize_wire

# --- thresholds, measured with bench/syndication.py on the "tune" half of its pairs (the "test" half
# is held out; bench/RESULTS.md has both). Distributions on the tune half, 5-shingle containment:
# copies >= 0.69 (a truncated copy with 30% of its words site furniture), rewrites <= 0.64 (p99 0.55),
# same-event independent reports <= 0.06. Aligned-sentence share at cosine 0.80: rewrites p1 0.67,
# same-event independent reports max 0.33, different-event ones max 0.11.
COPY_CONTAINMENT = 0.65  # 5-shingle containment of the shorter text in the longer
MIN_COPY_SHINGLES = 15  # below this the shorter text is too short to call a copy on shingles alone
SENTENCE_COSINE = 0.80  # MiniLM cosine at which two sentences count as paraphrases (grid 0.75-0.85: flat)
REWRITE_SHARE = 0.50  # share of the shorter article's sentences aligned: the middle of the 0.33-0.67 gap
REWRITE_MIN_ALIGNED = 3  # a 3-sentence brief and a long report of one event can share 2 facts
# With two shared long quotes AND two shared distinctive numbers the share may be lower. Either
# alone is not enough: independent reports of one event share the score, the toll and the quote
# (a same-event ECB+ pair of the test half, 4 of 9 sentences aligned and 3 shared numbers, was
# flagged when numbers alone counted). No pair of the tune half moves across this line either way.
REWRITE_SHARE_WITH_EVIDENCE = 0.40
EVIDENCE_QUOTES = 2
EVIDENCE_NUMBERS = 2
# Same wire credit: the prior that both come from the agency lowers the bar a little. PolNeAR's
# different stories of one wire reach 0.25 (3 of 12 sentences: background paragraphs wires re-use);
# same-story rewrites start at 0.65.
SAME_WIRE_SHARE = 0.40
SAME_WIRE_MIN_ALIGNED = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class Thresholds:
    """The decision thresholds in one record, so a benchmark can tune them without patching."""

    copy_containment: float = COPY_CONTAINMENT
    min_copy_shingles: int = MIN_COPY_SHINGLES
    sentence_cosine: float = SENTENCE_COSINE
    rewrite_share: float = REWRITE_SHARE
    rewrite_min_aligned: int = REWRITE_MIN_ALIGNED
    rewrite_share_with_evidence: float = REWRITE_SHARE_WITH_EVIDENCE
    same_wire_share: float = SAME_WIRE_SHARE
    same_wire_min_aligned: int = SAME_WIRE_MIN_ALIGNED


DEFAULT = Thresholds()


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Fingerprint:
    """What the index keeps of one article."""

    id: str
    published: str | None
    day: int | None  # proleptic ordinal of the publication date
    wire: str | None
    shingles: np.ndarray  # sorted unique uint32
    sentence_codes: np.ndarray  # int8 codes of the eligible sentences' vectors (align.quantize)
    sentence_scales: np.ndarray  # float32, one per eligible sentence
    vector: np.ndarray  # float32, L2-normalised
    quotes: tuple[str, ...]
    numbers: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class PairEvidence:
    containment: float
    jaccard: float
    min_shingles: int
    alignment: Alignment
    shared_quotes: tuple[str, ...]
    shared_numbers: tuple[str, ...]
    cosine: float
    wire: str | None  # the wire both are credited to, if they are


def fingerprint(article: Article, annotation: Annotation) -> Fingerprint:
    if annotation.article_id != article.id:
        raise ValueError(f"annotation of {annotation.article_id} given for article {article.id}")
    codes, scales = quantize(eligible_sentences(annotation)[1])
    return Fingerprint(
        id=article.id, published=article.published, day=day_number(article.published),
        wire=normalize_wire(article.wire), shingles=shingles(article.text),
        sentence_codes=codes, sentence_scales=scales, vector=np.asarray(annotation.vector, dtype=np.float32),
        quotes=quotes(article.text), numbers=numbers(article.text))


def day_number(published: str | None) -> int | None:
    """Days since 0001-01-01 of an ISO date or datetime; ``None`` when missing or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def compare(a: Fingerprint, b: Fingerprint, sentence_cosine: float = SENTENCE_COSINE) -> PairEvidence:
    """The evidence for a pair; symmetric (the pair is put in publication order first)."""
    a, b = sorted((a, b), key=lambda f: order_key(f.id, f.published))
    containment, jaccard = overlap(a.shingles, b.shingles)
    wire = a.wire if a.wire is not None and a.wire == b.wire else None
    return PairEvidence(
        containment=containment, jaccard=jaccard, min_shingles=min(len(a.shingles), len(b.shingles)),
        alignment=align(dequantize(a.sentence_codes, a.sentence_scales),
                        dequantize(b.sentence_codes, b.sentence_scales), sentence_cosine),
        shared_quotes=tuple(shared_quotes(a.quotes, b.quotes)),
        shared_numbers=tuple(sorted(a.numbers & b.numbers)),
        cosine=float(a.vector @ b.vector), wire=wire)


def decide(ev: PairEvidence, t: Thresholds = DEFAULT) -> tuple[str, float] | None:
    """(kind, score) of the relation the evidence supports, or ``None``. Copy outranks same-wire
    (a verbatim copy is the stronger statement), same-wire outranks rewrite (neither article copied
    the other: both trace to the agency)."""
    if ev.containment >= t.copy_containment and ev.min_shingles >= t.min_copy_shingles:
        return "copy", round(ev.containment, 3)
    al = ev.alignment
    if ev.wire and al.share >= t.same_wire_share and al.aligned >= t.same_wire_min_aligned:
        return "same-wire", round(al.share, 3)
    if al.aligned >= t.rewrite_min_aligned and al.share >= _rewrite_share_needed(ev, t):
        return "rewrite", round(al.share, 3)
    return None


def _rewrite_share_needed(ev: PairEvidence, t: Thresholds) -> float:
    strong = len(ev.shared_quotes) >= EVIDENCE_QUOTES and len(ev.shared_numbers) >= EVIDENCE_NUMBERS
    return t.rewrite_share_with_evidence if strong else t.rewrite_share


def relation(a: Fingerprint, b: Fingerprint, kind: str, score: float, ev: PairEvidence) -> Relation:
    """The relation, pointing from the earlier article to the later one."""
    first, second = sorted((a, b), key=lambda f: order_key(f.id, f.published))
    return Relation(source=first.id, target=second.id, kind=kind, score=score, evidence=describe(kind, ev))


def describe(kind: str, ev: PairEvidence) -> str:
    """A short human account: '11 of 12 sentences aligned (92%); shared quote "…"; containment 0.97'."""
    al = ev.alignment
    parts = []
    if kind == "same-wire":
        parts.append(f"both credited to {ev.wire}")
    if al.of:
        parts.append(f"{al.aligned} of {al.of} sentences aligned ({al.share:.0%}, mean cosine {al.mean_cosine:.2f})")
    if ev.shared_quotes:
        quote = ev.shared_quotes[0]
        quote = quote if len(quote) <= 60 else quote[:57] + "…"
        more = f" and {len(ev.shared_quotes) - 1} more" if len(ev.shared_quotes) > 1 else ""
        parts.append(f"shared quote '{quote}'{more}")
    if ev.shared_numbers:
        parts.append(f"shared numbers {', '.join(ev.shared_numbers[:4])}")
    parts.append(f"containment {ev.containment:.2f}")
    return "; ".join(parts)
