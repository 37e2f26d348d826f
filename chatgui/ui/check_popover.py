"""Check's answers in a small popover beside the Check button, never in the conversation.

It lists the latest checks (newest first): "Checking …" until the answer comes, then the
answer, marked ✓ or ✗. It does not take the focus (an answer may arrive while the user
types) and closes with its Close button or Esc; the next Check opens it again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from chatgui.ui.widgets import named, pop_up_under, section_title

MAX_ENTRIES = 6
"""How many checks the popover lists; older ones are dropped."""


class CheckPopover(QFrame):
    """The checks' answers (objectName "checkPopover").

    Args:
        parent: The window it belongs to.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        named(self, "checkPopover", self.tr("Check results"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMaximumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(section_title(self.tr("Check results")), 1)
        self.close_button = named(QPushButton(self.tr("Close")), "checkPopoverClose", self.tr("Close"))
        self.close_button.clicked.connect(self.hide)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        self._entries = QVBoxLayout()
        self._entries.setSpacing(4)
        layout.addLayout(self._entries)
        self.labels: list[QLabel] = []
        """The entries, newest first."""
        self._pending: QLabel | None = None

    @Slot(str)
    def on_check_started(self, target: str) -> None:
        """A check of ``target`` began: list it as under way."""
        label = named(QLabel(self.tr("Checking {address}…").format(address=target)), "checkResult", target)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._entries.insertWidget(0, label)
        self.labels.insert(0, label)
        for old in self.labels[MAX_ENTRIES:]:
            old.deleteLater()
        del self.labels[MAX_ENTRIES:]
        self._pending = label

    @Slot(str, bool)
    def on_check_reported(self, sentence: str, works: bool) -> None:
        """A check's answer: it replaces "Checking …" (or is listed on its own)."""
        if self._pending is None:
            self.on_check_started("")
        label = self._pending
        assert label is not None
        self._pending = None
        mark = "✓" if works else "✗"
        label.setText(f"{mark} {sentence}")
        label.setAccessibleDescription(sentence)
        self.adjustSize()

    def pop_up_at(self, anchor: QWidget) -> None:
        """Show the popover just below ``anchor``, kept on its screen (without taking the focus)."""
        pop_up_under(self, anchor, right_aligned=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the popover (Qt override)."""
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
