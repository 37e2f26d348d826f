"""The transcript as a bounded list model: one row per message or event, appended in batches."""

from __future__ import annotations

import enum
import time
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

DEFAULT_MAX_ROWS = 5000


class RowKind(enum.IntEnum):
    """What a row is, which decides how it is painted."""

    OWN = 0
    OTHER = 1
    RAW = 2
    SYSTEM = 3
    ERROR = 4
    DIVIDER = 5  # "— earlier —" between history and this session; never recorded
    FILE = 6  # a file offer (``FileRow``): its widget shows it (chatgui.ui.file_rows); never recorded
    MUTED = 7  # a muted person's message, folded to one line (chatgui.ui.mute); recorded as OTHER


class Receipt(enum.IntEnum):
    """Delivery state of one of our own messages."""

    NONE = 0  # no receipt expected (TCP raw, received messages, system rows)
    PENDING = 1
    DELIVERED = 2
    MISSING = 3
    NOT_SENT = 4  # typed while reconnecting; never left this computer
    RELAYED = 5  # the TCP host's own message, written to every member's connection (no ack comes)


class Row:
    """One transcript row; slots keep a full model small (a few hundred bytes a row).

    Attributes:
        time: "HH:MM:SS" (rows of one batch share the string).
        kind: How to paint it.
        sender: A nickname, ``host:port`` for raw text, or "" for system rows.
        text: Plain text, never interpreted as markup.
        receipt: Delivery state for our own messages.
        rtt: Round-trip time in seconds once delivered.
        msg_id: The backend's id for our own messages (0 otherwise).
        layout_width: The width ``layout_height`` was computed for (-1 = not yet).
        layout_height: The cached height for painting at ``layout_width``.
        layout_exact: Whether ``layout_height`` was measured (False: estimated from the length).
        ts: Unix time when the row was shown (0.0: set by ``append_rows``).
        history_id: The row's id in the history database when it was loaded from there (0: not known).
    """

    __slots__ = (
        "history_id",
        "kind",
        "layout_exact",
        "layout_height",
        "layout_width",
        "msg_id",
        "receipt",
        "rtt",
        "sender",
        "text",
        "time",
        "ts",
    )

    def __init__(
        self,
        kind: RowKind,
        sender: str,
        text: str,
        time_text: str = "",
        ts: float = 0.0,
        *,
        receipt: Receipt = Receipt.NONE,
        msg_id: int = 0,
        history_id: int = 0,
    ) -> None:
        self.time = time_text
        self.ts = ts
        self.history_id = history_id
        self.kind = kind
        self.sender = sender
        self.text = text
        self.receipt = receipt
        self.rtt = 0.0
        self.msg_id = msg_id
        self.layout_width = -1
        self.layout_height = 0
        self.layout_exact = False

    def as_text(self) -> str:
        """The row as one line of plain text for the clipboard: ``time sender: text``."""
        if self.sender:
            return f"{self.time} {self.sender}: {self.text}"
        return f"{self.time} {self.text}"

    def __repr__(self) -> str:
        return f"Row({self.kind.name}, {self.sender!r}, {self.text!r})"


class FileRow(Row):
    """A file offer's row: ``text`` says who offered what; a widget over it shows the rest.

    Attributes:
        offer_id: The offer it shows (``chatgui.ui.transfers``).
        height: The height its widget asks for (0: one line until the widget is made).
    """

    __slots__ = ("height", "offer_id")

    def __init__(self, offer_id: str, sender: str, text: str) -> None:
        super().__init__(RowKind.FILE, sender, text)
        self.offer_id = offer_id
        self.height = 0

    def __repr__(self) -> str:
        return f"FileRow({self.offer_id!r}, {self.sender!r}, {self.text!r})"


