"""Byline: "by AFP Staff Writers", "Writer's picture: News Agency News Agency", a bare name line."""
from __future__ import annotations

from ..model import Sourced
from . import patterns as P

# A bare name is looked for this many header lines below the headline.
NAME_WINDOW = 4


def dedupe_name(name: str) -> str:
    """"News Agency News Agency" -> "News Agency" (widgets print the name twice)."""
    tokens = name.split()
    half = len(tokens) // 2
    if len(tokens) % 2 == 0 and half and tokens[:half] == tokens[half:]:
        return " ".join(tokens[:half])
    return name


def clean_name(name: str) -> str:
    return dedupe_name(" ".join(name.strip(" ,;:-|").split()))


def is_person_name(line: str) -> bool:
    """Two to four capitalised name words, none of them a common headline word."""
    return (bool(P.PERSON_NAME.match(line)) and not any(w.lower() in P.NAME_NOT for w in line.split())
            and not P.POSSESSIVE.search(line))


def find_byline(header: tuple[str, ...], headline: str | None = None) -> Sourced | None:
    """The byline among the header lines: a "By ..." or "Author: ..." line first, else a bare
    person's name within a few lines below the headline."""
    for _i, line in enumerate(header):
        for pattern in (P.BYLINE_LABEL, P.BYLINE_BY):
            match = pattern.match(line)
            if match and match["name"].strip():
                return Sourced(value=clean_name(match["name"]), source="text:header")
    start = 0
    if headline:
        starts = [i for i, line in enumerate(header) if line.casefold() == headline.casefold()]
        start = starts[-1] + 1 if starts else 0
    for i in range(start, min(len(header), start + NAME_WINDOW)):
        if is_person_name(header[i]):
            return Sourced(value=header[i], source="text:header")
    return None
