"""Store scale: a 100,000-article SQLite store copied into PostgreSQL by ``newsprism migrate``.

    eval "$(bash scripts/pg_ci.sh start)"
    python bench/store_migrate.py [--n 100000] [--annotated 20000] [--to URL] [--eval DIR]
    bash scripts/pg_ci.sh stop

Texts are real: the documents of ../shared/eval (NeuS leads 8,277, ECB+ 772, PolNeAR 928, BASIL
162; never copied into the repository), repeated with a perturbation per repeat (sentences rotated,
one dropped, an update line added) so every article has its own content hash, with outlets and
publication dates spread over 40 outlets and two years. Articles go into SQLite directly (no
cleaning pass; the store is what is measured). ``--annotated`` articles get a cheap 384-d vector
(a seeded random projection of hashed word counts: not MiniLM, but clustered like text) so the
HNSW index is built at scale. The copy runs into a fresh schema (``newsprism_bench``, dropped at
the end) and is run twice: the second run is the idempotent re-run (nothing to copy). Printed: the
build, each copy's time and rows/s, both stores' sizes, search and nearest-neighbour latency.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from newsprism.model import Annotation, Article, Block, RawArticle
from newsprism.store import SQLiteStore
from newsprism.store.postgres import PostgresStore
from newsprism.store.transfer import copy_store, sizes

REPO = Path(__file__).resolve().parents[1]
# ../shared/eval beside the checkout (or beside the folder of worktrees)
DEFAULT_EVAL = next((p / "shared" / "eval" for p in REPO.parents if (p / "shared" / "eval").is_dir()),
                    REPO.parent / "shared" / "eval")
SOURCES = (("neus/docs.jsonl.gz", "text"), ("ecbplus/docs.jsonl.gz", "text"), ("polnear/docs.jsonl.gz", "text"),
           ("basil/articles.jsonl.gz", "text"))
DIM = 384
SCHEMA = "newsprism_bench"
QUERIES = ("president election", "earthquake killed", "police shooting", "oil prices", "supreme court ruling",
           "hurricane", "trade deal china", "vaccine", "border wall", "climate")


def load_texts(eval_dir: Path) -> list[tuple[str, str]]:
    texts = []
    for name, field in SOURCES:
        for line in gzip.open(eval_dir / name, "rt"):
            row = json.loads(line)
            text = (row.get(field) or "").strip()
            if len(text) > 80:
                texts.append(((row.get("title") or text.split("\n")[0])[:200], text))
    return texts


def perturb(text: str, repeat: int, rng: random.Random) -> str:
    if repeat == 0:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    if len(sentences) > 2:
        k = repeat % len(sentences)
        sentences = sentences[k:] + sentences[:k]
        del sentences[rng.randrange(len(sentences))]
    return " ".join(sentences) + f"\n\nUpdated {repeat} time(s) since first publication."


def cheap_vector(text: str, projection: np.ndarray, buckets: dict[str, int]) -> np.ndarray:
    counts = np.zeros(projection.shape[0], dtype=np.float32)
    for word in re.findall(r"\w+", text.lower()):
        if word not in buckets:
            buckets[word] = int(hashlib.blake2b(word.encode(), digest_size=4).hexdigest(), 16) % projection.shape[0]
        counts[buckets[word]] += 1
    vec = counts @ projection
    return vec / (np.linalg.norm(vec) or 1.0)


def build(path: Path, n: int, annotated: int, eval_dir: Path) -> dict:
    rng = random.Random(13)
    texts = load_texts(eval_dir)
    projection = np.random.default_rng(13).normal(size=(4096, DIM)).astype(np.float32)
    outlets = [f"Outlet {i:02d}" for i in range(40)]
    start = time.perf_counter()
    store = SQLiteStore(path)
    seen: set[str] = set()
    buckets: dict[str, int] = {}
    notes: list[Annotation] = []
    with store._transaction():
        for i in range(n):
            title, base = texts[i % len(texts)]
            text = perturb(base, i // len(texts), rng)
            aid = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
            if aid in seen:
                text += f" ({i})"
                aid = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
            seen.add(aid)
            day = rng.randrange(730)
            published = f"{2023 + day // 365}-{(day % 365) // 31 % 12 + 1:02d}-{day % 28 + 1:02d}"
            url = f"https://news{i % 40}.example/{i}"
            raw = RawArticle(source=url, kind="text", body=text, url=url, title=title)
            article = Article(id=aid, source=url, url=url, canonical_url=url, headline=title,
                              outlet=outlets[i % 40], byline=None, dateline=None, published=published, wire=None,
                              language="en", text=text, blocks=tuple(Block(text=p) for p in text.split("\n\n")),
                              provenance={"outlet": "input"}, stage_versions={"clean": "bench"})
            store._insert(raw, article)
            if i < annotated:
                notes.append(Annotation(article_id=aid, version="bench", sentences=(), entities=(),
                                        sentence_vectors=np.zeros((0, DIM), np.float32),
                                        vector=cheap_vector(text, projection, buckets)))
    store.save_annotations(notes)
    store.close()
    return {"articles": n, "annotated": annotated, "distinct_texts": len(texts),
            "build_s": round(time.perf_counter() - start, 1)}


def latency_ms(fn, runs) -> float:
    times = []
    for arg in runs:
        t = time.perf_counter()
        fn(arg)
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--annotated", type=int, default=20_000)
    parser.add_argument("--to", default=os.environ.get("NEWSPRISM_TEST_PG") or os.environ.get("DATABASE_URL"))
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    args = parser.parse_args()
    if not args.to:
        sys.exit("no PostgreSQL: --to URL or NEWSPRISM_TEST_PG (scripts/pg_ci.sh starts one)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        figures: dict = build(path, args.n, args.annotated, args.eval)
        print(json.dumps(figures), flush=True)
        sqlite = SQLiteStore(path)
        pg = PostgresStore(args.to, schema=SCHEMA)
        try:
            for run in ("first", "again"):
                start = time.perf_counter()
                last = [start]
                per_table: dict[str, float] = {}

                def lap(table: str, done: int, total: int, per_table=per_table, last=last) -> None:
                    now = time.perf_counter()
                    per_table[table] = round(per_table.get(table, 0.0) + now - last[0], 1)
                    last[0] = now

                counts = copy_store(sqlite, pg, on_progress=lap)
                figures[f"copy_{run}_s_by_table"] = {t: s for t, s in per_table.items() if s >= 0.1}
                seconds = time.perf_counter() - start
                rows = sum(c.source for c in counts)
                figures[f"copy_{run}_s"] = round(seconds, 1)
                figures[f"copy_{run}_rows_per_s"] = round(rows / seconds)
                assert all(c.ok for c in counts), counts
                print(json.dumps({run: seconds, "counts": {c.table: [c.source, c.target] for c in counts}}), flush=True)
            figures["rows"] = rows
            figures.update({k: f"{v / 2**20:.0f} MB" for k, v in sizes(sqlite, pg).items()})
            pg.conn.execute("ANALYZE")
            probe = list(pg.annotations("bench").values())[:50]
            figures["search_ms_p50"] = {"sqlite": latency_ms(lambda q: sqlite.search(q, 10), QUERIES),
                                        "postgres": latency_ms(lambda q: pg.search(q, 10), QUERIES)}
            figures["nearest10_ms_p50"] = {"sqlite": latency_ms(lambda a: sqlite.nearest(a.vector, 10), probe[:10]),
                                           "postgres": latency_ms(lambda a: pg.nearest(a.vector, 10), probe)}
            exact = [{aid for aid, _ in sqlite.nearest(a.vector, 10)} for a in probe[:10]]
            approx = [{aid for aid, _ in pg.nearest(a.vector, 10)} for a in probe[:10]]
            figures["nearest10_recall"] = round(sum(len(e & a) for e, a in zip(exact, approx)) / 100, 3)
        finally:
            pg.conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            pg.close()
            sqlite.close()
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
