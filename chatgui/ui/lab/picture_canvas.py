"""The picture lab's pixels: a ``Picture`` to and from a ``QImage``, and the canvas that paints a side.

A received picture is painted from the receiver's own copy of the bytes, block by block: a
block that never arrived is a grey band (one datagram's rows), one still on its way a pale
one while the run goes on. Pictures are decoded with a cap on their size and scaled down to
fit ``BOX`` before they are cut into blocks.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from chatgui.lab.picture import PictureSide
from chatgui.lab.picture_wire import Picture
from chatgui.ui.picture_decoder import MAX_PIXELS

BOX = QSize(192, 160)  # a picture is scaled to fit this (a few hundred datagrams at most)
MAX_SOURCE_PIXELS = MAX_PIXELS  # the transcript's cap: a larger file is refused before it is decoded
HOLE = QColor(128, 128, 128)
PENDING = QColor(225, 225, 225)


def picture_from_image(image: QImage, name: str) -> Picture:
    """``image`` scaled to fit ``BOX`` (never up), as RGB pixels row after row."""
    if image.width() > BOX.width() or image.height() > BOX.height():
        image = image.scaled(
            BOX, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    row = rgb.width() * 3
    stride = rgb.bytesPerLine()
    data = bytes(rgb.constBits())
    pixels = b"".join(data[y * stride : y * stride + row] for y in range(rgb.height()))
    return Picture(rgb.width(), rgb.height(), pixels, name)


def load_picture(path: str, name: str) -> Picture | None:
    """The picture in the file at ``path``, or None if it cannot be read as one (or is too large)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_SOURCE_PIXELS:
        return None
    if size.width() > BOX.width() or size.height() > BOX.height():
        # Decoders that can (JPEG) then decode at the small size straight away.
        reader.setScaledSize(size.scaled(BOX, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull() or image.width() < 1 or image.height() < 1:
        return None
    return picture_from_image(image, name)


def side_image(picture: Picture, side: PictureSide | None) -> QImage:
    """What ``side``'s receiver has of ``picture``: its bytes, grey where a block is missing.

    With no side yet, every band is pending. Missing blocks are grey once the side is done
    and pale while it may still arrive.
    """
    width, height = picture.width, picture.height
    pixels = side.pixels if side is not None else bytes(len(picture.pixels))
    image = QImage(pixels, width, height, width * 3, QImage.Format.Format_RGB888).copy()
    missing = range(picture.block_count) if side is None else side.holes
    if missing:
        colour = HOLE if side is not None and side.done else PENDING
        painter = QPainter(image)
        for index in missing:
            rows = picture.block_rows(index)
            painter.fillRect(0, rows.start, width, len(rows), colour)
        painter.end()
    return image


class PictureCanvas(QWidget):
    """One receiver's picture, scaled up to fill the canvas (pixels kept square and sharp)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        """Twice the picture box: big enough to see a one-row hole."""
        return BOX * 2

    def set_image(self, image: QImage) -> None:
        """Show ``image`` (a null image clears the canvas)."""
        self.image = image
        self.update()

    def picture_rect(self) -> QRectF:
        """Where the picture is drawn: as large as fits, centred, never smaller than it is if it fits."""
        if self.image.isNull():
            return QRectF()
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The picture, scaled without smoothing so every band's edge stays sharp."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if not self.image.isNull():
            painter.drawImage(self.picture_rect(), self.image)
        painter.end()
