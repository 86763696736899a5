"""Is it an article? Precision and recall of the ingest's page-kind check on labelled real pages.

    python bench/page_kind.py [--sdists DIR] [--eval DIR] [--show] [--append-results]

Pages: the article pages of ../shared/eval/extraction (or ``--eval`` / ``NEWSPRISM_EVAL``) and
the test pages of the newspaper4k and trafilatura sdists, unpacked under ``--sdists`` (or
``NEWSPRISM_SDISTS``; ``pip download --no-binary :all: --no-deps newspaper4k trafilatura -d DIR``,
then untar). Labels: bench/data/page_kind_labels.json (file names and ids only).

A third row reads the Multi-News validation source documents as plain-text items (the text
path: walls, notices, video pages in place of articles; labels in the same file).

Each page goes through the ingest pipeline (clean, metadata, page kind); a page the pipeline
refuses (no text) counts as "not an article". Two runs: with the page's URL where its source
gives one, and with no URL at all (a dump of files), so that URL rules alone cannot carry it.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

import benchkit
from newsprism.model import RawArticle
from newsprism.pipeline import Processed, process

LABELS = benchkit.DATA / "page_kind_labels.json"
DEFAULT_SDISTS = Path(os.environ.get("NEWSPRISM_SDISTS", "/tmp/sdists"))


def read(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8", errors="replace")


def sdist_pages(sdists: Path, name: str, labels: dict) -> list[tuple[str, str, str, str | None]]:
    """(key, label, html, url) for the sdist's test pages."""
    roots = sorted(sdists.glob(f"{name}-*/"))
    if not roots:
        return []
    root, out = roots[-1], []
    folder = "tests/data/html" if name == "newspaper4k" else "tests/resources"
    for path in sorted((root / folder).iterdir()):
        if not path.name.endswith((".html", ".htm", ".html.gz")):
            continue
        rel = f"{folder}/{path.name}"
        label = labels["pages"].get(rel, labels["default"])
        if label == "skip":
            continue
        url = None
        meta = root / "tests/data/metadata" / f"{path.name.removesuffix('.html')}.json"
        if meta.exists():
            url = json.loads(meta.read_text(encoding="utf-8")).get("url")
        out.append((f"{name}:{path.name}", label, read(path), url))
    return out


def extraction_pages(eval_dir: Path, labels: dict) -> list[tuple[str, str, str, str | None]]:
    path = eval_dir / "extraction" / "pages.jsonl.gz"
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return [(f"extraction:{r['id'][:12]}", labels["pages"].get(r["id"], labels["default"]), r["html"], r["url"])
            for r in rows]


def multinews_texts(eval_dir: Path, labels: dict) -> list[tuple[str, str, str, str | None]]:
    path = eval_dir / "multinews" / "clusters.jsonl.gz"
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        clusters = [json.loads(line) for line in handle]
    return [(f"{c['id']}#{i}", labels["pages"].get(f"{c['id']}#{i}", labels["default"]), doc, None)
            for c in clusters for i, doc in enumerate(c["documents"])]


def predict(pages, with_urls: bool, kind: str = "html") -> list[tuple[bool, str]]:
    raws = [RawArticle(source=key, kind=kind, body=html, url=url if with_urls else None)
            for key, _, html, url in pages]
    out = []
    for result in process(raws):
        if isinstance(result, Processed):
            flags = [f for f in getattr(result.article, "flags", ()) if f.startswith("not-article")]
            out.append((not flags, flags[0] if flags else "article"))
        else:
            out.append((False, f"refused: {result.reason}"))
    return out


def scores(pages, predicted) -> dict:
    tp = sum(label == "article" and is_article for (_, label, _, _), (is_article, _) in zip(pages, predicted))
    fp = sum(label != "article" and is_article for (_, label, _, _), (is_article, _) in zip(pages, predicted))
    fn = sum(label == "article" and not is_article for (_, label, _, _), (is_article, _) in zip(pages, predicted))
    tn = len(pages) - tp - fp - fn
    return dict(tp=tp, fp=fp, fn=fn, tn=tn, precision=tp / max(tp + fp, 1), recall=tp / max(tp + fn, 1))


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--sdists", type=Path, default=DEFAULT_SDISTS)
    parser.add_argument("--show", action="store_true", help="print every page and its verdict")
    args = parser.parse_args(argv)
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    pages = (extraction_pages(args.eval, labels["extraction"])
             + sdist_pages(args.sdists, "newspaper4k", labels["newspaper4k"])
             + sdist_pages(args.sdists, "trafilatura", labels["trafilatura"]))
    if not pages:
        print("no labelled pages found (eval data or sdists missing); nothing to measure.")
        return 0
    n_pos = sum(label == "article" for _, label, _, _ in pages)
    heading = f"{len(pages)} labelled pages: {n_pos} articles, {len(pages) - n_pos} not articles"
    texts = multinews_texts(args.eval, labels["multinews"])
    runs = [("HTML pages, with URLs", pages, True, "html"), ("HTML pages, without URLs", pages, False, "html")]
    if texts:
        runs.append((f"Multi-News source texts ({sum(l == 'article' for _, l, _, _ in texts)} articles, "
                     f"{sum(l != 'article' for _, l, _, _ in texts)} not)", texts, False, "text"))
    rows = []
    for name, pages, with_urls, kind in runs:
        predicted = predict(pages, with_urls, kind)
        s = scores(pages, predicted)
        rows.append([name, s["tp"], s["fp"], s["fn"], s["tn"], f"{s['precision']:.3f}", f"{s['recall']:.3f}"])
        for (key, label, _, _), (is_article, why) in zip(pages, predicted):
            if args.show or (label == "article") != is_article:
                mark = "ok  " if (label == "article") == is_article else "MISS"
                print(f"  {mark} {name}: {key} [{label}] -> {why}", file=sys.stderr)
    text = heading + "\n\n" + benchkit.table(
        ["run", "articles kept (TP)", "non-articles kept (FP)", "articles lost (FN)", "non-articles caught (TN)",
         "precision", "recall"], rows)
    print(text)
    if args.append_results:
        benchkit.append_results("Page kind: is it an article?", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
