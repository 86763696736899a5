"""The syndication index kept in the store between runs: each run compares only the new articles.

    relations = add_stored(store, new_articles, annotations, version=...)   # new links only
    every = stored_relations(store, version)                                # all links so far

Each indexed article leaves one ``IndexEntry`` (kind ``"syndication"``): its fingerprint
(shingles, quantised sentence vectors, quotes, numbers, wire, day), its article vector and day
(the window search for rewrites), its LSH band hashes as keys (the copy search, at any distance)
and, as ``links``, the relations found when it was added. A new article is compared with the
stored articles the store returns for its bands and its window, and with the other new articles,
exactly as ``SyndicationIndex.add`` compares: candidates from the two searches, then the verdict
of each pair on its own. Both searches are symmetric and the verdict is a function of the pair,
so the relations are those of one batch run over all the articles, however they were cut into
runs (below ``index.MAX_VECTOR_CANDIDATES`` close neighbours, as for any arrival order).

What a run holds: the new articles' fingerprints, the vectors of the stored articles within
``WINDOW_DAYS`` of the new ones (plus the undated), and the fingerprints of the candidates it
compares; never the whole corpus.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..model import Annotation, Article, IndexEntry, Relation
from .groups import order_key
from .index import SyndicationIndex, sort_relations
from .minhash import _band_hashes, signature
from .relate import Fingerprint, fingerprint

if TYPE_CHECKING:
    from ..store import Store

KIND = "syndication"
FORMAT = "fp-1"  # the encoding of a stored fingerprint (part of the index version)
# Fingerprints of stored candidates kept during one run before the cache is emptied: a new article
# has at most MAX_VECTOR_CANDIDATES vector candidates plus its copies, so this bounds the memory
# (~15 KB a fingerprint) without re-reading the candidates that neighbours of one story share.
CACHE_PRINTS = 4000


def index_version(annotation_version: str) -> str:
    """The stored index's version: the dedup code's, the encoding's and the annotations' (the
    vectors compared come from them)."""
    from . import DEDUP_VERSION

    return f"{DEDUP_VERSION}+{FORMAT}+{annotation_version}"


def stored_ids(store: Store, version: str) -> set[str]:
    return store.indexed_ids(KIND, version)


def stored_relations(store: Store, version: str) -> list[Relation]:
    """Every relation found so far among the articles indexed under ``version``."""
    return [Relation(**r) for links in store.index_links(KIND, version) for r in json.loads(links)]


def add_stored(store: Store, articles: Sequence[Article], annotations: Mapping[str, Annotation], *,
               version: str) -> list[Relation]:
    """Index ``articles`` (those not yet indexed) against the stored index and each other, save
    their entries, and return the relations found (see the module docstring)."""
    known = stored_ids(store, version)
    new = sorted((a for a in articles if a.id not in known), key=lambda a: order_key(a.id, a.published))
    new = list({a.id: a for a in new}.values())
    if not new:
        return []
    prints = [fingerprint(a, annotations[a.id]) for a in new]
    index = _StoredIndex(store, version, [fp.day for fp in prints])
    entries, found = [], []
    for fp in prints:
        minhash = signature(fp.shingles)
        relations = index.add_print(fp, minhash)
        found.extend(relations)
        bands = tuple((slot, _signed(value)) for slot, value in enumerate(_band_hashes(minhash))) \
            if len(fp.shingles) else ()
        entries.append(IndexEntry(article_id=fp.id, data=encode(fp), day=fp.day, vector=fp.vector, keys=bands,
                                  links=json.dumps([_relation_dict(r) for r in relations], ensure_ascii=False)))
    store.save_index_entries(KIND, version, entries)
    return sort_relations(found)


class _StoredIndex(SyndicationIndex):
    """A ``SyndicationIndex`` whose earlier articles live in the store: their vectors within the
    window of the new articles are loaded up front, their band hashes and fingerprints are read
    when a new article needs them."""

    def __init__(self, store: Store, version: str, days: Sequence[int | None]):
        super().__init__()
        self._store, self._version = store, version
        self._stored: dict[str, Fingerprint] = {}
        dated = [d for d in days if d is not None]
        window = self._vectors.window_days
        # every stored vector a new article may reach: all of them when a new article is undated
        first, last = (min(dated) - window, max(dated) + window) if dated and len(dated) == len(days) \
            else (-(1 << 62), 1 << 62)
        for entry in store.index_window(KIND, version, first, last):
            if entry.vector is not None:
                self._vectors.add(entry.article_id, entry.day, np.asarray(entry.vector, dtype=np.float32))

    def add_print(self, fp: Fingerprint, minhash: np.ndarray) -> list[Relation]:
        with self._blas():
            return self._add_print(fp, minhash)

    def _add_print(self, fp: Fingerprint, minhash: np.ndarray) -> list[Relation]:
        from .index import relation
        from .relate import compare, decide

        candidates = self._candidates(fp, minhash)
        if len(fp.shingles):
            bands = [(slot, _signed(value)) for slot, value in enumerate(_band_hashes(minhash))]
            candidates.update(self._store.index_matches(KIND, self._version, bands))
        candidates.discard(fp.id)
        others = self._prints_of(candidates)
        found = []
        for other_id in sorted(candidates):
            other = others.get(other_id)
            if other is None:
                continue
            evidence = compare(fp, other, self.thresholds.sentence_cosine)
            verdict = decide(evidence, self.thresholds)
            if verdict is not None:
                found.append(relation(fp, other, verdict[0], verdict[1], evidence))
        self._insert(fp, minhash)
        return found

    def _prints_of(self, ids: set[str]) -> dict[str, Fingerprint]:
        missing = [i for i in ids if i not in self._prints and i not in self._stored]
        if missing:
            if len(self._stored) + len(missing) > CACHE_PRINTS:
                self._stored.clear()
            for entry in self._store.index_entries(KIND, self._version, missing):
                self._stored[entry.article_id] = decode(entry.article_id, entry.data)
        return {i: self._prints[i] if i in self._prints else self._stored[i]
                for i in ids if i in self._prints or i in self._stored}


def _signed(value: int) -> int:
    """A 64-bit band hash as the signed integer SQL stores."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _relation_dict(r: Relation) -> dict:
    return {"source": r.source, "target": r.target, "kind": r.kind, "score": r.score, "evidence": r.evidence}


