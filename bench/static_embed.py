"""The static embedding (distilled from MiniLM) against MiniLM and TF-IDF on ECB+ (772 docs).

    python bench/static_embed.py [--eval DIR] [--cache DIR] [--static-cache DIR] [--minilm-sample N]
                                 [--no-clustering] [--append-results]

Reads ../shared/eval/ecbplus/docs.jsonl.gz (never copied into the repository); documents become
articles as in bench/clustering.py (``as given`` and ``text only`` variants). Every system embeds
the text MiniLM's article vector reads (headline + lead, ``_article_text_for_embedding``);
MiniLM vectors come from bench/clustering.py's annotation cache (--cache, computed when missing).

(a) throughput: static texts/s over all docs (best of 3), MiniLM over a sample, TF-IDF
    fit + transform; distillation time of the full vocabulary into a fresh cache (or the given
    --static-cache) and the time to load the cached table;
(b) agreement with MiniLM: Spearman of the pairwise cosines over all document pairs;
(c) candidate retrieval: for each document, its k nearest neighbours (cosine, itself left out).
    story recall@k = same-topic documents among them / min(k, same-topic documents) (1.0: all
    slots filled by the story, or the whole story found), averaged; event recall@k the same for
    the subtopic; MiniLM top-5 kept@20 = share of each document's 5 MiniLM neighbours found among
    its 20 nearest by the system (how well it preserves MiniLM's neighbourhoods for re-ranking);
(d) clustering: ``StoryIndex`` (bench/clustering.py ``run_newsprism``) with ``Annotation.vector``
    replaced by the static vector, then also the masked-lead vector; B-cubed F1 with the shared
    scorer's functions, beside MiniLM annotations.
"""
from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

import benchkit

KS = (5, 10, 20)
NEIGHBOURS_KEPT = (5, 20)  # MiniLM's top 5, looked for among the system's top 20


# --- measures ----------------------------------------------------------------------------------
def neighbour_order(vectors: np.ndarray) -> np.ndarray:
    """Row i: the other documents by decreasing cosine (vectors are L2-normalised)."""
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    return np.argsort(-sims, axis=1, kind="stable")[:, :max(max(KS), max(NEIGHBOURS_KEPT))]


def recall_at(order: np.ndarray, labels: np.ndarray, k: int) -> float:
    """Mean over documents of same-label neighbours in the top k / min(k, same-label others)."""
    found = (labels[order[:, :k]] == labels[:, None]).sum(axis=1)
    others = np.array([(labels == label).sum() - 1 for label in labels])
    keep = others > 0
    return float(np.mean(found[keep] / np.minimum(k, others[keep])))


def kept_neighbours(order: np.ndarray, reference: np.ndarray) -> float:
    top, pool = NEIGHBOURS_KEPT
    return float(np.mean([len(set(reference[i, :top]) & set(order[i, :pool])) / top for i in range(len(order))]))


def spearman_vs(vectors: np.ndarray, reference: np.ndarray) -> float:
    from scipy.stats import spearmanr

    upper = np.triu_indices(len(vectors), 1)
    return float(spearmanr((vectors @ vectors.T)[upper], (reference @ reference.T)[upper]).statistic)


