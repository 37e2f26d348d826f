"""What the history file holds: a row as it was shown, a receipt that came later, the row kinds.

Plain frozen dataclasses (safe to hand across threads); ``chatgui.history.store`` writes and
reads them and names them for its callers.
"""

from __future__ import annotations

from dataclasses import dataclass

# The row kinds as the file spells them, written here once (rows.py and the window's history
# view map to these names).
KIND_OWN = "own"
KIND_OTHER = "other"
KIND_RAW = "raw"
KIND_SYSTEM = "system"
KIND_ERROR = "error"
KINDS = (KIND_OWN, KIND_OTHER, KIND_RAW, KIND_SYSTEM, KIND_ERROR)
# The columns of the ``messages`` table a row is read from, in ``HistoryRow``'s order.
COLUMNS = ("id", "room", "ts", "kind", "sender", "text", "receipt", "rtt", "ref")


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One line of a transcript as it was shown.

    Attributes:
        id: The database rowid (0 before the row is written).
        room: The room key (see ``chatgui.history.rooms.room_key``).
        ts: Unix time (seconds) when the line was shown.
        kind: "own", "other", "raw", "system" or "error".
        sender: The nickname, "host:port" for raw text, "" for system rows.
        text: The text exactly as received (never interpreted as markup).
        receipt: For our own messages, the delivery mark as the window numbers it
            (``chatgui.ui.transcript_model.Receipt``; 0 = none).
        rtt: Round-trip time in seconds once delivered (0.0 = not known).
        ref: Names our own message for later receipt updates ("" = none): unique per
            session and message (see :class:`ReceiptUpdate`).
    """

    id: int
    room: str
    ts: float
    kind: str
    sender: str
    text: str
    receipt: int = 0
    rtt: float = 0.0
    ref: str = ""


@dataclass(frozen=True, slots=True)
class ReceiptUpdate:
    """A receipt that came for one of our messages already written (``ref`` names it).

    A mark of delivery is never replaced by a later "missing" (the window's own rule).
    """

    ref: str
    receipt: int
    rtt: float = 0.0


def clean_text(text: str) -> str:
    """``text`` with any lone surrogate replaced by U+FFFD (everything else unchanged)."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
