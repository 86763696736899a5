"""Robustness: issue 15's reproductions through the CLI, the shared robustness corpora, a long
fuzz run, and the cost of a page of N paragraphs (it must grow linearly, or less, with N).

    python bench/robustness.py [--eval ../shared/eval] [--fuzz-minutes 10] [--sizes 12500,...]
                               [--skip repros,corpora,fuzz,pages] [--append-results]

Every check runs in a fresh process (``python -m newsprism.cli`` or ``python -c``) so that its
wall clock and peak memory (max RSS) are its own. Nothing here needs the network: feed entries
point at hosts no test resolves, and the fuzz run answers every download with a 404.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import benchkit
from benchkit import REPO

PROSE = "Officials said the talks were productive and long. " * 30
# The judged limits for one reproduction (issue 15).
LIMIT_S, LIMIT_MB = 30, 500

# name -> shell lines run in an empty folder; then `newsprism ingest <inputs> good.txt`.
REPROS: dict[str, tuple[str, list[str]]] = {
    "feed &#xD800;": ("printf '<rss version=\"2.0\"><channel><title>t</title><item><title>&#xD800;</title>"
                      "</item></channel></rss>' > a.rss", ["a.rss"]),
    "feed &#99999999;": ("printf '<rss version=\"2.0\"><channel><title>t</title><item><title>&#99999999;"
                         "</title></item></channel></rss>' > b.rss", ["b.rss"]),
    "atom gml:pos": ("printf '<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:gml=\"http://www.opengis.net/gml\">"
                     "<entry><title>g</title><gml:pos>1 2</gml:pos></entry></feed>' > c.atom", ["c.atom"]),
    "encoding=\"ab\\x98\"": ("printf '<?xml version=\"1.0\" encoding=\"ab\\x98\"?><rss version=\"2.0\"><channel>"
                             "<title>t</title></channel></rss>' > d.rss", ["d.rss"]),
    "http://[oops/x": ("true", ["http://[oops/x"]),
    "JSON lone surrogate": (f"{sys.executable} -c \"import json; print(json.dumps({{'text': '{PROSE}' + "
                            "'\\ud800'}))\" > s.jsonl", ["s.jsonl"]),
    "non-UTF-8 file name": (f"mkdir d && {sys.executable} -c \"open(b'd/bad\\xffname.txt','w').write('Headline\\n\\n' "
                            f"+ '{PROSE}')\"", ["d"]),
    "symlink loop": ("mkdir L && ln -s b.warc L/a.warc && ln -s a.warc L/b.warc", ["L"]),
    "1,000,000 <p>a</p>": (f"{sys.executable} -c \"open('p.html','w').write('<html><body>' + '<p>a</p>' * 1000000 "
                           "+ '</body></html>')\"", ["p.html"]),
    "1 MB .jsonl.gz of newlines": (f"{sys.executable} -c \"import gzip; m = gzip.compress(b'\\n' * 10**7, 9); "
                                   "open('n.jsonl.gz','wb').write(m * (10**6 // len(m)))\"", ["n.jsonl.gz"]),
    "symlink to /dev/zero": ("ln -s /dev/zero z.txt", ["z.txt"]),
    "FIFO": ("mkfifo f.txt", ["f.txt"]),
    "256-deep HTML": (f"{sys.executable} -c \"open('deep.html','w').write('<html><body><h1>H</h1>' + '<div>' * 300 + "
                      f"'<p>{PROSE}</p>' + '</div>' * 300 + '</body></html>')\"", ["deep.html"]),
    "UTF-8 with a stray byte": (f"{sys.executable} -c \"open('u.txt','wb').write(('Head\\n\\n\\u201cQuoted\\u201d "
                                f"{PROSE[:200]}').encode()[:30] + b'\\xff' + ('{PROSE}').encode())\"", ["u.txt"]),
    "{\"html\": 3}": ("echo '{\"html\": 3}' > h.jsonl", ["h.jsonl"]),
    "newline in a file name": ("printf 'x' > \"$(printf 'x.txt\\nerror: forged.txt')\"", ["x.txt\nerror: forged.txt"]),
}


def run_repros() -> list[str]:
    rows = ["| reproduction | exit | error lines | good one stored | wall s | max RSS MB | within limits |",
            "|---|---|---|---|---|---|---|"]
    for name, (setup, inputs) in REPROS.items():
        with tempfile.TemporaryDirectory(prefix="newsprism-repro-") as tmp:
            subprocess.run(setup, shell=True, cwd=tmp, check=True, capture_output=True)
            Path(tmp, "good.txt").write_text("Good headline\n\n" + PROSE.replace("long", "short"))
            out = _measured([sys.executable, "-m", "newsprism.cli", "ingest", *inputs, "good.txt", "--db", "c.db"],
                            cwd=tmp)
            lines = [line for line in out["stderr"].splitlines() if line.startswith("error:")]
            stored = "ingested" in out["stderr"] and not re.search(r"ingested 0,", out["stderr"])
            ok = (out["wall"] < LIMIT_S and out["rss_mb"] < LIMIT_MB and "Traceback" not in out["stderr"]
                  and stored)
            rows.append(f"| {name} | {out['rc']} | {len(lines)} | {'yes' if stored else 'NO'} | {out['wall']:.1f} | "
                        f"{out['rss_mb']:.0f} | {'yes' if ok else 'NO'} |")
            print(rows[-1], file=sys.stderr)
    return rows


def run_corpora(eval_dir: Path) -> list[str]:
    corpora = eval_dir / "robustness"
    if not (corpora / "feeds.jsonl.gz").exists():
        return [f"robustness corpora not found under {eval_dir}: skipped"]
    code = textwrap.dedent(f"""
        import json, re, sys, tempfile
        from pathlib import Path
        import httpx
        sys.path.insert(0, {str(REPO / 'tests' / 'ingest')!r})
        from test_sources_robustness_corpora import UNEXPECTED, write_feeds
        from newsprism.pipeline import ingest
        from newsprism.store import SQLiteStore
        tmp = Path(tempfile.mkdtemp(prefix="newsprism-corpora-"))
        feeds = write_feeds(Path({str(corpora)!r}), tmp / "feeds")
        client = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(404)))
        store = SQLiteStore(tmp / "c.db")
        report = ingest(store, [str(tmp / "feeds"), {str(corpora / 'warc')!r}], allow_private=True, client=client)
        print(json.dumps({{"feeds": feeds, "stored": store.count(), "duplicates": len(report.duplicates),
                          "failures": len(report.failures),
                          "unexpected": [str(f) for f in report.failures if UNEXPECTED.match(f.reason)]}}))
    """)
    out = _measured([sys.executable, "-c", code])
    if out["rc"] != 0:
        return [f"corpora run failed (exit {out['rc']}): {out['stderr'][-500:]}"]
    found = json.loads(out["stdout"].strip().splitlines()[-1])
    warcs = len(list((corpora / "warc").rglob("*.*")))
    return ["| corpora | inputs | stored | duplicates | one-line failures | unexpected exceptions | tracebacks | "
            "wall s | max RSS MB |", "|---|---|---|---|---|---|---|---|---|",
            f"| feedparser feeds + WARC/ARC files | {found['feeds']} feeds + {warcs} files | {found['stored']} | "
            f"{found['duplicates']} | {found['failures']} | {len(found['unexpected'])} | "
            f"{int('Traceback' in out['stderr'])} | {out['wall']:.1f} | {out['rss_mb']:.0f} |"]


def run_fuzz(minutes: float) -> list[str]:
    code = textwrap.dedent(f"""
        import sys, time, random
        sys.path.insert(0, {str(REPO / 'tests' / 'ingest')!r})
        from hypothesis import HealthCheck, given, settings, strategies as st
        from fuzz_inputs import input_file
        from test_sources_fuzz import ingest_files
        examples = [0]

        @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(files=st.lists(input_file(), min_size=1, max_size=4))
        def batch(files):
            examples[0] += 1
            ingest_files(files)

        end = time.monotonic() + {minutes * 60!r}
        while time.monotonic() < end:
            batch()
        print(examples[0])
    """)
    out = _measured([sys.executable, "-c", code])
    examples = out["stdout"].strip().splitlines()[-1] if out["rc"] == 0 else "?"
    if out["rc"] != 0:  # hypothesis prints the falsifying example: keep it
        print(out["stderr"][-6000:], file=sys.stderr)
    return ["| fuzz run | batches (1-4 files each) | exit | tracebacks | wall s | max RSS MB |",
            "|---|---|---|---|---|---|",
            f"| {minutes:g} min, tests/ingest/fuzz_inputs.py strategies | {examples} | {out['rc']} | "
            f"{int('Traceback' in out['stderr'])} | {out['wall']:.0f} | {out['rss_mb']:.0f} |"]


def run_pages(sizes: list[int]) -> list[str]:
    rows = ["| `<p>a</p>` paragraphs | page MB | clean_html s | whole ingest s | max RSS MB | s per 100k paragraphs |",
            "|---|---|---|---|---|---|"]
    for n in sizes:
        code = textwrap.dedent(f"""
            import tempfile, time
            from pathlib import Path
            from newsprism.clean.html import clean_html
            from newsprism.pipeline import ingest
            from newsprism.store import SQLiteStore
            page = "<html><body>" + "<p>a</p>" * {n} + "</body></html>"
            start = time.perf_counter(); clean_html(page); cleaned = time.perf_counter() - start
            tmp = Path(tempfile.mkdtemp()); (tmp / "p.html").write_text(page)
            start = time.perf_counter(); ingest(SQLiteStore(tmp / "c.db"), [str(tmp / "p.html")])
            print(cleaned, time.perf_counter() - start, len(page) / 1e6)
        """)
        out = _measured([sys.executable, "-c", code])
        cleaned, whole, size = (float(x) for x in out["stdout"].split())
        rows.append(f"| {n:,} | {size:.1f} | {cleaned:.2f} | {whole:.2f} | {out['rss_mb']:.0f} | "
                    f"{whole / n * 100_000:.2f} |")
        print(rows[-1], file=sys.stderr)
    return rows


def _measured(command: list[str], cwd: str | None = None) -> dict:
    """Run ``command`` in a child; its exit status, output, wall clock and peak memory."""
    wrapper = ("import resource, subprocess, sys, json; r = subprocess.run(sys.argv[1:], capture_output=True, "
               "text=True, errors='replace'); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
               "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr); "
               "sys.stderr.write('\\n@@' + json.dumps([r.returncode, u.ru_maxrss]))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", wrapper, *command], cwd=cwd, capture_output=True, text=True,
                          errors="replace", env=env)
    wall = time.monotonic() - start
    stderr, _, tail = done.stderr.rpartition("\n@@")
    rc, rss_kb = json.loads(tail)
    return {"rc": rc, "stdout": done.stdout, "stderr": stderr, "wall": wall, "rss_mb": rss_kb / 1024}


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--fuzz-minutes", type=float, default=1.0)
    parser.add_argument("--sizes", default="12500,25000,50000,100000,250000,500000,1000000")
    parser.add_argument("--skip", default="", help="comma-separated: repros, corpora, fuzz, pages")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    sections = []
    if "repros" not in skip:
        sections.append(("Issue 15's reproductions, each then a good file, through `newsprism ingest`", run_repros()))
    if "corpora" not in skip:
        sections.append(("Robustness corpora through the whole ingest", run_corpora(args.eval)))
    if "fuzz" not in skip:
        sections.append(("Fuzz run", run_fuzz(args.fuzz_minutes)))
    if "pages" not in skip:
        sections.append(("A page of N paragraphs", run_pages([int(n) for n in args.sizes.split(",")])))
    text = "\n\n".join(f"{title}:\n\n" + "\n".join(rows) for title, rows in sections)
    print(text)
    if args.append_results:
        benchkit.append_results("Robustness", f"2-core machine, shared.\n\n{text}", argv=argv, script=__file__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
