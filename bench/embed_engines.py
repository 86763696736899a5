"""MiniLM engines side by side: the numpy engine (default install) against sentence-transformers
on torch (the ``[torch]`` extra), same weights.

    python bench/embed_engines.py [--eval DIR] [--sentences N] [--articles N] [--speed-sample N]
                                  [--threads N] [--append-results]
    python bench/embed_engines.py --reembed SRC DST [--engine numpy|torch]

Texts (read from ../shared/eval, never copied into the repository), drawn with a fixed seed:
- ``sentences``: N real sentences, half from Multi-News source documents, half from ECB+
  documents (lines split at sentence ends, 20-400 characters);
- ``articles``: N ECB+ documents as the article vector reads them (headline + lead, up to 1,500
  characters: most run past MiniLM's 256 word pieces, so truncation is exercised).

(a) agreement: cosine between the two engines' vectors of each text, mean and min;
(b) speed: texts/s of each engine on ``--threads`` threads (torch threads, BLAS threads), over the
    first ``--speed-sample`` texts of each set, model loaded and warmed up outside the clock.
Without torch installed only the numpy engine's speed is measured.

``--reembed SRC DST`` copies bench/clustering.py's annotation cache SRC (one pickled
``Annotation`` per file) to DST with every vector recomputed by ``--engine``: the texts
``annotate`` embeds (sentences, headline + lead, masked lead) come from the cached sentences and
entities, so DST is what ``annotate`` with that engine gives, without parsing again (spaCy is
engine-independent and most of the time on a shared 2-core box). ``python bench/clustering.py
--cache DST`` then scores the other engine's vectors.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

import benchkit

SEED = 7
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def _read(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _sentences_of(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        out += [s.strip() for s in SENTENCE_END.split(line) if 20 <= len(s.strip()) <= 400]
    return out


def texts(eval_dir: Path, n_sentences: int, n_articles: int) -> tuple[list[str], list[str]]:
    rng = random.Random(SEED)
    ecb = list(_read(eval_dir / "ecbplus" / "docs.jsonl.gz"))
    multinews = [s for row in _read(eval_dir / "multinews" / "clusters.jsonl.gz") for doc in row["documents"]
                 for s in _sentences_of(doc)]
    ecb_sentences = [s for doc in ecb for s in _sentences_of(doc["text"])]
    half = n_sentences // 2
    sentences = rng.sample(multinews, half) + rng.sample(ecb_sentences, n_sentences - half)
    articles = []
    for doc in rng.sample(ecb, n_articles):
        head, _, body = doc["text"].partition("\n")
        articles.append(f"{head}. {body[:1500]}")  # as newsprism.nlp.language._article_text_for_embedding
    return sentences, articles


def rate(encode, items: list[str]) -> float:
    started = time.perf_counter()
    encode(items)
    return len(items) / (time.perf_counter() - started)


def reembed(articles, annotations, engine: str) -> list:
    """``annotations`` with every vector recomputed by ``engine`` from the texts ``annotate``
    embeds (sentences, headline + lead, masked lead): what ``annotate`` with that engine gives,
    without parsing again (spaCy does not depend on the engine)."""
    import dataclasses

    from newsprism.nlp.embedder import load_embedder
    from newsprism.nlp.language import _article_text_for_embedding, masked_lead

    embedder = load_embedder(engine)
    out = []
    for start in range(0, len(articles), 64):
        group = list(zip(articles[start:start + 64], annotations[start:start + 64]))
        sentences = embedder.encode([s.text for _, n in group for s in n.sentences])
        heads = embedder.encode([_article_text_for_embedding(a) for a, _ in group])
        leads = embedder.encode([masked_lead(a.text, n.sentences, n.entities) for a, n in group])
        offset = 0
        for (_article, annotation), head, lead in zip(group, heads, leads):
            n = len(annotation.sentences)
            out.append(dataclasses.replace(annotation, sentence_vectors=sentences[offset:offset + n], vector=head,
                                           lead_vector=lead))
            offset += n
        print(f"  re-embedded {len(out)}/{len(articles)}", file=sys.stderr, flush=True)
    return out


def clustering_check(eval_dir: Path, cache: Path) -> str:
    """bench/clustering.py's ``as given`` variant scored twice: annotations from ``cache``
    (computed with the torch engine when missing), then the same with numpy-engine vectors."""
    import clustering

    clustering.DEFAULT_EVAL = eval_dir
    docs = clustering.read_docs(eval_dir)
    articles = [clustering.to_article(d, True) for d in docs]
    before = clustering.annotate_cached(articles, cache)
    after = reembed(articles, before, "numpy")
    args = argparse.Namespace(eval=eval_dir, keep_predictions=None, no_peers=False)
    rows = [dict(r, variant=f"as given, {engine} vectors") for engine, group in (("torch", before), ("numpy", after))
            for r in clustering.evaluate("as given", docs, articles, group, args)]
    return clustering.render(rows)


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--speed-sample", type=int, default=512)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--clustering-cache", type=Path,
                        help="instead: bench/clustering.py's 'as given' run, torch vectors from this annotation "
                             "cache against the same annotations re-embedded by the numpy engine")
    args = parser.parse_args(argv)
    if not (args.eval / "ecbplus" / "docs.jsonl.gz").exists():
        print(f"note: {args.eval}/ecbplus not found; nothing to benchmark")
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.clustering_cache:
        table = clustering_check(args.eval, args.clustering_cache)
        print(table)
        if args.append_results:
            _append("MiniLM engines: ECB+ clustering with torch vs numpy vectors", table, argv)
        return 0
    from threadpoolctl import threadpool_limits

    from newsprism.nlp.minilm import MiniLM

    sentences, articles = texts(args.eval, args.sentences, args.articles)
    sets = {"sentences": sentences, "articles": articles}
    started = time.perf_counter()
    numpy_engine = MiniLM.load()
    load_s = time.perf_counter() - started

    def numpy_encode(items):  # every text run: the engine remembers texts it has seen (MEMO_TEXTS)
        numpy_engine.forget()
        return numpy_engine.encode(items)

    engines = {"numpy": numpy_encode}
    try:
        import torch

        from newsprism.nlp.embedder import TorchMiniLM

        torch.set_num_threads(args.threads)
        engines["torch"] = TorchMiniLM("cpu").encode
    except ImportError:
        print("torch not installed: numpy engine only (pip install -e '.[torch]' for the comparison)")
    vectors, speeds = {}, {}
    with threadpool_limits(limits=args.threads, user_api="blas"):
        for engine, encode in engines.items():
            encode(sentences[:8])  # warm up
            for name, items in sets.items():
                vectors[engine, name] = encode(items)
                speeds[engine, name] = rate(encode, items[:args.speed_sample])
    lines = [f"| set | texts | mean chars | engine | texts/s ({args.threads} threads) |", "|---|---:|---:|---|---:|"]
    for name, items in sets.items():
        for engine in engines:
            lines.append(f"| {name} | {len(items):,} | {np.mean([len(t) for t in items]):.0f} | {engine} | "
                         f"{speeds[engine, name]:,.1f} |")
    if "torch" in engines:
        lines += ["", "| set | cosine numpy vs torch: mean | min | max abs difference |", "|---|---:|---:|---:|"]
        for name in sets:
            a, b = vectors["numpy", name], vectors["torch", name]
            cosine = (a * b).sum(axis=1)
            lines.append(f"| {name} | {cosine.mean():.6f} | {cosine.min():.6f} | {np.abs(a - b).max():.2e} |")
    lines += ["", f"numpy engine load: {load_s:.2f} s. Speed over the first {args.speed_sample} texts of each set; "
              f"load average at the end: {os.getloadavg()[0]:.1f}."]
    table = "\n".join(lines)
    print(table)
    if args.append_results:
        _append("MiniLM engines: numpy (default install) vs torch", table, argv)
    return 0


def _append(title: str, table: str, argv) -> None:
    benchkit.append_results(title, table, argv=argv, script=__file__)


if __name__ == "__main__":
    sys.exit(main())
