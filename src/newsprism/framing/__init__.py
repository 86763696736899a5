"""Framing: per outlet, the words it uses for the same referents, its loaded terms, and what it
leaves out that the others carry.

    from newsprism.framing import framing_panel
    panel = framing_panel(articles, {a.article_id: a for a in annotations}, coverage)  # claims.coverage_matrix
    panel.side_by_side("China")   # {outlet: ("CCP", "Chinese regime", ...)}
    panel.to_dict()
    loaded_words("The regime's brutal crackdown ...", language=language)   # [LoadedWord(text="brutal", reason=..., quoted=False), ...]

Shipped lexicons (``data/aliases.json``, ``data/loaded_terms.json``) document their origin.
"""
from .emotive import LoadedWordModel, default_model, score_sentences
from .group import EMBED_THRESHOLD, GroupingOptions
from .lexicon import default_aliases, default_loaded
from .loaded import loaded_terms
from ..claims.coverage import CoverageMatrix, CoverageRow
from .panel import FRAMING_VERSION, framing_panel
from .records import (FormUse, FramingPanel, LoadedCount, LoadedTerm, LoadedWord, Mention,
                      Omission, OutletForms, OutletFraming, OutletName, TermChoice, TermGroup)
from .terms import entity_terms, outlet_of
from .words import loaded_words

__all__ = [
    "EMBED_THRESHOLD", "FRAMING_VERSION", "CoverageMatrix", "CoverageRow", "FormUse", "FramingPanel", "GroupingOptions",
    "LoadedCount", "LoadedTerm", "LoadedWord", "LoadedWordModel", "Mention", "Omission", "OutletForms", "OutletFraming", "OutletName",
    "TermChoice", "TermGroup", "default_aliases", "default_loaded", "default_model",
    "entity_terms", "framing_panel", "loaded_terms", "loaded_words", "outlet_of", "score_sentences",
]
