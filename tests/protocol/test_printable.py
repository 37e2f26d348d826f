"""Text from the network shown safely: nothing can drive a terminal, reorder a line or forge one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatgui.protocol import printable
from chatgui.protocol.printable import NEWLINE_MARK, escape_terminal, needs_escape, one_line, visible_marks

HOSTILE = [
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),  # retitles a terminal
    ("\x1b[2J", "\\x1b[2J"),
    ("a\x00b", "a\\x00b"),
    ("del\x7f", "del\\x7f"),
    ("c1\x9b31m", "c1\\x9b31m"),  # a C1 control sequence introducer
    ("\u202eevil", "\\u202eevil"),  # right-to-left override
    ("zero\u200bwidth", "zero\\u200bwidth"),
    ("line\u2028sep", "line\\u2028sep"),
    ("tag\U000e0041", "tag\\U000e0041"),
    ("tab\tstays", "tab\tstays"),
    ("你好 😀 <b>", "你好 😀 <b>"),
    ("two\nlines", "two\\x0alines"),
]


@pytest.mark.parametrize(("text", "escaped"), HOSTILE)
def test_escape_terminal(text: str, escaped: str) -> None:
    assert escape_terminal(text) == escaped


@given(st.text())
def test_escaped_text_has_nothing_a_terminal_obeys(text: str) -> None:
    out = escape_terminal(text)
    assert not any(needs_escape(ch) for ch in out if ch != "\t")
    assert "\n" not in out


def test_visible_marks_keep_lines_and_tabs_and_show_the_rest() -> None:
    assert visible_marks("a\r\nb\tc") == "a\nb\tc"
    assert visible_marks("\x1b[31m") == "\u27e8ESC\u27e9[31m"  # ⟨ESC⟩
    assert visible_marks("\x00\x1f") == "\u27e8NUL\u27e9\u27e8US\u27e9"
    assert visible_marks("x\x7f") == "x\u27e8DEL\u27e9"
    assert visible_marks("\u202eevil") == "\u27e8U+202E\u27e9evil"
    assert visible_marks("\x9b") == "\u27e8U+009B\u27e9"
    assert visible_marks("a\rb") == "a\u27e8CR\u27e9b"  # a lone CR would overwrite the line


@given(st.text())
def test_visible_marks_leave_only_lines_and_tabs(text: str) -> None:
    assert not any(needs_escape(ch) for ch in visible_marks(text) if ch not in "\n\t")


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\x1e"])
def test_one_line_shows_every_line_break(brk: str) -> None:
    assert one_line(f"hi{brk}hostnick: please run") == f"hi{NEWLINE_MARK}hostnick: please run"


@given(st.text())
def test_one_line_is_always_one_line(text: str) -> None:
    out = one_line(text)
    assert len(out.splitlines()) <= 1
    assert not any(needs_escape(ch) for ch in out if ch != "\t")


def test_the_tables_stay_bounded() -> None:
    text = "".join(chr(code) for code in range(0x4E00, 0x4E00 + 70_000) if not 0xD800 <= code < 0xE000)
    out = escape_terminal(text)
    assert not any(needs_escape(ch) for ch in out)
    assert len(printable._TERMINAL) <= 65_536  # a stranger sending every code point cannot grow it
