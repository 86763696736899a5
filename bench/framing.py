"""Referent grouping benchmark: do the surface forms the framing panel puts together name the
same thing?

    python bench/framing.py [--eval DIR] [--cache DIR] [--append-results]
    python bench/framing.py --sample N [--clusters K]   # candidate pairs to label, as JSONL

There is no gold framing set. Multi-News clusters (several outlets per story, read from
../shared/eval/multinews, never copied) go through the plain-text cleaner, the language layer and
``newsprism.framing``; pairs of different surface forms in one cluster were sampled from what each
method joins (stratified: lexicon, acronym / surname, embedding, acts, the label-only baseline)
and labelled by hand as the same referent or not, reading each form in its cluster: two forms
name the same referent when they designate the same person, body or place in those texts; a
capital or seat counts as its state only where it stands for the government ("Washington
rattled", "the White House said"), not as a place ("in Delhi", a "WASHINGTON —" dateline). bench/data/framing_pairs.jsonl keeps only the
cluster id, the two forms and the label (no article text). Each method is scored on the labelled
pairs it joins: precision, and recall against every labelled same-referent pair (pooled recall:
the pool is what some method proposed, so it overstates true recall).
"""
from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os
import pickle
import random
import sys
from collections import defaultdict
from pathlib import Path

import benchkit
from benchkit import REPO

PAIRS = benchkit.DATA / "framing_pairs.jsonl"
MAX_CHARS = 5000  # per document: the lead carries the names; keeps the run to a few minutes
SAMPLE_SEED = 5
STRATA = {"lexicon": 0.22, "acronym/surname": 0.14, "embedding": 0.3, "act": 0.16, "label-only": 0.12,
          "same key": 0.06}

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def load_clusters(eval_dir: Path, ids=None, limit=None) -> list[dict]:
    path = eval_dir / "multinews" / "clusters.jsonl.gz"
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            cluster = json.loads(line)
            if (ids is None or cluster["id"] in ids) and len(cluster["documents"]) >= 2:
                out.append(cluster)
            if limit and len(out) >= limit:
                break
    return out


def cluster_articles(cluster: dict):
    from newsprism.model import Article
    from newsprism.summarize.sentences import document_text

    articles = []
    for i, raw in enumerate(cluster["documents"]):
        text = document_text(raw)[:MAX_CHARS]
        digest = hashlib.sha1(text.encode()).hexdigest()[:16]
        articles.append(Article(id=digest, source=f"{cluster['id']}#{i}", url=None, canonical_url=None,
                                headline=None, outlet=f"doc {i}", byline=None, dateline=None,
                                published=None, wire=None, language="en", text=text))
    return articles


def candidates_for(clusters, language, cache: Path) -> dict[str, list]:
    """Candidate mentions per cluster id (cached: the parse is the slow part)."""
    from newsprism.framing.terms import collect_candidates
    from newsprism.nlp import annotate

    cache.mkdir(parents=True, exist_ok=True)
    out = {}
    for cluster in clusters:
        path = cache / f"framing-{_code_version()}-{cluster['id']}.pkl"
        if path.exists():
            out[cluster["id"]] = pickle.loads(path.read_bytes())
            continue
        articles = cluster_articles(cluster)
        annotations = {a.article_id: a for a in annotate(articles, language)}
        found = collect_candidates(articles, annotations, language=language)
        path.write_bytes(pickle.dumps(found))
        out[cluster["id"]] = found
    return out


def _code_version() -> str:
    """Hash of the candidate extractor and its lexicon: a cache from older code is not reused."""
    root = REPO / "src" / "newsprism" / "framing"
    parts = [root / "mentions.py", root / "patterns.py", root / "lexicon.py", root / "data" / "aliases.json"]
    return hashlib.sha1(b"".join(p.read_bytes() for p in parts)).hexdigest()[:8]


# --- methods: each maps a cluster's candidates to {verbatim form: set of group ids} ----------------
def by_key(candidates, key) -> dict[str, set]:
    groups = defaultdict(set)
    for c in candidates:
        groups[c.mention.form].add(key(c))
    return groups


def newsprism_method(options):
    from newsprism.framing.terms import group_candidates
    from newsprism.framing.lexicon import default_aliases

    def run(candidates, embed):
        groups = defaultdict(set)
        for group in group_candidates(candidates, default_aliases(), options, embed):
            for m in group.mentions:
                groups[m.form].add(group.id)
        return groups
    return run


def methods():
    from newsprism.framing import EMBED_THRESHOLD, GroupingOptions as G

    table = {
        "exact lowercase string (baseline)": lambda cs, e: by_key(cs, lambda c: c.mention.form.lower()),
        "same spaCy label (baseline)": lambda cs, e: by_key(cs, lambda c: c.mention.label),
        "newsprism: lexicon + key only": newsprism_method(G(acronym=False, surname=False, embedding=False)),
        "newsprism: rules (lexicon, acronym, surname)": newsprism_method(G(embedding=False)),
        "newsprism: embedding only (no lexicon, no rules)": newsprism_method(
            G(lexicon=False, acronym=False, surname=False)),
    }
    for threshold in (0.7, 0.75, 0.8, 0.85, 0.9):
        mark = " (shipped)" if abs(threshold - EMBED_THRESHOLD) < 1e-9 else ""
        table[f"newsprism: rules + embedding >= {threshold}{mark}"] = newsprism_method(
            G(embed_threshold=threshold))
    return table


