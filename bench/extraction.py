"""HTML extraction quality and speed: newsprism's cleaner beside the open-source extractors.

Pages and gold text come from ../shared/eval/extraction/pages.jsonl.gz (the Zyte
article-extraction-benchmark dev pages); every system's predictions are scored by the shared
scorer ../shared/eval/score.py (shingle-4 precision / recall / F1 averaged over pages).

    python bench/extraction.py [--systems newsprism,trafilatura,...] [--variants] [--append-results]

``--variants`` adds ablations of newsprism's cleaner (which stage buys what).  Peers that are not
installed are skipped with a note.
"""
from __future__ import annotations

import gzip
import json
import logging
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import benchkit
from benchkit import EVAL  # $NEWSPRISM_EVAL, ../shared/eval or /work/shared/eval

PAGES = EVAL / "extraction" / "pages.jsonl.gz"
SCORER = EVAL / "score.py"

Extractor = Callable[[str, str], str]
logging.disable(logging.CRITICAL)  # the peers log every page they find hard


def _html_module():
    """newsprism.clean.html, imported even while the package's other modules are unfinished."""
    try:
        from newsprism.clean import html
    except ImportError:  # the clean package __init__ imports siblings that may not exist yet
        import importlib.util
        import types

        import newsprism

        package = types.ModuleType("newsprism.clean")
        package.__path__ = [str(Path(newsprism.__file__).parent / "clean")]
        sys.modules["newsprism.clean"] = package
        spec = importlib.util.find_spec("newsprism.clean.html")
        html = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = html
        spec.loader.exec_module(html)
    return html


# --- systems ----------------------------------------------------------------------------------

def newsprism_system() -> Extractor:
    clean_html = _html_module().clean_html
    return lambda page, url: clean_html(page, url=url).text


def trafilatura_system() -> Extractor:
    import trafilatura

    return lambda page, url: trafilatura.extract(page, url=url) or ""


def readability_system() -> Extractor:
    import lxml.html
    from readability import Document

    def run(page: str, url: str) -> str:
        summary = Document(page, url=url).summary(html_partial=True)
        root = lxml.html.fragment_fromstring(summary, create_parent="div")
        return "\n".join(t.strip() for t in root.itertext() if t.strip())

    return run


def newspaper_system() -> Extractor:
    import newspaper

    def run(page: str, url: str) -> str:
        article = newspaper.Article(url or "http://example.com/", fetch_images=False)
        article.download(input_html=page)
        article.parse()
        return article.text

    return run


def justext_system() -> Extractor:
    import justext

    stoplist = justext.get_stoplist("English")

    def run(page: str, url: str) -> str:
        paragraphs = justext.justext(page.encode("utf-8", "replace"), stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


SYSTEMS = {"newsprism": newsprism_system, "trafilatura 2.x": trafilatura_system,
           "readability-lxml": readability_system, "newspaper4k": newspaper_system,
           "jusText": justext_system}


@contextmanager
def _variant(name: str):
    """Ablations of newsprism's cleaner: the full cleaner with one stage switched off."""
    html = _html_module()
    saved = {k: getattr(html, k) for k in ("_readability_paras", "_drop_furniture",
                                          "_strip_furniture_lines", "_strip_head")}
    if name == "without second opinion":
        html._readability_paras = lambda tree, url: []
    elif name == "without furniture drop":
        html._drop_furniture = lambda tree, removed: None
    elif name == "without post-clean":
        html._strip_furniture_lines = lambda paras, removed, captions: paras
        html._strip_head = lambda paras, title, removed: (paras, [])
    try:
        yield
    finally:
        for key, value in saved.items():
            setattr(html, key, value)


VARIANTS = ("without second opinion", "without furniture drop", "without post-clean")


# --- running and scoring ----------------------------------------------------------------------

def load_pages() -> list[dict]:
    with gzip.open(PAGES, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def run_system(extract: Extractor, pages: list[dict], out: Path) -> tuple[float, float]:
    """Write one prediction line per page; return pages per second, wall clock and CPU time.

    CPU time is the fairer figure on a shared machine; wall clock is what a user waits."""
    start, cpu = time.perf_counter(), time.process_time()
    rows = []
    for page in pages:
        try:
            text = extract(page["html"], page["url"]) or ""
        except Exception:  # a peer crashing on a page scores that page as empty
            text = ""
        rows.append({"id": page["id"], "text": text})
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return len(pages) / max(elapsed, 1e-9), len(pages) / max(cpu, 1e-9)


def score(predictions: Path) -> dict:
    done = subprocess.run([sys.executable, str(SCORER), "extraction", str(predictions), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def table(rows: list[tuple[str, dict, tuple[float, float]]]) -> str:
    lines = ["| system | precision | recall | F1 | pages/s | pages/s (CPU) |",
             "|---|---|---|---|---|---|"]
    for name, result, (speed, cpu_speed) in rows:
        f1 = f"{result['f1']:.4f}"
        if name == "newsprism":
            f1 = f"**{f1}**"
        lines.append(f"| {name} | {result['precision']:.4f} | {result['recall']:.4f} | {f1} | "
                     f"{speed:.1f} | {cpu_speed:.1f} |")
    return "\n".join(lines)


def append_results(text: str, argv: list[str] | None) -> None:
    benchkit.append_results("HTML extraction", f"{len(load_pages())} pages from ../shared/eval/extraction, scored by "
                            f"../shared/eval/score.py extraction (shingle-4, averaged over pages); "
                            f"same machine, same run (2 cores).\n\n{text}", argv=argv, script=__file__)


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__, eval_option=False)
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        help="comma-separated subset of: " + ", ".join(SYSTEMS))
    parser.add_argument("--variants", action="store_true", help="add newsprism ablations")
    args = parser.parse_args(argv)
    if not PAGES.exists() or not SCORER.exists():
        print(f"evaluation data not found at {EVAL}; nothing to measure (that is fine).")
        return 0
    pages = load_pages()
    rows, notes = [], []
    with tempfile.TemporaryDirectory(prefix="newsprism-extraction-") as tmp:
        jobs = [(name, name, None) for name in args.systems.split(",") if name]
        if args.variants:
            jobs += [(f"newsprism: {v}", "newsprism", v) for v in VARIANTS]
        for label, name, variant in jobs:
            if name not in SYSTEMS:
                notes.append(f"unknown system {name!r} skipped")
                continue
            try:
                extract = SYSTEMS[name]()
            except ImportError as exc:
                notes.append(f"{name} skipped: not installed ({exc.name})")
                continue
            out = Path(tmp) / f"{len(rows)}.jsonl"
            if variant:
                with _variant(variant):
                    speed = run_system(extract, pages, out)
            else:
                speed = run_system(extract, pages, out)
            rows.append((label, score(out), speed))
            print(f"{label}: F1 {rows[-1][1]['f1']:.4f}, {speed[0]:.1f} pages/s", file=sys.stderr)
    text = table(rows) + "".join(f"\n\n{note}" for note in notes)
    print(text)
    if args.append_results:
        append_results(text, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