class TranscriptModel(QAbstractListModel):
    """The latest ``max_rows`` rows of the conversation.

    Rows arrive in batches (``append_rows``): one ``rowsInserted`` per batch and, when the
    bound is passed, one ``rowsRemoved`` for the oldest rows, so a flood costs the view two
    notifications per batch whatever its size.
    """

    RowRole = Qt.ItemDataRole.UserRole + 1
    KindRole = Qt.ItemDataRole.UserRole + 2
    SenderRole = Qt.ItemDataRole.UserRole + 3
    TimeRole = Qt.ItemDataRole.UserRole + 4
    ReceiptRole = Qt.ItemDataRole.UserRole + 5

    def __init__(self, max_rows: int = DEFAULT_MAX_ROWS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if max_rows < 1:
            raise ValueError("max_rows must be at least 1")
        self._max_rows = max_rows
        self._rows: list[Row] = []
        self._appended = 0
        # msg_id -> serial (position in the whole history of appended rows), in insertion
        # order so trimming pops from the front.
        self._serial_for_msg: dict[int, int] = {}
        # Rows put in front by ``prepend_rows`` (older history) that are still held.
        self._front = 0
        self.receipt_tooltips: dict[Receipt, str] = {}
        self.folded_text = ""
        """What a folded row (``RowKind.MUTED``) reads and copies as, its time before (chatgui.ui.mute)."""
        self.folded_file_text = ""
        """What a folded file offer (a ``FileRow`` of ``RowKind.MUTED``) reads and copies as."""

    @property
    def max_rows(self) -> int:
        """How many rows are kept; older ones are dropped."""
        return self._max_rows

    @property
    def appended_count(self) -> int:
        """How many rows were ever appended (including trimmed and cleared ones)."""
        return self._appended

    def rows(self) -> Sequence[Row]:
        """The rows currently held (read-only view for tests and copying)."""
        return tuple(self._rows)

    def row_at(self, index: int) -> Row:
        """The row at ``index``."""
        return self._rows[index]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of rows held (Qt override)."""
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Row data for ``role`` (Qt override); DisplayRole is the plain message text."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == TranscriptModel.RowRole:
            return row
        if role == TranscriptModel.SenderRole:
            return row.sender
        if role == TranscriptModel.TimeRole:
            return row.time
        if role == TranscriptModel.KindRole:
            return int(row.kind)
        if role == TranscriptModel.ReceiptRole:
            return int(row.receipt)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._as_text(row)
        return None

    def _tooltip(self, row: Row) -> str | None:
        template = self.receipt_tooltips.get(row.receipt)
        if template is None:
            return None
        return template.replace("{rtt}", f"{row.rtt * 1000:.1f}")

    def append_rows(self, rows: Iterable[Row], now: float | None = None, skipped: int = 0) -> None:
        """Append a batch: at most one ``rowsRemoved`` (the oldest) and one ``rowsInserted``.

        Args:
            rows: New rows; those without a time get this batch's time.
            now: The batch's wall-clock time (default: now).
            skipped: Rows of this batch that came before ``rows`` and were never built because
                they would be trimmed at once (counted in ``appended_count``, never shown).
        """
        self._appended += skipped
        batch = list(rows)
        if not batch:
            return
        if now is None:
            now = time.time()
        stamp = self.stamp(now)
        first_serial = self._appended
        serial_for_msg = self._serial_for_msg
        # One pass in Python per row is most of a flood's cost here: only what a row lacks.
        for offset, row in enumerate(batch):
            if not row.time:
                row.time = stamp
            if not row.ts:
                row.ts = now
            if row.msg_id:
                serial_for_msg[row.msg_id] = first_serial + offset
        self._appended += len(batch)
        if len(batch) > self._max_rows:
            batch = batch[-self._max_rows :]
        overflow = len(self._rows) + len(batch) - self._max_rows
        if overflow > 0:
            self.beginRemoveRows(QModelIndex(), 0, overflow - 1)
            del self._rows[:overflow]
            self._front -= min(self._front, overflow)
            self.endRemoveRows()
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()
        if serial_for_msg:
            self._forget_trimmed_msg_ids()

    @staticmethod
    def stamp(now: float | None = None) -> str:
        """The "HH:MM:SS" time text for a row appended at ``now`` (default: now)."""
        return time.strftime("%H:%M:%S", time.localtime(now))

    def prepend_rows(self, rows: Sequence[Row]) -> int:
        """Put older rows (from history) above the first one: one ``rowsInserted`` at row 0.

        While the user reads older history the model may hold up to twice ``max_rows``; the
        next live batch trims it back to ``max_rows`` from the top.

        Args:
            rows: Older rows, oldest first; they keep the time they carry.

        Returns:
            How many were inserted (the newest of ``rows`` that fit).
        """
        room = 2 * self._max_rows - len(self._rows)
        if room <= 0 or not rows:
            return 0
        batch = list(rows[-room:]) if len(rows) > room else list(rows)
        self.beginInsertRows(QModelIndex(), 0, len(batch) - 1)
        self._rows[:0] = batch
        self._front += len(batch)
        self.endInsertRows()
        return len(batch)

    def _oldest_serial(self) -> int:
        # Rows below the prepended ones are always the newest appended, so serials follow
        # from positions.
        return self._appended - (len(self._rows) - self._front)

    def _forget_trimmed_msg_ids(self) -> None:
        oldest = self._oldest_serial()
        while self._serial_for_msg:
            msg_id = next(iter(self._serial_for_msg))
            if self._serial_for_msg[msg_id] >= oldest:
                break
            del self._serial_for_msg[msg_id]

    def row_for_msg_id(self, msg_id: int) -> int:
        """The current row index of our message ``msg_id``, or -1 if it is no longer held."""
        serial = self._serial_for_msg.get(msg_id)
        if serial is None or not self._rows:
            return -1
        index = self._front + serial - self._oldest_serial()
        return index if self._front <= index < len(self._rows) else -1

    def set_receipt(self, msg_id: int, receipt: Receipt, rtt: float = 0.0) -> bool:
        """Update the delivery state of our message ``msg_id`` in place.

        A late "missing" never overrides "delivered".

        Returns:
            Whether a held row was updated.
        """
        index = self.row_for_msg_id(msg_id)
        if index < 0:
            return False
        row = self._rows[index]
        if receipt != Receipt.DELIVERED and row.receipt == Receipt.DELIVERED:
            return False
        row.receipt = receipt
        row.rtt = rtt
        model_index = self.index(index, 0)
        self.dataChanged.emit(model_index, model_index)
        return True

    def clear(self) -> None:
        """Drop every row (``appended_count`` keeps counting)."""
        self.beginResetModel()
        self._rows.clear()
        self._serial_for_msg.clear()
        self._front = 0
        self.endResetModel()

    def text_for_rows(self, indexes: Iterable[int]) -> str:
        """Rows as clipboard text, one ``time sender: text`` line each, in transcript order."""
        return "\n".join(
            self._as_text(self._rows[i]) for i in sorted(set(indexes)) if 0 <= i < len(self._rows)
        )

    def _as_text(self, row: Row) -> str:
        if row.kind != RowKind.MUTED:
            return row.as_text()
        return f"{row.time} {self.folded_file_text if isinstance(row, FileRow) else self.folded_text}"
