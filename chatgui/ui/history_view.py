"""The room's history in a transcript: pages shown above the session, every shown batch kept.

On opening a room the last page of its history goes above this session's rows (with a divider);
scrolling to the top brings the page before; each batch the window shows is recorded with its
receipt marks; when the host tells which room it is, the history follows the room, not the
address; File's export and delete act on the room shown (live, or history opened read-only).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox, QWidget

from chatgui.history.export import export_file_name
from chatgui.history.store import KIND_ERROR, KIND_OTHER, KIND_OWN, KIND_RAW, KIND_SYSTEM, HistoryRow
from chatgui.ui.interfaces import HistoryLike, StatusLike
from chatgui.ui.transcript_model import Receipt, Row, RowKind, TranscriptModel
from chatgui.ui.transcript_view import TranscriptView

# How many rows a history page holds (on opening a room, and per scroll to the top).
HISTORY_PAGE = 500
# Indexing this many rows for search takes a few seconds (25k–45k rows/s on a 2-core machine;
# a million rows in 25–45 s): the status line says so while it runs.
INDEX_NOTICE_ROWS = 50_000
KIND_NAMES = {
    RowKind.OWN: KIND_OWN,
    RowKind.OTHER: KIND_OTHER,
    RowKind.RAW: KIND_RAW,
    RowKind.SYSTEM: KIND_SYSTEM,
    RowKind.ERROR: KIND_ERROR,
}
_KINDS_BY_NAME = {name: kind for kind, name in KIND_NAMES.items()}
_KIND_NAME_AT: list[str | None] = [KIND_NAMES.get(kind) for kind in sorted(RowKind)]
"""The file's name for each ``RowKind`` by its number (None: never recorded, e.g. the divider)."""
_KIND_NAME_AT[RowKind.MUTED] = KIND_OTHER  # a muted person's message is kept as it came (chatgui.ui.mute)


def _tr(text: str) -> str:
    # These sentences were written in the window and are translated under its context.
    return QCoreApplication.translate("MainWindow", text)


def _restored(value: int) -> Receipt:
    try:
        receipt = Receipt(value)
    except ValueError:
        return Receipt.NONE
    # Still waiting when the session ended: no receipt came back.
    return Receipt.MISSING if receipt == Receipt.PENDING else receipt


def row_from_history(row: HistoryRow) -> Row:
    """The transcript row showing a row read back from the history (with its receipt mark)."""
    shown = Row(
        _KINDS_BY_NAME.get(row.kind, RowKind.SYSTEM),
        row.sender,
        row.text,
        TranscriptModel.stamp(row.ts),
        row.ts,
        history_id=row.id,
        receipt=_restored(row.receipt) if row.kind == KIND_OWN else Receipt.NONE,
    )
    shown.rtt = row.rtt
    return shown


def room_label(room: str) -> str:
    """A room without a name as people know it: the address it was reached at, or where it was hosted."""
    kind, _, rest = room.partition(":")
    if kind == "tcp-host":
        return _tr("Room hosted on port {port}").format(port=rest)
    if kind in ("tcp", "udp", "broadcast", "multicast"):
        return rest or room
    return room


