"""Quote attribution on PolNeAR dev (84 documents), and quote speed on seed-length articles.

    python bench/quotes.py [--eval DIR] [--cache DIR] [--append-results] [--keep-predictions DIR]

Reads ../shared/eval/polnear/docs.jsonl.gz (never copied into the repository) and predicts the
documents whose ``split`` is ``dev`` only (the scorer scores only documents with a prediction
line). Quotes become PolNeAR attributions with ``newsprism.quotes.polnear.to_polnear`` (one per
cue and paragraph; a direct quote's content keeps its quotation marks; source = the speaker
mention; partial quotes are left out, their reported speech being the attribution). Scored
with ``python ../shared/eval/score.py quotes``.

Peer in the same run: "quotation-mark regex + nearest-name speaker" (every quotation-mark span is
a quote; its source is the PERSON entity nearest to it in the same spaCy parse).

Speed: ``extract_quotes_batch`` (spaCy parse included) over 50 seed-length articles (the five
bundled seeds, ten times each).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import benchkit

DEFAULT_CACHE = Path(tempfile.gettempdir()) / "newsprism-bench-cache"
SPEED_ARTICLES = 50
QUOTE_RE = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")


def read_docs(eval_dir: Path, split: str = "dev") -> list[dict]:
    with gzip.open(eval_dir / "polnear" / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    return [d for d in docs if d.get("split") == split]


def parsed(texts: list[str], language, cache: Path):
    """spaCy Docs of ``texts`` (cached on disk by content hash: parsing is the slow part)."""
    from spacy.tokens import DocBin

    from newsprism.quotes import parse_texts
    from newsprism.quotes.cues import text_of
    from newsprism.quotes.extract import PARSE_SPACES

    key = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:16]
    path = cache / f"quotes-{key}.spacy"
    if path.exists():
        docs = list(DocBin(store_user_data=True).from_disk(path).get_docs(language.nlp.vocab))
        if [text_of(d) for d in docs] == texts and all(d.text == t.translate(PARSE_SPACES) for d, t in zip(docs, texts)):
            return docs
    docs = parse_texts(texts, language)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    return docs


# --- predictions --------------------------------------------------------------------------------
def baseline_quotes(doc) -> list[dict]:
    """Quotation-mark regex, speaker = the nearest PERSON entity."""
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    out = []
    for m in QUOTE_RE.finditer(doc.text):
        source = None
        if people:
            s, e = min(people, key=lambda p: min(abs(p[0] - m.end()), abs(m.start() - p[1])))
            source = [s, e]
        out.append({"content": [m.start(), m.end()], "source": source})
    return out


def score(predictions: dict[str, list[dict]], eval_dir: Path, keep: Path | None, name: str) -> dict:
    folder = keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"quotes-{name}.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for doc_id, quotes in predictions.items():
            handle.write(json.dumps({"id": doc_id, "quotes": quotes}) + "\n")
    return benchkit.score("quotes", path, eval_dir)


# --- speed --------------------------------------------------------------------------------------
def speed(language) -> tuple[float, int, int]:
    """Seconds for quotes of 50 seed-length articles (parse included), words, quotes found."""
    import newsprism
    from newsprism.quotes import extract_quotes_batch

    examples = benchkit.SEEDS
    with tempfile.TemporaryDirectory() as tmp:
        with newsprism.open(Path(tmp) / "seeds.db") as corpus:
            corpus.ingest(str(examples))
            texts = [a.text for a in corpus.articles()]
    batch = (texts * SPEED_ARTICLES)[:SPEED_ARTICLES]
    batch = [t + "\n" * (i // len(texts)) for i, t in enumerate(batch)]  # no parse cache can help
    language.parse(["warm up the model."])
    start = time.perf_counter()
    results = extract_quotes_batch(batch, language)
    seconds = time.perf_counter() - start
    return seconds, sum(len(t.split()) for t in batch), sum(len(r) for r in results)


# --- main ---------------------------------------------------------------------------------------
ROWS = (("quotation-mark regex + nearest-name speaker", "baseline"),
        ("newsprism quotes: rules only (cue lexicon, no model)", "rules"),
        ("newsprism quotes: rules + trained frame scorer, no tagger", "scorer"),
        ("newsprism quotes (rules + trained frame scorer + span tagger)", "ours"))
METRICS = (("content P", "content_p"), ("content R", "content_r"), ("content F1", "content_f1"),
           ("direct R", "content_r_direct"), ("source acc", "source_acc_of_matched"),
           ("source acc (direct)", "source_acc_direct"), ("end-to-end F1", "end_to_end_f1"),
           ("pred", "pred"), ("gold", "gold"))


def direct_source_accuracy(docs, predictions) -> float:
    """Source accuracy over matched quotes whose gold content holds a quotation mark (the scorer
    counts it but does not print it; same matching, ``newsprism.quotes.polnear.match_counts``)."""
    from newsprism.quotes.polnear import match_counts

    ok = matched = 0
    for d in docs:
        counts = match_counts(d["text"], d["attributions"], predictions.get(d["id"], []))
        ok += counts["source_ok_direct"]
        matched += counts["match_direct"]
    return ok / matched if matched else 0.0


def table(results: dict[str, dict]) -> str:
    lines = ["| system | " + " | ".join(m for m, _ in METRICS) + " |",
             "|---|" + "---:|" * len(METRICS)]
    for label, key in ROWS:
        if key not in results:
            continue
        r = results[key]
        cells = [f"{r[k]:.3f}" if isinstance(r[k], float) else str(r[k]) for _, k in METRICS]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = benchkit.parser(__doc__, full_doc=True)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--keep-predictions", type=Path)
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--split", default="dev", choices=("dev", "train"),
                    help="dev (the reported figures) or train (for choosing settings; see --limit)")
    ap.add_argument("--limit", type=int, default=0,
                    help="only the first N documents of the split by id (train: 200 is the tuning set)")
    args = ap.parse_args()
    if not (args.eval / "polnear" / "docs.jsonl.gz").exists():
        print(f"no PolNeAR data under {args.eval}: nothing to measure")
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from newsprism.nlp import Language
    from newsprism.quotes import quotes_from_doc
    from newsprism.quotes.polnear import to_polnear

    language = Language()
    docs = read_docs(args.eval, args.split)
    if args.limit:
        docs = sorted(docs, key=lambda d: d["id"])[:args.limit]
    texts = [d["text"] for d in docs]
    parses = parsed(texts, language, args.cache)
    start = time.perf_counter()
    ours = {d["id"]: to_polnear(d["text"], quotes_from_doc(p)) for d, p in zip(docs, parses)}
    extract_seconds = time.perf_counter() - start
    systems = {"ours": ours,
               "scorer": {d["id"]: to_polnear(d["text"], quotes_from_doc(p, tagger=None)) for d, p in zip(docs, parses)},
               "rules": {d["id"]: to_polnear(d["text"], quotes_from_doc(p, scorer=None, tagger=None))
                         for d, p in zip(docs, parses)},
               "baseline": {d["id"]: baseline_quotes(p) for d, p in zip(docs, parses)}}
    results = {}
    for name, predictions in systems.items():
        results[name] = score(predictions, args.eval, args.keep_predictions, name)
        results[name]["source_acc_direct"] = direct_source_accuracy(docs, predictions)
    report = [f"{len(docs)} PolNeAR {args.split} documents ({results['ours']['gold']} attributions, "
              f"{results['ours']['gold_direct']} with a quotation mark), scored by "
              f"../shared/eval/score.py quotes; same machine, same run, same spaCy parses. "
              f"Trained scorer: weights fitted on PolNeAR train only (scripts/train_quotes.py).",
              "", table(results), "",
              f"Extraction after parsing: {extract_seconds:.1f} s for {len(docs)} documents."]
    if not args.no_speed:
        load = os.getloadavg()[0]
        seconds, words, found = speed(language)
        report.append(f"Speed: {SPEED_ARTICLES} seed-length articles ({words} words), parse included: "
                      f"{seconds:.2f} s on this 2-core machine ({found} quotes; load average {load:.1f} "
                      f"from other jobs when it started); target < 10 s. The spaCy parse and the span tagger "
                      f"are most of it.")
    text = "\n".join(report)
    print(text)
    if args.append_results:
        benchkit.append_results(f"Quotes: PolNeAR {args.split} attribution", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