# --- the stored fingerprint: a JSON head, then the arrays' bytes -------------------------------------
def encode(fp: Fingerprint) -> bytes:
    codes = np.ascontiguousarray(fp.sentence_codes, dtype=np.int8)
    head = {"published": fp.published, "day": fp.day, "wire": fp.wire, "quotes": list(fp.quotes),
            "numbers": sorted(fp.numbers), "shingles": int(len(fp.shingles)), "codes": list(codes.shape),
            "vector": int(len(fp.vector))}
    return b"".join([json.dumps(head, ensure_ascii=False).encode("utf-8"), b"\n",
                     np.asarray(fp.shingles, dtype=np.uint32).tobytes(), codes.tobytes(),
                     np.asarray(fp.sentence_scales, dtype=np.float32).tobytes(),
                     np.asarray(fp.vector, dtype=np.float32).tobytes()])


def decode(article_id: str, data: bytes) -> Fingerprint:
    cut = data.index(b"\n")
    head = json.loads(data[:cut].decode("utf-8"))
    at = cut + 1
    n = head["shingles"]
    shingles = np.frombuffer(data, dtype=np.uint32, count=n, offset=at)
    at += 4 * n
    rows, dim = head["codes"] if len(head["codes"]) == 2 else (0, 0)
    codes = np.frombuffer(data, dtype=np.int8, count=rows * dim, offset=at).reshape(rows, dim)
    at += rows * dim
    scales = np.frombuffer(data, dtype=np.float32, count=rows, offset=at)
    at += 4 * rows
    vector = np.frombuffer(data, dtype=np.float32, count=head["vector"], offset=at)
    return Fingerprint(id=article_id, published=head["published"], day=head["day"], wire=head["wire"],
                       shingles=shingles, sentence_codes=codes, sentence_scales=scales, vector=vector,
                       quotes=tuple(head["quotes"]), numbers=frozenset(head["numbers"]))