def memo_embed(language):
    """``language.embed`` with a per-run memo: every method embeds the same forms."""
    import numpy as np

    seen = {}

    def embed(texts):
        missing = [t for t in dict.fromkeys(texts) if t not in seen]
        if missing:
            seen.update(zip(missing, language.embed(missing)))
        return np.stack([seen[t] for t in texts])
    return embed


def joined(groups, a, b) -> bool:
    return bool(groups.get(a, set()) & groups.get(b, set()))


# --- scoring ----------------------------------------------------------------------------------
def score(pairs, candidates, embed) -> list[tuple]:
    rows = []
    positives = sum(p["same"] for p in pairs)
    for name, method in methods().items():
        predicted = {cid: method(cs, embed) for cid, cs in candidates.items()}
        hits = [p for p in pairs if joined(predicted[p["cluster"]], p["a"], p["b"])]
        good = sum(p["same"] for p in hits)
        total = sum(_n_pairs(g) for g in predicted.values())
        rows.append((name, len(hits), good, good / len(hits) if hits else 0.0,
                     good / positives if positives else 0.0, total))
    return rows


def _n_pairs(groups) -> int:
    members = defaultdict(set)
    for form, ids in groups.items():
        for gid in ids:
            members[gid].add(form)
    return sum(len(m) * (len(m) - 1) // 2 for m in members.values())


def table(rows, n_pairs, n_same, n_clusters) -> str:
    lines = [f"{n_pairs} hand-labelled pairs of different surface forms ({n_same} same referent) "
             f"from {n_clusters} Multi-News clusters; a method is scored on the labelled pairs it joins.",
             "", "| method | labelled pairs joined | correct | precision | pooled recall | pairs joined in all clusters |",
             "|---|---|---|---|---|---|"]
    for name, hits, good, precision, recall, total in rows:
        lines.append(f"| {name} | {hits} | {good} | {precision:.3f} | {recall:.3f} | {total} |")
    return "\n".join(lines)


# --- sampling pairs to label ---------------------------------------------------------------------
def sample(candidates, embed, n: int) -> list[dict]:
    from newsprism.framing import GroupingOptions as G

    rng = random.Random(SAMPLE_SEED)
    full = newsprism_method(G(embed_threshold=0.7))
    lexicon = newsprism_method(G(acronym=False, surname=False, embedding=False))
    rules = newsprism_method(G(embedding=False))
    emb = newsprism_method(G(lexicon=False, acronym=False, surname=False, embed_threshold=0.7))
    pools = defaultdict(set)
    for cid, cs in candidates.items():
        kinds = {c.mention.form: c.mention.kind for c in cs}
        keys = {c.mention.form: c.key for c in cs}
        labels = {c.mention.form: c.mention.label for c in cs}
        g_full, g_lex, g_rules, g_emb = (m(cs, embed) for m in (full, lexicon, rules, emb))
        for a, b in itertools.combinations(sorted(kinds), 2):
            pair = (cid, a, b)
            if keys[a] == keys[b]:
                pools["same key"].add(pair)
            elif kinds[a] == "act" and kinds[b] == "act":
                if joined(g_full, a, b):
                    pools["act"].add(pair)
            elif joined(g_lex, a, b):
                pools["lexicon"].add(pair)
            elif joined(g_rules, a, b):
                pools["acronym/surname"].add(pair)
            elif joined(g_emb, a, b) or joined(g_full, a, b):
                pools["embedding"].add(pair)
            elif labels[a] == labels[b] and kinds[a] == "entity":
                pools["label-only"].add(pair)
    out = []
    for stratum, share in STRATA.items():
        pool = sorted(pools[stratum])
        for cid, a, b in rng.sample(pool, min(len(pool), round(n * share))):
            out.append({"cluster": cid, "a": a, "b": b, "stratum": stratum, "same": None})
    return out


def main(argv=None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/framing-bench-cache"))
    parser.add_argument("--sample", type=int, default=0, help="print N pairs to label and exit")
    parser.add_argument("--clusters", type=int, default=60)
    args = parser.parse_args(argv)
    if not (args.eval / "multinews" / "clusters.jsonl.gz").exists():
        print(f"note: {args.eval}/multinews not found; nothing to measure")
        return 0
    from newsprism.nlp import Language

    language = Language()
    embed = memo_embed(language)
    if args.sample:
        clusters = load_clusters(args.eval, limit=args.clusters)
        candidates = candidates_for(clusters, language, args.cache)
        for row in sample(candidates, embed, args.sample):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = [p for p in pairs if p.get("same") is not None]
    clusters = load_clusters(args.eval, ids={p["cluster"] for p in pairs})
    candidates = candidates_for(clusters, language, args.cache)
    rows = score(pairs, candidates, embed)
    text = table(rows, len(pairs), sum(p["same"] for p in pairs), len(clusters))
    print(text)
    if args.append_results:
        benchkit.append_results("framing: referent grouping", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
