"""CPU per request kind of ``newsprism serve``, in-process: each handler called directly (no HTTP,
no event loop), 30 URLs of each kind of ``serve_load.py``'s mix, after one warm-up call.

    python bench/serve_handlers.py [--n 100000] [--profile KIND] [--cache DIR]

CPU time (``time.process_time``: this process, SQLite's work included) is the figure to compare
on a busy machine; wall time is printed beside it. The first snapshot's build is timed too.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.routing import Match

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_load import CACHE, DEFAULT_EVAL, MIX, cached_store, targets, url_for  # noqa: E402

from newsprism.store import SQLiteStore  # noqa: E402
from newsprism.web import create_app  # noqa: E402

CALLS = 30


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--profile", help="cProfile this kind (top 25 by own time)")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"where serve_load.py keeps its stores ({CACHE})")
    args = parser.parse_args()
    path = cached_store(args.n, DEFAULT_EVAL, args.cache)  # the handlers never write
    probe = SQLiteStore(path)
    t = targets(probe)
    probe.close()
    app = create_app(path, analyze=False)

    def call(url: str):
        parts = urlsplit(url)
        scope = {"type": "http", "method": "GET", "path": parts.path, "query_string": parts.query.encode(),
                 "headers": [(b"host", b"127.0.0.1")], "state": {"csrf": "x"}, "app": app, "scheme": "http",
                 "server": ("127.0.0.1", 80), "root_path": ""}
        for route in app.routes:
            match, child = route.matches(scope)
            if match == Match.FULL:
                scope.update(child)
                return route.endpoint(Request(scope))  # type: ignore[attr-defined]
        raise KeyError(url)

    start = time.process_time()
    call("/")
    print(f"first snapshot: {time.process_time() - start:.1f} s CPU", flush=True)
    rng = random.Random(1)
    for kind in MIX:
        urls = [url_for(kind, rng, t) for _ in range(CALLS)]
        call(urls[0])
        profile = cProfile.Profile() if args.profile == kind else None
        if profile:
            profile.enable()
        cpu, wall = time.process_time(), time.perf_counter()
        for url in urls:
            answer = call(url)
            assert answer.status_code == 200, (url, answer.status_code)
        cpu, wall = (time.process_time() - cpu) / CALLS * 1000, (time.perf_counter() - wall) / CALLS * 1000
        if profile:
            profile.disable()
            pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        print(f"{kind:16s} CPU {cpu:7.1f} ms  wall {wall:7.1f} ms", flush=True)


if __name__ == "__main__":
    main()
