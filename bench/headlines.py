"""Headline accuracy on pages that carry a gold title: exact match after normalisation.

    python bench/headlines.py [--sdists DIR] [--eval DIR] [--seeds DIR] [--neus N] [--show] [--append-results]

Sets (read where they lie, never copied into the repository):

* newspaper4k's test pages with a metadata JSON (``title``): the HTML page as crawled, with
  its URL; ``--sdists`` (or ``NEWSPRISM_SDISTS``) is a folder holding the unpacked sdist
  ``newspaper4k-*/`` (``pip download --no-binary :all: --no-deps newspaper4k -d DIR`` and untar);
* BASIL (``../shared/eval/basil``) and NeuS dev leads (``../shared/eval/neus``) as plain-text
  dumps ``title`` + blank line + text, the title not given apart: the cleaner must find it;
* the seeds (``../shared/seeds``, gold headlines from the table in GOLD.md).

Normalisation: Unicode NFKC, case folded, curly quotes and dashes straightened, whitespace
collapsed, trailing punctuation dropped. A page with no headline counts as a miss.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import benchkit
from newsprism.model import RawArticle
from newsprism.pipeline import Processed, process

DEFAULT_SEEDS = benchkit.shared("seeds")
DEFAULT_SDISTS = Path(os.environ.get("NEWSPRISM_SDISTS", "/tmp/sdists"))
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                         "\u2014": "-", "\u00a0": " "})


def normalise(title: str | None) -> str:
    text = unicodedata.normalize("NFKC", title or "").translate(_QUOTES).casefold()
    return re.sub(r"[\s.:;,!?]+$", "", " ".join(text.split()))


def newspaper4k_pages(sdists: Path) -> list[tuple[str, RawArticle, str]]:
    out = []
    for base in sorted(sdists.glob("newspaper4k-*/tests/data")):
        for meta in sorted((base / "metadata").glob("*.json")):
            page = base / "html" / f"{meta.stem}.html"
            gold = json.loads(meta.read_text(encoding="utf-8"))
            if page.exists() and gold.get("title"):
                html = page.read_text(encoding="utf-8", errors="replace")
                out.append((f"newspaper4k:{meta.stem}", RawArticle(source=meta.stem, kind="html", body=html,
                                                                   url=gold.get("url")), gold["title"]))
    return out


def dumped(name: str, docs: list[dict]) -> list[tuple[str, RawArticle, str]]:
    return [(f"{name}:{d['id']}", RawArticle(source=d["id"], kind="text", body=f"{d['title']}\n\n{d['text']}"),
             d["title"]) for d in docs if d["text"].strip() and d["title"].strip()]


def load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def seeds(folder: Path) -> list[tuple[str, RawArticle, str]]:
    gold_md = folder / "GOLD.md"
    if not gold_md.exists():
        return []
    out = []
    for row in re.findall(r"^\| (\d{3}_\w+\.txt) \|[^|]*\|[^|]*\| ([^|]+) \|", gold_md.read_text(), re.M):
        text = (folder / row[0]).read_text(encoding="utf-8")
        out.append((f"seeds:{row[0]}", RawArticle(source=row[0], kind="text", body=text), row[1].strip()))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--sdists", type=Path, default=DEFAULT_SDISTS)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--neus", type=int, default=300, help="NeuS dev (val) leads read (the first N)")
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    sets = {"newspaper4k pages": newspaper4k_pages(args.sdists), "seeds": seeds(args.seeds)}
    if (args.eval / "basil").exists():
        sets["BASIL (text dump)"] = dumped("basil", load(args.eval / "basil" / "articles.jsonl.gz"))
        sets["NeuS leads (text dump)"] = dumped("neus", [d for d in load(args.eval / "neus" / "docs.jsonl.gz")
                                                         if d["id"].startswith("val-")][:args.neus])
    rows: list[list[object]] = []
    hits = total = 0
    for name, items in sets.items():
        if not items:
            rows.append([name, "0 (not found)", "", ""])
            continue
        results = process([raw for _, raw, _ in items])
        good = none = 0
        for (key, _, gold), result in zip(items, results):
            got = result.article.headline if isinstance(result, Processed) else None
            good += normalise(got) == normalise(gold)
            none += got is None
            if args.show and normalise(got) != normalise(gold):
                print(f"  miss {key}: got {got!r} | gold {gold!r}", file=sys.stderr)
        hits, total = hits + good, total + len(items)
        rows.append([name, len(items), f"{good / len(items):.3f} ({good})", none])
    rows.append(["all", total, f"{hits / max(total, 1):.3f} ({hits})", ""])
    text = benchkit.table(["set", "pages", "exact (normalised)", "no headline"], rows)
    print(text)
    if args.append_results:
        benchkit.append_results("Headline accuracy", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
