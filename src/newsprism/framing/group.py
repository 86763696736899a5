"""Group the surface forms of one referent across outlets.

Entities: forms join when the shipped alias file names the same state ("China", "Beijing",
"CCP", "the Chinese regime"), when their keys are equal, when one is the acronym of the other,
when a lone surname matches exactly one full name, or when their MiniLM embeddings are close.
Two forms the alias file assigns to different states never join (no chaining China to Russia).

Acts of war: a mention anchored to sides ("Russia's war in Ukraine" -> {Russia, Ukraine},
"the Ukrainian conflict" -> {Ukraine}) joins the act whose sides include its own; a bare one
("this conflict") joins the act whose sides are named in its sentence or the one before.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .mentions import Candidate
from .records import FormUse, Mention, OutletForms, TermGroup

RECORD = dict(frozen=True, slots=True, kw_only=True)

# Cosine between MiniLM embeddings of two entity forms (neither known to the lexicon) above
# which they join. bench/framing.py, 84 hand-labelled Multi-News pairs (bench/RESULTS.md):
# rules alone P 0.939 / pooled R 0.838; + embedding >= 0.9 P 0.941 / R 0.865; >= 0.8 P 0.850 /
# R 0.919; >= 0.7 P 0.627. The panel is read by people, so precision first. (Chosen on the
# same labels: not held out.)
EMBED_THRESHOLD = 0.90
ACRONYM_MIN, ACRONYM_MAX = 2, 6


@dataclass(**RECORD)
class GroupingOptions:
    """Which rules may join two forms (the benchmark switches them one by one)."""

    lexicon: bool = True
    string: bool = True
    acronym: bool = True
    surname: bool = True
    embedding: bool = True
    embed_threshold: float = EMBED_THRESHOLD


class _Union:
    """Union-find over form keys, refusing unions of two different lexicon states."""

    def __init__(self, keys: Iterable[str], state: Mapping[str, str | None]):
        self.parent = {k: k for k in keys}
        self.state = {k: state.get(k) for k in self.parent}
        self.rules: dict[str, set[str]] = defaultdict(set)

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str, rule: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        sa, sb = self.state[ra], self.state[rb]
        if sa and sb and sa != sb:
            return False
        self.parent[rb] = ra
        self.state[ra] = sa or sb
        self.rules[ra] |= self.rules.pop(rb, set()) | {rule}
        return True

    def groups(self) -> dict[str, list[str]]:
        out = defaultdict(list)
        for key in self.parent:
            out[self.find(key)].append(key)
        return out


# --- entities ------------------------------------------------------------------------------------
def entity_links(candidates: Sequence[Candidate], options: GroupingOptions, embed=None) -> _Union:
    """The union-find of entity form keys under ``options`` (``embed(texts) -> unit vectors``)."""
    keys = list(dict.fromkeys(c.key for c in candidates))
    state = {c.key: c.state for c in candidates if c.state} if options.lexicon else {}
    links = _Union(keys, state)
    forms = display_forms(candidates)
    labels = _label_by_key(candidates)
    if options.lexicon:
        by_state = defaultdict(list)
        for key, s in state.items():
            by_state[s].append(key)
        for members in by_state.values():
            for other in members[1:]:
                links.union(members[0], other, "lexicon")
    if options.acronym:
        for a, b in acronym_pairs(forms):
            links.union(a, b, "acronym")
    if options.surname:
        for a, b in surname_pairs(keys, labels):
            links.union(a, b, "surname")
    if options.embedding and embed is not None:
        for a, b in embedding_pairs(keys, forms, labels, state, embed, options.embed_threshold):
            links.union(a, b, "embedding")
    return links


def display_forms(candidates: Sequence[Candidate]) -> dict[str, str]:
    """Key -> the form shown for it: the most used spelling; on ties a capitalised one, then
    the one with fewest capitals ("Russia's invasion of Ukraine" over a Title Case heading)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for c in candidates:
        counts[c.key][c.mention.form] += 1
    return {k: max(v.items(), key=_spelling_rank)[0] for k, v in counts.items()}


def _spelling_rank(item: tuple[str, int]):
    form, count = item
    return count, form[:1].isupper(), -sum(ch.isupper() for ch in form), form


def _label_by_key(candidates: Sequence[Candidate]) -> dict[str, str]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for c in candidates:
        counts[c.key][c.mention.label] += 1
    return {k: v.most_common(1)[0][0] for k, v in counts.items()}


def initials(form: str) -> str:
    from .patterns import ACRONYM_STOPWORDS

    words = [w for w in form.replace("-", " ").split() if w.lower() not in ACRONYM_STOPWORDS]
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


def acronym_pairs(forms: dict[str, str]) -> list[tuple[str, str]]:
    """(acronym key, expansion key): "CCP" and "Chinese Communist Party"."""
    by_initials = defaultdict(list)
    for key, form in forms.items():
        if len(form.split()) >= 2:
            by_initials[initials(form)].append(key)
    pairs: list[tuple[str, str]] = []
    for key, form in forms.items():
        letters = form.replace(".", "")
        if ACRONYM_MIN <= len(letters) <= ACRONYM_MAX and letters.isupper() and letters.isalpha():
            pairs.extend((key, other) for other in by_initials.get(letters, ()))
    return pairs


