"""Story and event clustering on several real sets at once, one set of settings for all.

    python bench/clustering_sets.py [--eval DIR] [--cache DIR] [--sets ecb,neus,basil] [--held-apart]
                                    [--append-results]

Sets (read from ../shared/eval, never copied into the repository; gold labels are the sets' own):

- ``ecb``: ECB+ dev, all 772 documents, text only (leading title and date lines removed, as in
  ``bench/clustering.py``); gold story = topic, event = subtopic. ``ecb-given``: the same with
  the title and date lines kept (not part of the default run).
- ``neus``: NeuS dev leads: the ``val`` split (307 AllSides stories = 921 headline + lead texts of
  three outlets, undated, outlet unnamed); gold story = event = the AllSides story. Held apart for
  validating chosen settings (``--held-apart``): the first 300 stories of ``train`` (900 leads).
- ``basil``: BASIL dev: the 27 triplets at even positions of the sorted triplet ids (81 articles,
  dated, outlet named); held apart: the 27 at odd positions. Gold story = event = triplet.

Articles are annotated with ``newsprism.nlp.annotate`` (cached per article on disk under
--cache, shared with ``bench/clustering.py``) and clustered with ``newsprism.cluster.StoryIndex``
with its default settings. Scores are B-cubed F1 with the shared scorer's functions
(``score.py clustering``; in process, over the set's documents only, since the NeuS and BASIL
portions are subsets of their gold files). Peer: TF-IDF + agglomerative (average link, cosine),
its story / event distance thresholds (grid 0.30-0.975) tuned per set ("tuned here") and tuned
on the other sets of the run (best mean F1 over them: "tuned elsewhere", the honest transfer
figure).
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchkit import RESULTS  # noqa: E402  (bench scripts are run as files)
from clustering import (  # noqa: E402
    DEFAULT_CACHE, DEFAULT_EVAL, annotate_cached, quick_score, read_docs, run_newsprism, tfidf_vectors,
    to_article,
)

GRID = [round(0.30 + 0.025 * i, 3) for i in range(28)]  # distance thresholds, as bench/clustering.py
NEUS_HELD_STORIES = 300


def _jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _article(doc_id: str, headline, text: str, published=None, outlet=None):
    from newsprism.model import Article

    return Article(id=doc_id, source=f"eval:{doc_id}", url=None, canonical_url=None, headline=headline,
                   outlet=outlet, byline=None, dateline=None, published=published, wire=None, language="en",
                   text=text)


def load_set(name: str, eval_dir: Path, held_apart: bool) -> tuple[list[dict], list]:
    """(gold docs {id, topic, subtopic}, articles) of one set's dev (or held-apart) portion."""
    if name in ("ecb", "ecb-given"):
        docs = read_docs(eval_dir)
        return docs, [to_article(d, name == "ecb-given") for d in docs]
    if name == "neus":
        rows = _jsonl(eval_dir / "neus" / "docs.jsonl.gz")
        if held_apart:
            topics: list[str] = []
            for row in rows:
                if row["id"].startswith("train-") and row["topic"] not in topics:
                    topics.append(row["topic"])
            keep = set(topics[:NEUS_HELD_STORIES])
            rows = [r for r in rows if r["topic"] in keep]
        else:
            rows = [r for r in rows if r["id"].startswith("val-")]
        return rows, [_article(r["id"], r["title"], r["text"]) for r in rows]
    if name == "basil":
        rows = _jsonl(eval_dir / "basil" / "articles.jsonl.gz")
        triplets = sorted({r["topic"] for r in rows})
        keep = set(triplets[1 if held_apart else 0::2])
        rows = sorted((r for r in rows if r["topic"] in keep), key=lambda r: r["id"])
        docs = [{"id": r["id"], "topic": r["topic"], "subtopic": r["topic"]} for r in rows]
        return docs, [_article(r["id"], r["title"], r["text"], r.get("published"), r.get("outlet")) for r in rows]
    raise ValueError(name)


