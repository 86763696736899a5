"""Provenance groups: articles that trace to one source, with the earliest as the origin.

Every count of sources shown to a user is a count of these groups: ten re-posts of one wire story
are one independent source, not ten.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Mapping, Sequence

from ..model import GroupMember, ProvenanceGroup, Relation

GROUPING_KINDS = frozenset({"copy", "rewrite", "same-wire"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def order_key(article_id: str, published: str | None) -> tuple[bool, str, str]:
    """Earliest first: by publication date, undated (or unreadably dated) after dated, ties by id."""
    if published is not None and not _ISO_DATE.match(published):
        published = None
    return (published is None, published or "", article_id)


def provenance_groups(article_ids: Iterable[str], relations: Iterable[Relation],
                      published: Mapping[str, str | None]) -> list[ProvenanceGroup]:
    """Connected components over copy/rewrite/same-wire relations among ``article_ids``.

    Singletons are groups too. The origin is the earliest member; every other member carries the
    relation that links it to the group: its own relation to the origin when there is one, else the
    relation through which a breadth-first walk from the origin first reaches it.
    """
    ids = sorted(dict.fromkeys(article_ids), key=lambda i: order_key(i, published.get(i)))
    inside = set(ids)
    edges: dict[str, dict[str, str]] = {i: {} for i in ids}
    for rel in relations:
        if rel.kind in GROUPING_KINDS and rel.source in inside and rel.target in inside and rel.source != rel.target:
            edges[rel.source].setdefault(rel.target, rel.kind)
            edges[rel.target].setdefault(rel.source, rel.kind)
    key = {i: order_key(i, published.get(i)) for i in ids}
    seen: set[str] = set()
    groups = []
    for origin in ids:  # earliest first, so each component is entered at its origin
        if origin not in seen:
            groups.append(_walk(origin, edges, seen, key))
    return groups


def _walk(origin: str, edges: dict[str, dict[str, str]], seen: set[str],
          key: dict[str, tuple[bool, str, str]]) -> ProvenanceGroup:
    via: dict[str, str] = {origin: "origin"}
    queue = deque([origin])
    seen.add(origin)
    while queue:
        node = queue.popleft()
        for other in sorted(edges[node], key=key.__getitem__):
            if other not in seen:
                seen.add(other)
                via[other] = edges[origin].get(other, edges[node][other])
                queue.append(other)
    members = tuple(GroupMember(id=i, relation=via[i]) for i in sorted(via, key=key.__getitem__))
    return ProvenanceGroup(origin=origin, members=members)


def independent_sources(ids: Sequence[str] | Iterable[str], groups: Iterable[ProvenanceGroup]) -> int:
    """How many provenance groups ``ids`` span (an id in no group counts as its own source)."""
    group_of = {member.id: group.origin for group in groups for member in group.members}
    return len({group_of.get(i, i) for i in ids})
