"""Offering files from the window: the paperclip, drag and drop, pasting a picture, thumbnails.

Also where received files land: the downloads folder (``QStandardPaths.DownloadLocation`` /
"chatgui" unless the user chose another in Settings), made on the first save, and the warning
shown before saving a program or a script.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QMimeData,
    QObject,
    QRunnable,
    QSettings,
    QSize,
    QStandardPaths,
    Qt,
    QTemporaryDir,
    QThreadPool,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from chatgui import settings as settings_keys
from chatgui.protocol.files import safe_name, unique_name
from chatgui.ui.picture_decoder import Limits, PictureDecoder
from chatgui.ui.transfer_words import is_picture
from chatgui.ui.transfers_like import TransfersLike

THUMB_BYTES = 9216
"""The most an offer's thumbnail may weigh (the wire allows 12,288 base64 characters)."""
THUMB_BOX = QSize(200, 150)
"""The box an offer's thumbnail is made to fit."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Transfers", text)


def offer_thumbnail(image: QImage, limit: int = THUMB_BYTES) -> bytes:
    """``image`` as a small PNG or JPEG of at most ``limit`` bytes (b"" when it cannot be made)."""
    if image.isNull():
        return b""
    box = QSize(THUMB_BOX)
    for _ in range(6):
        small = image
        if image.width() > box.width() or image.height() > box.height():
            small = image.scaled(
                box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        for fmt, quality in (("PNG", -1), ("JPEG", 80), ("JPEG", 65), ("JPEG", 50)):
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            flat = small if fmt == "PNG" else small.convertToFormat(QImage.Format.Format_RGB888)
            # The stubs say bytes; PySide6 takes the format as str at run time (bytes raise).
            flat.save(buffer, fmt, quality)  # type: ignore[call-overload]
            buffer.close()
            if 0 < data.size() <= limit:
                return bytes(data.data())
        box = QSize(max(1, box.width() * 3 // 4), max(1, box.height() * 3 // 4))
    return b""


def pasted_name(now: datetime.datetime) -> str:
    """The file name a pasted picture is offered under: "Pasted picture 2026-11-29 21.50.png"."""
    return _tr("Pasted picture {when}.png").format(when=now.strftime("%Y-%m-%d %H.%M"))


def default_downloads() -> str:
    """The downloads folder when none was chosen: the system's Downloads / "chatgui"."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    if not base:
        base = os.path.join(os.path.expanduser("~"), "Downloads")
    return os.path.join(base, "chatgui")


def downloads_folder(settings: QSettings) -> str:
    """Where Save puts received files (Settings › Downloads folder…)."""
    chosen = settings_keys.read_text(settings, settings_keys.DOWNLOADS, "")
    return chosen or default_downloads()


