"""Small widget helpers the window's parts share: names, separators, titles, palette colours."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
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


def set_primary(button: QPushButton, primary: bool, base: QPalette) -> None:
    """Colour ``button`` as the window's one primary action, or as an ordinary button.

    Args:
        button: The push button.
        primary: Whether it is the primary action now.
        base: The window's palette, which the colours come from (light or dark alike).
    """
    # Palette roles only (no style sheet): the highlight colour follows light and dark themes.
    palette = QPalette(base)
    if primary:
        # The active group's colours for the inactive window too: a grabbed or unfocused
        # window would otherwise show a washed-out primary button.
        active = QPalette.ColorGroup.Active
        for group in (active, QPalette.ColorGroup.Inactive):
            palette.setColor(
                group, QPalette.ColorRole.Button, base.color(active, QPalette.ColorRole.Highlight)
            )
            palette.setColor(
                group, QPalette.ColorRole.ButtonText, base.color(active, QPalette.ColorRole.HighlightedText)
            )
    button.setPalette(palette)
