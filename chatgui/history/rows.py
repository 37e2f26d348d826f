"""Which backend events become rows, and as what: the one rule for the window, the commands and history.

Plain Python: the sentence for a status event or a problem comes from the caller's
``describe`` (``chatgui.sentences.describe_event``, which translates), so this module
needs no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from chatgui.events import (
    ChatReceived,
    ChatSent,
    Connected,
    Listening,
    NickAssigned,
    PeerJoined,
    PeerLeft,
    ProblemOccurred,
    RawReceived,
    Reconnected,
    Reconnecting,
    SessionEnded,
    Severity,
)
from chatgui.history.store import KIND_ERROR, KIND_OTHER, KIND_OWN, KIND_RAW, KIND_SYSTEM, HistoryRow

Describe = Callable[[object], "str | None"]

_new = object.__new__
(_set_id, _set_room, _set_ts, _set_kind, _set_sender, _set_text, _set_receipt, _set_rtt, _set_ref) = (
    getattr(HistoryRow, name).__set__ for name in HistoryRow.__slots__
)
assert HistoryRow.__slots__ == ("id", "room", "ts", "kind", "sender", "text", "receipt", "rtt", "ref")


def history_row(
    room: str,
    ts: float,
    kind: str,
    sender: str,
    text: str,
    receipt: int = 0,
    rtt: float = 0.0,
    ref: str = "",
) -> HistoryRow:
    """``HistoryRow(0, room, ts, kind, sender, text, receipt, rtt, ref)``, made in half the time.

    A frozen dataclass's ``__init__`` sets each of the nine fields through
    ``object.__setattr__``; a flood records one row per message in the GUI thread, which
    shares the GIL with the socket worker, so the slots are written directly (as
    ``chatgui.net.common.chat_received`` does). The result is an ordinary, equal row.
    """
    row: HistoryRow = _new(HistoryRow)
    _set_id(row, 0)
    _set_room(row, room)
    _set_ts(row, ts)
    _set_kind(row, kind)
    _set_sender(row, sender)
    _set_text(row, text)
    _set_receipt(row, receipt)
    _set_rtt(row, rtt)
    _set_ref(row, ref)
    return row


# The status events the transcript shows as a system row (receipts, roster and state
# changes are shown by other means; a reachability check is not part of a room).
SYSTEM_ROW_EVENTS = frozenset(
    {Listening, Connected, PeerJoined, PeerLeft, SessionEnded, NickAssigned, Reconnecting, Reconnected}
)


def is_system_row(event: object) -> bool:
    """Whether ``event`` is a status event shown (and kept) as a system row.

    Reconnecting shows one row, when it begins: the window's banner counts the later
    attempts down.
    """
    if type(event) not in SYSTEM_ROW_EVENTS:
        return False
    return not (isinstance(event, Reconnecting) and event.attempt > 1)


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
            append(history_row(room, ts, KIND_OTHER, event.nick, event.text))
        elif kind is RawReceived:
            assert isinstance(event, RawReceived)
            append(history_row(room, ts, KIND_RAW, event.sender, event.text))
        elif kind is ChatSent:
            assert isinstance(event, ChatSent)
            append(history_row(room, ts, KIND_OWN, event.nick, event.text))
        elif kind is ProblemOccurred:
            assert isinstance(event, ProblemOccurred)
            sentence = describe(event)
            if sentence:
                severity = KIND_SYSTEM if event.severity is Severity.INFO else KIND_ERROR
                append(history_row(room, ts, severity, "", sentence))
        elif is_system_row(event):
            sentence = describe(event)
            if sentence:
                append(history_row(room, ts, KIND_SYSTEM, "", sentence))
    return rows
