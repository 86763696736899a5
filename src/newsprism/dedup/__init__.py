"""Syndication graph: who copied whom.

    index = SyndicationIndex()
    for article, annotation in stream:
        for rel in index.add(article, annotation):   # relations to articles already indexed
            print(rel.kind, rel.source, "->", rel.target, rel.evidence)
    groups = provenance_groups(ids, index.relations, published)
    independent_sources(some_ids, groups)

In a later process, ``index.restore(article, annotation, stored_relations)`` puts back what was
indexed before (no comparisons), then ``add`` goes on with the new articles.

Relations: ``copy`` (near-identical text: shingle containment), ``rewrite`` (reworded: aligned
sentences, shared quotes and numbers), ``same-wire`` (credited to one agency, and the same story).
"""
from .groups import independent_sources, provenance_groups
from .index import SyndicationIndex, find_relations
from .relate import PairEvidence, Thresholds, compare, decide, fingerprint
from .wire import normalize_wire

DEDUP_VERSION = "dedup-1"

__all__ = ["DEDUP_VERSION", "PairEvidence", "SyndicationIndex", "Thresholds", "compare", "decide", "find_relations",
           "fingerprint", "independent_sources", "normalize_wire", "provenance_groups"]
