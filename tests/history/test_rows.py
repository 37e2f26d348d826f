"""Which backend events become history rows (the window and the commands share this)."""

from __future__ import annotations

from chatgui.events import (
    ChatReceived,
    ChatSent,
    Listening,
    NickAssigned,
    PeerJoined,
    PeerLeft,
    Problem,
    ProblemOccurred,
    RawReceived,
    ReceiptReceived,
    Reconnected,
    Reconnecting,
    RosterChanged,
    SessionState,
    Severity,
    StateChanged,
)
from chatgui.history.rows import is_system_row, rows_from_events
from chatgui.sentences import describe_event


def test_events_become_the_rows_the_transcript_shows() -> None:
    events = [
        StateChanged(SessionState.ACTIVE),
        Listening(("127.0.0.1:5000",), 5000),
        PeerJoined("bob", "127.0.0.1:6000"),
        RosterChanged(("ann", "bob")),
        ChatReceived("bob", "<i>hi</i>", "127.0.0.1:6000"),
        RawReceived("127.0.0.1:7000", "plain 文字"),
        ChatSent(1, "ann", "hello", expects_receipt=True),
        ReceiptReceived(1, 0.001),
        ProblemOccurred(Problem.DATAGRAM_FRAGMENTED, Severity.INFO, size=2000),
        ProblemOccurred(Problem.PEER_RESET, address="127.0.0.1:6000"),
        PeerLeft("bob", "127.0.0.1:6000"),
    ]
    rows = rows_from_events("tcp-host:5000", events, 12.5, describe_event)
    assert [(r.kind, r.sender) for r in rows] == [
        ("system", ""),
        ("system", ""),
        ("other", "bob"),
        ("raw", "127.0.0.1:7000"),
        ("own", "ann"),
        ("system", ""),
        ("error", ""),
        ("system", ""),
    ]
    assert rows[2].text == "<i>hi</i>"
    assert rows[3].text == "plain 文字"
    assert "5000" in rows[0].text
    assert "bob" in rows[1].text
    assert all(r.room == "tcp-host:5000" and r.ts == 12.5 and r.id == 0 for r in rows)


def test_one_rule_for_system_rows_in_the_window_and_the_commands() -> None:
    """A name given instead and a reconnection's first attempt and end are rows; later attempts not."""
    first = Reconnecting("10.0.0.2:5000", 1, 0.5)
    later = Reconnecting("10.0.0.2:5000", 2, 1.0)
    back = Reconnected("10.0.0.2:5000", 2)
    nick = NickAssigned("ann-2", "ann")
    assert [is_system_row(e) for e in (first, later, back, nick)] == [True, False, True, True]
    assert not is_system_row(RosterChanged(("ann",)))
    rows = rows_from_events("tcp-join:10.0.0.2:5000", [nick, first, later, back], 1.0, describe_event)
    assert [r.kind for r in rows] == ["system", "system", "system"]
