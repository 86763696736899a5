"""Speed of quotes and claims for one 50-article story (issue 4: under 10 s on 2 cores).

The story: the 50 longest documents of the two biggest ECB+ topics, read as one event (the worst
case: every quote and claim is compared with every other). As in ``analyze``, each article is
parsed once for the language layer and the quote stage; that step (parse, sentences, entities,
MiniLM vectors, cached per article) is timed on its own, then the quote and claim stages step by
step.

    python bench/story_speed.py [--articles 50] [--append-results]
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import time
from pathlib import Path

import benchkit

os.environ.setdefault("HF_HUB_OFFLINE", "1")
TARGET_SECONDS = 10.0


def main() -> int:
    ap = benchkit.parser(__doc__)
    ap.add_argument("--articles", type=int, default=50)
    args = ap.parse_args()
    source = args.eval / "ecbplus" / "docs.jsonl.gz"
    if not source.exists():
        print(f"no evaluation data at {source}: nothing to measure")
        return 0
    from newsprism.nlp import Language

    language = Language()
    articles = story_articles(source, args.articles)
    times, counts = run(articles, language)
    text = render(times, counts, len(articles), sum(len(a.text) for a in articles))
    print(text)
    if args.append_results:
        benchkit.append_results(f"Quotes and claims for one {len(articles)}-article story", text)
    return 0


def story_articles(source: Path, n: int):
    from newsprism.model import Article

    with gzip.open(source, "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    by_topic: dict = {}
    for d in docs:
        by_topic.setdefault(d["topic"], []).append(d)
    biggest = sorted(by_topic.values(), key=len, reverse=True)[:2]
    chosen = sorted((d for group in biggest for d in group), key=lambda d: -len(d["text"]))[:n]
    return [Article(id=str(d["id"]), source=str(d["id"]), url=None, canonical_url=None, headline=None,
                    outlet=None, byline=None, dateline=None, published=None, wire=None, language="en",
                    text=d["text"]) for d in chosen]


def run(articles, language) -> tuple[dict[str, float], dict[str, int]]:
    """The analyze steps of the quote and claim stages over one event, each timed."""
    from newsprism.claims.align import align_claims, claim_vectors
    from newsprism.claims.extract import extract_claims
    from newsprism.nlp import annotate
    from newsprism.quotes import parse_texts, quotes_from_doc
    from newsprism.quotes.align import align_quotes

    language.embed(["warm up"])
    language.parse(["Warm up the parser."])
    clock = time.perf_counter
    t = [clock()]
    docs = parse_texts([a.text for a in articles], language)  # as analyze: one parse for both stages
    annotations = {a.article_id: a for a in annotate(articles, language, docs=docs)}
    t.append(clock())
    quotes = {a.id: quotes_from_doc(doc) if doc is not None else [] for a, doc in zip(articles, docs)}
    t.append(clock())
    event_of = {a.id: "event" for a in articles}
    aligned_quotes = align_quotes(quotes, texts={a.id: a.text for a in articles}, event_of=event_of,
                                  language=language)
    t.append(clock())
    claims = {a.id: extract_claims(a.id, a.text, annotations[a.id], quotes[a.id]) for a in articles}
    t.append(clock())
    vectors = claim_vectors([c for found in claims.values() for c in found], annotations=annotations,
                            language=language)
    aligned_claims = align_claims(claims, event_of=event_of, language=language, vectors=vectors)
    t.append(clock())
    steps = ["language layer: parse + embed (once per article, cached)", "quotes: extract from the parse",
             "quotes: align",
             "claims: extract", "claims: embed + align"]
    times = {name: t[i + 1] - t[i] for i, name in enumerate(steps)}
    counts = {"quotes": sum(len(q) for q in quotes.values()), "aligned quotes": len(aligned_quotes),
              "claims": sum(len(c) for c in claims.values()), "aligned claims": len(aligned_claims)}
    return times, counts


def render(times: dict[str, float], counts: dict[str, int], n: int, chars: int) -> str:
    stage = sum(v for k, v in times.items() if not k.startswith("language"))
    lines = ["| step | seconds |", "|---|---:|"]
    lines += [f"| {name} | {seconds:.2f} |" for name, seconds in times.items()]
    lines.append(f"| **quotes and claims (target < {TARGET_SECONDS:.0f} s)** | **{stage:.2f}** |")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    found = ", ".join(f"{v} {k}" for k, v in counts.items())
    return ("\n".join(lines) + f"\n\n{n} ECB+ articles ({chars:,} characters): {found}. "
            f"2 cores, load average {load:.1f} at the end of the run.")


if __name__ == "__main__":
    sys.exit(main())
