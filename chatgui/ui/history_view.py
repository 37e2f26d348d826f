"""The room's history in the chat window: pages shown above the session, every shown batch kept.

On opening a room the last page of its history goes above this session's rows (with a divider);
scrolling to the top brings the page before; each batch the window shows is recorded; File's
export and delete act on the current (or last) room.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox, QWidget

from chatgui.history.store import KIND_ERROR, KIND_OTHER, KIND_OWN, KIND_RAW, KIND_SYSTEM, HistoryRow
from chatgui.ui.interfaces import HistoryLike, StatusLike
from chatgui.ui.transcript_model import Row, RowKind, TranscriptModel
from chatgui.ui.transcript_view import TranscriptView

# How many rows a history page holds (on opening a room, and per scroll to the top).
HISTORY_PAGE = 500
KIND_NAMES = {
    RowKind.OWN: KIND_OWN,
    RowKind.OTHER: KIND_OTHER,
    RowKind.RAW: KIND_RAW,
    RowKind.SYSTEM: KIND_SYSTEM,
    RowKind.ERROR: KIND_ERROR,
}
_KINDS_BY_NAME = {name: kind for kind, name in KIND_NAMES.items()}


def _tr(text: str) -> str:
    # These sentences were written in the window and are translated under its context.
    return QCoreApplication.translate("MainWindow", text)


def row_from_history(row: HistoryRow) -> Row:
    """The transcript row showing a row read back from the history."""
    return Row(
        _KINDS_BY_NAME.get(row.kind, RowKind.SYSTEM),
        row.sender,
        row.text,
        TranscriptModel.stamp(row.ts),
        row.ts,
        history_id=row.id,
    )


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

    def record(self, rows: Sequence[Row]) -> None:
        """Keep a batch just shown in the room's history (when history is on)."""
        history = self.history
        if history is not None and self.room and history.enabled:
            room = self.room
            kinds = KIND_NAMES
            history.record(
                room,
                [HistoryRow(0, room, r.ts, kinds[r.kind], r.sender, r.text) for r in rows if r.kind in kinds],
            )

    def view_cleared(self) -> None:
        """The transcript was emptied: older pages can be loaded again."""
        self.exhausted = self.history is None

    def open_room(self, room: str) -> None:
        """Show ``room``: its recent history above, then this session's rows."""
        self.room = room
        self._request = None
        self.exhausted = self.history is None
        if self.history is None:
            return
        self._model.clear()
        self.exhausted = False
        # Rows shown from now on belong to this session, even if they reach the file before
        # the read does: the cut-off keeps them from showing twice.
        self._request = ("recent", time.time(), 0)
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
        if what == "recent" and rows:
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

    @Slot(object)
    def on_export_finished(self, payload: object) -> None:
        """Say where the export went, or why it did not."""
        assert isinstance(payload, tuple)
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
                _tr("Join or host a room first: history is kept per room."), error=True
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
        safe_room = "".join(c if c.isalnum() else "-" for c in self.room).strip("-")
        name, _ = QFileDialog.getSaveFileName(
            self._dialog_parent, _tr("Export history"), f"chatgui-{safe_room}.{fmt}", filters[fmt]
        )
        return Path(name) if name else None

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
