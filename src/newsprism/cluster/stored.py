"""The story index's input kept in the store between runs: each article's ``Features``, computed
once from its text and annotation, so that a run re-clusters from these compact records (about
4 KB an article: two vectors and the hashed words) instead of re-reading every text and
annotation (sentence vectors: tens of KB an article).

    feats = stored_features(store, articles, annotations, version=...)

``consolidate`` is a function of the whole set of articles (blocks, batch events and the links
between them read every story), so every run still places and consolidates every article: the
answer is the one-shot answer, and this stage's time and memory grow with n (bench/RESULTS.md,
"Incremental cross-article stages").
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..model import Annotation, Article, IndexEntry
from .dates import When
from .features import Features, features

if TYPE_CHECKING:
    from ..store import Store

KIND = "story"
FORMAT = "features-2"  # features-2: headline terms  # the encoding (part of the index version)
BATCH = 256  # articles whose features are computed and saved together


def index_version(cluster_version: str, annotation_version: str) -> str:
    return f"{cluster_version}+{FORMAT}+{annotation_version}"


def stored_features(store: Store, articles: Sequence[Article], annotations: Mapping[str, Annotation], *,
                    version: str) -> dict[str, Features]:
    """The features of every article of ``articles``: read from the store, computed (from
    ``annotations``, read only for these) and saved for those not stored yet."""
    wanted = {a.id for a in articles}
    known = store.indexed_ids(KIND, version)
    missing = [a for a in articles if a.id not in known]
    for start in range(0, len(missing), BATCH):
        batch = missing[start:start + BATCH]
        store.save_index_entries(KIND, version, [
            IndexEntry(article_id=a.id, data=encode(features(a, annotations.get(a.id)))) for a in batch])
    return {e.article_id: decode(e.article_id, e.data) for e in _entries(store, version) if e.article_id in wanted}


def _entries(store: Store, version: str) -> Iterator[IndexEntry]:
    return store.index_entries(KIND, version)


_ARRAYS = (("vector", np.float32), ("terms", np.int32), ("tf", np.float32), ("lead", np.float32),
           ("lead_terms", np.int32), ("lead_tf", np.float32), ("headline_terms", np.int32),
           ("headline_tf", np.float32))


def encode(f: Features) -> bytes:
    arrays = [np.ascontiguousarray(getattr(f, name), dtype=dtype).reshape(-1) for name, dtype in _ARRAYS]
    head = {"keys": f.keys, "when": [_day(f.when.date), _day(f.when.anchor), f.when.source, f.when.future],
            "masked": f.masked, "role": f.role, "words": f.words, "outlet": f.outlet, "headline": f.headline,
            "flags": list(f.flags), "order": list(f.order), "sizes": [len(a) for a in arrays],
            "lead_is_vector": f.lead is f.vector}
    return b"".join([json.dumps(head, ensure_ascii=False).encode("utf-8"), b"\n", *(a.tobytes() for a in arrays)])


def decode(article_id: str, data: bytes) -> Features:
    cut = data.index(b"\n")
    head = json.loads(data[:cut].decode("utf-8"))
    at, arrays = cut + 1, {}
    for (name, dtype), size in zip(_ARRAYS, head["sizes"]):
        arrays[name] = np.frombuffer(data, dtype=dtype, count=size, offset=at)
        at += size * np.dtype(dtype).itemsize
    if head["lead_is_vector"]:
        arrays["lead"] = arrays["vector"]
    date, anchor, source, future = head["when"]
    return Features(id=article_id, keys=head["keys"], when=When(date=_date(date), anchor=_date(anchor),
                                                                 source=source, future=future),
                    masked=head["masked"], role=head["role"], words=head["words"], outlet=head["outlet"],
                    headline=head["headline"], flags=tuple(head["flags"]), order=tuple(head["order"]), **arrays)


def _day(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)
