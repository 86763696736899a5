"""Multi-document summary benchmark: Multi-News clusters -> 260-word summaries -> ROUGE F1.

    python bench/summary.py [--eval DIR] [--limit N] [--variants] [--cold N] [--tune]
                            [--cache DIR] [--keep-predictions DIR] [--append-results]

Reads ../shared/eval/multinews/clusters.jsonl.gz (250 clusters {id, documents[], summary};
relative to the repository, never copied into it) and scores every system with
``python ../shared/eval/score.py summary PRED.jsonl`` (ROUGE-1/2/Lsum F1, stemmed). Every
system gets the same budget (260 words: sentences are added in the system's order while they fit)
and the same input: each raw document through the plain-text cleaner, split by
``newsprism.summarize.split_sentences``. Peers: lead (round-robin over the documents, and first
document first), centroid (MiniLM cosine to the cluster mean), LexRank (sumy 0.13, fed the
pre-split sentences: NLTK's punkt data cannot be downloaded here).

Also checked: the share of summary sentences with a citation, and each citation independently of
the summarizer's own alignment: the cited document must contain the sentence, or a sentence
holding at least CHECK_OVERLAP of its words (lower-cased, 3+ letters, no stemming, no embeddings).

Sentence embeddings are cached under --cache (default /tmp/summarize-cache) across runs; the
time per cluster is printed for the run as it happened (cached embeddings cost nothing), and with
``--cold N`` for N clusters embedded from scratch. ``--tune`` prints the small parameter grid
searched on the first 100 clusters (the defaults of ``summarize.Weights`` come from it).
"""
from __future__ import annotations

import dataclasses
import gzip
import hashlib
import itertools
import json
import os
import pickle
import re
import tempfile
import time
from pathlib import Path

import numpy as np

import benchkit

BUDGET = 260
TUNE_CLUSTERS = 100  # the first 100 clusters choose the parameters; the other 150 are held out
# Independent citation check: a sentence is in a document when the document holds a sentence
# with at least this share of its words (it passes 1.0 for a copied sentence).
CHECK_OVERLAP = 0.5
CHECK_WORD = re.compile(r"[a-z]{3,}")
CHECK_PARTIAL, CHECK_PARTIAL_WORDS = 0.7, 5

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


# --- embeddings, cached across runs -----------------------------------------------------------
SAVE_EVERY = 2000  # sentences embedded between two writes of the cache


class CachedLanguage:
    """``embed(texts)`` through a sentence -> vector cache kept in one pickle file."""

    def __init__(self, cache_dir: Path | None):
        from newsprism.nlp import Language

        self.language = Language()
        self.path = cache_dir / "embeddings.pkl" if cache_dir else None
        self.vectors: dict[str, np.ndarray] = {}
        if self.path and self.path.exists():
            self.vectors = pickle.loads(self.path.read_bytes())
        self.misses = self.unsaved = 0
        self.seconds = 0.0

    def embed(self, texts):
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in self.vectors))
        if missing:
            started = time.perf_counter()
            for text, vector in zip(missing, self.language.embed(missing)):
                self.vectors[hashlib.sha1(text.encode("utf-8")).hexdigest()] = vector
            self.seconds += time.perf_counter() - started
            self.misses += len(missing)
            self.unsaved += len(missing)
            if self.unsaved >= SAVE_EVERY:
                self.save()
        if not keys:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.vectors[k] for k in keys])

    def save(self) -> None:
        if self.path and self.unsaved:
            self.unsaved = 0
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(self.vectors))
            tmp.replace(self.path)


# --- peers ------------------------------------------------------------------------------------
def pack(sentences: list[str], words: int = BUDGET) -> list[str]:
    """Sentences in the given order while they fit in ``words`` (the rule every system follows)."""
    out, left = [], words
    for sentence in sentences:
        n = len(sentence.split())
        if n <= left:
            out.append(sentence)
            left -= n
    return out


def lead_round_robin(docs: list[list[str]]) -> list[str]:
    """First sentence of each document, then the second of each, ..."""
    return [s for row in itertools.zip_longest(*docs) for s in row if s]


