"""Figures across outlets: the numbers each article of an event gives for the same quantity (dead,
injured, arrested, missing, evacuated, magnitude, amounts of money, percentages, counts),
aligned, with disagreements flagged and each side cited by article id and character offsets.

    extract_figures(text)               -> [Figure]          (newsprism.figures.extract)
    align_figures({article: figures}, event=...) -> [AlignedFigure]  (newsprism.figures.align)

Light: regular expressions only (no model), so ``import newsprism.figures`` is cheap.
"""
from __future__ import annotations

from .align import ALIGN_VERSION, align_figures, fits, pair_status, same_quantity
from .extract import FIGURES_VERSION, extract_figures
from .records import AlignedFigure, Figure, FigurePair

__all__ = ["ALIGN_VERSION", "AlignedFigure", "FIGURES_VERSION", "Figure", "FigurePair", "align_figures",
           "extract_figures", "fits", "pair_status", "same_quantity"]
