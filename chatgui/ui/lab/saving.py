"""Saving a lab run: the pictures as a PNG that says what produced them, and the CSV/JSON files.

A saved picture carries the run's metadata twice: as PNG text chunks (``run_metadata``'s keys,
for programs) and as a caption drawn under the pictures (the conditions in the user's
language, for people who only see the image).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QImage, QImageWriter, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from chatgui import __version__
from chatgui.lab.export import run_metadata, save_csv, save_json
from chatgui.lab.model import LabResult
from chatgui.ui.lab.notes import conditions_summary

Saver = Callable[[LabResult, Path], None]
SAVERS: dict[str, Saver] = {"csv": save_csv, "json": save_json}
_CAPTION_MARGIN = 8


def captioned_picture(page: QWidget, result: LabResult) -> QImage:
    """``page`` rendered whole, with a caption naming the version, conditions and seed under it."""
    caption = conditions_summary(result.workload, result.conditions, result.peer)
    return captioned_image(page, caption, run_metadata(result))


def captioned_image(page: QWidget, caption: str, metadata: list[tuple[str, str]]) -> QImage:
    """``page`` rendered whole with "chatgui VERSION · ``caption``" under it, ``metadata`` as text chunks."""
    picture = page.grab().toImage()
    caption = f"chatgui {__version__} · " + caption
    metrics = page.fontMetrics()
    width = picture.width()
    text_rect = metrics.boundingRect(
        QRect(0, 0, width - 2 * _CAPTION_MARGIN, 10_000), Qt.TextFlag.TextWordWrap, caption
    )
    height = text_rect.height() + 2 * _CAPTION_MARGIN
    image = QImage(width, picture.height() + height, QImage.Format.Format_ARGB32)
    palette = page.palette()
    image.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    painter.drawImage(0, 0, picture)
    painter.setFont(page.font())
    painter.setPen(palette.color(QPalette.ColorRole.WindowText))
    painter.drawText(
        QRect(_CAPTION_MARGIN, picture.height() + _CAPTION_MARGIN, width - 2 * _CAPTION_MARGIN, height),
        Qt.TextFlag.TextWordWrap,
        caption,
    )
    painter.end()
    for key, value in metadata:
        image.setText(key, value)
    image.setText("Software", f"chatgui {__version__}")
    image.setText("Description", caption)
    return image


def write_png(image: QImage, path: str) -> bool:
    """Write ``image`` as PNG at ``path``, text chunks included; False if it could not be written."""
    # A writer, not QImage.save: PNG whatever the name ends in, with the text chunks.
    return QImageWriter(path, QByteArray(b"png")).write(image)


def save_picture(page: QWidget, result: LabResult, path: str) -> bool:
    """Write ``captioned_picture`` as PNG at ``path``; False if it could not be written."""
    return write_png(captioned_picture(page, result), path)


def save_file(result: LabResult, kind: str, path: str) -> bool:
    """Write ``result`` as ``kind`` ("csv" or "json") to ``path``; False if it could not."""
    try:
        SAVERS[kind](result, Path(path))
    except OSError:
        return False
    return True
