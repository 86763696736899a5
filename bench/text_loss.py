"""Text lost at ingest: leads read as headlines, briefs refused, shared prose deleted as boilerplate.

    python bench/text_loss.py [--eval DIR] [--clusters N] [--append-results]

Three real sets, read from ../shared/eval (or ``--eval`` / ``NEWSPRISM_EVAL``), never copied:

* BASIL articles as JSONL items with their ``title`` given apart: how many lose their first
  paragraph (a first paragraph that repeats the title does not count) and how many words of
  the input's paragraphs are missing from the clean body;
* NeuS dev leads with their titles: how many one-paragraph items are refused (empty leads too);
* Multi-News clusters as one site (every document's URL on one host, the worst case of a dump
  whose URLs share a host): words removed as "repeated" that read as prose (a sentence of at
  least eight words) and words removed as "repeated" in all.
"""
from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

import benchkit
from newsprism.model import RawArticle
from newsprism.pipeline import Processed, process


def load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def norm(text: str) -> str:
    return " ".join(text.split())


def basil(eval_dir: Path) -> dict:
    docs = load(eval_dir / "basil" / "articles.jsonl.gz")
    raws = [RawArticle(source=d["id"], kind="text", body=d["text"], title=d["title"], url=d.get("url"))
            for d in docs]
    lost_lead = lost_words = 0
    for doc, result in zip(docs, process(raws)):
        title = norm(doc["title"]).casefold()
        paras = [norm(p) for p in doc["text"].split("\n") if norm(p) and norm(p).casefold() != title]
        body = norm(result.article.text) if isinstance(result, Processed) else ""
        lost_lead += bool(paras) and paras[0] not in body
        lost_words += sum(len(p.split()) for p in paras if p not in body)
    return {"items": len(docs), "lost lead": lost_lead, "words lost": lost_words}


def neus(eval_dir: Path) -> dict:
    docs = [d for d in load(eval_dir / "neus" / "docs.jsonl.gz") if d["id"].startswith("val-")]
    raws = [RawArticle(source=d["id"], kind="text", body=d["text"], title=d["title"]) for d in docs]
    refused = [d for d, r in zip(docs, process(raws)) if not isinstance(r, Processed)]
    return {"items": len(docs), "refused": len(refused), "refused, empty": sum(not d["text"].strip() for d in refused)}


def multinews(eval_dir: Path, clusters: int) -> dict:
    data = load(eval_dir / "multinews" / "clusters.jsonl.gz")[:clusters]
    raws = [RawArticle(source=f"{c['id']}#{i}", kind="text", body=doc, url=f"https://one.example/{c['id']}/{i}")
            for c in data for i, doc in enumerate(c["documents"])]
    words: Counter = Counter()
    for result in process(raws):
        if not isinstance(result, Processed):
            continue
        for line in result.article.removed:
            if line.reason == "repeated":
                n = len(line.text.split())
                words["repeated"] += n
                words["repeated prose"] += n if n >= 8 and line.text.rstrip("\"'”’)").endswith((".", "!", "?")) else 0
    return {"items": len(raws), "words removed as repeated": words["repeated"],
            "of which prose": words["repeated prose"]}


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--clusters", type=int, default=250, help="Multi-News clusters read as one site")
    args = parser.parse_args(argv)
    if not (args.eval / "basil").exists():
        print(f"evaluation data not found at {args.eval}; nothing to measure (that is fine).")
        return 0
    rows = [[name, ", ".join(f"{k} {v}" for k, v in figures.items())]
            for name, figures in (("BASIL, title given", basil(args.eval)),
                                  ("NeuS dev leads, title given", neus(args.eval)),
                                  ("Multi-News as one site", multinews(args.eval, args.clusters)))]
    text = benchkit.table(["set", "figures"], rows)
    print(text)
    if args.append_results:
        benchkit.append_results("Text lost at ingest", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
