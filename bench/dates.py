"""Date resolution: relative and partial date expressions resolved to absolute dates.

    python bench/dates.py [--eval DIR] [--show-errors {dev,all}] [--append-results]

Gold: bench/data/dates_gold.jsonl, one hand-labelled expression per line ({set, doc, start, end,
expr, gold, precision, anchor}); no article text is stored. ``set`` is "ecbplus" (offsets into the
text of that document in ../shared/eval/ecbplus/docs.jsonl.gz, whose date line is the anchor) or
"seeds" (offsets into the bundled example file of that name). Each gold label was read off the
context by hand, not produced by any resolver; ``anchor`` is the day the date line (or, for the
seeds, the dateline or dated caption) gives, so every system resolves against the same day.
``precision`` is day, week (gold = the Monday of that ISO week), month (gold = the 1st) or year.

Systems, side by side in one run:
- newsprism: ``newsprism.cluster.dates.resolve(text, anchor)``; the mention overlapping the gold
  span is the answer;
- newsprism, own anchor: the same, with the anchor our own pipeline reads from the document
  (metadata stage, else the latest full date in the text), not the gold one;
- dateparser 1.x on the expression with RELATIVE_BASE = anchor (default settings, and
  PREFER_DATES_FROM = past);
- the anchor itself as the answer.

Scoring: an answer is right when its date falls inside the gold period (same day / ISO week /
month / year) and, when the system states a precision, it is not coarser than the gold one;
``exact`` also asks for the same precision. ``dev`` is the seeds and ECB+ odd topics (the rules
were developed looking at their errors); ``held-out`` the even topics, whose errors were not used
to write rules (labelling read every item). One constant was tried with both figures printed:
TENSE_WORDS at 6..14 scored held-out 0.981 at 6 and 0.971 at 8..14; 12 was kept because it is
what the dev case needs, not the held-out best.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import time
import warnings
from collections import defaultdict
from pathlib import Path

import benchkit
from benchkit import REPO, SEEDS

GOLD = benchkit.DATA / "dates_gold.jsonl"
RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
TARGET = 0.95  # issue 5: accuracy >= 0.95 on this set

CATEGORIES = (  # (name, pattern on the expression), first match wins
    ("weekday", r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"),
    ("N ago", r"\bago\b"),
    ("today/yesterday", r"yesterday|today|tonight|tomorrow|night|morning|afternoon|evening"),
    ("week/month/year", r"week|month|year|summer|winter|spring|fall|autumn"),
    ("month-day", r"\d"),
    ("month", r""),
)


def category(expr: str) -> str:
    return next(name for name, pattern in CATEGORIES if re.search(pattern, expr, re.I))


def load(eval_dir: Path) -> tuple[list[dict], dict[str, str], dict[str, int]] | None:
    docs_path = eval_dir / "ecbplus" / "docs.jsonl.gz"
    if not docs_path.exists():
        return None
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts, topics = {}, {}
    with gzip.open(docs_path, "rt", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            texts[doc["id"]], topics[doc["id"]] = doc["text"], doc["topic"]
    for name in {g["doc"] for g in gold if g["set"] == "seeds"}:
        texts[name] = (SEEDS / name).read_text(encoding="utf-8")
    for g in gold:
        assert texts[g["doc"]][g["start"]:g["end"]] == g["expr"], g
    return gold, texts, topics


def split(item: dict, topics: dict[str, int]) -> str:
    return "held-out" if item["set"] == "ecbplus" and topics[item["doc"]] % 2 == 0 else "dev"


# --- systems: each maps (item, text, anchor) -> (date, precision | None) or None ---------------
def newsprism_system(anchors: dict[str, dt.date] | None = None):
    from newsprism.cluster.dates import resolve

    cache: dict[tuple[str, dt.date], list] = {}

    def answer(item, text, anchor):
        if anchors is not None:
            anchor = anchors.get(item["doc"])
        key = (item["doc"], anchor)
        if key not in cache:
            cache[key] = resolve(text, anchor)
        overlapping = [m for m in cache[key] if m.start < item["end"] and m.end > item["start"]]
        if not overlapping:
            return None
        best = max(overlapping, key=lambda m: min(m.end, item["end"]) - max(m.start, item["start"]))
        return best.date, best.precision

    return answer


def own_anchors(gold: list[dict], texts: dict[str, str]) -> dict[str, dt.date]:
    """The anchor the timeline finds in each document: the metadata stage's publication date,
    else the latest full date in the captions or text (``newsprism.timeline.article_anchor``)."""
    from newsprism.model import RawArticle
    from newsprism.pipeline import process_one
    from newsprism.timeline import article_anchor

    anchors = {}
    for doc in sorted({g["doc"] for g in gold}):
        done = process_one(RawArticle(source=doc, kind="text", body=texts[doc]))
        article = getattr(done, "article", None)
        if article is None:
            continue
        found = article_anchor(article).date
        if found:
            anchors[doc] = found
    return anchors


def dateparser_system(**settings):
    import dateparser

    def answer(item, text, anchor):
        base = dt.datetime.combine(anchor, dt.time(12))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = dateparser.parse(item["expr"], languages=["en"],
                                     settings={"RELATIVE_BASE": base, **settings})
        return (found.date(), None) if found else None

    return answer


def anchor_system(item, text, anchor):
    return anchor, None


# --- scoring -------------------------------------------------------------------------------------
def period(day: dt.date, precision: str) -> tuple:
    if precision == "week":
        return tuple(day.isocalendar()[:2])
    return {"day": (day,), "month": (day.year, day.month), "year": (day.year,)}[precision]


def judge(item: dict, answer) -> tuple[bool, bool]:
    """(right, exact) for one answer."""
    if answer is None:
        return False, False
    day, precision = answer
    gold_day, gold_precision = dt.date.fromisoformat(item["gold"]), item["precision"]
    inside = period(day, gold_precision) == period(gold_day, gold_precision)
    fine_enough = precision is None or RANK[precision] <= RANK[gold_precision]
    exact = inside and (precision or "day") == gold_precision and (gold_precision != "day" or day == gold_day)
    return inside and fine_enough, exact


def run(systems: dict, gold: list[dict], texts: dict[str, str], topics: dict[str, int]):
    scores = {name: defaultdict(lambda: [0, 0, 0]) for name in systems}  # key -> [right, exact, n]
    errors = {name: [] for name in systems}
    timing = {}
    for name, system in systems.items():
        started = time.perf_counter()
        for item in gold:
            anchor = dt.date.fromisoformat(item["anchor"])
            answer = system(item, texts[item["doc"]], anchor)
            right, exact = judge(item, answer)
            for key in ("all", split(item, topics), item["set"], category(item["expr"])):
                cell = scores[name][key]
                cell[0] += right
                cell[1] += exact
                cell[2] += 1
            if not right:
                errors[name].append((item, answer))
        timing[name] = time.perf_counter() - started
    return scores, errors, timing


def table(scores: dict, gold: list[dict], topics: dict[str, int]) -> str:
    keys = ["all", "dev", "held-out", "seeds"] + [name for name, _ in CATEGORIES]
    counts = defaultdict(int)
    for item in gold:
        for key in ("all", split(item, topics), item["set"], category(item["expr"])):
            counts[key] += 1
    head = "| system | exact (all) | " + " | ".join(f"{k} ({counts[k]})" for k in keys) + " |"
    rows = [head, "|" + "---|" * (len(keys) + 2)]
    for name, cells in scores.items():
        exact = cells["all"][1] / max(cells["all"][2], 1)
        values = [f"{cells[k][0] / cells[k][2]:.3f}" if cells[k][2] else "-" for k in keys]
        rows.append(f"| {name} | {exact:.3f} | " + " | ".join(values) + " |")
    return "\n".join(rows)


def show_errors(errors: list, texts: dict[str, str], topics: dict[str, int], which: str) -> None:
    for item, answer in errors:
        if which == "dev" and split(item, topics) != "dev":
            continue
        text = texts[item["doc"]]
        context = text[max(0, item["start"] - 120):item["end"] + 80].replace("\n", " / ")
        got = f"{answer[0]} {answer[1] or ''}" if answer else "nothing"
        print(f"- {item['doc']} anchor {item['anchor']} ({dt.date.fromisoformat(item['anchor']):%a}) "
              f"<<{item['expr']}>> gold {item['gold']} {item['precision']}, got {got}\n    ...{context}...")


def main(argv: list[str] | None = None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--show-errors", choices=("dev", "all"))
    args = parser.parse_args(argv)
    loaded = load(args.eval)
    if loaded is None:
        print(f"note: {args.eval / 'ecbplus'} not found; nothing to measure")
        return 0
    gold, texts, topics = loaded
    systems = {
        "newsprism": newsprism_system(),
        "newsprism, own anchor": newsprism_system(own_anchors(gold, texts)),
        "dateparser (RELATIVE_BASE = anchor)": dateparser_system(),
        "dateparser, PREFER_DATES_FROM past": dateparser_system(PREFER_DATES_FROM="past"),
        "anchor date as the answer": anchor_system,
    }
    scores, errors, timing = run(systems, gold, texts, topics)
    lines = [f"{len(gold)} hand-labelled expressions ({sum(g['set'] == 'ecbplus' for g in gold)} ECB+, "
             f"{sum(g['set'] == 'seeds' for g in gold)} seeds) from {GOLD.relative_to(REPO)}; "
             "accuracy = date inside the gold period at a precision no coarser than gold.", "",
             table(scores, gold, topics), ""]
    mine = scores["newsprism"]["all"]
    lines.append(f"newsprism accuracy {mine[0] / mine[2]:.3f} (target >= {TARGET}); "
                 f"{timing['newsprism'] * 1000 / len(gold):.2f} ms per expression.")
    print("\n".join(lines))
    if args.show_errors:
        show_errors(errors["newsprism"], texts, topics, args.show_errors)
    if args.append_results:
        benchkit.append_results("Date resolution", "\n".join(lines),
                                argv=argv, script=__file__)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
