"""Train the headline-vs-body stance model shipped in ``src/newsprism/claims/data/``.

    python scripts/train_stance.py [--eval ../shared/eval] [--idf]

Data (read-only, never copied into the repository):

- ``fnc1/pairs.jsonl.gz`` + ``bodies.jsonl.gz``: the FNC-1 *test* set (13,305 headline/body
  pairs over 457 bodies), our only labelled stance data. The shipped model is fit on all of it;
  ``bench/stance.py`` reports the cross-validated scores (folds split by body) measured first.
- ``polnear``, ``ecbplus``, ``multinews`` documents: only for the word idf table (``--idf``
  rebuilds ``stance_idf.json.gz``), so FNC-1 text never leaks into the idf.

Outputs: ``claims/data/stance_model.npz`` (gradient-boosted trees exported to arrays, read by
``newsprism.claims.stance`` with numpy only) and ``claims/data/stance_idf.json.gz``.
Embeddings of the FNC-1 texts are cached under ``$NEWSPRISM_BENCH_CACHE`` (default
``~/.cache/newsprism-bench``), so a second run costs seconds.
"""
from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import math
import os
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# one OpenMP thread: on a shared 2-core machine, scikit-learn's spinning threads ran a 15 s fit
# for over 10 minutes
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DATA = ROOT / "src" / "newsprism" / "claims" / "data"
CACHE = Path(os.environ.get("NEWSPRISM_BENCH_CACHE", Path.home() / ".cache" / "newsprism-bench"))
IDF_MIN_DF = 2  # a stem seen in one document only is noise; unseen stems get DEFAULT_IDF


def read_jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_fnc(eval_dir: Path = EVAL) -> tuple[list[dict], dict[int, str]]:
    pairs = read_jsonl(eval_dir / "fnc1" / "pairs.jsonl.gz")
    bodies = {b["body_id"]: b["text"] for b in read_jsonl(eval_dir / "fnc1" / "bodies.jsonl.gz")}
    return pairs, bodies


# --- idf ------------------------------------------------------------------------------------

def idf_documents(eval_dir: Path = EVAL) -> list[str]:
    """News texts outside FNC-1: PolNeAR articles, ECB+ documents, Multi-News sources."""
    docs = [d["text"] for d in read_jsonl(eval_dir / "polnear" / "docs.jsonl.gz")]
    docs += [d["text"] for d in read_jsonl(eval_dir / "ecbplus" / "docs.jsonl.gz")]
    for cluster in read_jsonl(eval_dir / "multinews" / "clusters.jsonl.gz"):
        documents = cluster["documents"]
        if isinstance(documents, str):
            documents = ast.literal_eval(documents)
        docs += list(documents)
    return docs


def build_idf(docs: list[str]) -> dict[str, float]:
    from newsprism.claims.stance_features import content_stems, words

    df = Counter()
    for doc in docs:
        df.update(set(content_stems(words(doc))))
    n = len(docs)
    return {s: round(math.log((n + 1) / (c + 1)) + 1, 3) for s, c in df.items() if c >= IDF_MIN_DF}


def write_idf(eval_dir: Path = EVAL) -> Path:
    docs = idf_documents(eval_dir)
    idf = build_idf(docs)
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / "stance_idf.json.gz"
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(json.dumps(idf, sort_keys=True, separators=(",", ":")).encode())
    print(f"idf: {len(idf)} stems from {len(docs)} documents -> {path} ({path.stat().st_size // 1024} KB)")
    return path


# --- views with cached embeddings -----------------------------------------------------------

class EmbeddingCache:
    """MiniLM vectors by text, kept on disk (one pickle of sha1(text) -> float32 vector), so a
    change in sentence splitting only embeds the sentences that changed."""

    def __init__(self, language=None, directory: Path = CACHE):
        self.language = language
        self.path = directory / "stance-minilm.pkl"
        directory.mkdir(parents=True, exist_ok=True)
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.exists():
            with self.path.open("rb") as f:
                self.vectors = pickle.load(f)

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode()).hexdigest()

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if self.key(t) not in self.vectors})
        if missing:
            if self.language is None:
                from newsprism.nlp import Language

                self.language = Language()
            for text, vector in zip(missing, self.language.embed(missing)):
                self.vectors[self.key(text)] = vector
            tmp = self.path.with_suffix(".tmp")
            with tmp.open("wb") as f:
                pickle.dump(self.vectors, f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(self.path)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.vectors[self.key(t)] for t in texts])


def read_fnc(pairs: list[dict], bodies: dict[int, str], cache: EmbeddingCache, *, log=print):
    """Views of every headline and body (each body embedded once, all headlines in one batch)."""
    from newsprism.claims import stance_features as F

    t0 = time.perf_counter()
    prototypes = F.embed_prototypes(cache.embed)
    if not (DATA / F.PROTOTYPES_FILE).exists() or _stale_prototypes():
        F.save_prototypes(prototypes, DATA / F.PROTOTYPES_FILE)
        F.load_prototypes.cache_clear()
    prototypes = F.load_prototypes()  # the float16 copy the package reads, so training sees the same
    headlines = sorted({p["headline"] for p in pairs})
    cache.embed([t for h in headlines for t in F.headline_texts(h)])  # one batch; then all cached
    heads = {}
    for h in headlines:
        vectors = cache.embed(F.headline_texts(h))
        heads[h] = F.read_text(h, F.headline_sentences(h), vectors[:1], variants=vectors[1:],
                               prototypes=prototypes)
    needed = sorted({p["body_id"] for p in pairs})
    split = {b: F.split_sentences(bodies[b]) for b in needed}
    flat = [s.text for b in needed for s in split[b]]
    vectors = cache.embed(flat)
    views, offset = {}, 0
    for b in needed:
        n = len(split[b])
        views[b] = F.read_text(bodies[b], split[b], vectors[offset:offset + n], prototypes=prototypes)
        offset += n
    log(f"read {len(headlines)} headlines and {len(needed)} bodies ({len(flat)} sentences) "
        f"in {time.perf_counter() - t0:.1f} s")
    return heads, views


def _stale_prototypes() -> bool:
    from newsprism.claims import stance_features as F

    try:
        F.load_prototypes()
        return False
    except RuntimeError:
        return True


def feature_matrix(pairs: list[dict], heads: dict, views: dict) -> np.ndarray:
    from newsprism.claims.stance_features import pair_features

    return np.stack([pair_features(heads[p["headline"]], views[p["body_id"]]) for p in pairs])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=EVAL)
    ap.add_argument("--idf", action="store_true", help="rebuild the idf table first")
    args = ap.parse_args(argv)
    if not (args.eval / "fnc1").exists():
        print(f"no evaluation data at {args.eval}; nothing to train")
        return 0
    if args.idf or not (DATA / "stance_idf.json.gz").exists():
        write_idf(args.eval)
    from newsprism.claims.stance import LABELS, save_model, train

    pairs, bodies = load_fnc(args.eval)
    heads, views = read_fnc(pairs, bodies, EmbeddingCache())
    X = feature_matrix(pairs, heads, views)
    y = np.array([LABELS.index(p["stance"]) for p in pairs])
    t0 = time.perf_counter()
    model = train(X, y)
    path = save_model(model, DATA / "stance_model.npz")
    print(f"trained on all {len(pairs)} pairs in {time.perf_counter() - t0:.1f} s -> {path} "
          f"({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
