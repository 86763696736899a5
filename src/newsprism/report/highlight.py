"""Article text with quotes and claims highlighted by character offsets.

Every piece of article text is escaped on its own before any markup is put around it, so the only
tags in the output are the ones built here. Spans may overlap or nest (a claim that contains a
quote, two quotes sharing words): the text is cut at every span boundary and each piece is marked
with all the spans that cover it, linking to the innermost one; every span also ends with a small
numbered reference link of its own, so each highlight is reachable even where it is covered.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Article

RECORD = dict(frozen=True, slots=True, kw_only=True)


@dataclass(**RECORD)
class Mark:
    """One highlighted stretch ``text[start:end]`` of an article."""

    start: int
    end: int
    kind: str  # "quote" | "claim" | "contradiction" | "speaker" | "loaded"
    anchor: str  # id of the stretch's first piece on the article page
    href: str  # where the highlight leads (the aligned quote or claim)
    label: str  # short reference shown after the stretch ("Q2"); empty for none
    title: str  # what a hover / screen reader says about it


@dataclass(**RECORD)
class Paragraph:
    start: int
    end: int
    kind: str  # "paragraph" | "heading"


def paragraphs(article: Article) -> list[Paragraph]:
    """The article's blocks located in its clean ``text`` (offsets are into that text); falls back
    to blank-line paragraphs when the blocks and the text disagree."""
    out, pos, text = [], 0, article.text
    for block in article.blocks:
        start = text.find(block.text, pos) if block.text else -1
        if start < 0:
            return _blank_line_paragraphs(text)
        out.append(Paragraph(start=start, end=start + len(block.text), kind=block.kind))
        pos = start + len(block.text)
    return out or _blank_line_paragraphs(text)


def _blank_line_paragraphs(text: str) -> list[Paragraph]:
    out, pos = [], 0
    for piece in text.split("\n\n"):
        if piece.strip():
            out.append(Paragraph(start=pos, end=pos + len(piece), kind="paragraph"))
        pos += len(piece) + 2
    return out


def locate(text: str, start: object, end: object, quoted: object = None) -> tuple[int, int] | None:
    """Trust offsets that point at the quoted words; otherwise find the words; otherwise None."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if not quoted or text[start:end] == quoted:
            return start, end
    if isinstance(quoted, str) and quoted.strip():
        found = text.find(quoted)
        if found >= 0:
            return found, found + len(quoted)
    return None


def render(text: str, paragraph: Paragraph, marks: Sequence[Mark]) -> Markup:
    """One paragraph of ``text`` as escaped HTML with ``marks`` applied (offsets into ``text``)."""
    lo, hi = paragraph.start, paragraph.end
    inside = [m for m in marks if m.start < hi and m.end > lo]
    cuts = sorted({lo, hi, *(max(lo, min(hi, m.start)) for m in inside),
                   *(max(lo, min(hi, m.end)) for m in inside)})
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        parts.extend(f'<span class="anchor" id="{escape(m.anchor)}"></span>' for m in inside if m.start == a)
        cover = [m for m in inside if m.start <= a and m.end >= b]
        parts.append(_piece(text[a:b], cover))
        parts.extend(_reference(m) for m in sorted(inside, key=lambda m: -m.start) if m.end == b and m.label)
    return Markup("".join(parts))


def _piece(words: str, cover: Sequence[Mark]) -> str:
    if not cover:
        return str(escape(words))
    inner = min(cover, key=lambda m: (m.end - m.start, m.start))
    kinds = " ".join(sorted({f"hl-{m.kind}" for m in cover}))
    depth = " hl-overlap" if len(cover) > 1 else ""
    title = " · ".join(dict.fromkeys(m.title for m in cover))
    return (f'<a class="hl {kinds}{depth}" href="{escape(inner.href)}" title="{escape(title)}">'
            f"{escape(words)}</a>")


def _reference(mark: Mark) -> str:
    return (f'<sup class="ref ref-{escape(mark.kind)}"><a href="{escape(mark.href)}" '
            f'aria-label="{escape(mark.title)}">{escape(mark.label)}</a></sup>')