def surname_pairs(keys: Sequence[str], labels: dict[str, str]) -> list[tuple[str, str]]:
    """(surname key, full-name key) when the surname, titles dropped ("Ms Bouvier"), ends
    exactly one multi-word PERSON form."""
    by_last = defaultdict(list)
    for key in keys:
        words = _untitled(key)
        if labels.get(key) == "PERSON" and len(words) >= 2:
            by_last[words[-1]].append(key)
    pairs = []
    for key in keys:
        words = _untitled(key)
        # the small model mislabels lone surnames ORG or GPE
        if len(words) == 1 and labels.get(key) in ("PERSON", "ORG", "GPE"):
            full = [k for k in by_last.get(words[0], ()) if k != key]
            if len(set(full)) == 1:
                pairs.append((key, full[0]))
    return pairs


def _untitled(key: str) -> list[str]:
    from .patterns import TITLES

    words = key.split()
    while len(words) > 1 and words[0].rstrip(".") in TITLES:
        words = words[1:]
    return words


def _family(label: str) -> str:
    return "person" if label == "PERSON" else "other"


def embedding_pairs(keys, forms, labels, state, embed, threshold) -> list[tuple[str, str]]:
    """Pairs of forms the lexicon doesn't know whose embeddings are close (same label family)."""
    free = [k for k in keys if not state.get(k)]
    if len(free) < 2:
        return []
    vectors = np.asarray(embed([forms[k] for k in free]), dtype=np.float32)
    sims = vectors @ vectors.T
    pairs = []
    for i, j in zip(*np.nonzero(np.triu(sims, 1) >= threshold)):
        a, b = free[i], free[j]
        if _family(labels[a]) == _family(labels[b]):
            pairs.append((a, b))
    return pairs


# --- acts ------------------------------------------------------------------------------------
def act_keys(candidates: Sequence[Candidate], act_states: dict[str, frozenset[str]],
             lexicon: bool = True) -> dict[int, tuple[str, str]]:
    """Map candidate index -> (act key, rule). Bare acts join by their context; unplaced ones drop."""
    anchored: dict[int, tuple] = {}
    for i, c in enumerate(candidates):
        if c.act and lexicon:
            anchored[i] = (c.act, "lexicon")
        elif c.states:
            known = [a for a, s in act_states.items() if c.states <= s] if lexicon and not c.topic else []
            anchored[i] = (known[0], "lexicon") if len(known) == 1 else ((c.states, c.topic), "string")
    merged = _merge_subsets({k for k, _ in anchored.values() if isinstance(k, tuple)})
    sides = {k: (act_states[k] if isinstance(k, str) else k[0]) for k, _ in anchored.values()}
    sizes = Counter(merged.get(k, k) for k, _ in anchored.values())
    out = {i: (merged.get(k, k), "subset" if k in merged else rule) for i, (k, rule) in anchored.items()}
    for i, c in enumerate(candidates):
        if i not in out and not c.topic and c.context:
            best = max(((len(c.context & sides[k]), sizes[merged.get(k, k)], merged.get(k, k))
                        for k in sides if c.context & sides[k]), default=None, key=lambda t: t[:2])
            if best is not None:
                out[i] = (best[2], "context")
    return out


def _merge_subsets(keys: set[tuple]) -> dict[tuple, tuple]:
    """Map a key to the one key whose sides strictly contain its own (same topic), if unique."""
    merged = {}
    for key in keys:
        supers = [o for o in keys if o[1] == key[1] and key[0] < o[0]]
        maximal = [o for o in supers if not any(o[0] < p[0] and p[1] == o[1] for p in supers)]
        if len(maximal) == 1:
            merged[key] = maximal[0]
    return merged


# --- building the records ------------------------------------------------------------------------
def build_group(kind: str, referent: str, label: str, mentions: Sequence[Mention],
                forms: dict[str, str], keys: Sequence[str], linked_by: Iterable[str]) -> TermGroup:
    """A TermGroup from its mentions; ``forms`` maps each mention's key to the shown form."""
    per_outlet: dict[str, dict[str, list]] = defaultdict(dict)
    for mention, key in zip(mentions, keys):
        form = forms[key]
        count, quoted, articles = per_outlet[mention.outlet].setdefault(form, [0, 0, []])
        per_outlet[mention.outlet][form][0] += 1
        per_outlet[mention.outlet][form][1] += mention.quoted
        if mention.article_id not in articles:
            articles.append(mention.article_id)
    outlets = tuple(
        OutletForms(outlet=outlet, forms=tuple(sorted(
            (FormUse(form=f, count=c, quoted=q, articles=tuple(a)) for f, (c, q, a) in uses.items()),
            key=lambda u: (-u.count, u.form.lower()))))
        for outlet, uses in sorted(per_outlet.items(), key=lambda kv: kv[0].lower()))
    ordered = tuple(sorted(mentions, key=lambda m: (m.article_id, m.start)))
    digest = hashlib.sha1(f"{kind}\n{referent}".encode()).hexdigest()[:12]
    return TermGroup(id=digest, referent=referent, kind=kind, label=label, outlets=outlets,
                     mentions=ordered, linked_by=tuple(sorted(set(linked_by))))
