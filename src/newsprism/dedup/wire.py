"""Wire credits: one canonical name per agency, so "AFP Staff Writers" and "Agence France-Presse" match."""
from __future__ import annotations

import re

from .patterns import WIRE_ALIASES

_SPACE = re.compile(r"\s+")


def normalize_wire(name: str | None) -> str | None:
    """The canonical agency name of a wire credit, or ``None`` when there is no credit."""
    if not name or not name.strip():
        return None
    key = _SPACE.sub(" ", name.strip().strip(".").lower())
    return WIRE_ALIASES.get(key, key)
