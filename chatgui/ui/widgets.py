"""Small widget helpers the window's parts share: names, separators, titles, palette colours."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

_W = TypeVar("_W", bound=QWidget)


def named(widget: _W, name: str, accessible: str) -> _W:
    """Give ``widget`` an objectName (for tests and automation) and an accessible name.

    Args:
        widget: The widget to name.
        name: Its objectName, e.g. "hostEdit".
        accessible: What a screen reader says (already translated).

    Returns:
        The same widget, so construction and naming fit in one expression.
    """
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def separator(orientation: Qt.Orientation = Qt.Orientation.Vertical) -> QFrame:
    """A thin sunken line between groups of controls."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine if orientation == Qt.Orientation.Vertical else QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def section_title(text: str) -> QLabel:
    """A bold, quiet heading above a list ("Conversation", "In the room")."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def mix(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` (0..1) of the way towards ``tint``."""
    return QColor.fromRgbF(
        base.redF() + (tint.redF() - base.redF()) * amount,
        base.greenF() + (tint.greenF() - base.greenF()) * amount,
        base.blueF() + (tint.blueF() - base.blueF()) * amount,
    )


def set_primary(button: QPushButton, primary: bool) -> None:
    """Mark ``button`` as the window's one primary action, or as an ordinary button.

    The primary button is the style's default button in bold. Its colours stay the
    palette's own Button/ButtonText pair, which every theme keeps readable: filling it
    with Highlight instead came out pale blue under white text (Fusion lightens and
    desaturates a button's colour) and native styles ignore a button colour altogether
    while still using ButtonText.

    Args:
        button: The push button.
        primary: Whether it is the primary action now.
    """
    button.setDefault(primary)
    font = button.font()
    font.setBold(primary)
    button.setFont(font)


def pop_up_under(popup: QWidget, anchor: QWidget, *, right_aligned: bool = False) -> None:
    """Show ``popup`` just below ``anchor`` (above it when there is no room below), on its screen.

    Args:
        popup: A top-level popup widget (sized to its contents here).
        anchor: The widget that asked for it (a button).
        right_aligned: Line the popup's right edge up with the anchor's (else the left edges).
    """
    popup.adjustSize()
    where = anchor.mapToGlobal(QPoint(0, anchor.height()))
    screen = anchor.screen().availableGeometry()
    left = where.x() + anchor.width() - popup.width() if right_aligned else where.x()
    x = min(max(left, screen.left()), screen.right() - popup.width())
    fits_below = where.y() + popup.height() <= screen.bottom()
    y = where.y() if fits_below else where.y() - anchor.height() - popup.height()
    popup.move(x, max(y, screen.top()))
    popup.show()
