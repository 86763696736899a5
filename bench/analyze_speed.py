"""Speed of a full ``newsprism analyze`` on real full-length articles, beside the bare spaCy parse.

    python bench/analyze_speed.py [--eval DIR] [--n 60] [--workers N] [--profile FILE] [--append-results]

The pile: Multi-News documents (../shared/eval/multinews/clusters.jsonl.gz, read from there, never
copied into the repository), taken cluster by cluster (so that stories, events and their
cross-article stages have real work) until ``--n`` documents of at least ``MIN_CHARS`` characters.
They are ingested into a fresh store (timed apart), then one full ``analyze`` runs over them with
every declared stage (``newsprism.stages.STAGES``) timed on its own. Models are loaded and warmed
before the clock starts (their load time is printed apart).

The reference is the bare ``en_core_web_sm`` parse (every component of the shipped copy, one
process) of the same stored texts, run once before and once after ``analyze`` (the mean is used:
the machine is shared and its load drifts). The ratio ``analyze / parse`` is the robust figure;
CPU seconds per article count the process and its finished children (a worker pool's).
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import pstats
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
EVAL = next((p / "shared" / "eval" for p in ROOT.parents[:2] if (p / "shared" / "eval").exists()),
            ROOT.parent / "shared" / "eval")  # beside the repository (or beside its worktrees)
MIN_CHARS = 1500  # a full-length article: Multi-News also holds stubs and cookie walls


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL)
    ap.add_argument("--n", type=int, default=60, help="articles in the pile")
    ap.add_argument("--workers", type=int, default=1, help="analyze --workers")
    ap.add_argument("--profile", type=Path, help="write a cProfile of analyze here (and print its top)")
    ap.add_argument("--append-results", action="store_true")
    args = ap.parse_args()
    source = args.eval / "multinews" / "clusters.jsonl.gz"
    if not source.exists():
        print(f"no evaluation data at {source}: nothing to measure")
        return 0
    import newsprism
    from newsprism.nlp import Language

    documents = pile(source, args.n)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "pile.jsonl"
        jsonl.write_text("".join(json.dumps({"text": d}) + "\n" for d in documents), encoding="utf-8")
        with newsprism.open(Path(tmp) / "bench.db") as corpus:
            start = time.perf_counter()
            corpus.ingest(jsonl)
            ingest_s = time.perf_counter() - start
            texts = [a.text for a in corpus.articles() if a.is_article]
            start = time.perf_counter()
            language = Language()
            language.parse(["Warm up the parser."])
            language.embed(["warm up"])
            load_s = time.perf_counter() - start
            parse_before = bare_parse(texts)
            timings: dict[str, float] = {}
            profiler = cProfile.Profile() if args.profile else None
            wall, cpu = time.perf_counter(), _cpu()
            if profiler:
                profiler.enable()
            with timed_stages(timings):
                report = _analyze(corpus, language, args.workers)
            if profiler:
                profiler.disable()
            wall, cpu = time.perf_counter() - wall, _cpu() - cpu
            parse_after = bare_parse(texts)
    parse_rate = 2 / (1 / parse_before[0] + 1 / parse_after[0])  # harmonic mean: mean seconds per text
    parse_cpu = (parse_before[1] + parse_after[1]) / 2
    n = report.articles
    text = render(n=n, chars=sum(len(t) for t in texts), ingest_s=ingest_s, load_s=load_s, wall=wall, cpu=cpu,
                  parse_rate=parse_rate, parse_cpu=parse_cpu, timings=timings, line=report.line(),
                  workers=args.workers)
    print(text)
    if profiler:
        profiler.dump_stats(str(args.profile))
        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(40)
    if args.append_results:
        command = " ".join(["python", "bench/analyze_speed.py", *sys.argv[1:]])
        with open(ROOT / "bench" / "RESULTS.md", "a", encoding="utf-8") as handle:
            handle.write(f"\n## Full analyze speed ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC)\n\n"
                         f"`{command}`\n\n{text}\n")
    return 0


def pile(source: Path, n: int) -> list[str]:
    """``n`` full-length Multi-News documents, cluster by cluster."""
    out: list[str] = []
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for line in lines:
            out += [d for d in json.loads(line)["documents"] if len(d.strip()) >= MIN_CHARS][: n - len(out)]
            if len(out) >= n:
                break
    return out


def bare_parse(texts: list[str]) -> tuple[float, float]:
    """Texts/s and CPU-s/text of ``en_core_web_sm`` (every component, one process) over ``texts``."""
    import spacy

    from newsprism.nlp.language import SPACY_MODEL

    nlp = _bare_nlp(spacy, SPACY_MODEL)
    wall, cpu = time.perf_counter(), _cpu()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    return len(texts) / wall, cpu / len(texts)


_NLP: dict = {}


def _bare_nlp(spacy, name: str):
    if name not in _NLP:
        _NLP[name] = spacy.load(name)
        list(_NLP[name].pipe(["Warm up the parser."]))
    return _NLP[name]


def _analyze(corpus, language, workers: int):
    if workers > 1:
        return corpus.analyze(language, workers=workers)
    return corpus.analyze(language)


class timed_stages:
    """Each declared stage's ``run`` wrapped in a timer (wall seconds into ``timings``)."""

    def __init__(self, timings: dict[str, float]):
        self.timings = timings

    def __enter__(self):
        import newsprism.stages as stages

        self._module, self._saved = stages, stages.STAGES
        stages.STAGES = tuple(replace(s, run=self._wrap(s.name, s.run)) for s in self._saved)
        return self

    def _wrap(self, name, run):
        def timed(state):
            start = time.perf_counter()
            try:
                return run(state)
            finally:
                self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start
        return timed

    def __exit__(self, *exc):
        self._module.STAGES = self._saved


def _cpu() -> float:
    """CPU seconds of this process and its waited-for children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def render(*, n, chars, ingest_s, load_s, wall, cpu, parse_rate, parse_cpu, timings, line, workers) -> str:
    rate = n / wall
    lines = ["| | articles/s | CPU-s/article |", "|---|---:|---:|",
             f"| full `analyze`{f' --workers {workers}' if workers > 1 else ''} | {rate:.2f} | {cpu / n:.3f} |",
             f"| bare `en_core_web_sm` parse, 1 process (mean of before and after) | {parse_rate:.2f} | {parse_cpu:.3f} |",
             f"| **ratio analyze / parse** | **{rate / parse_rate:.3f}** | {cpu / n / parse_cpu:.2f} |",
             "", "| stage | seconds | share |", "|---|---:|---:|"]
    lines += [f"| {name} | {seconds:.2f} | {seconds / wall:.0%} |" for name, seconds in timings.items()]
    lines.append(f"| (outside the stages: loading the store, saving) | {wall - sum(timings.values()):.2f} | |")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return ("\n".join(lines) + f"\n\n{n} Multi-News articles ({chars:,} characters of clean text, "
            f"{chars / max(n, 1):,.0f} a text); analyze {wall:.1f} s wall, {cpu:.1f} s CPU; ingest "
            f"{ingest_s:.1f} s apart; models loaded in {load_s:.1f} s apart. {line}. "
            f"{os.cpu_count()} cores, load average {load:.1f} at the end.")


if __name__ == "__main__":
    sys.exit(main())
