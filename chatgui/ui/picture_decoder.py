"""Pictures made into thumbnails off the GUI thread, with caps that stop decompression bombs.

A received picture (PNG, JPEG, GIF, WebP) is untrusted: its header can promise 100,000 ×
100,000 pixels from a few kilobytes. ``PictureDecoder`` reads only the header first
(``QImageReader.size``), refuses a picture over ``max_pixels`` or a file over ``max_bytes``
before any pixel is decoded, and decodes the rest already scaled to the thumbnail's size,
in a pool thread, so the window never waits for it. The answer comes back to the GUI
thread as ``decoded(key, QImage)`` or ``failed(key, sentence)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QFileInfo,
    QIODevice,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QImage, QImageReader

MAX_PIXELS = 40_000_000
"""The most pixels a picture may declare (40 MP: a large phone photo; 160 MB decoded at worst)."""
MAX_BYTES = 64 * 1024 * 1024
"""The largest picture file read at all."""
THUMBNAIL = QSize(320, 240)
"""The box a thumbnail fits in (aspect kept, never enlarged)."""
FORMATS = frozenset({"png", "jpeg", "jpg", "gif", "webp"})
"""What the transcript shows as a picture; anything else is a file."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("PictureDecoder", text)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one picture may cost.

    Attributes:
        max_pixels: Declared width × height above this is refused unread.
        max_bytes: A file or payload larger than this is refused unread.
        box: The thumbnail's bounding box.
    """

    max_pixels: int = MAX_PIXELS
    max_bytes: int = MAX_BYTES
    box: QSize = THUMBNAIL


def fitted(size: QSize, box: QSize) -> QSize:
    """``size`` scaled down to fit ``box``, aspect kept; never enlarged, never below 1×1."""
    if size.width() <= box.width() and size.height() <= box.height():
        return QSize(size)
    scaled = size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
    return QSize(max(1, scaled.width()), max(1, scaled.height()))


def decode(reader: QImageReader, limits: Limits) -> QImage | str:
    """Read ``reader``'s picture as a thumbnail, or say why not (in the user's language).

    Only the header is read before the caps are checked.
    """
    fmt = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if fmt not in FORMATS:
        return _tr("This is not a picture chatgui shows (PNG, JPEG, GIF or WebP).")
    size = reader.size()
    if not size.isValid() or size.width() <= 0 or size.height() <= 0:
        return _tr("The picture could not be read: it is damaged or incomplete.")
    if size.width() * size.height() > limits.max_pixels:
        return _tr("The picture is too large to show ({width} × {height} pixels).").format(
            width=f"{size.width():,}", height=f"{size.height():,}"
        )
    reader.setScaledSize(fitted(size, limits.box))
    image = reader.read()
    if image.isNull():
        return _tr("The picture could not be read: it is damaged or incomplete.")
    return image


class _Job(QRunnable):
    """One picture's decoding, in a pool thread."""

    def __init__(self, relay: _Relay, key: str, source: str | bytes, limits: Limits) -> None:
        super().__init__()
        self._relay, self._key, self._source, self._limits = relay, key, source, limits

    def run(self) -> None:
        limits = self._limits
        source = self._source
        if isinstance(source, bytes):
            if len(source) > limits.max_bytes:
                self._relay.done.emit(self._key, self._too_big(len(source)))
                return
            buffer = QBuffer()
            buffer.setData(QByteArray(source))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            reader = QImageReader(buffer)
            result = decode(reader, limits)
            buffer.close()
        else:
            info = QFileInfo(source)
            if not info.isFile():
                result = _tr("The picture could not be read: it is damaged or incomplete.")
            elif info.size() > limits.max_bytes:
                result = self._too_big(info.size())
            else:
                result = decode(QImageReader(source), limits)
        self._relay.done.emit(self._key, result)

    @staticmethod
    def _too_big(size: int) -> str:
        return _tr("The picture is too large to show ({size} MB).").format(size=f"{size / 1e6:,.1f}")


class _Relay(QObject):
    """Lives in the GUI thread; pool threads emit on it, so answers arrive queued."""

    done = Signal(str, object)


class PictureDecoder(QObject):
    """Thumbnails of pictures, decoded in a thread pool (never on the GUI thread).

    Signals:
        decoded(str, QImage): the thumbnail for ``key``.
        failed(str, str): ``key`` could not be shown, and the sentence saying why.
    """

    decoded = Signal(str, QImage)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None, limits: Limits | None = None) -> None:
        super().__init__(parent)
        self._limits = limits or Limits()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)

    def decode_file(self, key: str, path: str) -> None:
        """Make a thumbnail of the picture file at ``path``; ``decoded`` or ``failed`` follows."""
        self._pool.start(_Job(self._relay, key, path, self._limits))

    def decode_bytes(self, key: str, data: bytes) -> None:
        """Make a thumbnail of a picture held in memory (e.g. an offer's thumbnail)."""
        self._pool.start(_Job(self._relay, key, bytes(data), self._limits))

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for running decodes (at shutdown); True when none is left."""
        return bool(self._pool.waitForDone(msecs))

    def _on_done(self, key: str, result: object) -> None:
        if isinstance(result, QImage):
            self.decoded.emit(key, result)
        else:
            self.failed.emit(key, str(result))