def ensure_folder(folder: str) -> str:
    """Make ``folder`` if it is missing; "" when it is there, else the sentence saying why not."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        return _tr("The folder {folder} could not be made ({why}); choose another with Save as…").format(
            folder=folder, why=exc.strerror or str(exc)
        )
    if not os.path.isdir(folder):
        return _tr("{folder} is not a folder; choose another with Save as…").format(folder=folder)
    return ""


def ask_risky(parent: QWidget, name: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Warn before saving a program or a script; ``on_yes`` runs only on "Save anyway"."""
    box = QMessageBox(parent)
    box.setObjectName("riskyDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(_tr("Save a program or a script?"))
    box.setText(
        _tr(
            "{name} is a program or a script. Opened, it could do anything your account can — "
            "delete files, steal passwords. Save it only if you trust the sender and expected it."
        ).format(name=name)
    )
    save = box.addButton(_tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
    save.setObjectName("riskySaveButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen() -> None:
        if box.clickedButton() is save:
            on_yes()

    box.finished.connect(chosen)
    box.open()
    return box


class _SavePicture(QRunnable):
    """A pasted picture written as PNG, and its offer thumbnail made, in a pool thread."""

    def __init__(self, done: SignalInstance, image: QImage, path: str) -> None:
        super().__init__()
        self._done, self._image, self._path = done, image, path

    def run(self) -> None:
        written = bool(self._image.save(self._path, "PNG"))  # type: ignore[call-overload]
        self._done.emit(self._path, offer_thumbnail(self._image) if written else b"", written)


def local_files(mime: QMimeData) -> list[str]:
    """The local files a drop or a paste carries (folders and remote addresses left out)."""
    if not mime.hasUrls():
        return []
    return [
        url.toLocalFile() for url in mime.urls() if url.isLocalFile() and os.path.isfile(url.toLocalFile())
    ]


class Attacher(QObject):
    """Offers files to the room: chosen with the paperclip, dropped on the window or pasted.

    A picture is offered with a small thumbnail, made from it off the GUI thread first.

    Args:
        commands: The backend's file commands (``None``: files cannot be sent here).
        can_send: Whether a session is up to send into.
        parent: The window (dialogs open over it).

    Signals:
        problem: A sentence saying why something could not be offered.
    """

    problem = Signal(str)
    _saved = Signal(str, object, bool)  # from a pool thread: path, thumbnail (bytes), written

    def __init__(self, commands: TransfersLike | None, can_send: Callable[[], bool], parent: QWidget) -> None:
        super().__init__(parent)
        self._commands = commands
        self._can_send = can_send
        self._window = parent
        self._decoder = PictureDecoder(self, Limits(box=THUMB_BOX))
        self._decoder.decoded.connect(self._on_thumbnail)
        self._decoder.failed.connect(self._on_no_thumbnail)
        self._waiting: dict[str, str] = {}
        self._count = 0
        self._pasted: QTemporaryDir | None = None
        self._reserved: set[str] = set()  # pasted pictures' names being written
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one paste after another, in order
        self._saved.connect(self._on_saved)
        self.dialog: QFileDialog | None = None

    @property
    def available(self) -> bool:
        """Whether this window can send files at all."""
        return self._commands is not None

    @Slot()
    def choose_files(self) -> None:
        """The paperclip: pick files to offer."""
        dialog = QFileDialog(self._window, _tr("Send files to the room"))
        dialog.setObjectName("attachDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(self.offer_paths)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    @Slot(list)
    def offer_paths(self, paths: list[str]) -> None:
        """Offer every file in ``paths`` (pictures with a thumbnail)."""
        commands = self._commands
        if commands is None:
            return
        if not self._can_send():
            self.problem.emit(_tr("Join or host a room first; then send the file."))
            return
        for path in paths:
            if is_picture(os.path.basename(path)):
                self._count += 1
                key = f"attach:{self._count}"
                self._waiting[key] = path
                self._decoder.decode_file(key, path)
            else:
                commands.offer_file(path)

    @Slot(QImage)
    def offer_image(self, image: QImage) -> None:
        """Offer a pasted picture: saved as a PNG file in a temporary folder first.

        Encoding a large screenshot as PNG takes a good part of a second: it is written, and its
        thumbnail made, in a pool thread; the offer follows when the file is there.
        """
        if self._commands is None or image.isNull():
            return
        if not self._can_send():
            self.problem.emit(_tr("Join or host a room first; then paste the picture."))
            return
        if self._pasted is None:
            self._pasted = QTemporaryDir()
        folder = self._pasted.path()
        taken = set(os.listdir(folder)) | self._reserved
        name = unique_name(taken, safe_name(pasted_name(datetime.datetime.now())))
        self._reserved.add(name)
        path = os.path.join(folder, name)
        self._pool.start(_SavePicture(self._saved, image.copy(), path))

    @Slot(str, object, bool)
    def _on_saved(self, path: str, thumb: bytes, ok: bool) -> None:
        self._reserved.discard(os.path.basename(path))
        if not ok:
            self.problem.emit(_tr("The pasted picture could not be saved to offer it."))
        elif self._commands is not None:
            self._commands.offer_file(path, thumb)

    @Slot(str, QImage)
    def _on_thumbnail(self, key: str, image: QImage) -> None:
        path = self._waiting.pop(key, None)
        if path is not None and self._commands is not None:
            self._commands.offer_file(path, offer_thumbnail(image))

    @Slot(str, str)
    def _on_no_thumbnail(self, key: str, _why: str) -> None:
        path = self._waiting.pop(key, None)
        if path is not None and self._commands is not None:
            self._commands.offer_file(path)  # a picture that cannot be shown is still a file

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Files (or a picture) dragged onto the window are offered when dropped (Qt override)."""
        kind = event.type()
        if self._commands is not None and kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            mime = event.mimeData()
            if local_files(mime) or mime.hasImage():
                event.acceptProposedAction()
                return True
        elif self._commands is not None and kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            mime = event.mimeData()
            files = local_files(mime)
            if files:
                self.offer_paths(files)
            elif mime.hasImage():
                self.offer_image(QImage(mime.imageData()))
            else:
                return False
            event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)

    def shutdown(self) -> None:
        """Wait for thumbnails and pasted pictures being made (the window is closing)."""
        self._decoder.wait()
        self._pool.waitForDone(5000)
