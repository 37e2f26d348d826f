"""Which backend events become history rows, and as what: the same for the window and the commands.

Plain Python: the sentence for a status event or a problem comes from the caller's
``describe`` (``chatgui.sentences.describe_event``, which translates), so this module
needs no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from chatgui.history.store import HistoryRow
from chatgui.net.events import (
    ChatReceived,
    ChatSent,
    Connected,
    Listening,
    PeerJoined,
    PeerLeft,
    ProblemOccurred,
    RawReceived,
    SessionEnded,
    Severity,
)

Describe = Callable[[object], "str | None"]

# The status events the transcript shows as a system row (receipts, roster and state
# changes are shown by other means; a reachability check is not part of a room).
SYSTEM_ROW_EVENTS = frozenset({Listening, Connected, PeerJoined, PeerLeft, SessionEnded})


def rows_from_events(room: str, events: Iterable[object], ts: float, describe: Describe) -> list[HistoryRow]:
    """The history rows for one batch of backend events, in order.

    Args:
        room: The room key (``chatgui.history.store.room_key``).
        events: A batch from ``Backend.events_received``.
        ts: When the batch was shown (unix seconds); one stamp per batch, as the window does.
        describe: Turns a status event or a problem into its sentence (None = no row).

    Returns:
        "other" for chat received, "raw" for raw text (sender "host:port"), "own" for our
        messages sent, "system" for joins, leaves and other status sentences (and
        problems of severity INFO), "error" for problems.
    """
    rows: list[HistoryRow] = []
    append = rows.append
    for event in events:
        kind = type(event)
        if kind is ChatReceived:
            assert isinstance(event, ChatReceived)
            append(HistoryRow(0, room, ts, "other", event.nick, event.text))
        elif kind is RawReceived:
            assert isinstance(event, RawReceived)
            append(HistoryRow(0, room, ts, "raw", event.sender, event.text))
        elif kind is ChatSent:
            assert isinstance(event, ChatSent)
            append(HistoryRow(0, room, ts, "own", event.nick, event.text))
        elif kind is ProblemOccurred:
            assert isinstance(event, ProblemOccurred)
            sentence = describe(event)
            if sentence:
                severity = "system" if event.severity is Severity.INFO else "error"
                append(HistoryRow(0, room, ts, severity, "", sentence))
        elif kind in SYSTEM_ROW_EVENTS:
            sentence = describe(event)
            if sentence:
                append(HistoryRow(0, room, ts, "system", "", sentence))
    return rows
