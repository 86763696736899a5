"""Who is speaking: wrong-speaker rate on hand-checked quotes of real multi-speaker articles, and
"not speech" sentences that must never become quotes (issue 11).

    python bench/speakers.py [--eval DIR] [--n4k DIR] [--json]

``bench/data/speakers.jsonl`` holds ids and character offsets only (no article text): one line per
item, ``{"set", "doc", "sha1", "start", "end", "type", "speaker_start", "speaker_end"}``.
``type`` is the gold speaker's kind: ``person`` (the offsets point at a mention of that person's
name), ``body`` (an organisation or a country that spoke), ``role`` (a speaker the article does
not name: "an official", "a doctor from Hebron"), or ``not-speech`` (a sentence that reports no
speech: "did not immediately respond to requests for comment", "declined to comment", "wouldn't
say", "was once asked"). ``sha1`` is that of the text the offsets refer to; a text that changed
is skipped and counted.

Texts, never copied into the repository:
- ``polnear``: PolNeAR dev documents (../shared/eval/polnear/docs.jsonl.gz); the quotes are the
  gold attributions whose content holds a quotation mark, in 10 documents with the most distinct
  sources, each speaker resolved by hand (pronouns and roles read back to the person meant);
- ``n4k``: the HTML test pages of the newspaper4k 0.9.6 sdist (``pip download --no-binary :all:
  --no-deps newspaper4k==0.9.6``; pass its ``tests/data/html`` as ``--n4k``), text = the pages'
  ``<p>`` elements joined by blank lines (``page_text``); every quotation of three words or more
  that is speech was labelled by hand (the Orlando father/son page among them);
- ``seeds``: the bundled example articles (the "did not respond to a question" sentence).

A quote is matched to the extracted quote that overlaps it most. Its speaker is *right* when it
names the gold person (same surname, first names compatible), body, or an unnamed role for a role;
*unresolved* when the extractor gives no speaker, an ambiguous shared name, or the article's own
unnamed role for a named person ("the California Republican said"); *wrong* otherwise (another
person; a role for nobody named; "he said" read back to an unnamed role when a named person spoke). Wrong-speaker rate =
wrong / matched; goal <= 2%. A not-speech sentence fails when any quote has its cue in it or lies
inside it; goal 0.
"""
from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import benchkit
from benchkit import REPO

DATA = benchkit.DATA / "speakers.jsonl"
N4K_GLOB = "/tmp/n4k/newspaper4k-*/tests/data/html"


def page_text(path: Path) -> str:
    """The ``<p>`` elements of an HTML page, whitespace collapsed, joined by blank lines."""
    import lxml.html

    root = lxml.html.fromstring(Path(path).read_bytes())
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    paragraphs = (re.sub(r"\s+", " ", p.text_content()).strip() for p in root.iter("p"))
    return "\n\n".join(p for p in paragraphs if p)