class Peer:
    """TF-IDF + average link (cosine) over one set: one linkage tree for the stories, and one per
    story for its events, built once and cut at any threshold (``bench/clustering.py``'s
    ``two_level``, without refitting per threshold)."""

    def __init__(self, ids: list[str], vectors, docs: list[dict]):
        import numpy as np

        self.ids, self.docs = ids, docs
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        unit = vectors / np.where(norms == 0, 1.0, norms)
        self.distances = np.clip(1.0 - unit @ unit.T, 0.0, None)
        np.fill_diagonal(self.distances, 0.0)
        self.tree = self._tree(list(range(len(ids))))

    def _tree(self, rows: list[int]):
        from scipy.cluster.hierarchy import linkage
        from scipy.spatial.distance import squareform

        if len(rows) < 2:
            return None
        return linkage(squareform(self.distances[rows][:, rows], checks=False), method="average")

    @staticmethod
    def _cut(tree, n: int, threshold: float) -> list[int]:
        from scipy.cluster.hierarchy import fcluster

        return [1] * n if tree is None else fcluster(tree, t=threshold, criterion="distance").tolist()

    def predict(self, story_t: float, event_t: float) -> dict[str, tuple[str, str]]:
        stories = self._cut(self.tree, len(self.ids), story_t)
        out = {}
        for story in set(stories):
            rows = [i for i, s in enumerate(stories) if s == story]
            for row, event in zip(rows, self._cut(self._tree(rows), len(rows), event_t)):
                out[self.ids[row]] = (f"s{story}", f"e{event}")
        return out

    def story_f1(self) -> dict[float, float]:
        return {t: quick_score(self.predict(t, 0.0), self.docs)[0] for t in GRID}

    def best_event(self, story_t: float) -> float:
        return max(GRID, key=lambda t: quick_score(self.predict(story_t, t), self.docs)[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--sets", default="ecb,neus,basil")
    parser.add_argument("--held-apart", action="store_true", help="the held-apart portions instead of dev")
    parser.add_argument("--annotate-only", action="store_true")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--append-results", action="store_true")
    args = parser.parse_args(argv)
    names = [s for s in args.sets.split(",") if s]
    import clustering

    clustering.SCORER = clustering._scorer(args.eval)
    loaded = {}
    for name in names:
        docs, articles = load_set(name, args.eval, args.held_apart)
        loaded[name] = (docs, articles, annotate_cached(articles, args.cache))
    if args.annotate_only:
        return 0
    ours, peers = {}, {}
    for name, (docs, articles, annotated) in loaded.items():
        started = time.perf_counter()
        pred = run_newsprism(articles, annotated)
        ours[name] = (pred, time.perf_counter() - started)
        if not args.no_peers:
            peer = Peer([a.id for a in articles], tfidf_vectors(articles), docs)
            peers[name] = (peer, peer.story_f1())
    lines = ["| set | docs (stories / events) | system | story B3 P / R / F1 | event B3 P / R / F1 | note |",
             "|---|---|---|---|---|---|"]
    for name, (docs, _, _) in loaded.items():
        pred, seconds = ours[name]
        lines.append(row(name, docs, "newsprism StoryIndex", pred, f"{seconds:.1f} s"))
        if name not in peers:
            continue
        peer, story_f1 = peers[name]
        choices = [("tuned here", max(GRID, key=lambda t: story_f1[t]))]
        others = [n for n in peers if n != name]
        if others:
            choices.append(("tuned elsewhere", max(GRID, key=lambda t: sum(peers[n][1][t] for n in others))))
        for label, story_t in choices:
            event_t = peer.best_event(story_t)
            lines.append(row(name, docs, f"TF-IDF + average link, {label}", peer.predict(story_t, event_t),
                             f"story {story_t}, event {event_t}"))
    table = "\n".join(lines)
    print(table)
    if args.append_results:
        command = "python bench/clustering_sets.py " + " ".join(argv if argv is not None else sys.argv[1:])
        with RESULTS.open("a", encoding="utf-8") as handle:
            handle.write(f"\n## Story clustering on several sets, one setting ({dt.date.today().isoformat()})\n\n"
                         f"`{command.strip()}`\n\n{table}\n")
    return 0


def row(name: str, docs: list[dict], system: str, pred: dict, note: str) -> str:
    from clustering import SCORER

    assert SCORER is not None
    gold = {d["id"]: d for d in docs}
    result = SCORER.score_clustering(gold, {k: {"id": k, "story": s, "event": e} for k, (s, e) in pred.items()})
    counts = f"{len(docs)} ({result['gold_stories']} / {result['gold_events']})"
    return (f"| {name} | {counts} | {system} | {result['story_bcubed_p']:.3f} / {result['story_bcubed_r']:.3f} / "
            f"**{result['story_bcubed_f1']:.3f}** | {result['event_bcubed_p']:.3f} / {result['event_bcubed_r']:.3f} / "
            f"**{result['event_bcubed_f1']:.3f}** | {note} |")


if __name__ == "__main__":
    sys.exit(main())
