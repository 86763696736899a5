"""Scale: a stream of 100,000 articles clustered incrementally by ``StoryIndex``.

    python bench/scale.py [--eval DIR] [--cache DIR] [--n 100000] [--append-results]

Texts are real: every document of ../shared/eval (ECB+ 772, Multi-News 690, PolNeAR 928; never
copied into the repository). The stream repeats them with distinct ids and publication dates
spread uniformly over two years, in date order (as a crawler delivers them).

Cheap paths, said plainly:
- embeddings: each distinct text is embedded once with MiniLM (headline + lead, as
  ``newsprism.nlp`` does); its repeats reuse that vector plus small Gaussian noise (sigma 0.01
  per dimension, cosine to the original ~0.96), so repeats are near-duplicates, not copies;
- entities: spaCy NER (``Language.parse``) once per distinct text, reused by its repeats;
- no sentence vectors (the clusterer reads the article vector only).
The cheap embedding path (``newsprism.nlp.static``: a static word-piece table distilled from
MiniLM) is timed over every distinct text beside MiniLM.
The clustering clock covers ``StoryIndex.add`` (features: dates, role, entity keys, lexical
profile; retrieval; decisions). Embedding throughput is measured separately on a sample:
MiniLM article vectors, spaCy NER, and the full ``annotate`` (sentences + all sentence vectors).
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import pickle
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

import benchkit

DEFAULT_CACHE = Path(tempfile.gettempdir()) / "newsprism-bench-cache" / "scale"
CHECKPOINTS = (10_000, 50_000, 100_000)
RATE_WINDOW = 5_000  # articles/s at a checkpoint = rate over the last this many adds (the machine is shared)
NOISE = 0.01
START = dt.date(2022, 1, 1)
DAYS = 730


def load_texts(eval_dir: Path) -> list[tuple[str | None, str]]:
    """(headline, body) of every distinct document."""
    from clustering import split_doc

    out = []
    with gzip.open(eval_dir / "ecbplus" / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            headline, _, body = split_doc(json.loads(line)["text"], True)
            out.append((headline, body))
    with gzip.open(eval_dir / "multinews" / "clusters.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            for document in json.loads(line)["documents"]:
                lines = [x.strip() for x in document.split("\n") if x.strip()]
                if lines:
                    out.append((lines[0] if len(lines) > 1 and len(lines[0].split()) <= 25 else None,
                                "\n\n".join(lines[1:] if len(lines) > 1 else lines)))
    with gzip.open(eval_dir / "polnear" / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            out.append((doc.get("title"), doc["text"]))
    return out


def article(i: int, headline, body, published: str | None):
    from newsprism.model import Article

    return Article(id=hashlib.sha1(f"{i}".encode()).hexdigest()[:16], source=f"scale:{i}", url=None,
                   canonical_url=None, headline=headline, outlet=f"outlet{i % 97}", byline=None, dateline=None,
                   published=published, wire=None, language="en", text=body)


def base_annotations(texts, cache: Path):
    """(entities, vector) per distinct text: spaCy NER + MiniLM, cached on disk."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"base-{hashlib.sha1(repr([t[1][:200] for t in texts]).encode()).hexdigest()[:16]}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from newsprism.nlp.language import Language, _article_text_for_embedding, _entities

    language = Language()
    arts = [article(i, h, b, None) for i, (h, b) in enumerate(texts)]
    out = []
    for start in range(0, len(arts), 64):
        batch = arts[start:start + 64]
        docs = language.parse([a.text for a in batch])
        vectors = language.embed([_article_text_for_embedding(a) for a in batch])
        out.extend((tuple(_entities(doc)), vec) for doc, vec in zip(docs, vectors))
        print(f"  base annotations {start + len(batch)}/{len(arts)}", file=sys.stderr)
    path.write_bytes(pickle.dumps(out))
    return out


def embedding_throughput(texts, sample: int = 128) -> dict[str, float]:
    from newsprism.nlp.language import Language, _article_text_for_embedding, annotate

    language = Language()
    arts = [article(i, h, b, None) for i, (h, b) in enumerate(texts[:sample])]
    language.embed(["warm up"])
    language.parse(["Warm up the parser."])
    started = time.perf_counter()
    language.embed([_article_text_for_embedding(a) for a in arts])
    vec = sample / (time.perf_counter() - started)
    started = time.perf_counter()
    language.parse([a.text for a in arts])
    ner = sample / (time.perf_counter() - started)
    small = arts[:32]
    getattr(language.embedder, "forget", lambda: None)()  # annotate runs every text again (numpy MiniLM remembers)
    started = time.perf_counter()
    annotate(small, language)
    full = len(small) / (time.perf_counter() - started)
    rates = {"MiniLM article vectors": vec, "spaCy parse (sentences + NER)": ner, "full annotate": full}
    rates.update(static_throughput(texts))
    return rates


