"""Draw the lab's built-in picture, ``resources/lab-picture.png``: a small landscape made with QPainter.

``python3 packaging/lab_picture.py`` (re)writes it. The drawing is ours (no third-party
image): large shapes with sharp edges and a few lines of text, so that a lost band of rows
over UDP shows plainly as a grey stripe through something recognisable.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPolygonF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from chatgui.resources import lab_picture_path  # noqa: E402 (needs the root on sys.path)

WIDTH, HEIGHT = 192, 144


def draw() -> QImage:
    """The picture: sky, sun, two hills, a house with a window and door, a tree, a caption."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    sky = QLinearGradient(0, 0, 0, HEIGHT * 0.65)
    sky.setColorAt(0, QColor(60, 120, 210))
    sky.setColorAt(1, QColor(170, 215, 250))
    painter.fillRect(image.rect(), sky)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 205, 60))
    painter.drawEllipse(QPointF(150, 32), 18, 18)
    painter.setBrush(QColor(70, 150, 70))
    painter.drawEllipse(QRectF(-60, 80, 200, 120))
    painter.setBrush(QColor(40, 120, 60))
    painter.drawEllipse(QRectF(80, 90, 190, 110))
    # The house.
    painter.setBrush(QColor(235, 225, 205))
    painter.drawRect(QRectF(40, 78, 56, 40))
    painter.setBrush(QColor(190, 60, 45))
    painter.drawPolygon(QPolygonF([QPointF(34, 80), QPointF(68, 52), QPointF(102, 80)]))
    painter.setBrush(QColor(110, 70, 40))
    painter.drawRect(QRectF(74, 94, 12, 24))
    painter.setBrush(QColor(120, 190, 240))
    painter.drawRect(QRectF(50, 88, 14, 12))
    # The tree.
    painter.setBrush(QColor(100, 65, 35))
    painter.drawRect(QRectF(136, 84, 7, 30))
    painter.setBrush(QColor(30, 95, 40))
    painter.drawEllipse(QPointF(139.5, 76), 16, 18)
    painter.setPen(QColor(255, 255, 255))
    font = QFont()
    font.setPixelSize(14)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 118, WIDTH, 24), Qt.AlignmentFlag.AlignCenter, "TCP · UDP")
    painter.end()
    return image


def main() -> int:
    """Write the picture; 0 on success."""
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (fonts need an app)
    path = lab_picture_path()
    if not draw().save(str(path), "PNG"):
        print(f"could not write {path}", file=sys.stderr)
        return 1
    print(f"{path}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
