"""Files in the window: offers as conversation rows, their buttons, and sending files.

``FileUi`` puts a ``FileRowWidget`` over every file row the presenter adds (the rows come
from ``Transfers.rows_for``), keeps each widget following its entry, shows thumbnails
decoded off the GUI thread (the offer's, then the received file's), and turns the buttons
into the backend's file commands (``TransfersLike``). Nothing is ever opened by itself: a
folder or a saved picture opens only on the user's click, and a program or a script never.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from chatgui import settings as settings_keys
from chatgui.events import SessionState
from chatgui.protocol.files import safe_name
from chatgui.ui.attach import Attacher, ask_risky, downloads_folder, ensure_folder
from chatgui.ui.chat_page import ChatPage
from chatgui.ui.file_rows import THUMB, FileRowWidget
from chatgui.ui.picture_decoder import Limits, PictureDecoder
from chatgui.ui.presenter import Presenter
from chatgui.ui.transcript_model import FileRow, TranscriptModel
from chatgui.ui.transfers import Stage, Transfers
from chatgui.ui.transfers_like import TransfersLike


def _tr(text: str) -> str:
    return QCoreApplication.translate("Transfers", text)


def file_commands(backend: object) -> TransfersLike | None:
    """The backend itself when it has the file commands (the real one once they are in)."""
    return backend if isinstance(backend, TransfersLike) else None


class FileUi(QObject):
    """Offers and transfers in the conversation, and the ways to send a file.

    Args:
        commands: The backend's file commands (``None``: rows show, nothing can be sent or saved).
        settings: Where the downloads folder is kept.
        model: The transcript (file rows are among its rows).
        page: The chat tab: its conversation view gets the row widgets, its paperclip and
            message box offer files, and files may be dropped on it.
        presenter: Turns file events into rows; its state says when a session runs.
        window: The window dialogs open over.

    Signals:
        problem: A sentence for a side matter (an error row, not the status line).
    """

    problem = Signal(str)

    def __init__(
        self,
        commands: TransfersLike | None,
        settings: QSettings,
        model: TranscriptModel,
        page: ChatPage,
        presenter: Presenter,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.commands = commands
        self.settings = settings
        self.model = model
        self.view = page.transcript_view
        attach_button, compose = page.attach_button, page.compose_edit
        self.presenter = presenter
        self.window = window
        self.transfers = Transfers(self)
        self.attacher = Attacher(commands, self._session_up, window)
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        """Opens a folder or a picture with the system (tests replace it)."""
        self.widgets: dict[str, FileRowWidget] = {}
        self._indexes: dict[str, QPersistentModelIndex] = {}
        self._decoder = PictureDecoder(self, Limits(box=THUMB))
        self._thumbs_asked: set[str] = set()
        self._active = False
        self.dialog: QFileDialog | None = None
        self.attach_button = attach_button
        attach_button.setVisible(commands is not None)
        attach_button.setEnabled(False)
        presenter.file_rows = self.transfers.rows_for
        presenter.state_applied.connect(self.on_state_applied)
        model.rowsInserted.connect(self._on_rows_inserted)
        self.transfers.changed.connect(self._on_changed)
        self._decoder.decoded.connect(self._on_decoded)
        attach_button.clicked.connect(self.attacher.choose_files)
        compose.picture_pasted.connect(self.attacher.offer_image)
        compose.files_pasted.connect(self.attacher.offer_paths)
        self.attacher.problem.connect(self.problem)
        page.setAcceptDrops(commands is not None)
        page.installEventFilter(self.attacher)

    def _session_up(self) -> bool:
        return self.presenter.state == SessionState.ACTIVE

    @Slot(object)
    def on_state_applied(self, state: SessionState) -> None:
        """A session starts (the public-room sentence may come again) or ends (its offers go)."""
        active = state == SessionState.ACTIVE
        if active and not self._active:
            self._active = True  # until IDLE (through STOPPING): one session, one warning
            self.transfers.begin_session(self.presenter.session.private)
        elif state == SessionState.IDLE and self._active:
            self._active = False
            self.transfers.end_session()
        self.attach_button.setEnabled(active and self.commands is not None)

    # ----------------------------------------------------------------- rows and their widgets

    @Slot(QModelIndex, int, int)
    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if not self.transfers.unplaced:
            return  # a batch of messages (a flood's are thousands): no file row to look for
        model = self.model
        for position in range(first, last + 1):
            row = model.row_at(position)
            if type(row) is FileRow:
                self.place(row, position)

    def place(self, row: FileRow, position: int) -> None:
        """Put a widget over file row ``row`` at model row ``position`` (again, after ``fold``)."""
        self.transfers.unplaced.discard(row.offer_id)
        entry = self.transfers.entry(row.offer_id)
        if entry is None:
            return
        delegate = self.view.itemDelegate()
        left = getattr(delegate, "message_text_left", lambda _font: 0)(self.view.font())
        widget = FileRowWidget(entry, left)
        offer_id = entry.offer_id
        old = self.widgets.pop(offer_id, None)
        if old is not None:
            old.hide()
        self.widgets[offer_id] = widget
        self._indexes[offer_id] = QPersistentModelIndex(self.model.index(position, 0))
        widget.height_wanted.connect(partial(self._on_height_wanted, offer_id))
        widget.destroyed.connect(partial(self._forget, offer_id, widget))
        widget.save_clicked.connect(self.save)
        widget.save_as_clicked.connect(self.save_as)
        widget.cancel_clicked.connect(self.cancel)
        widget.withdraw_clicked.connect(self.withdraw)
        widget.stop_clicked.connect(self.stop_sending)
        widget.open_folder_clicked.connect(self.open_folder)
        widget.picture_clicked.connect(self.open_picture)
        row.height = widget.wanted_height(max(self.view.viewport().width(), 200))
        row.layout_width = -1
        self.view.setIndexWidget(self.model.index(position, 0), widget)
        self._ask_thumbnail(offer_id)

    def fold(self, offer_id: str) -> None:
        """Take the offer's widget off its row (its sender was muted): no thumbnail, no buttons.

        The row stays (``chatgui.ui.mute`` paints it as one folded line); ``place`` puts a new
        widget back, its thumbnail decoded again.
        """
        widget = self.widgets.pop(offer_id, None)
        index = self._indexes.pop(offer_id, None)
        if index is not None and index.isValid():
            # None takes the widget off (the stubs say QWidget only).
            self.view.setIndexWidget(self.model.index(index.row(), 0), None)  # type: ignore[arg-type]
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        self._thumbs_asked.discard(f"offer:{offer_id}")
        self._thumbs_asked.discard(f"saved:{offer_id}")

    def position_of(self, offer_id: str) -> int:
        """The model row of the offer's widget (-1: it has none now)."""
        index = self._indexes.get(offer_id)
        return index.row() if index is not None and index.isValid() else -1

    def _forget(self, offer_id: str, widget: object, *_args: object) -> None:
        if self.widgets.get(offer_id) is widget:
            del self.widgets[offer_id]
            self._indexes.pop(offer_id, None)

    def _on_height_wanted(self, offer_id: str, height: int) -> None:
        index = self._indexes.get(offer_id)
        if index is None or not index.isValid():
            return
        row = self.model.row_at(index.row())
        if type(row) is FileRow and row.height != height:
            row.height = height
            row.layout_width = -1
            self.view.itemDelegate().sizeHintChanged.emit(self.model.index(index.row(), 0))

    @Slot(str)
    def _on_changed(self, offer_id: str) -> None:
        entry = self.transfers.entry(offer_id)
        widget = self.widgets.get(offer_id)
        if entry is None or widget is None:
            return
        widget.show_entry(entry)
        self._ask_thumbnail(offer_id)

    def _ask_thumbnail(self, offer_id: str) -> None:
        entry = self.transfers.entry(offer_id)
        if entry is None:
            return
        if entry.stage == Stage.SAVED and entry.picture and entry.path:
            key = f"saved:{offer_id}"
            if key not in self._thumbs_asked:
                self._thumbs_asked.add(key)
                self._decoder.decode_file(key, entry.path)
        elif entry.thumb:
            key = f"offer:{offer_id}"
            if key not in self._thumbs_asked:
                self._thumbs_asked.add(key)
                self._decoder.decode_bytes(key, entry.thumb)

    @Slot(str, QImage)
    def _on_decoded(self, key: str, image: QImage) -> None:
        kind, _, offer_id = key.partition(":")
        widget = self.widgets.get(offer_id)
        if widget is not None:
            widget.set_picture(image, saved=kind == "saved")

    # ----------------------------------------------------------------- the buttons

    @Slot(str)
    def save(self, offer_id: str) -> None:
        """Save the offer in the downloads folder (after a warning for programs and scripts)."""
        entry = self.transfers.entry(offer_id)
        if entry is None or not entry.can_save:
            return
        folder = downloads_folder(self.settings)
        if entry.risky:
            ask_risky(self.window, entry.name, partial(self._fetch, offer_id, folder, ""))
        else:
            self._fetch(offer_id, folder, "")

    @Slot(str)
    def save_as(self, offer_id: str) -> None:
        """Choose where (and under which name) to save the offer."""
        entry = self.transfers.entry(offer_id)
        if entry is None or not entry.can_save:
            return
        if entry.risky:
            ask_risky(self.window, entry.name, partial(self._ask_where, offer_id))
        else:
            self._ask_where(offer_id)

    def _ask_where(self, offer_id: str) -> None:
        entry = self.transfers.entry(offer_id)
        if entry is None:
            return
        dialog = QFileDialog(self.window, _tr("Save the file as"))
        dialog.setObjectName("saveAsDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDirectory(
            downloads_folder(self.settings)
            if ensure_folder(downloads_folder(self.settings)) == ""
            else os.path.expanduser("~")
        )
        dialog.selectFile(entry.name)
        dialog.fileSelected.connect(partial(self._save_to, offer_id))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _save_to(self, offer_id: str, path: str) -> None:
        if path:
            self._fetch(offer_id, os.path.dirname(path), safe_name(os.path.basename(path)))

    def _fetch(self, offer_id: str, folder: str, name: str) -> None:
        entry = self.transfers.entry(offer_id)
        if self.commands is None or entry is None or not entry.can_save:
            return
        why = ensure_folder(folder)
        if why:
            self.problem.emit(why)
            return
        self.transfers.mark_fetching(offer_id, folder)
        self.commands.fetch_file(offer_id, folder, name)

    @Slot(str)
    def cancel(self, offer_id: str) -> None:
        """Stop our fetch of the offer (or, ours being prepared, do not offer it)."""
        entry = self.transfers.entry(offer_id)
        if self.commands is None or entry is None:
            return
        if entry.own:
            self.withdraw(offer_id)
        else:
            self.commands.cancel_transfer(offer_id)

    @Slot(str, str)
    def stop_sending(self, offer_id: str, peer: str) -> None:
        """Stop sending our offer to ``peer`` only (the others go on; the offer stays)."""
        if self.commands is not None:
            self.commands.cancel_transfer(offer_id, peer)

    @Slot(str)
    def withdraw(self, offer_id: str) -> None:
        """Withdraw our offer: nobody can fetch it any more."""
        if self.commands is not None:
            self.commands.withdraw_offer(offer_id)
            self.transfers.mark_withdrawn(offer_id)

    @Slot(str)
    def open_folder(self, offer_id: str) -> None:
        """Show the folder the file was saved in (the file itself is never opened here)."""
        entry = self.transfers.entry(offer_id)
        if entry is not None and entry.stage == Stage.SAVED and entry.path:
            self.open_url(QUrl.fromLocalFile(os.path.dirname(entry.path)))

    @Slot(str)
    def open_picture(self, offer_id: str) -> None:
        """Open a saved picture with the system's viewer (never a program or a script)."""
        entry = self.transfers.entry(offer_id)
        widget = self.widgets.get(offer_id)
        if entry is None or widget is None or not widget.opens_picture or entry.risky:
            return
        self.open_url(QUrl.fromLocalFile(entry.path))

    @Slot()
    def choose_downloads(self) -> None:
        """Settings › Downloads folder…: where Save puts received files."""
        dialog = QFileDialog(self.window, _tr("Downloads folder"))
        dialog.setObjectName("downloadsDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(downloads_folder(self.settings))
        dialog.fileSelected.connect(self.set_downloads)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    @Slot(str)
    def set_downloads(self, folder: str) -> None:
        """Remember ``folder`` as where Save puts received files."""
        if folder:
            self.settings.setValue(settings_keys.DOWNLOADS, folder)

    def shutdown(self) -> None:
        """Wait for thumbnails being decoded (the window is closing)."""
        self.attacher.shutdown()
        self._decoder.wait()