def texts_of(items, eval_dir: Path, n4k: Path | None) -> dict[tuple[str, str], str]:
    wanted = {(i["set"], i["doc"]) for i in items}
    out: dict[tuple[str, str], str] = {}
    if any(s == "polnear" for s, _ in wanted) and (eval_dir / "polnear" / "docs.jsonl.gz").exists():
        with gzip.open(eval_dir / "polnear" / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                d = json.loads(line)
                if ("polnear", d["id"]) in wanted:
                    out[("polnear", d["id"])] = d["text"]
    if n4k is not None:
        for s, doc in wanted:
            if s == "n4k" and (n4k / f"{doc}.html").exists():
                out[(s, doc)] = page_text(n4k / f"{doc}.html")
    if any(s == "seeds" for s, _ in wanted):
        import newsprism

        with tempfile.TemporaryDirectory() as tmp, newsprism.open(Path(tmp) / "seeds.db") as corpus:
            corpus.ingest(str(REPO / "src" / "newsprism" / "examples" / "blinken"))
            for a in corpus.articles():
                name = Path(a.source).name
                if ("seeds", name) in wanted:
                    out[("seeds", name)] = a.text
    return out


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# --- scoring ------------------------------------------------------------------------------------
_HONORIFIC = re.compile(r"^(?:(?:mr|mrs|ms|dr|sen|rep|gov|gen|president|secretary of state|secretary general|"
                        r"senator|governor|mayor|chief|patrol chief)\.?\s+)+", re.I)


def _words(name: str) -> list[str]:
    name = _HONORIFIC.sub("", name.strip().strip("\"“”")).replace("’s", "").replace("'s", "")
    return [w.lower().rstrip(".,") for w in name.split() if w.lower().rstrip(".") not in ("jr", "sr", "ii", "iii")]


def same_person(predicted: str, gold: str) -> bool:
    a, b = _words(predicted), _words(gold)
    if not a or not b or a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return a[0] == b[0] or (len(a[0]) == 1 and b[0].startswith(a[0])) or (len(b[0]) == 1 and a[0].startswith(b[0]))


def same_body(predicted: str, gold: str) -> bool:
    p, g = predicted.lower().replace("the ", ""), gold.lower().replace("the ", "")
    return p in g or g in p or p.split()[-1] == g.split()[-1]


def judge(item: dict, text: str, quote) -> str:
    """right / unresolved / wrong for the extracted ``quote`` of gold ``item``."""
    gold = text[item["speaker_start"]:item["speaker_end"]]
    speaker = quote.speaker
    unnamed = "unnamed-speaker" in quote.flags
    if speaker is None or "ambiguous-speaker" in quote.flags:
        return "unresolved"
    if item["type"] == "person":
        if unnamed and "pronoun-speaker" not in quote.flags:
            return "unresolved"  # the article's own words for the speaker ("the California Republican said")
        if unnamed:
            return "wrong"  # "he said" read back to "a questioner": a guess, and not the person meant
        return "right" if same_person(speaker, gold) else "wrong"
    if item["type"] == "body":
        if same_body(speaker, gold):
            return "right"
        return "unresolved" if unnamed else "wrong"
    return "right" if unnamed else "wrong"  # role: any named speaker is a guess


def best_match(item: dict, quotes, text: str):
    """The extracted quote that overlaps the item most: its words in quotation marks when it
    has some (a PolNeAR attribution spans its cue sentence: 'So when Patriot signaled ..., Mr.
    Barrett said, "we were floored."' is matched on "we were floored")."""
    from newsprism.quotes.marks import find_quotations

    spans = [(max(q.start, item["start"]), min(q.end, item["end"])) for q in find_quotations(text)
             if q.start < item["end"] and item["start"] < q.end]
    spans = [(a, b) for a, b in spans if b > a] or [(item["start"], item["end"])]
    size = sum(b - a for a, b in spans)

    def overlap(q):
        return sum(max(0, min(q.end, b) - max(q.start, a)) for a, b in spans)
    found = [q for q in quotes if overlap(q) > 0]
    return max(found, key=lambda q: (overlap(q) / max(1, q.end - q.start) + overlap(q) / size,
                                     q.kind == "direct")) if found else None


def not_speech_hits(item: dict, quotes) -> list:
    a, b = item["start"], item["end"]
    return [q for q in quotes if (q.cue_start is not None and a <= q.cue_start < b) or (a <= q.start and q.end <= b)]


def evaluate(items, texts, language) -> dict:
    from newsprism.quotes import extract_quotes_batch

    keys = sorted({(i["set"], i["doc"]) for i in items if (i["set"], i["doc"]) in texts})
    extracted = dict(zip(keys, extract_quotes_batch([texts[k] for k in keys], language)))
    counts: dict[str, Counter] = {}
    failures = []
    skipped = 0
    for item in items:
        key = (item["set"], item["doc"])
        if key not in texts or sha1(texts[key]) != item["sha1"]:
            skipped += 1
            continue
        text, quotes = texts[key], extracted[key]
        c = counts.setdefault(item["set"], Counter())
        if item["type"] == "not-speech":
            hits = not_speech_hits(item, quotes)
            c["not_speech"] += 1
            c["not_speech_failed"] += bool(hits)
            if hits:
                failures.append((item, "not-speech became a quote", hits[0].speaker, hits[0].text[:60]))
            continue
        c["quotes"] += 1
        quote = best_match(item, quotes, text)
        if quote is None:
            c["missed"] += 1
            continue
        verdict = judge(item, text, quote)
        c[verdict] += 1
        if verdict != "right":
            failures.append((item, text[item["speaker_start"]:item["speaker_end"]], f"{verdict}: {quote.speaker}",
                             quote.text[:60]))
    return {"counts": counts, "failures": failures, "skipped": skipped}


def table(result: dict) -> str:
    rows = ["| set | quotes | matched | right | unresolved | wrong | wrong-speaker rate | missed | not-speech sentences | became quotes |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    total = Counter()
    for name, c in sorted(result["counts"].items()) + [("all", None)]:
        if c is None:
            c = total
        else:
            total.update(c)
        matched = c["right"] + c["unresolved"] + c["wrong"]
        rate = c["wrong"] / matched if matched else 0.0
        rows.append(f"| {name} | {c['quotes']} | {matched} | {c['right']} | {c['unresolved']} | {c['wrong']} | "
                    f"{rate:.1%} | {c['missed']} | {c['not_speech']} | {c['not_speech_failed']} |")
    return "\n".join(rows)


def main() -> int:
    ap = benchkit.parser(__doc__, full_doc=True)
    ap.add_argument("--n4k", type=Path, default=None, help="newspaper4k's tests/data/html folder")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", action="store_true", help="print each speaker not right, and each not-speech failure")
    args = ap.parse_args()
    n4k = args.n4k or next((Path(p) for p in sorted(glob.glob(N4K_GLOB))), None)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from newsprism.nlp import Language

    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = texts_of(items, args.eval, n4k)
    result = evaluate(items, texts, Language())
    if args.json:
        print(json.dumps({k: dict(v) for k, v in result["counts"].items()} | {"skipped": result["skipped"]}))
    else:
        print(table(result))
        if result["skipped"]:
            print(f"\n{result['skipped']} items skipped (text not found or changed: pass --eval / --n4k)")
    if args.show:
        for item, gold, predicted, words in result["failures"]:
            print(f"{item['set']} {item['doc']} {item['start']}: gold {gold!r}, got {predicted!r}: {words!r}")
    if args.append_results and not args.json:
        benchkit.append_results("Quote speakers", table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
