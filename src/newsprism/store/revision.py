"""Where a store stands (``Store.revision``), for a reader that keeps what it read (the web app's
snapshot): it reads again only the articles added since, while nothing else changed."""
from __future__ import annotations

from dataclasses import dataclass

@dataclass(frozen=True, slots=True)
class Revision:
    """``edits`` changes with every article updated or removed; ``analysis`` with every write to
    what the web app's snapshot shows of the analysis (the tables stories, relations,
    provenance_groups, headline_checks and findings: migration 0009); ``last`` is the insertion mark (SQLite rowid, PostgreSQL ``seq``) of the
    newest article, ``count`` how many articles there are. Read in one statement."""

    edits: int
    analysis: int
    last: int
    count: int
