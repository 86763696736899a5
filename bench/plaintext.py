"""Plain-text extraction benchmark: HTML pages -> naive text dump -> clean_text -> shingle F1.

    python bench/plaintext.py [--eval DIR] [--append-results] [--keep-predictions DIR]

Reads ../shared/eval/extraction/pages.jsonl.gz (relative to the repository; never copied into
it). Each page is turned into what a crawler's text export holds: every visible text line, one
line per block-level element (lxml; script, style, noscript, template and <head> dropped). The
dump is cleaned by ``newsprism.clean.text.clean_text`` and scored with
``python ../shared/eval/score.py extraction PRED.jsonl``, beside two peers on the same dump:
"keep every line" (the baseline) and jusText (each dump line given to it as a paragraph).
"""
from __future__ import annotations

import gzip
import html as htmllib
import json
import tempfile
import time
from pathlib import Path

import lxml.html
from lxml import etree

import benchkit

DROP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "option", "button", "label",
}


def text_dump(html: str) -> str:
    """Every visible text line of ``html``, one line per block-level element's text."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = " ".join("".join(buffer).split())
        if line:
            lines.append(line)
        buffer.clear()

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None:  # comment or processing instruction: only its tail is text
            buffer.append(node.tail or "")
            return
        tag = tag.lower()
        if tag in DROP:
            buffer.append(node.tail or "")
            return
        block = tag in BLOCK
        if block:
            flush()
        buffer.append(node.text or "")
        for child in node:
            walk(child)
        if block:
            flush()
        buffer.append(node.tail or "")

    walk(root)
    flush()
    return "\n".join(lines)


def keep_all(dump: str) -> str:
    return "\n\n".join(line for line in dump.split("\n") if line.strip())


def justext_peer(dump: str):
    try:
        import justext
    except ImportError:
        return None
    stoplist = justext.get_stoplist("English")

    def run(text: str) -> str:
        page = "<html><body>" + "".join(f"<p>{htmllib.escape(line)}</p>" for line in text.split("\n")) + "</body></html>"
        paragraphs = justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def score(pred: dict[str, str], eval_dir: Path, workdir: Path, name: str) -> dict:
    path = workdir / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for key, text in pred.items():
            f.write(json.dumps({"id": key, "text": text}) + "\n")
    return benchkit.score("extraction", path, eval_dir)


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__, full_doc=True)
    parser.add_argument("--keep-predictions", type=Path, help="write the prediction files here")
    parser.add_argument("--no-peers", action="store_true", help="score clean_text only")
    args = parser.parse_args(argv)
    pages_path = args.eval / "extraction" / "pages.jsonl.gz"
    if not pages_path.exists():
        print(f"Evaluation data not found at {pages_path}; nothing to benchmark (see ../shared/eval).")
        return 0
    from newsprism.clean.text import clean_text

    with gzip.open(pages_path, "rt", encoding="utf-8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    dumps = {str(p["id"]): text_dump(p["html"]) for p in pages}

    started = time.perf_counter()
    ours = {key: clean_text(dump).text for key, dump in dumps.items()}
    seconds = time.perf_counter() - started
    systems = {"newsprism clean_text": ours}
    if not args.no_peers:
        systems["keep every line (baseline)"] = {k: keep_all(d) for k, d in dumps.items()}
        peer = justext_peer("")
        if peer is not None:
            systems["jusText 3 (on the dump lines)"] = {k: peer(d) for k, d in dumps.items()}

    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep_predictions or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        results = {name: score(pred, args.eval, workdir, name.split()[0].lower()) for name, pred in systems.items()}

    rows = ["| system | precision | recall | F1 |", "|---|---|---|---|"]
    for name, r in results.items():
        rows.append(f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |")
    speed = f"clean_text: {len(dumps)} pages in {seconds:.2f} s = {len(dumps) / seconds:.1f} pages/s (one core)"
    table = "\n".join(rows)
    print(f"Plain-text extraction, {len(dumps)} pages of extraction/pages.jsonl.gz as naive text dumps")
    print(table)
    print(speed)
    if args.append_results:
        append_results(table, speed, argv)
    return 0


def append_results(table: str, speed: str, argv: list[str] | None) -> None:
    benchkit.append_results("Plain-text extraction (naive text dump of extraction/pages.jsonl.gz)",
                            f"{table}\n\n{speed}", argv=argv, script=__file__)


if __name__ == "__main__":
    raise SystemExit(main())
