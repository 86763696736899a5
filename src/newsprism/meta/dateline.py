"""Dateline place: "Beijing (AFP) June 19, 2023" -> Beijing; "BEIJING -U.S. ..." -> Beijing."""
from __future__ import annotations

from ..model import Sourced
from . import patterns as P

# The dateline opens the story: look at the header's last lines and the first paragraph only.
HEADER_LINES = 4
MAX_PLACE_WORDS = 4


def place_name(place: str) -> str:
    """"BEIJING" -> "Beijing"; "Le Bourget, France" -> "Le Bourget"; mixed case kept."""
    place = place.split(",")[0].strip(" .-")
    return place.title() if place.isupper() else place


def match_place(line: str) -> str | None:
    for pattern in (P.DATELINE_AGENCY, P.DATELINE_CAPS):
        match = pattern.match(line)
        if match:
            place = place_name(match["place"])
            if place and len(place.split()) <= MAX_PLACE_WORDS and not place.lower().startswith(("by ", "updated")):
                return place
    return None


def find_dateline(header: tuple[str, ...], first_paragraph: str | None) -> Sourced | None:
    candidates = [("text:header", line) for i, line in enumerate(header)][-HEADER_LINES:]
    if first_paragraph:
        candidates.append(("text:first paragraph", first_paragraph))
    for source, line in candidates:
        place = match_place(line)
        if place:
            return Sourced(value=place, source=source)
    return None