def static_throughput(texts) -> dict[str, float]:
    """The cheap path (``newsprism.nlp.static``): static article vectors over every distinct
    text (the table distilled first if it is not cached; that time is reported apart)."""
    from newsprism.nlp.static import StaticEmbedder, cache_path

    fresh = not cache_path().exists()
    started = time.perf_counter()
    static = StaticEmbedder.load()
    load = time.perf_counter() - started
    arts = [article(i, h, b, None) for i, (h, b) in enumerate(texts)]
    static.embed_articles(arts[:64])  # warm up
    started = time.perf_counter()
    static.embed_articles(arts)
    rate = len(arts) / (time.perf_counter() - started)
    label = "distilled" if fresh else "loaded from cache"
    return {f"static article vectors (distilled from MiniLM; table {label} in {load:.1f} s)": rate}


def stream(texts, base, n: int, seed: int = 0):
    """(Article, Annotation) pairs in date order."""
    from newsprism.model import Annotation

    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(texts), size=n)
    days = np.sort(rng.integers(0, DAYS, size=n))
    for i in range(n):
        j = int(picks[i])
        headline, body = texts[j]
        published = (START + dt.timedelta(days=int(days[i]))).isoformat()
        a = article(i, headline, body, published)
        entities, vector = base[j]
        noisy = vector + rng.normal(0.0, NOISE, size=vector.shape).astype(np.float32)
        noisy /= np.linalg.norm(noisy)
        yield a, Annotation(article_id=a.id, version="scale", sentences=(), entities=entities,
                            sentence_vectors=np.zeros((0, vector.shape[0]), dtype=np.float32), vector=noisy)


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--no-consolidate", action="store_true")
    args = parser.parse_args(argv)
    if not (args.eval / "multinews").exists():
        print(f"note: {args.eval} not found; nothing to benchmark")
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from newsprism.cluster import StoryIndex

    texts = load_texts(args.eval)
    base = base_annotations(texts, args.cache)
    rates = embedding_throughput(texts)
    index = StoryIndex()
    rows, clock, times = [], 0.0, []
    checkpoints = [c for c in CHECKPOINTS if c <= args.n] or [args.n]
    for count, (a, annotation) in enumerate(stream(texts, base, args.n), 1):
        started = time.perf_counter()
        index.add(a, annotation)
        spent = time.perf_counter() - started
        clock += spent
        times.append(spent)
        if count in checkpoints:
            window = times[-RATE_WINDOW:]
            rows.append({"articles": count, "rate": len(window) / sum(window), "mean": count / clock,
                         "stories": len({s.row for s in index._stories}), "peak": peak_gb()})
            print(f"  {count}: {rows[-1]['rate']:.0f} articles/s", file=sys.stderr)
    consolidate_s = None
    if not args.no_consolidate:
        started = time.perf_counter()
        index.consolidate()
        consolidate_s = time.perf_counter() - started
    table = render(rows, rates, consolidate_s, len(texts), peak_gb())
    print(table)
    if args.append_results:
        benchkit.append_results("Story index at scale", table, argv=argv, script=__file__)
    return 0


def render(rows, rates, consolidate_s, distinct: int, peak: float) -> str:
    lines = ["| articles added | articles/s (last 5k) | mean articles/s | online stories | peak RSS GB |",
             "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['articles']:,} | {r['rate']:.0f} | {r['mean']:.0f} | {r['stories']:,} | {r['peak']:.2f} |")
    lines.append("")
    lines.append(f"Distinct real texts: {distinct:,} (repeats: same text, new id and date, vector + noise "
                 f"sigma {NOISE}). Consolidate over all articles: "
                 + (f"{consolidate_s:.0f} s." if consolidate_s is not None else "not run.")
                 + f" Peak RSS of the whole run: {peak:.2f} GB.")
    lines.append("")
    lines.append("| embedding path (sample, 2 cores) | texts/s |")
    lines.append("|---|---|")
    for name, rate in rates.items():
        lines.append(f"| {name} | {rate:.1f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
