"""The parent's cost of one incremental ``analyze --fast`` that has nothing new to annotate, on a
store that ``bench/stream_scale.py --db PATH`` left: what every chunk of a stream pays on top of
its own articles (the cross-article stages, reading and saving), measured in one process.

    python bench/analyze_rerun.py STORE.db [--repeat 2]

Run it with the code to measure first on the path (``PYTHONPATH=src``; an older checkout's ``src``
for the before figure): the store is copied to a temporary file first, so the stream's store is
left as it was. Prints CPU seconds, wall seconds and the peak RSS of the process (after the
models of the cheap tier are loaded), per run.
"""
from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import newsprism
    from newsprism.nlp import Language

    with tempfile.TemporaryDirectory(prefix="newsprism-rerun-") as folder:
        db = Path(folder) / "copy.db"
        copy_store(args.db, db)
        language = Language(vectors="static")
        language.embed(["warm up"])
        print(f"models loaded: peak RSS {rss_mb():.0f} MB", file=sys.stderr)
        spent = timed_stages()
        with newsprism.open(db) as corpus:
            for run in range(1, args.repeat + 1):
                spent.clear()
                cpu, wall = time.process_time(), time.perf_counter()
                report = corpus.analyze(language, fast=True)
                stages = ", ".join(f"{name} {seconds:.1f}" for name, seconds in spent.items())
                print(f"run {run}: {report.articles:,} articles, {report.annotated} annotated, "
                      f"{report.relations:,} links, {report.stories:,} stories: "
                      f"{time.process_time() - cpu:.1f} CPU s ({stages}), {time.perf_counter() - wall:.1f} s wall, "
                      f"peak RSS {rss_mb():.0f} MB, load {os.getloadavg()[0]:.1f}")
    return 0


def copy_store(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite store, even one another process is writing (the backup API)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def timed_stages() -> dict[str, float]:
    """Wrap each declared stage so that its CPU seconds land in the returned dict, by name."""
    from dataclasses import replace

    from newsprism import stages

    spent: dict[str, float] = {}

    def timed(stage):
        def run(r):
            started = time.process_time()
            try:
                return stage.run(r)
            finally:
                spent[stage.name] = spent.get(stage.name, 0.0) + time.process_time() - started
        return replace(stage, run=run)

    stages.STAGES = tuple(timed(stage) for stage in stages.STAGES)
    return spent


if __name__ == "__main__":
    raise SystemExit(main())