def export_folder() -> Path:
    """Where exports are offered by default: the user's Documents folder (home without one)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


class HistoryView(QObject):
    """Shows and keeps the current room's history in the window's transcript.

    Args:
        history: The history facade; ``None``: the view shows this session only.
        model: The transcript the pages go into.
        view: The transcript's view (kept where the user was reading).
        status: The status line (failures, exports, deletions).
        window: The parent of the dialogs (export path, delete), and of this object.
    """

    page_shown = Signal(int)
    """A page asked for came back and was put in: how many rows went above (maybe 0)."""

    def __init__(
        self,
        history: HistoryLike | None,
        model: TranscriptModel,
        view: TranscriptView,
        status: StatusLike,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._dialog_parent = window
        self._model = model
        self._view = view
        self._status = status
        self.history = history
        self.room = ""
        self.room_name = ""
        """The room's name as its host called it ("" = not known: exports are named by address)."""
        self.read_only = False
        """The room shown is history opened without a session (nothing new is recorded)."""
        self._session = ""  # names this session's messages for later receipts
        self._opened_at = 0.0
        self._request: tuple[str, float, int] | None = None
        self.exhausted = True
        """Nothing older than the rows shown is left to load."""

    def connect_history(self) -> None:
        """Follow the history's answers (pages, failures, finished exports)."""
        history = self.history
        if history is None:
            return
        history.loaded.connect(self.on_history_loaded)
        failed = getattr(history, "failed", None)
        if failed is not None:
            failed.connect(self.on_history_failed)
        export_finished = getattr(history, "export_finished", None)
        if export_finished is not None:
            export_finished.connect(self.on_export_finished)
        index_progress = getattr(history, "index_progress", None)
        if index_progress is not None:
            index_progress.connect(self.on_index_progress)

    def record(self, rows: Sequence[Row]) -> None:
        """Keep a batch just shown in the room's history (when history is on)."""
        history = self.history
        if history is not None and self.room and history.enabled and not self.read_only:
            room, session = self.room, self._session
            # Looked up by the kind's number: hashing an IntEnum is a Python-level call, and
            # a flood records one row per message in the GUI thread.
            names = _KIND_NAME_AT
            history.record_values(
                [
                    (room, r.ts, name, r.sender, r.text, int(r.receipt), r.rtt, f"{session}:{r.msg_id}")
                    if r.msg_id
                    else (room, r.ts, name, r.sender, r.text, int(r.receipt), r.rtt, "")
                    for r in rows
                    if (name := names[r.kind]) is not None
                ]
            )

    def record_receipt(self, msg_id: int, receipt: Receipt, rtt: float) -> None:
        """Keep a receipt that came for our message ``msg_id`` after its row was recorded."""
        history = self.history
        keep = getattr(history, "record_receipt", None)
        if history is not None and callable(keep) and history.enabled and not self.read_only and msg_id:
            keep(f"{self._session}:{msg_id}", int(receipt), rtt)

    def identify(self, identity: str, name: str, address: str = "") -> None:
        """The host said which room this is: keep (and show) one history for it however it was reached.

        The rows kept under the address so far move to the room; the page above this session's
        rows is read again, now the room's whole history.

        Args:
            identity: The room's identity key (``chatgui.history.rooms.identity_key``).
            name: The room's name ("" = not told).
            address: The key to link ("" = the key the room was opened under).
        """
        address = address or self.room
        if name:
            self.room_name = name
        history = self.history
        link = getattr(history, "link", None)
        if history is None or not callable(link) or not address or not identity:
            return
        if identity == address:  # told again (a reconnect): only the name may be news
            if name:
                link(address, identity, name)
            return
        link(address, identity, name)
        self.room = identity
        if self.read_only:
            return
        live = [r for r in self._model.rows() if not r.history_id and r.kind != RowKind.DIVIDER]
        self._model.clear()
        self._model.append_rows(live)
        self.exhausted = False
        self._request = ("recent", self._opened_at, 0)
        history.load_recent(identity, HISTORY_PAGE)

    def view_cleared(self) -> None:
        """The transcript was emptied: older pages can be loaded again."""
        self.exhausted = self.history is None

    def open_room(self, room: str, name: str = "", *, read_only: bool = False, previous: str = "") -> None:
        """Show ``room``: its recent history above, then this session's rows.

        Args:
            room: The room key.
            name: The room's name ("" = not known yet).
            read_only: History opened without a session: shown, searched and exported,
                nothing recorded.
            previous: An older key of the same room (a hosted room before it had an
                identity): its rows become this room's first.
        """
        link = getattr(self.history, "link", None)
        if previous and previous != room and callable(link) and not read_only:
            link(previous, room, name)
        self.room = room
        self.room_name = name
        self.read_only = read_only
        self._session = secrets.token_hex(6)
        self._opened_at = time.time()
        self._request = None
        self.exhausted = self.history is None
        if self.history is None:
            return
        self._model.clear()
        self.exhausted = False
        # Rows shown from now on belong to this session, even if they reach the file before
        # the read does: the cut-off keeps them from showing twice.
        self._request = ("recent", self._opened_at, 0)
        self.history.load_recent(room, HISTORY_PAGE)

    @Slot()
    def load_older(self) -> None:
        """Put the page of history before the oldest row shown above it (scrolled to the top)."""
        history = self.history
        if history is None or not self.room or self._request is not None or self.exhausted:
            return
        rows = self._model.rows()
        top = next((r for r in rows if r.kind != RowKind.DIVIDER), None)
        if top is not None and top.history_id:
            self._request = ("more", 0.0, 0)
            history.load_more(self.room, top.history_id, HISTORY_PAGE)
            return
        # The oldest row shown came live (its id is the file's business): ask for everything
        # shown plus a page, and keep the page.
        shown = sum(1 for r in rows if r.kind in KIND_NAMES)
        self._request = ("more", 0.0, shown)
        history.load_recent(self.room, shown + HISTORY_PAGE)

    @Slot(object)
    def on_history_loaded(self, payload: object) -> None:
        """Show rows the history sent back (``(room, rows)``, oldest first) above the rows shown."""
        assert isinstance(payload, tuple)
        room, loaded = payload
        request = self._request
        if room != self.room or request is None:
            return
        self._request = None
        what, cutoff, shown = request
        found: list[HistoryRow] = list(loaded)
        self.exhausted = len(found) < HISTORY_PAGE + shown
        if what == "recent":
            found = [r for r in found if r.ts < cutoff]
        elif shown:
            found = found[: max(0, len(found) - shown)]
        rows = [row_from_history(r) for r in found]
        if what == "recent" and rows and not self.read_only:
            rows.append(Row(RowKind.DIVIDER, "", _tr("earlier messages above"), " "))
        model = self._model
        view = self._view
        following = view.is_following()
        inserted = model.prepend_rows(rows) if rows else 0
        if inserted < len(rows):
            self.exhausted = True
        if inserted and not following:
            # Keep the row the user was reading where it was.
            view.scrollTo(model.index(inserted, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        self.page_shown.emit(inserted)

    @Slot(str)
    def on_history_failed(self, sentence: str) -> None:
        """Say that the history cannot be used (the chat goes on without it)."""
        self._status.show_sentence(sentence, error=True)

    @Slot(int, int)
    def on_index_progress(self, done: int, total: int) -> None:
        """Say while a long search-index build runs (after a flood, or a file of an older version)."""
        if total < INDEX_NOTICE_ROWS:
            return
        if done >= total:
            self._status.show_sentence(_tr("History search is ready."), error=False, good=True)
            return
        self._status.show_sentence(
            _tr(
                "Preparing history search: {percent}% of {total} messages. "
                "Searching works meanwhile, only more slowly."
            ).format(percent=done * 100 // total, total=f"{total:,}"),
            error=False,
        )

    @Slot(object)
    def on_export_finished(self, payload: object) -> None:
        """Say where the export went, or why it did not."""
        assert isinstance(payload, tuple)
        if payload[0] != self.room:
            return  # another view's export (a history window's, or the main window's)
        path, count, error = str(payload[1]), int(payload[2]), str(payload[3])
        if error:
            self._status.show_sentence(
                _tr("The history could not be exported to {path}: {error}").format(path=path, error=error),
                error=True,
            )
        else:
            self._status.show_sentence(
                _tr("Exported the history ({count} rows) to {path}.").format(count=count, path=path),
                error=False,
            )

    def export(self, fmt: str) -> None:
        """Ask where to, then export the current (or last) room's history as ``fmt``."""
        if self.history is None:
            return
        if not self.room:
            self._status.show_sentence(
                _tr("Open a room's history first (File ▸ History…), or join or host a room."), error=True
            )
            return
        path = self.ask_export_path(fmt)
        if path is not None:
            self.history.export(self.room, path, fmt)

    def ask_export_path(self, fmt: str) -> Path | None:
        """The file to export to, from a save dialog (None: cancelled); tests replace this."""
        filters = {
            "txt": _tr("Text files (*.txt)"),
            "csv": _tr("CSV files (*.csv)"),
            "json": _tr("JSON files (*.json)"),
        }
        name, _ = QFileDialog.getSaveFileName(
            self._dialog_parent, _tr("Export history"), str(self.default_export_path(fmt)), filters[fmt]
        )
        return Path(name) if name else None

    def default_export_path(self, fmt: str) -> Path:
        """The file offered for an export: the room's name and today's date, under Documents."""
        label = self.room_name or room_label(self.room)
        return export_folder() / export_file_name(label, fmt, date.today().isoformat())

    def delete(self) -> None:
        """Ask, then delete this room's history or every room's."""
        if self.history is None:
            return
        choice = self.confirm_delete()
        if choice == "room" and self.room:
            self.history.delete(self.room)
        elif choice == "all":
            self.history.delete(None)
        else:
            return
        self._status.show_sentence(_tr("History deleted."), error=False)

    def confirm_delete(self) -> str:
        """Ask what to delete: "room", "all" or "" (cancel); tests replace this."""
        box = QMessageBox(self._dialog_parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("Delete history"))
        box.setText(_tr("Delete the saved messages? This cannot be undone."))
        box.setObjectName("deleteHistoryBox")
        room_button = box.addButton(_tr("This room"), QMessageBox.ButtonRole.DestructiveRole)
        room_button.setEnabled(bool(self.room))
        all_button = box.addButton(_tr("Every room"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # Enter must not delete: only a deliberate click does
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is room_button:
            return "room"
        if clicked is all_button:
            return "all"
        return ""
