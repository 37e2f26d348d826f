r"""Text from the network made safe to show: nothing in it can drive a terminal or forge a line.

Three forms, one rule (every C0 and C1 control, DEL, and every invisible or bidi formatting
character becomes something you can see):

- :func:`escape_terminal` for stdout and stderr: ``\x1b``, ``\u202e``; a tab stays a tab.
- :func:`visible_marks` for the window: ``⟨ESC⟩`` and ``⟨U+202E⟩``; line
  breaks and tabs stay, since a chat message may have several lines.
- :func:`one_line` for a plain-text member (``nc``) and names: as ``escape_terminal``, with
  every line break shown as ``⏎``, so one message is always exactly one line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from chatgui.protocol.names import is_invisible

NEWLINE_MARK = "\u23ce"  # ⏎
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def needs_escape(char: str) -> bool:
    """Whether ``char`` is a control (C0, DEL, C1), a line/paragraph separator, or invisible formatting."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029):
        return True
    if code < 0xA0:
        return False
    return is_invisible(char) or unicodedata.category(char) == "Cs"


def _escape_code(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


# The ASCII names of C0 controls and DEL: a learner reads ⟨ESC⟩ and ⟨NUL⟩ where a terminal
# would have obeyed them (Unicode's control pictures, ␛, are missing from many fonts).
_C0_NAMES = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "HT",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
]


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return f"\u27e8{_C0_NAMES[code]}\u27e9"  # ⟨ESC⟩
    if code == 0x7F:
        return "\u27e8DEL\u27e9"
    return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩


class _Table(dict[int, str]):
    """A lazy ``str.translate`` table: each code point is classified once, then remembered."""

    def __init__(self, mark: Callable[[str], str], keep: str) -> None:
        super().__init__()
        self._mark = mark
        self._keep = keep

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = self._mark(char) if needs_escape(char) and char not in self._keep else char
        if len(self) < 65536:  # bounded: a stranger cannot grow it without limit
            self[code] = value
        return value


_TERMINAL = _Table(_escape_code, keep="\t")
_WINDOW = _Table(_picture, keep="\t\n")


def escape_terminal(text: str) -> str:
    r"""``text`` safe for a terminal: controls and invisible formatting shown as ``\x1b``, ``\u202e``.

    Line breaks are escaped too (``\x0a``): split a message into lines first when each
    line should be printed on its own.
    """
    if text.isascii() and text.isprintable():
        return text  # the common case, at C speed
    return text.translate(_TERMINAL)


def visible_marks(text: str) -> str:
    """``text`` for the window: controls by name (``⟨ESC⟩``), invisibles as ``⟨U+200B⟩``.

    A line feed and a tab stay (a message may have several lines); a CR before a line
    feed is dropped, other line breaks become marks.
    """
    if text.isascii() and text.isprintable():
        return text
    return text.replace("\r\n", "\n").translate(_WINDOW)


def one_line(text: str) -> str:
    r"""``text`` as exactly one line for a terminal: line breaks become ``⏎``, other controls ``\x1b``."""
    text = text.replace("\r\n", "\n")
    for brk in _LINE_BREAKS:
        if brk in text:
            text = text.replace(brk, NEWLINE_MARK)
    return escape_terminal(text)
