"""The syndication index: add articles one at a time, get their relations to those already in.

Candidates come from two sub-linear searches, MinHash LSH over word shingles (copies, whatever the
dates) and a radius search over article vectors inside a time window (rewrites, same-wire); each
candidate pair is then judged on its own (``relate.decide``). Both searches are symmetric and the
verdict is a function of the pair alone, so any arrival order gives the same relations.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import nullcontext

from ..model import Annotation, Article, Relation
from .groups import order_key
from .minhash import BandIndex, signature
from .relate import DEFAULT, Fingerprint, Thresholds, compare, decide, fingerprint, relation
from .vectors import VectorIndex

# Article-vector cosine above which a pair is checked for a rewrite. In bench/syndication.py copies
# sit above 0.85 and rewrites above 0.72 (tune half); 0.55 leaves room for heavier rewording. Pairs
# that fail it but are copies are still found by LSH.
CANDIDATE_COSINE = 0.55
# Rewrites of dated articles are looked for within this many days; copies (LSH) at any distance.
WINDOW_DAYS = 30
# At most this many vector neighbours (the closest) are checked per added article, so a story with
# thousands of articles in one month costs a bounded amount per ``add``. Below the cap (every pair
# of the bench and of the seeds) the relations do not depend on the arrival order; above it, a
# far-down neighbour may be checked from one side only.
MAX_VECTOR_CANDIDATES = 200


class SyndicationIndex:
    """Incremental syndication graph. ``add`` returns the new article's relations to indexed ones."""

    def __init__(self, *, window_days: int = WINDOW_DAYS, candidate_cosine: float = CANDIDATE_COSINE,
                 thresholds: Thresholds = DEFAULT):
        self.candidate_cosine = candidate_cosine
        self.thresholds = thresholds
        self._prints: dict[str, Fingerprint] = {}
        self._lsh = BandIndex()
        self._vectors = VectorIndex(window_days)
        self._relations: list[Relation] = []
        self._blas = _single_thread_blas()

    def add(self, article: Article, annotation: Annotation) -> list[Relation]:
        """Index ``article``; returns its relations to the articles indexed before it.

        An article already indexed (same id) is ignored and yields no relations.
        """
        if article.id in self._prints:
            return []
        with self._blas():
            return self._add(article, annotation)

    def _add(self, article: Article, annotation: Annotation) -> list[Relation]:
        fp = fingerprint(article, annotation)
        minhash = signature(fp.shingles)
        found = []
        for other_id in sorted(self._candidates(fp, minhash)):
            other = self._prints[other_id]
            evidence = compare(fp, other, self.thresholds.sentence_cosine)
            verdict = decide(evidence, self.thresholds)
            if verdict is not None:
                found.append(relation(fp, other, verdict[0], verdict[1], evidence))
        self._insert(fp, minhash)
        self._relations.extend(found)
        return found

    def restore(self, article: Article, annotation: Annotation, relations: Iterable[Relation] = ()) -> None:
        """Put back an article whose relations were computed before (kept in a store), without
        comparing it again: a later ``add`` finds it as a candidate as if it had been added."""
        if article.id not in self._prints:
            fp = fingerprint(article, annotation)
            self._insert(fp, signature(fp.shingles))
        self._relations.extend(relations)

    def _insert(self, fp: Fingerprint, minhash) -> None:
        self._prints[fp.id] = fp
        if len(fp.shingles):  # empty texts would all collide with each other
            self._lsh.insert(fp.id, minhash)
        self._vectors.add(fp.id, fp.day, fp.vector)

    def add_many(self, articles: Sequence[Article], annotations: Sequence[Annotation]) -> list[Relation]:
        found = []
        for article, annotation in zip(articles, annotations, strict=True):
            found.extend(self.add(article, annotation))
        return found

    def _candidates(self, fp: Fingerprint, minhash) -> set[str]:
        candidates = self._lsh.query(minhash) if len(fp.shingles) else set()
        near = sorted(self._vectors.near(fp.vector, fp.day, self.candidate_cosine), key=lambda h: (-h[1], h[0]))
        candidates.update(i for i, _ in near[:MAX_VECTOR_CANDIDATES])
        candidates.discard(fp.id)
        return candidates

    @property
    def relations(self) -> list[Relation]:
        """Every relation found so far, earliest source first."""
        return sort_relations(self._relations)

    def published(self) -> dict[str, str | None]:
        return {i: fp.published for i, fp in self._prints.items()}

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._prints

    def __len__(self) -> int:
        return len(self._prints)


def _single_thread_blas():
    """A context that runs numpy's BLAS on one thread. The products here are small (tens of
    sentences x 384); measured on a loaded 2-core machine, a multi-threaded OpenBLAS took 31 ms per
    50x384 @ 384x50 product against 0.12 ms on one thread (bench/syndication.py: 38 -> 290 adds/s)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # optional: without it the index is correct, only slower under load
        return nullcontext
    controller = ThreadpoolController()
    return lambda: controller.limit(limits=1, user_api="blas")


def sort_relations(relations: Iterable[Relation]) -> list[Relation]:
    return sorted(relations, key=lambda r: (r.source, r.target))  # ids: a stable, order-free key


def find_relations(articles: Sequence[Article], annotations: Sequence[Annotation], *,
                   thresholds: Thresholds = DEFAULT) -> list[Relation]:
    """Batch helper: the relations among ``articles`` (annotations matched by article id)."""
    by_id = {a.article_id: a for a in annotations}
    index = SyndicationIndex(thresholds=thresholds)
    for article in sorted(articles, key=lambda a: order_key(a.id, a.published)):
        index.add(article, by_id[article.id])
    return index.relations
