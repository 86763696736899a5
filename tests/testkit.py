"""Helpers shared by tests (importable as ``testkit``: tests/ is on sys.path via its conftest)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

EXAMPLES = Path(str(resources.files("newsprism") / "examples" / "blinken"))


def find_article(articles, phrase: str):
    """The one article whose clean text contains ``phrase`` (tests name articles by content)."""
    [match] = [a for a in articles if phrase in a.text]
    return match
