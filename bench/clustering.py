"""Story and event clustering on ECB+ (all 772 development documents at once).

    python bench/clustering.py [--eval DIR] [--cache DIR] [--append-results] [--keep-predictions DIR]

Reads ../shared/eval/ecbplus/docs.jsonl.gz (never copied into the repository). Each document
becomes an ``Article``: headline = its first line when that looks like a headline, published =
the date of a leading date line when there is one (else None), text = the rest. Articles are
annotated with ``newsprism.nlp.annotate`` (cached on disk under --cache, default a temp dir) and
clustered with ``newsprism.cluster.StoryIndex``; predictions {id, story, event} are scored with
``python ../shared/eval/score.py clustering``. Two variants:

- ``as given``: headline and date lines used as above;
- ``text only``: every leading title/date line removed (in ECB+ most documents of one subtopic
  open with a title and a date line and the others do not, which would leak the answer).

Peers in the same run, thresholds tuned on this dev set (a grid over the distance threshold,
best value reported): TF-IDF + agglomerative (average linkage, cosine), MiniLM +
agglomerative. Events for the peers: a second agglomerative pass inside each story.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import pickle
import re
import sys
import tempfile
import time
from pathlib import Path

import benchkit

DEFAULT_EVAL = benchkit.EVAL  # the scorer's folder; bench/embed_engines.py points it elsewhere
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "newsprism-bench-cache"

# A first line is a headline when it is short and does not read as a sentence of the body.
HEADLINE_MAX_WORDS = 25
DATE_LINE_MAX_WORDS = 14
LEADING_LINES = 4  # title, date and "Updated ..." lines come within the first few lines
TIME_OR_NOISE = re.compile(r"\b(?:\d{1,2}:\d\d|[ap]\.?\s?m\.?|ET|EDT|EST|GMT|BST|PST|PDT|CET|updated|posted|"
                           r"published|last|at|on|by|[|,:/-])\b", re.I)


# --- documents -> articles ---------------------------------------------------------------------
def read_docs(eval_dir: Path) -> list[dict]:
    with gzip.open(eval_dir / "ecbplus" / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def date_line(line: str):
    """The date of a short line that holds a full date and little else, else None."""
    from newsprism.cluster.dates import find_dates

    if len(line.split()) > DATE_LINE_MAX_WORDS:
        return None
    days = [m for m in find_dates(line) if m.precision == "day"]
    if not days:
        return None
    rest = line
    for mention in reversed(days):
        rest = rest[:mention.start] + " " + rest[mention.end:]
    rest = re.sub(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", " ", rest, flags=re.I)
    leftover = [w for w in TIME_OR_NOISE.sub(" ", rest).split() if re.search(r"[A-Za-z]{3,}", w)]
    return days[0].date if len(leftover) <= 3 else None


def looks_like_title(line: str, first: bool) -> bool:
    words = line.split()
    if not words or len(words) > HEADLINE_MAX_WORDS:
        return False
    if line.rstrip().endswith((".", "?", "!", '"', "”")):
        # sentence-like; a first line in title case still counts ("... Dies Aged 91.")
        capitalised = sum(w[:1].isupper() for w in words) / len(words)
        return first and capitalised > 0.6
    return True


def stamp_line(line: str) -> bool:
    """"Updated 9:06 AM", "Mar. 8 5:46 PM EST": a time stamp without a full date."""
    return bool(re.search(r"\d{1,2}:\d\d", line)) and len(line.split()) <= 6


def split_doc(text: str, keep_header: bool) -> tuple[str | None, str | None, str]:
    """(headline, published ISO date, body) of one ECB+ document: leading title, deck and
    date lines are the header; the body starts at the first line that reads as prose."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    headline = published = None
    i = 0
    while i < min(LEADING_LINES, len(lines) - 1):
        day = date_line(lines[i])
        if day is not None:
            published = published or day.isoformat()
        elif stamp_line(lines[i]):
            pass
        elif looks_like_title(lines[i], i == 0):
            headline = headline or lines[i]
        else:
            break
        i += 1
    body = "\n\n".join(lines[i:])
    if not keep_header:
        return None, None, body
    return headline, published, body


def to_article(doc: dict, keep_header: bool):
    from newsprism.model import Article

    headline, published, body = split_doc(doc["text"], keep_header)
    return Article(id=doc["id"], source=f"ecbplus:{doc['id']}", url=None, canonical_url=None,
                   headline=headline, outlet=None, byline=None, dateline=None, published=published,
                   wire=None, language="en", text=body)