def lead_first_document(docs: list[list[str]]) -> list[str]:
    return [s for doc in docs for s in doc]


def centroid_order(docs: list[list[str]], language) -> list[str]:
    """Sentences by MiniLM cosine to the mean of all sentence vectors (Radev's centroid idea)."""
    flat = [s for doc in docs for s in doc]
    if not flat:
        return []
    vectors = language.embed(flat)
    centre = vectors.mean(axis=0)
    order = np.argsort(-(vectors @ centre), kind="stable")
    return [flat[i] for i in order]


class WordTokenizer:
    """sumy's tokenizer interface without NLTK data: words are runs of letters/digits."""

    WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

    def to_words(self, text: str):
        return tuple(self.WORD.findall(text))


def lexrank_order(docs: list[list[str]]) -> list[str]:
    """sumy's LexRank (threshold 0.1, stemmed, English stop words) ratings over the pre-split
    sentences; sentences best first."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = WordTokenizer()
    flat = [s for doc in docs for s in doc]
    if not flat:
        return []
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in doc]) for doc in docs if doc])
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    words = [summarizer._to_words_set(s) for s in document.sentences]
    matrix = summarizer._create_matrix(words, summarizer.threshold, summarizer._compute_tf(words),
                                       summarizer._compute_idf(words))
    scores = summarizer.power_method(matrix, summarizer.epsilon)
    order = np.argsort(-np.asarray(scores), kind="stable")
    return [str(document.sentences[i]) for i in order]


# --- citation check ---------------------------------------------------------------------------
def check_words(text: str) -> set[str]:
    return set(CHECK_WORD.findall(text.lower()))


def carried(sentence: str, document: str, *, partial: bool = False) -> bool:
    """Does ``document`` hold ``sentence`` or a sentence sharing >= CHECK_OVERLAP of its words?
    With ``partial``, a sentence of CHECK_PARTIAL_WORDS+ words that lies mostly (>=
    CHECK_PARTIAL) inside ``sentence`` also counts: the document carries part of it."""
    if " ".join(sentence.split()) in " ".join(document.split()):
        return True
    want = check_words(sentence)
    if not want:
        return False
    for other in re.split(r"(?<=[.!?\"”])\s+|\n", document):
        have = check_words(other)
        if len(want & have) / len(want) >= CHECK_OVERLAP:
            return True
        if partial and len(have) >= CHECK_PARTIAL_WORDS and len(want & have) / len(have) >= CHECK_PARTIAL:
            return True
    return False


# --- running ----------------------------------------------------------------------------------
def load(eval_dir: Path, limit: int | None) -> list[dict]:
    with gzip.open(eval_dir / "multinews" / "clusters.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def run_newsprism(clusters, language, options, stats: dict | None = None) -> dict[str, str]:
    from newsprism.summarize import summarize

    out = {}
    for cluster in clusters:
        started = time.perf_counter()
        summary = summarize(cluster["documents"], BUDGET, language=language, options=options)
        if stats is not None:
            stats.setdefault("seconds", []).append(time.perf_counter() - started)
            stats.setdefault("summaries", []).append((cluster, summary))
        out[cluster["id"]] = summary.text
    return out


def citation_report(stats: dict) -> dict:
    sentences = cited = checks = passed = partial = over = 0
    for cluster, summary in stats["summaries"]:
        over += summary.words > BUDGET
        for s in summary.sentences:
            sentences += 1
            cited += bool(s.citations) and s.article in s.citations
            for article in s.citations:
                checks += 1
                document = cluster["documents"][int(article)]
                passed += carried(s.text, document)
                partial += carried(s.text, document, partial=True)
    return {"sentences": sentences, "cited": cited / max(sentences, 1), "checks": checks,
            "passed": passed / max(checks, 1), "partial": partial / max(checks, 1), "over_budget": over,
            "multi": sum(len(s.citations) > 1 for _, m in stats["summaries"] for s in m.sentences)}


def score(pred: dict[str, str], eval_dir: Path, workdir: Path, name: str) -> dict:
    path = workdir / f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for key, text in pred.items():
            f.write(json.dumps({"id": key, "summary": text}) + "\n")
    gold = workdir / "gold.jsonl"  # the scorer scores every gold cluster: give it the ones run
    return benchkit.score("summary", path, eval_dir, "--gold", str(gold))


def write_gold(clusters, workdir: Path) -> None:
    with (workdir / "gold.jsonl").open("w", encoding="utf-8") as f:
        for c in clusters:
            f.write(json.dumps({"id": c["id"], "summary": c["summary"]}) + "\n")


def systems(clusters, language, variants: bool, stats: dict) -> dict[str, dict[str, str]]:
    from newsprism.summarize import Options, Weights, split_sentences
    from newsprism.summarize.sentences import document_text

    docs = {c["id"]: [split_sentences(document_text(d)) for d in c["documents"]] for c in clusters}
    out = {"newsprism": run_newsprism(clusters, language, Options(), stats)}
    peers = {
        "lead, round-robin": lambda d: lead_round_robin(d),
        "lead, first document first": lambda d: lead_first_document(d),
        "centroid (MiniLM)": lambda d: centroid_order(d, language),
        "LexRank (sumy)": lexrank_order,
    }
    for name, order in peers.items():
        out[name] = {key: " ".join(pack(order(d))) for key, d in docs.items()}
    if variants:
        w = Weights()
        for name, options in {
            "newsprism without the cleaner": Options(clean=False),
            "newsprism without position": Options(weights=dataclasses.replace(w, position=0.0)),
            "newsprism without cross-source support": Options(weights=dataclasses.replace(w, support=0.0)),
            "newsprism without redundancy penalty": Options(weights=dataclasses.replace(w, redundancy=0.0)),
            "newsprism without the context rule (\"he said\" alone)": Options(context=False),
        }.items():
            out[name] = run_newsprism(clusters, language, options)
        out["lead round-robin on raw text"] = {
            c["id"]: " ".join(pack(lead_round_robin([split_sentences(d) for d in c["documents"]]))) for c in clusters}
    return out


def cold_timing(clusters, n: int) -> float:
    """Seconds per cluster with nothing cached (the models already loaded)."""
    from newsprism.nlp import Language
    from newsprism.summarize import summarize

    language = Language()
    summarize(["Warm-up sentence for the model, long enough to count here."], language=language)
    started = time.perf_counter()
    for cluster in clusters[:n]:
        summarize(cluster["documents"], BUDGET, language=language)
    return (time.perf_counter() - started) / max(1, min(n, len(clusters)))


# --- parameter search (the handful of global parameters) ---------------------------------------
GRID = {
    "support": (0.5, 1.0),
    "centroid": (0.5, 1.0),
    "position": (0.3, 0.6, 1.0),
    "redundancy": (0.6, 1.0),
    "min_words": (6, 8),
    "max_words": (40, 60),
}


def rouge(pred: dict[str, str], clusters) -> tuple[float, float]:
    """ROUGE-1/2 F1 in process, configured as score.py (stemmed)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    r1 = r2 = 0.0
    for c in clusters:
        result = scorer.score(c["summary"], pred.get(c["id"], ""))
        r1, r2 = r1 + result["rouge1"].fmeasure, r2 + result["rouge2"].fmeasure
    return r1 / len(clusters), r2 / len(clusters)


