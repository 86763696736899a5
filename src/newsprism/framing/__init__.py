"""Framing: per outlet, the words it uses for the same referents, its loaded terms, and what it
leaves out that the others carry.

    from newsprism.framing import framing_panel
    panel = framing_panel(articles, {a.article_id: a for a in annotations}, coverage)
    panel.side_by_side("China")   # {outlet: ("CCP", "Chinese regime", ...)}
    panel.to_dict()

Shipped lexicons (``data/aliases.json``, ``data/loaded_terms.json``) document their origin.
"""
from .group import EMBED_THRESHOLD, GroupingOptions
from .lexicon import default_aliases, default_loaded
from .loaded import loaded_terms
from .panel import FRAMING_VERSION, coverage_rows, framing_panel
from .records import (CoverageRow, FormUse, FramingPanel, LoadedCount, LoadedTerm, Mention, Omission,
                      OutletForms, OutletFraming, OutletName, TermChoice, TermGroup)
from .terms import entity_terms, outlet_of

__all__ = [
    "EMBED_THRESHOLD", "FRAMING_VERSION", "CoverageRow", "FormUse", "FramingPanel", "GroupingOptions",
    "LoadedCount", "LoadedTerm", "Mention", "Omission", "OutletForms", "OutletFraming", "OutletName",
    "TermChoice", "TermGroup", "coverage_rows", "default_aliases", "default_loaded", "entity_terms",
    "framing_panel", "loaded_terms", "outlet_of",
]
