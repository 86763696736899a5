"""Serve under load: R concurrent readers and one ingesting writer against ``newsprism serve``.

    python bench/serve_load.py [--n 100000] [--readers 50] [--seconds 60] [--pg URL] [--eval DIR]
                               [--workers N] [--plain-http] [--cache DIR]

The store is the one of ``bench/store_migrate.py`` (real texts of ../shared/eval, repeated with a
perturbation; no analysis), built once and cached under /tmp (``newsprism-load/N.db``, or
``--cache DIR``; opening it applies the store's new migrations to it), plus cheap
stories so that story pages exist: the repeats of one source text make one story of one event.
Each run works on a copy of the cached file (the writer grows it). With ``--pg URL`` the copy is
migrated into that PostgreSQL database (``copy_store``; ~90 s at 100,000) and served from there.
PostgreSQL alone, on a throwaway server (scripts/pg_ci.sh; a fresh database each run):

    eval "$(bash scripts/pg_ci.sh start)"
    python bench/serve_load.py --n 100000 --no-sqlite --pg "$NEWSPRISM_TEST_PG"
    bash scripts/pg_ci.sh stop

The app runs in a uvicorn subprocess on 127.0.0.1 (one process, as ``newsprism serve`` runs it;
``--workers N`` as ``newsprism serve --workers N`` runs it; ``--plain-http``: uvicorn's pure-Python
HTTP parser and asyncio loop, as before httptools and uvloop were dependencies).
Readers (asyncio + httpx, one connection each) loop over a fixed mix: the index, a search page
with a query and filters, a story page, an article page, ``/api/stories``,
``/api/articles?q=``, ``/api/quotes``; back to back (a closed loop: the server's throughput bounds
the latency), or with ``--think S``, a pause of S seconds on average (exponential) between two
requests of one reader, as a person reading pages would. The writer (a thread in this process, its own store
connection) adds new articles through ``Store.add_new`` as fast as it can with a short pause.
Printed: p50 / p95 / p99 per kind, requests/s, errors (5xx, transport errors, unexpected 404),
and the article count at the end against the count at the start plus what was written.
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_migrate import DEFAULT_EVAL, QUERIES, build, load_texts  # noqa: E402

from newsprism.model import Article, Block, Event, EventArticle, RawArticle, Story  # noqa: E402
from newsprism.report.data import slug  # noqa: E402
from newsprism.store import SQLiteStore, open_store  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "newsprism-load"
STORIES = 500  # cheap stories (the repeats of one source text each)
WRITER_PAUSE_S = 0.05  # between two writes: a busy feed, ~20 articles/s at most
REQUEST_TIMEOUT_S = 30.0
# kind -> weight of the mix (pages a person opens, and the API a script polls)
MIX = {"index": 2, "search": 3, "story": 3, "article": 4, "api_stories": 1, "api_articles_q": 2, "api_quotes": 1}
SERVER = """
import json, os, sys, uvicorn
target, port, workers, plain = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
options = {"http": "h11", "loop": "asyncio"} if plain else {}
if workers > 1:
    from newsprism.web.app import SERVE_FACTORY, SERVE_OPTIONS_ENV
    os.environ[SERVE_OPTIONS_ENV] = json.dumps({"db": target})
    uvicorn.run(SERVE_FACTORY, factory=True, workers=workers, host="127.0.0.1", port=port, log_level="warning",
                **options)
else:
    from newsprism.web import create_app
    uvicorn.run(create_app(target, analyze=False), host="127.0.0.1", port=port, log_level="warning", **options)
