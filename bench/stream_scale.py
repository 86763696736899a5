"""A news stream through the cheap tier on a Dask LocalCluster: throughput, memory, store size.

    python bench/stream_scale.py [--eval DIR] [--n 1000000] [--chunk 2000] [--workers 2]
                                 [--db PATH] [--append-results]

What runs is what a user runs: every chunk of the stream is written as a JSONL file, ingested
(``Corpus.ingest``: cleaning, metadata, dedup of exact repeats) and analysed incrementally by
``Corpus.analyze(fast=True, dask=ADDRESS)`` (the cheap tier: spaCy parse, static vectors
distilled from MiniLM, quotes; then syndication, stories and events over what changed) with the
per-article work on a ``LocalCluster`` of ``--workers`` single-threaded processes on 127.0.0.1
that lives for the whole stream (models loaded once per worker).

The texts are real, never copied into the repository: every document of ../shared/eval's ECB+,
Multi-News, PolNeAR and NeuS (about 10,700 distinct headline + body pairs). The stream repeats
them as wire copies do: each repeat carries a new outlet (one of 400), a dateline naming it and a
publication date, so it is a new article for the store (its clean text differs) and a copy for
the syndication stage. Dates rise through the stream over two years, as a crawler delivers them.

Printed at each checkpoint: articles stored, ingest and analyze articles/s over the last chunk
and overall, the parent's CPU seconds inside ``analyze`` for the chunk (the cross-article stages
and the saving: what is not the workers' per-article work, and little moved by load), peak RSS of the parent and of each worker, the SQLite store's size on disk. What
grows with n is read from these rows; the projection to a day of world news is written beside
them in bench/RESULTS.md.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import benchkit

START = dt.date(2023, 1, 1)
DAYS = 730
OUTLETS = 400


def rss_mb() -> float:
    """Peak resident memory of this process, MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stream_items(texts: list[tuple[str | None, str]], n: int, first: int = 0, pace: int | None = None):
    """``n`` JSON-ready items: the real texts in turn, each round a new copy of every text; from
    item ``first`` on, dates rising ``DAYS`` every ``pace`` items (default ``n``)."""
    pace = pace or n
    for i in range(first, first + n):
        headline, body = texts[i % len(texts)]
        round_ = i // len(texts)
        name = f"Outlet {(i * 7919) % OUTLETS:03d}"
        published = START + dt.timedelta(days=DAYS * i // pace)
        dateline = f"({name}, {published.isoformat()}) -" if round_ else ""
        yield {"title": headline or body.split(".")[0][:120], "text": f"{dateline} {body}".strip(),
               "outlet": name, "published": published.isoformat(),
               "url": f"https://outlet{(i * 7919) % OUTLETS:03d}.example/{i}"}


def rss_now_mb() -> float:
    """Resident memory of this process now, MB (what it holds between chunks, not its peak)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def worker_peaks(client) -> list[float]:
    return sorted(client.run(rss_mb).values())


def main(argv=None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--chunk", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", type=Path, default=None, help="store to write (default: a temporary file)")
    parser.add_argument("--first", type=int, default=0, help="continue a stream a store holds: its first item")
    parser.add_argument("--pace", type=int, default=None, help="items per two years of dates (default --n)")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from distributed import Client, LocalCluster

    import newsprism
    from scale import load_texts

    import logging

    logging.basicConfig(format="  %(message)s")
    logging.getLogger("newsprism.cluster.stored").setLevel(logging.INFO)  # what each incremental run re-clustered
    texts = load_texts(args.eval) + neus_texts(args.eval)
    print(f"{len(texts):,} distinct real texts", file=sys.stderr)
    folder = Path(tempfile.mkdtemp(prefix="newsprism-stream-"))
    db = args.db or folder / "stream.db"
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, host="127.0.0.1",
                           dashboard_address=None, processes=True)
    client = Client(cluster)
    rows, items = [], stream_items(texts, args.n, args.first, args.pace)
    done = ingest_s = analyze_s = 0.0
    stored = 0
    try:
        from analyze_rerun import timed_stages

        spent = timed_stages()
        with newsprism.open(db) as corpus:
            stored = corpus.store.count()
            while done < args.n:
                size = min(args.chunk, args.n - int(done))
                chunk = folder / "chunk.jsonl"
                with chunk.open("w", encoding="utf-8") as out:
                    for _ in range(size):
                        out.write(json.dumps(next(items)) + "\n")
                started = time.perf_counter()
                stored += len(corpus.ingest(chunk).ingested)
                ingested = time.perf_counter()
                cpu = time.process_time()
                spent.clear()
                corpus.analyze(fast=True, workers=args.workers, dask=cluster.scheduler_address)
                finished = time.perf_counter()
                parent_cpu = time.process_time() - cpu
                done += size
                ingest_s += ingested - started
                analyze_s += finished - ingested
                row = (f"{args.first + int(done):,}", f"{stored:,}", f"{size / (ingested - started):.1f}",
                       f"{size / (finished - ingested):.1f}", f"{done / (ingest_s + analyze_s):.1f}",
                       f"{parent_cpu:.1f}", f"{rss_mb():.0f}", f"{rss_now_mb():.0f}", " / ".join(f"{m:.0f}" for m in worker_peaks(client)),
                       f"{db.stat().st_size / 1e6:.0f}", f"{os.getloadavg()[0]:.1f}")
                rows.append(row)
                print("  parent CPU s by stage: " + ", ".join(f"{k} {v:.1f}" for k, v in spent.items()), file=sys.stderr)
                print(" | ".join(row), file=sys.stderr)
    finally:
        client.close()
        cluster.close()
        if args.db is None:
            shutil.rmtree(folder, ignore_errors=True)
    header = ("articles in", "stored", "ingest art/s (chunk)", "analyze art/s (chunk)", "end to end art/s (all)",
              "parent CPU s in analyze (chunk)", "parent peak RSS MB", "parent RSS after MB", "worker peak RSS MB", "store MB", "load avg")
    body = benchkit.table(header, rows)
    print(body)
    if args.append_results:
        benchkit.append_results(f"Stream through the cheap tier on a {args.workers}-worker LocalCluster", body,
                                script=__file__, argv=argv)
    return 0


def neus_texts(eval_dir: Path) -> list[tuple[str | None, str]]:
    import gzip

    with gzip.open(eval_dir / "neus" / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [(doc["title"], doc["text"]) for doc in map(json.loads, handle)]


if __name__ == "__main__":
    raise SystemExit(main())