def rate(function, items, repeats: int = 3) -> float:
    """Items per second, best of ``repeats`` (the machine is shared)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        function(items)
        best = min(best, time.perf_counter() - started)
    return len(items) / best


# --- systems -----------------------------------------------------------------------------------
def tfidf(texts: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    return matrix.toarray().astype(np.float32)  # rows are L2-normalised by the vectorizer


def distil_timed(static_cache: Path | None) -> tuple[object, float | None, float]:
    """(embedder, seconds to distil the full vocabulary or None when cached, seconds to load).
    Without ``static_cache`` the table is distilled into a temporary directory, removed after."""
    if static_cache is None:
        with tempfile.TemporaryDirectory(prefix="newsprism-static-") as folder:
            return distil_timed(Path(folder))
    from newsprism.nlp.static import StaticEmbedder, cache_path

    folder, distil_s = static_cache, None
    if not cache_path(folder).exists():
        started = time.perf_counter()
        StaticEmbedder.load(folder)
        distil_s = time.perf_counter() - started
    started = time.perf_counter()
    embedder = StaticEmbedder.load(folder)
    return embedder, distil_s, time.perf_counter() - started


def minilm_rate(texts: list[str], sample: int) -> float:
    from newsprism.nlp.language import Language

    language = Language()
    language.embed(["Warm up the encoder."])  # load and warm up outside the clock (not texts the engine would remember)
    return rate(language.embed, texts[:sample], repeats=1)


def cluster_scores(docs, articles, annotations, embedder) -> list[tuple[str, float, float]]:
    """Story / event B-cubed F1 of StoryIndex with MiniLM, then static vectors swapped in."""
    from clustering import quick_score, run_newsprism
    from newsprism.nlp.language import masked_lead

    heads = embedder.embed_articles(articles)
    leads = embedder.embed([masked_lead(a.text, n.sentences, n.entities) for a, n in zip(articles, annotations)])
    swapped = [dataclasses.replace(n, vector=h) for n, h in zip(annotations, heads)]
    both = [dataclasses.replace(n, vector=h, lead_vector=lead) for n, h, lead in zip(annotations, heads, leads)]
    rows = []
    for name, group in (("MiniLM (as annotated)", annotations), ("static article vector", swapped),
                        ("static article + masked-lead vectors", both)):
        story, event = quick_score(run_newsprism(articles, group), docs)
        rows.append((name, story, event))
    return rows


# --- run ---------------------------------------------------------------------------------------
def evaluate(variant: str, docs, articles, annotations, embedder, args) -> dict:
    from newsprism.nlp.language import _article_text_for_embedding

    texts = [_article_text_for_embedding(a) for a in articles]
    topics = np.array([str(d["topic"]) for d in docs])
    events = np.array([f"{d['topic']}/{d['subtopic']}" for d in docs])
    minilm = np.stack([n.vector for n in annotations]).astype(np.float32)
    reference = neighbour_order(minilm)
    systems = {"static": embedder.embed(texts), "MiniLM": minilm, "TF-IDF": tfidf(texts)}
    rows = []
    for name, vectors in systems.items():
        order = neighbour_order(vectors)
        rows.append(dict(system=name, spearman=spearman_vs(vectors, minilm),
                         story=[recall_at(order, topics, k) for k in KS],
                         event=[recall_at(order, events, k) for k in KS],
                         kept=kept_neighbours(order, reference)))
    clusters = [] if args.no_clustering else cluster_scores(docs, articles, annotations, embedder)
    return dict(variant=variant, rows=rows, clusters=clusters, texts=texts)


def speed(texts: list[str], bodies: list[str], embedder, distil_s, load_s, sample: int) -> dict:
    return dict(static=rate(embedder.embed, texts), static_full=rate(embedder.embed, bodies),
                minilm=minilm_rate(texts, sample), tfidf=rate(tfidf, texts), distil=distil_s, load=load_s,
                chars=float(np.mean([len(t) for t in texts])), body_chars=float(np.mean([len(t) for t in bodies])))


def render(results: list[dict], speeds: dict, sample: int) -> str:
    lines = ["| variant | system | Spearman vs MiniLM | story recall@5 / @10 / @20 | event recall@5 / @10 / @20 "
             "| MiniLM top-5 kept@20 |", "|---|---|---|---|---|---|"]
    for result in results:
        for r in result["rows"]:
            lines.append(f"| {result['variant']} | {r['system']} | {r['spearman']:.3f} | "
                         + " / ".join(f"{x:.3f}" for x in r["story"]) + " | "
                         + " / ".join(f"{x:.3f}" for x in r["event"]) + f" | {r['kept']:.3f} |")
    if any(result["clusters"] for result in results):
        lines += ["", "| variant | StoryIndex vectors | story B3 F1 | event B3 F1 |", "|---|---|---|---|"]
        for result in results:
            lines += [f"| {result['variant']} | {name} | {story:.3f} | {event:.3f} |"
                      for name, story, event in result["clusters"]]
    distil = "cached (not measured)" if speeds["distil"] is None else f"{speeds['distil']:.1f} s"
    lines += ["", "| throughput (2 cores, shared) | texts/s |", "|---|---:|",
              f"| static, headline + lead ({speeds['chars']:.0f} chars avg) | {speeds['static']:,.0f} |",
              f"| static, whole document ({speeds['body_chars']:.0f} chars avg) | {speeds['static_full']:,.0f} |",
              f"| MiniLM, headline + lead ({sample}-text sample, batch 64) | {speeds['minilm']:,.1f} |",
              f"| TF-IDF fit + transform, headline + lead | {speeds['tfidf']:,.0f} |",
              "", f"Distilling the full vocabulary (30,522 pieces): {distil}; loading the cached table: "
              f"{speeds['load']:.2f} s. Load average at the end of the run: {os.getloadavg()[0]:.1f}."]
    return "\n".join(lines)


def append_results(table: str, argv) -> None:
    benchkit.append_results("Static embedding distilled from MiniLM vs MiniLM and TF-IDF, ECB+ dev (772 docs)",
                            table, argv=argv, script=__file__)


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsprism-bench-cache",
                        help="MiniLM annotation cache (shared with bench/clustering.py)")
    parser.add_argument("--static-cache", type=Path, help="reuse this table cache (default: distil afresh)")
    parser.add_argument("--minilm-sample", type=int, default=128)
    parser.add_argument("--no-clustering", action="store_true")
    args = parser.parse_args(argv)
    if not (args.eval / "ecbplus" / "docs.jsonl.gz").exists():
        print(f"note: {args.eval}/ecbplus not found; nothing to benchmark")
        return 0
    from clustering import annotate_cached, read_docs, to_article

    docs = read_docs(args.eval)
    embedder, distil_s, load_s = distil_timed(args.static_cache)
    results = []
    for keep, variant in ((True, "as given"), (False, "text only")):
        articles = [to_article(d, keep) for d in docs]
        results.append(evaluate(variant, docs, articles, annotate_cached(articles, args.cache), embedder, args))
    bodies = [d["text"] for d in docs]
    speeds = speed(results[0]["texts"], bodies, embedder, distil_s, load_s, args.minilm_sample)
    table = render(results, speeds, args.minilm_sample)
    print(table)
    if args.append_results:
        append_results(table, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
