"""The message box: Enter (or Ctrl+Enter, by setting) sends; Up in an empty box recalls the last message."""

from __future__ import annotations

import os

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class ComposeEdit(QPlainTextEdit):
    """A plain-text editor that hands its text over on Enter or Ctrl+Enter.

    With ``send_with_ctrl_enter`` off (the default) Enter sends and Shift+Enter starts a new
    line; with it on, Enter starts a new line and Ctrl+Enter sends. Ctrl+Enter always sends.

    Signals:
        submitted: The send key was pressed; carries the text.
        recall_requested: Up was pressed in an empty box.
        picture_pasted: A picture was pasted or dropped here (a ``QImage``): offer it as a file.
        files_pasted: Local files were pasted or dropped here (``list[str]`` of paths).
    """

    submitted = Signal(str)
    recall_requested = Signal()
    picture_pasted = Signal(QImage)
    files_pasted = Signal(list)

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

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        """A picture or files can be pasted too: they are offered, not typed (Qt override)."""
        return source.hasImage() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste or drop: files and pictures become offers, text is typed (Qt override)."""
        files = [
            u.toLocalFile() for u in source.urls() if u.isLocalFile() and os.path.isfile(u.toLocalFile())
        ]
        if files:
            self.files_pasted.emit(files)
        elif source.hasImage() and not source.hasText():
            self.picture_pasted.emit(QImage(source.imageData()))
        else:
            super().insertFromMimeData(source)
