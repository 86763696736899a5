"""Wire credit: which agency the story comes from ("(AFP)", "Source: Reuters", "© Reuters", ...)."""
from __future__ import annotations

import re

from ..model import Sourced
from . import patterns as P

CANONICAL = {name: re.compile(rf"^(?:{alts})$") for name, alts in P.WIRES.items()}
# "AP" and friends are also ordinary words; only their upper-case spelling credits the agency.
CASE_SENSITIVE = {"AP", "ANI", "EFE", "PTI", "UPI", "AFP", "dpa"}


def canonical(agency: str) -> str | None:
    for name, pattern in CANONICAL.items():
        if pattern.match(agency) or (name not in CASE_SENSITIVE and pattern.match(agency.title())):
            return name
        if name not in CASE_SENSITIVE and agency.lower() == name.lower():
            return name
    return None


def credit_in(line: str) -> tuple[str, str] | None:
    """(agency, form) when ``line`` credits a wire agency; generic copyright notices that list
    several agencies ("AFP, UPI and IANS news wire stories are copyright ...") do not."""
    if P.GENERIC_WIRE_NOTICE.search(line):
        return None
    for form, pattern in P.WIRE_CREDITS:
        match = pattern.search(line)
        if match:
            name = canonical(match["w"].strip())
            if name:
                return name, form
    return None


def find_wire(*, header: tuple[str, ...], byline: str | None, paragraphs: list[str],
              tail: list[str], captions: tuple[str, ...]) -> Sourced | None:
    """The article's wire credit, strongest evidence first: header (dateline, byline), the
    first paragraph's dateline, credit lines right after the body, the last paragraph, then
    photo credits."""
    places: list[tuple[str, list[str]]] = [
        ("text:header", list(header)),
        ("text:byline", [byline] if byline else []),
        ("text:first paragraph", paragraphs[:1]),
        ("text:after body", tail),
        ("text:last paragraph", paragraphs[-1:]),
        ("text:caption", list(captions)),
    ]
    for source, lines in places:
        for line in lines:
            if source == "text:first paragraph":
                line = line[:80]  # only a dateline at its start
            found = credit_in(line)
            if found:
                return Sourced(value=found[0], source=f"{source} ({found[1]})")
    return None
