"""Report speed: the static report for a 200-article corpus, timed apart from the analysis.

    python bench/report_speed.py [--eval DIR] [--articles N] [--runs N] [--cache DIR] [--append-results]

Real texts: the documents of ../shared/eval/multinews/clusters.jsonl.gz (read from there, never
copied into the repository), taken cluster by cluster until N articles, ingested from a JSONL file
and analysed (language layer, syndication, stories and events, stored summaries) into a SQLite
store under --cache; that store, and the quotes extracted from it, are reused by later runs, so
only the first run pays for the analysis. Then ``write_report`` is timed on its own, --runs times
(median printed), beside two baselines from the same run: the report of the articles alone (what
the report cost before stories and analysis data), and the same with stories but no ReportData.
Target (issue 5): under 30 s on 2 cores.
"""
from __future__ import annotations

import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import benchkit

TARGET_SECONDS = 30.0

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def main() -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsprism-bench-report")
    args = parser.parse_args()
    source = args.eval / "multinews" / "clusters.jsonl.gz"
    if not source.exists():
        print(f"note: {source} not found; nothing to measure (the eval data lives beside the repository)")
        return 0
    args.cache.mkdir(parents=True, exist_ok=True)

    import newsprism
    from newsprism.report import write_report

    db = args.cache / f"multinews-{args.articles}.db"  # the store is the cache
    with newsprism.open(db) as corpus:
        prepared = _prepare(corpus, source, args.articles, args.cache)
        data = corpus.report_data()
        articles, stories = list(corpus.articles()), corpus.stories()
        groups, relations, checks = corpus.provenance_groups(), corpus.relations(), corpus.store.headline_checks()

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        rows = [
            ("report, articles only (baseline: the report before issue 5)",
             _time(args.runs, lambda: write_report(articles, out / "a"))),
            ("report, stories and provenance, no analysis data",
             _time(args.runs, lambda: write_report(articles, out / "b", stories=stories, groups=groups,
                                                   relations=relations, headline_checks=checks))),
            (f"report, full: {_present(data)}",
             _time(args.runs, lambda: write_report(articles, out / "c", stories=stories, groups=groups,
                                                   relations=relations, headline_checks=checks, data=data))),
        ]
        pages = sum(1 for _ in (out / "c").rglob("*.html"))
        size = sum(p.stat().st_size for p in (out / "c").rglob("*") if p.is_file())
    facts = (f"{len(articles)} articles from {source.relative_to(args.eval.parent)} "
             f"({len(stories)} stories, {sum(len(s.events) for s in stories)} events, "
             f"{len(data.quotes)} quotes, {len(data.summaries)} summaries); full report: {pages} pages, "
             f"{size / 1e6:.1f} MB. Analysis (ingest + analyze + quotes): {prepared}. Report step timed "
             f"alone, median of {args.runs} runs; 2 cores, shared machine.")
    table = _table(rows)
    print(facts)
    print(table)
    full = rows[-1][1]
    print(f"target: under {TARGET_SECONDS:.0f} s -> {'met' if full < TARGET_SECONDS else 'MISSED'} ({full:.2f} s)")
    if args.append_results:
        _append(table, facts, " ".join(["python", "bench/report_speed.py", *sys.argv[1:]]))
    return 0


def _prepare(corpus, source: Path, limit: int, cache: Path) -> str:
    """Ingest Multi-News documents cluster by cluster until the store holds ``limit`` articles
    (duplicates and empty pages do not count), then analyze; a store already analysed is reused."""
    if len(corpus) >= limit and corpus.stories():
        return "cached from an earlier run"
    start = time.perf_counter()
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if len(corpus) >= limit:
                break
            documents = [d for d in json.loads(line)["documents"] if d.strip()][: limit - len(corpus)]
            pile = cache / "pile" / f"cluster-{n:04d}.jsonl"
            pile.parent.mkdir(exist_ok=True)
            pile.write_text("".join(json.dumps({"text": d}) + "\n" for d in documents), encoding="utf-8")
            corpus.ingest(pile)
    ingested = time.perf_counter() - start
    start = time.perf_counter()
    corpus.analyze()
    return f"ingest {ingested:.1f} s, analyze {time.perf_counter() - start:.1f} s (this run)"


def _present(data) -> str:
    """Which analysis data the full report was given (the rest shows as 'not computed yet')."""
    parts = [name for name in ("timeline", "summaries", "quotes", "claims") if getattr(data, name)]
    parts += ["framing"] if data.framing else []
    return ", ".join(parts) or "no analysis data"


def _time(runs: int, build) -> float:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        build()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def _table(rows) -> str:
    lines = ["| build | seconds | target |", "|---|---|---|"]
    lines += [f"| {name} | {seconds:.2f} | < {TARGET_SECONDS:.0f} |" for name, seconds in rows]
    return "\n".join(lines)


def _append(table: str, facts: str, command: str) -> None:
    benchkit.append_results("Report speed", f"{facts}\n\n{table}", cmd=command)


if __name__ == "__main__":
    raise SystemExit(main())
