"""Text from outside (article fields, file names, library messages) made safe to display.

A terminal obeys control sequences (``ESC[2J`` clears the screen, OSC sequences retitle the
window or forge links) and a newline in a file name forges a second ``error:`` line; Unicode
bidi controls (U+202E) make ``Reuters\u202egnp.exe`` display as ``Reutersexe.png``, in a terminal
and in a browser. ``for_terminal`` shows each such character as a visible escape (``\\x1b``,
``\\u202e``); ``for_html`` drops them from a rendered page (HTML escaping stays Jinja's job).
"""
from __future__ import annotations

import re

from rich.console import Console, ConsoleDimensions
from rich.table import Table

__all__ = ["SafeConsole", "for_html", "for_terminal", "one_line"]

# Bidi embedding, override and isolate controls and the implicit marks.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), and the bidi set.
_UNSAFE_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}\u2028\u2029]")
_UNSAFE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}\u2028\u2029]")
_UNSAFE_HTML = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI}]")


# A pipe or a file has no width, and rich's fallback (80 columns) cut headlines in a piped
# `newsprism articles` to ~25 characters. 250 columns keep 99.9% of headlines whole beside the
# table's other columns (55 wide): of 22,671 headlines in polnear, fnc1, basil and neus the
# median is 68 characters, p99 153, p99.9 186. COLUMNS, when set, still wins.
PIPED_WIDTH = 250

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` with control and bidi characters shown as escapes; newlines and tabs kept."""
    return _UNSAFE_MULTILINE.sub(_escape, text) if _UNSAFE_MULTILINE.search(text) else text


def one_line(text: str) -> str:
    """``text`` for one line of a terminal: newlines too become visible escapes (``\\n``)."""
    return _UNSAFE_LINE.sub(_escape, text) if _UNSAFE_LINE.search(text) else text


def for_html(page: str) -> str:
    """A rendered HTML page without bidi controls and the control characters HTML forbids."""
    return _UNSAFE_HTML.sub("", page)


class SafeConsole(Console):
    """A rich ``Console`` whose ``print`` neutralises control and bidi characters in the strings
    and table cells it is given (rich's own styling is added after, so colours still work).

    Writing to a pipe or a file (no terminal, no ``COLUMNS``, no width given), it is
    ``PIPED_WIDTH`` wide; rich would take the width of whichever standard stream is a terminal,
    or 80 columns.
    """

    @property
    def size(self) -> ConsoleDimensions:
        if self._width is None and "COLUMNS" not in self._environ and not self.is_terminal:
            return ConsoleDimensions(PIPED_WIDTH, Console.size.fget(self).height)  # type: ignore[attr-defined]
        return Console.size.fget(self)  # type: ignore[attr-defined]

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)  # type: ignore[attr-defined]

    def print(self, *objects, **options) -> None:  # noqa: A003 - rich's name
        super().print(*(_safe(value) for value in objects), **options)


def _safe(value):
    if isinstance(value, str):
        return for_terminal(value)
    if isinstance(value, Table):
        if isinstance(value.title, str):
            value.title = one_line(value.title)
        for column in value.columns:
            column.header = one_line(column.header) if isinstance(column.header, str) else column.header
            column._cells = [one_line(cell) if isinstance(cell, str) else cell for cell in column._cells]
    return value