"""


def cached_store(n: int, eval_dir: Path, cache: Path = CACHE) -> Path:
    """The N-article store with cheap stories, built once per N (under ``cache``)."""
    path = cache / f"{n}.db"
    if path.exists():
        return path
    cache.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in cache.glob(f"{n}.partial*"):
        leftover.unlink()
    figures = build(partial, n, 0, eval_dir)
    store = SQLiteStore(partial)
    rows = store.conn.execute("SELECT id, url FROM articles").fetchall()
    groups: dict[int, list[str]] = defaultdict(list)
    distinct = figures["distinct_texts"]
    for aid, url in rows:
        i = int(url.rsplit("/", 1)[1])
        if i % distinct < STORIES:
            groups[i % distinct].append(aid)
    stories = []
    for key, ids in sorted(groups.items()):
        sid = hashlib.sha256(f"story{key}".encode()).hexdigest()[:16]
        event = Event(id=sid + "-e1", title=f"Event {key}", start=None, end=None,
                      articles=tuple(EventArticle(id=a, role="report") for a in ids))
        stories.append(Story(id=sid, title=f"Story {key}", articles=tuple(ids), outlets=(), independent_sources=len(ids),
                             start=None, end=None, events=(event,)))
    store.save_analysis([], [], [], stories)
    store.close()
    partial.rename(path)
    print(json.dumps({**figures, "stories": len(stories), "cached": str(path)}), flush=True)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(root: int) -> float:
    """User + system CPU seconds of process ``root`` and its descendants (uvicorn's workers), from
    /proc (0.0 where there is none): where the machine's time went, beside the latencies."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(entry.parent.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    family, total = {root}, 0.0
    for _ in range(3):  # the server, its workers, anything they start
        family |= {pid for pid, (parent, _) in stats.items() if parent in family}
    for pid in family:
        total += stats.get(pid, (0, 0.0))[1]
    return total


def start_server(target: str, port: int, workers: int = 1, plain_http: bool = False) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", SERVER, target, str(port), str(workers), str(int(plain_http))],
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
    proc.kill()
    raise SystemExit("server did not come up in 120 s")


class Writer(threading.Thread):
    """Adds new articles until stopped; ``written`` counts those the store took as new."""

    def __init__(self, target: str, texts: list[tuple[str, str]]):
        super().__init__(daemon=True)
        self.target, self.texts, self.written, self.errors = target, texts, 0, 0
        self.stop = threading.Event()
        self.latencies: list[float] = []

    def run(self) -> None:
        store = open_store(self.target)
        rng = random.Random(7)
        try:
            while not self.stop.is_set():
                title, base = rng.choice(self.texts)
                text = f"{base}\n\nLive update {time.time_ns()}."
                aid = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
                url = f"https://live.example/{aid}"
                article = Article(id=aid, source=url, url=url, canonical_url=url, headline=title, outlet="Live Wire",
                                  byline=None, dateline=None, published=time.strftime("%Y-%m-%d"), wire=None,
                                  language="en", text=text, blocks=tuple(Block(text=p) for p in text.split("\n\n")),
                                  provenance={"outlet": "input"}, stage_versions={"clean": "bench"})
                start = time.perf_counter()
                try:
                    if store.add_new(RawArticle(source=url, kind="text", body=text, url=url, title=title),
                                     article) is None:
                        self.written += 1
                except Exception as error:  # noqa: BLE001 - counted and shown, the run goes on
                    self.errors += 1
                    print(f"writer: {error}", file=sys.stderr)
                self.latencies.append((time.perf_counter() - start) * 1000)
                self.stop.wait(WRITER_PAUSE_S)
        finally:
            store.close()


def targets(store: SQLiteStore) -> dict[str, list[str]]:
    rng = random.Random(11)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
    outlets = [r[0] for r in store.conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")]
    return {"articles": rng.sample(ids, min(2000, len(ids))), "stories": [s.id for s in store.stories()],
            "outlets": outlets}


def url_for(kind: str, rng: random.Random, t: dict[str, list[str]]) -> str:
    q = rng.choice(QUERIES)
    if kind == "index":
        return "/"
    if kind == "search":
        return f"/search?q={q}&outlet={rng.choice(t['outlets'])}&since=2023-06-01"
    if kind == "story":
        return f"/stories/{slug(rng.choice(t['stories']))}.html"
    if kind == "article":
        return f"/articles/{slug(rng.choice(t['articles']))}.html"
    if kind == "api_stories":
        return "/api/stories"
    if kind == "api_articles_q":
        return f"/api/articles?q={q}&limit=20"
    return f"/api/quotes?story={rng.choice(t['stories'])}"


async def reader(port: int, seed: int, until: float, think: float, t: dict[str, list[str]],
                 lat: dict[str, list[float]], errors: dict[str, int], samples: list[str]) -> None:
    rng = random.Random(seed)
    kinds, weights = list(MIX), list(MIX.values())
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=REQUEST_TIMEOUT_S) as client:
        while time.monotonic() < until:
            kind = rng.choices(kinds, weights)[0]
            url = url_for(kind, rng, t)
            start = time.perf_counter()
            try:
                response = await client.get(url)
                status = response.status_code
            except httpx.HTTPError as error:
                status, response = -1, None
                if len(samples) < 5:
                    samples.append(f"{url}: {type(error).__name__} {error}")
            lat[kind].append((time.perf_counter() - start) * 1000)
            if status != 200:
                errors[kind] += 1
                if response is not None and len(samples) < 5:
                    samples.append(f"{url}: {status} {response.text[:200]}")
            if think:
                await asyncio.sleep(min(rng.expovariate(1 / think), until - time.monotonic(), 10 * think))


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 1) if ordered else float("nan")


async def drive(port: int, readers: int, seconds: float, think: float, t: dict[str, list[str]]):
    lat: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    samples: list[str] = []
    until = time.monotonic() + seconds
    await asyncio.gather(*(reader(port, i, until, think, t, lat, errors, samples) for i in range(readers)))
    return lat, errors, samples


