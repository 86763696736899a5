"""LSH candidates of the syndication bench's articles: newsprism's numpy MinHash + banding against
datasketch's MinHashLSH (the implementation it replaced; installed by the `bench` extra), with no
language layer (shingles only, a minute to run).

    python bench/minhash_candidates.py [--per-class 300] [--seed 7]

For every pair of the ~1,570 articles of ``bench/syndication.py`` (same construction, same seed):
the exact 5-shingle Jaccard and containment, and whether each LSH proposes the pair. Printed per
band of the exact measure: pairs, and the share each LSH proposes; per kind of labelled pair, how
many each proposes; the copies (containment >= ``COPY_CONTAINMENT``) either one misses. A pair
LSH misses can still be found by the index's vector search, and a proposed pair is still judged
on its exact shingles and sentences: this is the part of ``SyndicationIndex`` that changed.
"""
from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import syndication as S  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-class", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from datasketch import MinHash, MinHashLSH

    from newsprism.dedup.minhash import BandIndex, overlap, shingles, signature
    from newsprism.dedup.relate import COPY_CONTAINMENT

    docs, labelled = S.build(args.per_class, args.seed)
    keys = sorted(docs)
    sets = {k: shingles(docs[k].text) for k in keys}
    keys = [k for k in keys if len(sets[k])]
    old, new = MinHashLSH(threshold=0.3, num_perm=128), BandIndex()
    old_found, new_found = set(), set()
    for k in keys:  # the index's order: query, then insert
        theirs = MinHash(num_perm=128, seed=1, hashfunc=int)
        theirs.update_batch(sets[k].tolist())
        ours = signature(sets[k])
        old_found.update(tuple(sorted((k, o))) for o in old.query(theirs))
        new_found.update(tuple(sorted((k, o))) for o in new.query(ours))
        old.insert(k, theirs)
        new.insert(k, ours)
    bands = [(0.0, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, 0.45), (0.45, 0.6), (0.6, 1.01)]
    counts = {b: [0, 0, 0] for b in bands}
    missed = {"datasketch": 0, "newsprism": 0}
    copies = 0
    for a, b in combinations(keys, 2):
        containment, jaccard = overlap(sets[a], sets[b])
        if jaccard == 0 and containment == 0:
            continue
        band = next(x for x in bands if x[0] <= jaccard < x[1])
        pair = (a, b)
        counts[band][0] += 1
        counts[band][1] += pair in old_found
        counts[band][2] += pair in new_found
        if containment >= COPY_CONTAINMENT:
            copies += 1
            missed["datasketch"] += pair not in old_found
            missed["newsprism"] += pair not in new_found
    print(f"{len(keys)} articles, per class {args.per_class}, seed {args.seed}; candidate pairs: "
          f"datasketch {len(old_found)}, newsprism {len(new_found)}")
    print("| exact 5-shingle Jaccard | pairs sharing a shingle | datasketch proposes | newsprism proposes |")
    print("|---|---:|---:|---:|")
    for (lo, hi), (n, o, w) in counts.items():
        print(f"| {lo:.2f}-{min(hi, 1.0):.2f} | {n} | {o / max(n, 1):.3f} | {w / max(n, 1):.3f} |")
    print("| labelled pair kind | pairs | datasketch proposes | newsprism proposes |")
    print("|---|---:|---:|---:|")
    for kind in sorted({p.kind for p in labelled}):
        chosen = [tuple(sorted((p.a, p.b))) for p in labelled if p.kind == kind]
        print(f"| {kind} | {len(chosen)} | {sum(c in old_found for c in chosen)} | {sum(c in new_found for c in chosen)} |")
    print(f"pairs with containment >= {COPY_CONTAINMENT} (copy evidence): {copies}; not proposed by LSH: "
          f"datasketch {missed['datasketch']}, newsprism {missed['newsprism']} (the vector search may still find them)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