# --- annotation cache --------------------------------------------------------------------------
def annotate_cached(articles, cache: Path):
    """``newsprism.nlp.annotate`` over ``articles``, cached per article on disk (outside the repo)."""
    from newsprism.nlp.language import NLP_VERSION, Language, annotate

    cache.mkdir(parents=True, exist_ok=True)

    def key(article) -> Path:
        digest = hashlib.sha1(f"{NLP_VERSION}\0{article.headline}\0{article.text}".encode()).hexdigest()
        return cache / f"{digest[:24]}.pkl"

    missing = [a for a in articles if not key(a).exists()]
    if missing:
        language = Language()
        for start in range(0, len(missing), 64):
            batch = missing[start:start + 64]
            for article, annotation in zip(batch, annotate(batch, language)):
                key(article).write_bytes(pickle.dumps(annotation))
            print(f"  annotated {start + len(batch)}/{len(missing)}", file=sys.stderr)
    out = []
    for article in articles:
        annotation = pickle.loads(key(article).read_bytes())
        out.append(annotation)
    return out


# --- systems ---------------------------------------------------------------------------------
def run_newsprism(articles, annotations, **params) -> dict[str, tuple[str, str]]:
    """Stories and events from ``StoryIndex`` (all articles added, then consolidated)."""
    from newsprism.cluster import StoryIndex

    index = StoryIndex(**params)
    for article, annotation in zip(articles, annotations):
        index.add(article, annotation)
    return {a.article_id: (a.story_id, a.event_id) for a in index.consolidate()}


def agglomerative(vectors, threshold: float) -> list[int]:
    from sklearn.cluster import AgglomerativeClustering

    if len(vectors) == 1:
        return [0]
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=threshold)
    return model.fit_predict(vectors).tolist()


def two_level(ids, vectors, story_t: float, event_t: float) -> dict[str, tuple[str, str]]:
    """Agglomerative stories, then agglomerative events inside each story."""

    stories = agglomerative(vectors, story_t)
    out = {}
    for story in set(stories):
        rows = [i for i, s in enumerate(stories) if s == story]
        events = agglomerative(vectors[rows], event_t)
        for row, event in zip(rows, events):
            out[ids[row]] = (f"s{story}", f"e{event}")
    return out


def tuned_peer(ids, vectors, docs) -> tuple[dict, float, float]:
    """The peer at its best thresholds on this dev set: story threshold first, then event."""
    grid = [round(0.30 + 0.025 * i, 3) for i in range(28)]  # distance thresholds 0.30-0.975
    best_story = max(grid, key=lambda t: quick_score(two_level(ids, vectors, t, 0.0), docs)[0])
    best_event = max(grid, key=lambda t: quick_score(two_level(ids, vectors, best_story, t), docs)[1])
    return two_level(ids, vectors, best_story, best_event), best_story, best_event


def tfidf_vectors(articles):
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{a.headline or ''}\n{a.text}" for a in articles]
    return TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts).toarray()