def run(backend: str, target: str, sqlite_copy: Path, args: argparse.Namespace, texts) -> dict:
    probe = SQLiteStore(sqlite_copy)
    t = targets(probe)
    probe.close()
    counter = open_store(target)
    before = counter.count()
    port = free_port()
    server = start_server(target, port, args.workers, args.plain_http)
    writer = Writer(target, texts)
    load0 = os.getloadavg()
    try:
        # the first snapshot is built before the clock starts (in every worker: one connection
        # each, held open, so that each worker's first page is asked for)
        warmers = [httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300) for _ in range(4 * args.workers)]
        with ThreadPoolExecutor(len(warmers)) as pool:
            list(pool.map(lambda c: [c.get(w) for w in ("/", "/api/stories")], warmers))
        for client in warmers:
            client.close()
        writer.start()
        start, server0, own0 = time.monotonic(), cpu_seconds(server.pid), time.process_time()
        lat, errors, samples = asyncio.run(drive(port, args.readers, args.seconds, args.think, t))
        elapsed = time.monotonic() - start
        server_cpu, own_cpu = cpu_seconds(server.pid) - server0, time.process_time() - own0
        load1 = os.getloadavg()
    finally:
        writer.stop.set()
        writer.join(timeout=60)
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    after = counter.count()
    counter.close()
    total = sum(len(v) for v in lat.values())
    every = [x for v in lat.values() for x in v]
    result = {
        "backend": backend, "workers": args.workers, "plain_http": args.plain_http, "articles": before,
        "readers": args.readers, "think_s": args.think, "seconds": round(elapsed, 1),
        "requests": total, "rps": round(total / elapsed, 1), "errors": sum(errors.values()) + writer.errors,
        "errors_by_kind": dict(errors), "error_samples": samples,
        "all": {"p50": pct(every, 50), "p95": pct(every, 95), "p99": pct(every, 99)},
        "by_kind": {k: {"n": len(v), "p50": pct(v, 50), "p95": pct(v, 95), "p99": pct(v, 99)}
                    for k, v in sorted(lat.items())},
        "written": writer.written, "write_ms_p50": round(statistics.median(writer.latencies), 1)
        if writer.latencies else None,
        "count_before": before, "count_after": after, "nothing_lost": after == before + writer.written,
        "loadavg_before": [round(x, 2) for x in load0], "loadavg_after": [round(x, 2) for x in load1],
        # cores' worth of CPU over the run: the server (all its processes), this process (readers + writer)
        "server_cores": round(server_cpu / elapsed, 2), "load_generator_cores": round(own_cpu / elapsed, 2),
    }
    return result


def table(result: dict) -> str:
    lines = [f"{result['backend']}: {result['articles']} articles, {result['workers']} worker(s), "
             f"{result['readers']} readers + 1 writer, "
             f"{result['seconds']} s, {result['rps']} req/s, errors {result['errors']}, "
             f"written {result['written']}, nothing lost: {result['nothing_lost']} "
             f"({result['count_before']} + {result['written']} -> {result['count_after']}), "
             f"load average {result['loadavg_before']} -> {result['loadavg_after']}, CPU (cores): server "
             f"{result['server_cores']}, load generator {result['load_generator_cores']}",
             "", "| kind | n | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|"]
    for kind, row in result["by_kind"].items():
        lines.append(f"| {kind} | {row['n']} | {row['p50']} | {row['p95']} | {row['p99']} |")
    a = result["all"]
    lines.append(f"| **all** | {result['requests']} | {a['p50']} | {a['p95']} | {a['p99']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between a reader's requests (s)")
    parser.add_argument("--pg", help="also run on this PostgreSQL database (its default schema is filled)")
    parser.add_argument("--no-sqlite", action="store_true", help="only the PostgreSQL run")
    parser.add_argument("--workers", type=int, default=1, help="server processes (newsprism serve --workers)")
    parser.add_argument("--plain-http", action="store_true", help="uvicorn with h11 and asyncio (no httptools, uvloop)")
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"where the built stores are kept ({CACHE})")
    args = parser.parse_args()
    cached = cached_store(args.n, args.eval, args.cache)
    texts = load_texts(args.eval)[:2000]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "serve.db"
        shutil.copy(cached, copy)
        results = []
        if not args.no_sqlite:
            results.append(run("sqlite", str(copy), copy, args, texts))
            print(table(results[-1]), flush=True)
        if args.pg:
            from newsprism.store.postgres import PostgresStore
            from newsprism.store.transfer import copy_store

            source, pg = SQLiteStore(cached), PostgresStore(args.pg)
            start = time.perf_counter()
            copy_store(source, pg)
            pg.conn.execute("ANALYZE")
            print(json.dumps({"pg_copy_s": round(time.perf_counter() - start, 1)}), flush=True)
            source.close()
            pg.close()
            results.append(run("postgres", args.pg, cached, args, texts))
            print(table(results[-1]), flush=True)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
