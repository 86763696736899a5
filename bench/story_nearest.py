"""How far apart a set's stories are for a text signal: each article's nearest same-story article.

    python bench/story_nearest.py [--eval DIR] [--sets neus,ecb,basil] [--held-apart] [--twins N]

For each article of a set's dev portion (as ``bench/clustering_sets.py`` loads it), the rank of
its nearest same-story article among all the others by cosine, under the raw MiniLM article
vector (headline + text, as the language layer embeds it for clustering: ``newsprism.nlp``'s
embedder on "headline\\n\\ntext") and under the learned story map (``cluster.pair_adapter``).
An article whose nearest neighbour is of another story can only join its own story if some
other signal outweighs the vectors: the share at rank 1 bounds what similarity alone sorts.

``--twins N`` (NeuS only) lists the N pairs of gold stories whose AllSides neutral titles +
roundups are closest: gold says two stories, some are one event told twice (read them).
Nothing is tuned here; it reads no setting of the package besides the shipped map.
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchkit  # noqa: E402  (bench scripts are run as files)
from clustering_sets import load_set  # noqa: E402


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def nearest_same_rank(similarity: np.ndarray, stories: np.ndarray) -> np.ndarray:
    """For each row, the 1-based rank of its best same-story column among the other columns
    (0 when its story has no other article)."""
    ranks = np.zeros(len(stories), dtype=int)
    for i in range(len(stories)):
        others = np.delete(np.arange(len(stories)), i)
        order = others[np.argsort(-similarity[i, others], kind="stable")]
        hits = np.flatnonzero(stories[order] == stories[i])
        ranks[i] = hits[0] + 1 if len(hits) else 0
    return ranks


def _row(name: str, signal: str, ranks: np.ndarray) -> list[object]:
    ranked = ranks[ranks > 0]
    return [name, signal, len(ranked), f"{(ranked == 1).mean():.3f}", f"{(ranked <= 3).mean():.3f}",
            f"{(ranked > 10).mean():.3f}"]


def twins(eval_dir: Path, count: int, embed) -> list[tuple[float, str, str]]:
    """The ``count`` closest pairs of NeuS val stories by their neutral title + roundup."""
    with gzip.open(eval_dir / "neus" / "clusters.jsonl.gz", "rt", encoding="utf-8") as handle:
        stories = [s for s in map(json.loads, handle) if s["id"].startswith("val")]
    vectors = _unit(embed([f"{s['neutral_title']}. {s['summary']}" for s in stories]))
    sims = np.triu(vectors @ vectors.T, 1)
    order = np.dstack(np.unravel_index(np.argsort(-sims, axis=None)[:count], sims.shape))[0]
    return [(float(sims[i, j]), stories[i]["neutral_title"], stories[j]["neutral_title"]) for i, j in order]


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__, results_option=False)
    parser.add_argument("--sets", default="neus,ecb,basil", help="comma-separated: neus, ecb, basil")
    parser.add_argument("--held-apart", action="store_true", help="the held-apart portions instead of dev")
    parser.add_argument("--twins", type=int, default=0, help="list the N closest NeuS gold story pairs")
    args = parser.parse_args(argv)

    from newsprism.cluster.pair_adapter import shipped
    from newsprism.nlp.embedder import load_embedder

    encoder = load_embedder()
    adapter = shipped()
    rows = []
    for name in args.sets.split(","):
        docs, articles = load_set(name, args.eval, args.held_apart)
        stories = np.array([d["topic"] for d in docs])
        vectors = _unit(encoder.encode([f"{a.headline or ''}\n\n{a.text}" for a in articles]))
        rows.append(_row(name, "MiniLM cosine", nearest_same_rank(vectors @ vectors.T, stories)))
        rows.append(_row(name, "learned story map", nearest_same_rank(adapter.similarity(vectors), stories)))
    print(benchkit.table(["set", "signal", "articles", "nearest same-story at rank 1", "within 3", "beyond 10"], rows))
    if args.twins:
        print()
        print(benchkit.table(["cosine", "gold story", "gold story"],
                             [(f"{s:.2f}", a, b) for s, a, b in twins(args.eval, args.twins, encoder.encode)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
