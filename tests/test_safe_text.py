"""safe_text: what a terminal or a browser would obey becomes visible (terminal) or goes (HTML)."""
from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.table import Table

from newsprism.safe_text import BIDI, PIPED_WIDTH, SafeConsole, for_html, for_terminal, one_line


def test_safe_text_terminal_escapes():
    assert for_terminal("a\x1b[2Jb\u202ec\td\ne\x9b") == "a\\x1b[2Jb\\u202ec\td\ne\\x9b"
    assert one_line("name\nerror: forged\r") == "name\\nerror: forged\\r"
    assert for_terminal("Zürich “quoted” — 東京") == "Zürich “quoted” — 東京"


def test_safe_text_html_keeps_markup_and_drops_controls():
    assert for_html('<p class="x">Reuters\u202egnp.exe\x1b[0m</p>\n') == '<p class="x">Reutersgnp.exe[0m</p>\n'


@given(st.text())
def test_safe_text_leaves_nothing_a_terminal_obeys(text):
    for safe in (for_terminal(text), one_line(text)):
        assert not any(ord(c) < 32 and c not in "\t\n" for c in safe)
        assert not any(0x7F <= ord(c) <= 0x9F or c in BIDI for c in safe)
    assert "\n" not in one_line(text)


def test_safe_text_console_cleans_strings_and_table_cells():
    buffer = io.StringIO()
    console = SafeConsole(file=buffer, width=80, color_system=None)
    table = Table("outlet")
    table.add_row("Reuters\u202egnp.exe\nline two")
    console.print("head \x1b]0;title\x07", markup=False)
    console.print(table)
    out = buffer.getvalue()
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "head \\x1b]0;title\\x07" in out and "Reuters\\u202egnp.exe\\nline two" in out


def test_safe_console_is_wide_on_a_pipe(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    assert SafeConsole(file=io.StringIO()).width == PIPED_WIDTH
    assert SafeConsole(file=io.StringIO(), width=100).width == 100
    monkeypatch.setenv("COLUMNS", "120")
    assert SafeConsole(file=io.StringIO()).width == 120
