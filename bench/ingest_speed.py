"""Ingest speed: N real articles as one JSONL file -> clean -> metadata -> SQLite.

Texts come from ../shared/eval (Multi-News source documents, ECB+ and PolNeAR articles), so the
cleaner sees real news text with its real junk. Each line gets a distinct URL and date, the way a
crawler's dump would.

    python bench/ingest_speed.py [--n 10000] [--append-results]
"""
from __future__ import annotations

from collections import Counter
import gzip
import json
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import benchkit
import newsprism


def real_texts(eval_dir: Path) -> list[str]:
    texts: list[str] = []
    for cluster in _read(eval_dir / "multinews" / "clusters.jsonl.gz"):
        texts.extend(doc for doc in cluster["documents"] if len(doc) > 200)
    for name in ("ecbplus/docs.jsonl.gz", "polnear/docs.jsonl.gz"):
        texts.extend(doc["text"] for doc in _read(eval_dir / name) if len(doc["text"]) > 200)
    return texts


def _read(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def write_jsonl(path: Path, texts: list[str], n: int) -> None:
    start = date(2023, 1, 1)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = texts[i % len(texts)]
            if i >= len(texts):  # reuse a text as a distinct article: its paragraphs in another order
                paragraphs = [p for p in text.split("\n") if len(p.strip()) > 40]
                shift = 1 + (i // len(texts)) % max(1, len(paragraphs) - 1)
                text = "\n\n".join(paragraphs[shift:] + paragraphs[:shift])
            handle.write(json.dumps({"url": f"https://news{i % 50}.example.com/story/{i}",
                                     "published": (start + timedelta(days=i % 730)).isoformat(),
                                     "text": text}) + "\n")


def main() -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args()
    if not args.eval.exists():
        print(f"evaluation data not found at {args.eval}; nothing to measure")
        return 0
    texts = real_texts(args.eval)
    with tempfile.TemporaryDirectory() as tmp:
        dump, db = Path(tmp) / "dump.jsonl", Path(tmp) / "bench.db"
        write_jsonl(dump, texts, args.n)
        size_mb = dump.stat().st_size / 1e6
        t0 = time.perf_counter()
        with newsprism.open(db) as corpus:
            report = corpus.ingest([dump])
            stored = len(corpus)
        seconds = time.perf_counter() - t0
        db_mb = db.stat().st_size / 1e6
    reasons = Counter(f.reason.split(":")[0] for f in report.failures)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    table = "\n".join([
        "| articles | input MB | seconds | articles/s | stored | duplicates | failed | db MB | peak RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {args.n} | {size_mb:.1f} | {seconds:.1f} | {args.n / seconds:.0f} | {stored} | "
        f"{len(report.duplicates)} | {len(report.failures)} | {db_mb:.1f} | {peak_mb:.0f} |",
    ])
    print(table)
    if reasons:
        print("failures:", ", ".join(f"{reason} ({n})" for reason, n in reasons.most_common()))
    if args.append_results:
        benchkit.append_results("Ingest speed: JSONL -> SQLite", f"2-core machine.\n\n{table}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
