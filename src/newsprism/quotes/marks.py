"""Quotation spans from quotation marks: straight and curly, nested, across paragraphs, unbalanced.

A text that quotes with single marks only (British style: ‘...,’ the company says) has them read
as double ones; beside double marks, single ones are quotations inside quotations.

A paragraph that opens a quotation without closing it continues in the next paragraph when that
one opens with a quotation mark (the newspaper convention for a quote running over paragraphs);
otherwise (or when the next paragraph opens a transcript turn, '"PENCE: ...') the quotation runs to
the end of its paragraph and is flagged ``unbalanced-quotes``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import patterns as P
from .records import MULTI_PARAGRAPH, NESTED, RECORD, UNBALANCED

_PARAGRAPH = re.compile(r"[^\n]+")
_WORDISH = re.compile(r"\w", re.UNICODE)
# Every character the paragraph scan acts on (openers, closers, the nested single opener): the
# scan visits only these, not every character of the text (4% of a full analyze's CPU before).
_MARK_CHARS = re.compile("[" + re.escape("".join(sorted(set(P.OPEN_MARKS + "“”»" + P.STRAIGHT
                                                                + P.INNER_OPEN)))) + "]")


@dataclass(**RECORD)
class Quotation:
    """The text between a pair of quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark (None when never closed)
    flags: tuple[str, ...] = ()
    close_width: int = 1  # 2 for a closing ''

    @property
    def outer_end(self) -> int:
        return self.close_at + self.close_width if self.close_at is not None else self.end


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation in ``text``, in order (see the module docstring)."""
    if "''" in text:
        return [_widen(text, q) for q in _find(_double_apostrophes(text))]
    if P.INNER_OPEN in text and not any(mark in text for mark in "“”\"«„"):
        return _find(_single_as_double(text))
    return _find(text)


def _single_as_double(text: str) -> str:
    """A text quoting with single marks only (British style: ‘As a manufacturer ...,’ the company
    says) with each ‘ and the ’ that closes it (not an apostrophe: followed by no letter or digit)
    rewritten as “ and ”, so that offsets do not move."""
    out = list(text)
    open_at = None
    for i, ch in enumerate(text):
        if ch == "\n":
            open_at = None
        elif ch == P.INNER_OPEN and open_at is None:
            out[i], open_at = "“", i
        elif ch == P.INNER_CLOSE and open_at is not None and i > open_at + 1 \
                and (i + 1 == len(text) or not text[i + 1].isalnum()):
            out[i], open_at = "”", None
    return "".join(out)


def _find(text: str) -> list[Quotation]:
    quotations: list[Quotation] = []
    pending: tuple[int, list[str]] | None = None  # (open_at, flags) of a quotation carried into the next paragraph
    last_end = 0
    for para in _PARAGRAPH.finditer(text):
        line = para.group()
        if pending is not None and (not _opens_with_mark(line, text[pending[0]]) or P.SPEAKER_LABEL.match(line)):
            quotations.append(_unbalanced(text, *pending, last_end))
            pending = None
        pending = _scan_paragraph(text, para.start(), line, quotations, pending)
        last_end = para.end()
    if pending is not None:
        quotations.append(_unbalanced(text, *pending, last_end))
    return quotations


# Two apostrophes as a quotation mark (the New York Times' house style in its text feeds: 116 of
# PolNeAR's 840 train articles): ''It's anti-reform,'' said Alan Cole.
_TWO_APOSTROPHES = re.compile(r"''")
_FILLER = "\x01"


def _double_apostrophes(text: str) -> str:
    """``text`` with each '' rewritten as a straight quotation mark and a filler, on the inner
    side, so that offsets do not move (``_widen`` then takes both apostrophes as the mark)."""
    def mark(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else " "
        return _FILLER + '"' if before.isspace() or before in "([{—–-" else '"' + _FILLER

    return _TWO_APOSTROPHES.sub(mark, text)


def _widen(text: str, q: Quotation) -> Quotation:
    if q.open_at > 0 and text[q.open_at - 1:q.open_at + 1] == "''":
        q = replace(q, open_at=q.open_at - 1)
    if q.close_at is not None and text[q.close_at:q.close_at + 2] == "''":
        q = replace(q, close_width=2)
    return q


def _opens_with_mark(line: str, opener: str) -> bool:
    """The paragraph re-opens a quotation opened with ``opener``: same style of mark (a paragraph
    opening with “ after one left open with " starts a quotation of its own; the straight marks
    then are block-quote markers of an excerpt)."""
    stripped = line.lstrip().lstrip(_FILLER)
    return bool(stripped) and stripped[0] in P.OPEN_MARKS and (stripped[0] == P.STRAIGHT) == (opener == P.STRAIGHT)


def _scan_paragraph(text, offset, line, out, pending):
    """Pair the marks of one paragraph; returns the quotation left open at its end, if any."""
    open_at, flags = pending if pending is not None else (None, [])
    skip = -1
    if pending is not None:  # the re-opening mark of a quotation continued from the paragraph before
        skip = len(line) - len(line.lstrip().lstrip(_FILLER))
        if MULTI_PARAGRAPH not in flags:
            flags.append(MULTI_PARAGRAPH)
    inner = 0  # curly pairs open inside a straight-quoted quotation ('"... “Shark Tank.” ...')
    for mark in _MARK_CHARS.finditer(line):
        i, ch = mark.start(), mark.group()
        if i <= skip:
            continue
        pos = offset + i
        opener = text[open_at] if open_at is not None else ""
        if open_at is None:
            if _is_opening(line, i):
                open_at, flags, inner = pos, [], 0
        elif opener == P.STRAIGHT and ch in "“”" and (ch == "“" or inner):
            inner += 1 if ch == "“" else -1
            if NESTED not in flags:
                flags.append(NESTED)
        elif _is_closing(line, i, opener):
            out.append(Quotation(start=open_at + 1, end=pos, open_at=open_at, close_at=pos,
                                 flags=tuple(flags)))
            open_at, flags = None, []
        elif ch == P.INNER_OPEN and NESTED not in flags:
            flags.append(NESTED)
    return (open_at, flags) if open_at is not None else None


def _is_opening(line: str, i: int) -> bool:
    ch = line[i]
    nxt = line[i + 1] if i + 1 < len(line) else ""
    if ch == "”":  # a closing mark typed as the opener: '”Fear. I am ...' at a paragraph's start
        return (i == 0 or line[i - 1].isspace()) and nxt.isalnum()
    if ch not in P.OPEN_MARKS:
        return False
    if not nxt or nxt.isspace():
        return False
    if ch == P.STRAIGHT:
        prev = line[i - 1] if i else " "
        return not _WORDISH.match(prev) and prev not in ".,;!?"
    return True


def _is_closing(line: str, i: int, opener: str) -> bool:
    ch = line[i]
    if ch in "”»" or ch == P.STRAIGHT:
        return True
    if ch == "“" and opener != P.STRAIGHT:  # a mistyped closer ("... said.“ He"), not a nested opener
        prev = line[i - 1] if i else " "
        nxt = line[i + 1] if i + 1 < len(line) else " "
        return not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?")
    return False


def _unbalanced(text: str, open_at: int, flags: list[str], end: int) -> Quotation:
    """A quotation never closed: it runs to the end of the paragraph it was last seen in."""
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return Quotation(start=open_at + 1, end=end, open_at=open_at, close_at=None,
                     flags=tuple(dict.fromkeys([*flags, UNBALANCED])))