# --- scoring ------------------------------------------------------------------------------------
def _scorer(eval_dir: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("ecb_score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = None


def quick_score(pred: dict[str, tuple[str, str]], docs: list[dict]) -> tuple[float, float]:
    """(story B-cubed F1, event B-cubed F1) with the shared scorer's functions, in process."""
    global SCORER
    SCORER = SCORER or _scorer(DEFAULT_EVAL)
    gold = {d["id"]: d for d in docs}
    lines = {k: {"id": k, "story": s, "event": e} for k, (s, e) in pred.items()}
    result = SCORER.score_clustering(gold, lines)
    return result["story_bcubed_f1"], result["event_bcubed_f1"]


def official_score(pred: dict[str, tuple[str, str]], eval_dir: Path, keep: Path | None, name: str) -> dict:
    """Score with ``python ../shared/eval/score.py clustering PRED.jsonl --json``."""
    folder = keep or Path(tempfile.mkdtemp(prefix="newsprism-clustering-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for doc_id, (story, event) in sorted(pred.items()):
            handle.write(json.dumps({"id": doc_id, "story": story, "event": event}) + "\n")
    return benchkit.score("clustering", path, eval_dir)


def light_annotate_cached(articles, cache: Path, tag: str):
    """What the clusterer reads, without sentence vectors: spaCy entities (one label per name,
    as ``newsprism.nlp`` gives them) and the MiniLM article vector, cached on disk. A cheaper
    path than ``annotate`` for long documents; the result is an ``Annotation`` all the same."""
    import numpy as np

    from newsprism.model import Annotation
    from newsprism.nlp.language import NLP_VERSION, Language, _article_text_for_embedding, _entities

    cache.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1("\0".join(f"{a.headline}\0{a.text}" for a in articles).encode()).hexdigest()[:16]
    path = cache / f"light-{tag}-{NLP_VERSION}-{digest}.pkl"
    if not path.exists():
        language, rows = Language(), []
        for start in range(0, len(articles), 64):
            batch = articles[start:start + 64]
            docs = language.parse([a.text for a in batch])
            vectors = language.embed([_article_text_for_embedding(a) for a in batch])
            rows.extend((tuple(_entities(doc)), vector) for doc, vector in zip(docs, vectors))
            print(f"  {tag}: {start + len(batch)}/{len(articles)}", file=sys.stderr)
        path.write_bytes(pickle.dumps(rows))
    rows = pickle.loads(path.read_bytes())
    empty = np.zeros((0, 384), dtype=np.float32)
    return [Annotation(article_id=a.id, version=NLP_VERSION, sentences=(), entities=entities,
                       sentence_vectors=empty, vector=vector) for a, (entities, vector) in zip(articles, rows)]


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--annotate-only", action="store_true")
    parser.add_argument("--no-peers", action="store_true", help="skip the agglomerative peers")
    parser.add_argument("--keep-predictions", type=Path)
    parser.add_argument("--no-single-events", action="store_true", help="skip the Multi-News over-splitting check")
    args = parser.parse_args(argv)
    if not (args.eval / "ecbplus" / "docs.jsonl.gz").exists():
        print(f"note: {args.eval}/ecbplus not found; nothing to benchmark")
        return 0
    docs = read_docs(args.eval)
    rows = []
    for keep, variant in ((True, "as given"), (False, "text only")):
        articles = [to_article(d, keep) for d in docs]
        annotations = annotate_cached(articles, args.cache)
        if args.annotate_only:
            continue
        rows.extend(evaluate(variant, docs, articles, annotations, args))
    if rows:
        table = render(rows)
        if not args.no_single_events:
            check = single_events(args.eval, args.cache)
            table += (f"\n\nSingle events kept whole (Multi-News: {check['docs']} articles in {check['clusters']} "
                      f"one-event clusters, no dates): {check['events']} events, B-cubed P / R / F1 "
                      f"{check['p']:.3f} / {check['r']:.3f} / {check['f1']:.3f}.")
        print(table)
        if args.append_results:
            append_results(table, argv)
    return 0


def evaluate(variant, docs, articles, annotations, args) -> list[dict]:
    import numpy as np

    rows = []
    started = time.perf_counter()
    pred = run_newsprism(articles, annotations)
    seconds = time.perf_counter() - started
    tag = variant.replace(" ", "-")
    rows.append(dict(variant=variant, system="newsprism StoryIndex", note=f"{len(docs) / seconds:.0f} docs/s",
                     **official_score(pred, args.eval, args.keep_predictions, f"newsprism-{tag}")))
    if args.no_peers:
        return rows
    ids = [a.id for a in articles]
    for name, vectors in (("TF-IDF + agglomerative", tfidf_vectors(articles)),
                          ("MiniLM + agglomerative", np.stack([a.vector for a in annotations]))):
        peer, story_t, event_t = tuned_peer(ids, vectors, docs)
        rows.append(dict(variant=variant, system=name, note=f"tuned: story {story_t}, event {event_t}",
                         **official_score(peer, args.eval, args.keep_predictions, f"{name.split()[0]}-{tag}")))
    return rows


def single_events(eval_dir: Path, cache: Path) -> dict:
    """Over-splitting check: every Multi-News cluster reports one event (2-10 articles, no
    dates given). Clustered all at once; B-cubed of our events against the clusters."""
    from newsprism.cluster import StoryIndex
    from newsprism.model import Article

    articles, gold = [], {}
    with gzip.open(eval_dir / "multinews" / "clusters.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            cluster = json.loads(line)
            for k, document in enumerate(cluster["documents"]):
                lines = [x.strip() for x in document.split("\n") if x.strip()]
                if not lines:
                    continue
                doc_id = f"{cluster['id']}-{k}"
                articles.append(Article(id=doc_id, source=f"multinews:{doc_id}", url=None, canonical_url=None,
                                        headline=None, outlet=None, byline=None, dateline=None, published=None,
                                        wire=None, language="en", text="\n\n".join(lines)))
                gold[doc_id] = str(cluster["id"])
    annotations = light_annotate_cached(articles, cache, "multinews")
    index = StoryIndex()
    for article, annotation in zip(articles, annotations):
        index.add(article, annotation)
    got = {a.article_id: f"{a.story_id}/{a.event_id}" for a in index.consolidate()}
    global SCORER
    SCORER = SCORER or _scorer(DEFAULT_EVAL)
    p, r, f = SCORER.bcubed(gold, got)
    return {"docs": len(articles), "clusters": len(set(gold.values())), "events": len(set(got.values())),
            "p": p, "r": r, "f1": f}


def render(rows: list[dict]) -> str:
    lines = ["| variant | system | story B3 P / R / F1 | story ARI | event B3 P / R / F1 | event ARI | stories / events | note |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(
            f"| {r['variant']} | {r['system']} | {r['story_bcubed_p']:.3f} / {r['story_bcubed_r']:.3f} / "
            f"**{r['story_bcubed_f1']:.3f}** | {r['story_ari']:.3f} | {r['event_bcubed_p']:.3f} / "
            f"{r['event_bcubed_r']:.3f} / **{r['event_bcubed_f1']:.3f}** | {r['event_ari']:.3f} | "
            f"{r['pred_stories']} / {r['pred_events']} (gold {r['gold_stories']} / {r['gold_events']}) | {r['note']} |")
    return "\n".join(lines)


def append_results(table: str, argv) -> None:
    benchkit.append_results("Story and event clustering, ECB+ dev (772 docs)", table,
                            argv=argv, script=__file__)


if __name__ == "__main__":
    sys.exit(main())
