"""The line framer of a private room's stream: whole lines, unparsed, never a tail."""

from __future__ import annotations

import pytest

from chatgui.protocol.errors import LineTooLong
from chatgui.protocol.frames import RawText
from chatgui.protocol.lines import NEED_DATA, Closed, LineFramer


def test_a_sealed_framer_hands_out_whole_lines_only() -> None:
    framer = LineFramer(max_line=100, sealed=True)
    framer.receive_data(b'{"v":1,"type":"pake"}\nabc\r\nhalf', 0.0)
    assert framer.next_events(0.0) == [RawText("", b'{"v":1,"type":"pake"}'), RawText("", b"abc\r")]
    assert framer.next_deadline() is None
    assert framer.next_event(1e9) is NEED_DATA  # a tail is never shown early
    framer.receive_data(b"-line\nnext", 1.0)
    assert framer.next_event(1.0) == RawText("", b"half-line")
    framer.receive_data(b"", 2.0)
    assert framer.next_event(2.0) == Closed()  # nor at the close
    late = LineFramer(max_line=100, sealed=True)
    late.receive_data(b"x\n", 0.0)
    late.receive_data(b"", 0.0)
    assert late.next_events(0.0) == [RawText("", b"x"), Closed()]
    with pytest.raises(LineTooLong):
        LineFramer(max_line=10, sealed=True).receive_data(b"y" * 11, 0.0)


def test_a_sealed_framer_waits_for_the_end_of_a_line() -> None:
    framer = LineFramer(sealed=True)
    framer.receive_data(b"no end yet", 0.0)
    assert framer.next_events(1e9) == []