def tune(clusters, language) -> None:
    """Grid search on the first TUNE_CLUSTERS clusters; prints the best settings and their
    scores on the held-out rest."""
    from newsprism.summarize import Options, Weights
    from newsprism.summarize.sentences import document_text

    cleaned = [dict(c, documents=[document_text(d) for d in c["documents"]]) for c in clusters]
    dev, held = cleaned[:TUNE_CLUSTERS], cleaned[TUNE_CLUSTERS:]
    results = []
    for values in itertools.product(*GRID.values()):
        weights = Weights(**dict(zip(GRID, values)))
        r1, r2 = rouge(run_newsprism(dev, language, Options(clean=False, weights=weights)), dev)
        results.append((r1 + r2, r1, r2, weights))
        print(f"{r1:.4f} {r2:.4f} {dict(zip(GRID, values))}", flush=True)
    results.sort(key=lambda r: -r[0])
    for _, r1, r2, weights in results[:5]:
        h1, h2 = rouge(run_newsprism(held, language, Options(clean=False, weights=weights)), held)
        print(f"dev {r1:.4f}/{r2:.4f}  held-out {h1:.4f}/{h2:.4f}  {weights}")


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__, full_doc=True)
    parser.add_argument("--limit", type=int, help="only the first N clusters")
    parser.add_argument("--variants", action="store_true", help="also score ablations of newsprism")
    parser.add_argument("--cold", type=int, default=0, help="time N clusters with no embedding cache")
    parser.add_argument("--tune", action="store_true", help="run the parameter grid instead")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/summarize-cache"),
                        help="sentence-embedding cache folder ('' for none)")
    parser.add_argument("--keep-predictions", type=Path, help="write the prediction files here")
    args = parser.parse_args(argv)
    if not (args.eval / "multinews" / "clusters.jsonl.gz").exists():
        print(f"Evaluation data not found at {args.eval / 'multinews'}; nothing to benchmark.")
        return 0
    clusters = load(args.eval, args.limit)
    language = CachedLanguage(args.cache if str(args.cache) else None)
    try:
        if args.tune:
            tune(clusters, language)
            return 0
        stats: dict = {}
        predictions = systems(clusters, language, args.variants, stats)
    finally:
        language.save()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep_predictions or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        write_gold(clusters, workdir)
        scores = {name: score(pred, args.eval, workdir, name) for name, pred in predictions.items()}
    held = clusters[TUNE_CLUSTERS:]
    held_scores = {name: rouge(pred, held) for name, pred in predictions.items()} if held else {}
    table = render(scores, held_scores, len(held))
    cites = citation_report(stats)
    seconds = stats["seconds"]
    lines = [
        f"{len(clusters)} clusters of ../shared/eval/multinews, {BUDGET}-word budget for every system, "
        f"scored by ../shared/eval/score.py summary (ROUGE F1, stemmed); same machine, same run (2 cores).",
        "", table, "",
        f"newsprism citations: {cites['sentences']} summary sentences, {cites['cited']:.1%} cited "
        f"(own article among the citations); {cites['checks']} citations, {cites['passed']:.1%} pass the "
        f"independent check (cited document holds the sentence or one with >= {CHECK_OVERLAP:.0%} of its words), "
        f"{cites['partial']:.1%} counting partial versions (a {CHECK_PARTIAL_WORDS}+ word sentence >= "
        f"{CHECK_PARTIAL:.0%} inside it); "
        f"{cites['multi']} sentences cite more than one article; {cites['over_budget']} summaries over budget.",
        f"newsprism time per cluster: {np.mean(seconds):.3f} s mean, {np.median(seconds):.3f} s median "
        f"({language.misses} sentences embedded in this run in {language.seconds:.1f} s, the rest from the cache).",
    ]
    if args.cold:
        lines.append(f"newsprism time per cluster, nothing cached (first {args.cold} clusters, models loaded): "
                     f"{cold_timing(clusters, args.cold):.2f} s")
    print("\n".join(lines))
    if args.append_results:
        append_results("\n".join(lines), argv)
    return 0


def render(scores: dict, held: dict, n_held: int) -> str:
    header = "| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum |"
    rule = "|---|---|---|---|"
    if held:
        header += f" R-1 / R-2 on the {n_held} held-out clusters |"
        rule += "---|"
    rows = [header, rule]
    for name, r in scores.items():
        row = f"| {name} | {r['rouge1_f1']:.4f} | {r['rouge2_f1']:.4f} | {r['rougeLsum_f1']:.4f} |"
        if held:
            row += f" {held[name][0]:.4f} / {held[name][1]:.4f} |"
        rows.append(row)
    return "\n".join(rows)


def append_results(text: str, argv: list[str] | None) -> None:
    benchkit.append_results("Multi-News summaries", text, argv=argv, script=__file__)


if __name__ == "__main__":
    raise SystemExit(main())
