"""A muted person's file offers already in the conversation: folded like their messages.

Muting someone folds the rows of their offers shown before into one line ("A file from a
muted person — click to show"): the row's widget, with its thumbnail and its Save and Save
as… buttons, is taken off, so nothing of theirs can be saved from the window while it is
folded. A click (or "Show this offer") shows that one again; unmuting shows them all, each as
it is now (withdrawn, saved, still open).

A fetch the user started before muting goes on: the user asked for that very file, and
muting is about what others send unasked, not a cancel behind the user's back. Its row stays
open and says so, Cancel at hand, and folds when the fetch ends (saved, failed or cancelled).
Our own offers never fold. New offers from a muted person never become rows at all
(``chatgui.ui.mute`` refuses them).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot

from chatgui.ui.file_ui import FileUi
from chatgui.ui.transcript_model import FileRow, RowKind, TranscriptModel
from chatgui.ui.transfers import FileEntry


class MutedFiles(QObject):
    """Folds and unfolds the file rows of muted people.

    Args:
        files: The window's file rows and their widgets.
        model: The transcript the rows are in.
        is_muted: Whether the sender shown as a name is muted in the live room.
        relayout: Lays the view out again after rows changed height.
        parent: The owner of this object.
    """

    def __init__(
        self,
        files: FileUi,
        model: TranscriptModel,
        is_muted: Callable[[str], bool],
        relayout: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._files = files
        self._model = model
        self._is_muted = is_muted
        self._relayout = relayout
        files.transfers.changed.connect(self._on_changed)

    def follow(self, row: FileRow, position: int, muted: bool) -> bool:
        """Fold ``row`` (at ``position``) if its sender is ``muted``, else show it; whether it changed."""
        entry = self._files.transfers.entry(row.offer_id)
        if entry is not None and entry.own:
            return False
        if not muted:
            self._say_muted(entry, False)
            if row.kind != RowKind.MUTED:
                return False
            self.show(row, position)
            return True
        if row.kind == RowKind.MUTED:
            return False
        if entry is not None and entry.running:
            self._say_muted(entry, True)  # it goes on; it folds when it ends
            return False
        self._fold(row, entry)
        return True

    def show(self, row: FileRow, position: int) -> None:
        """Show folded file row ``row`` (at ``position``) again, its widget and thumbnail back."""
        row.kind, row.layout_width = RowKind.FILE, -1
        entry = self._files.transfers.entry(row.offer_id)
        if entry is not None:
            entry.folded = False
        self._files.place(row, position)

    def _fold(self, row: FileRow, entry: FileEntry | None) -> None:
        self._files.fold(row.offer_id)
        row.kind, row.layout_width = RowKind.MUTED, -1
        if entry is not None:
            entry.folded, entry.muted = True, False

    def _say_muted(self, entry: FileEntry | None, muted: bool) -> None:
        if entry is not None and entry.muted != muted:
            entry.muted = muted
            self._files.transfers.changed.emit(entry.offer_id)  # its row's sentence follows

    @Slot(str)
    def _on_changed(self, offer_id: str) -> None:
        """A fetch kept running after its sender was muted has ended: its row folds now."""
        entry = self._files.transfers.entry(offer_id)
        if entry is None or not entry.muted or entry.running:
            return
        entry.muted = False
        position = self._files.position_of(offer_id)
        if position < 0 or not self._is_muted(entry.nick):
            return
        row = self._model.row_at(position)
        if isinstance(row, FileRow):
            self._fold(row, entry)
            self._relayout()
