"""The message box: Enter (or Ctrl+Enter, by setting) sends; Up in an empty box recalls the last message."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class ComposeEdit(QPlainTextEdit):
    """A plain-text editor that hands its text over on Enter or Ctrl+Enter.

    With ``send_with_ctrl_enter`` off (the default) Enter sends and Shift+Enter starts a new
    line; with it on, Enter starts a new line and Ctrl+Enter sends. Ctrl+Enter always sends.

    Signals:
        submitted: The send key was pressed; carries the text.
        recall_requested: Up was pressed in an empty box.
    """

    submitted = Signal(str)
    recall_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.send_with_ctrl_enter = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Send, new line or recall, depending on the key and the setting (Qt override)."""
        key = event.key()
        modifiers = event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            if ctrl or not (shift or self.send_with_ctrl_enter):
                self.submitted.emit(self.toPlainText())
            else:
                # Qt would insert U+2028 (a line separator) here; peers expect a real newline.
                self.insertPlainText("\n")
            event.accept()
            return
        if key == Qt.Key.Key_Up and not modifiers and not self.toPlainText():
            self.recall_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
