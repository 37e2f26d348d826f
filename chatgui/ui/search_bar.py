"""The search bar above the transcript: a query, "3 of 17", previous/next, close."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QWidget

from chatgui.ui.widgets import named

# Typing pauses this long before the room's history is searched (one query per pause, not per key).
_DEBOUNCE_MS = 250


class SearchBar(QWidget):
    """Find in the current room: Enter / F3 next, Shift+Enter / Shift+F3 previous, Esc closes.

    Signals:
        search_requested: The query to search for ("" clears), after typing pauses or on Enter.
        next_requested: Go to the next (newer) match.
        previous_requested: Go to the previous (older) match.
        closed: The bar was closed (Esc or its close button).
    """

    search_requested = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.edit = named(QLineEdit(), "searchEdit", self.tr("Find in this room"))
        self.edit.setPlaceholderText(self.tr("Find in this room's history"))
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        layout.addWidget(self.edit, 1)
        self.count_label = named(QLabel(), "searchCountLabel", self.tr("Matches"))
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.count_label)
        style = self.style()
        self.previous_button = self._button(
            "searchPreviousButton",
            self.tr("Previous match"),
            self.tr("Previous match (Shift+Enter, Shift+F3)"),
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
        )
        self.previous_button.clicked.connect(self.previous_requested)
        layout.addWidget(self.previous_button)
        self.next_button = self._button(
            "searchNextButton",
            self.tr("Next match"),
            self.tr("Next match (Enter, F3)"),
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
        )
        self.next_button.clicked.connect(self.next_requested)
        layout.addWidget(self.next_button)
        self.close_button = self._button(
            "searchCloseButton",
            self.tr("Close search"),
            self.tr("Close search (Esc)"),
            style.standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton),
        )
        self.close_button.clicked.connect(self.close_bar)
        layout.addWidget(self.close_button)
        self._searched = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        self._timer.timeout.connect(self._search_now)
        self.edit.textEdited.connect(self._on_text_edited)
        self.set_count(0, 0)

    def _button(self, name: str, accessible: str, tooltip: str, icon: object) -> QToolButton:
        button = named(QToolButton(), name, accessible)
        button.setIcon(icon)  # type: ignore[arg-type]  # a QIcon from standardIcon
        button.setToolTip(tooltip)
        button.setAutoRaise(True)
        return button

    @property
    def query(self) -> str:
        """The text being searched for."""
        return self.edit.text()

    def open_bar(self) -> None:
        """Show the bar with its query selected, ready to type."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    @Slot()
    def close_bar(self) -> None:
        """Hide the bar and say so."""
        self._timer.stop()
        self.hide()
        self.closed.emit()

    def set_count(self, current: int, total: int, hidden: int = 0) -> None:
        """Show "current of total" (``current`` counts from 1; 0 = none chosen yet).

        ``hidden``: matches skipped because they are in muted people's folded messages.
        """
        if not self.edit.text():
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText(self.tr("No matches"))
        else:
            self.count_label.setText(self.tr("{current} of {total}").format(current=current, total=total))
        if hidden and self.edit.text():
            more = self.tr("{hidden} more in muted messages").format(hidden=hidden)
            self.count_label.setText(self.count_label.text() + " · " + more)
        self.count_label.setToolTip(
            self.tr(
                "Messages of people you muted are not searched. Show a message (click it) or unmute "
                "its sender to find text in it."
            )
            if hidden
            else ""
        )
        self.previous_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)

    @Slot(str)
    def _on_text_edited(self, _text: str) -> None:
        self._timer.start()

    @Slot()
    def _search_now(self) -> None:
        self._timer.stop()
        self._searched = self.edit.text()
        self.search_requested.emit(self._searched)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter, Shift+Enter and Esc in the query field (Qt override)."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.edit.text() != self._searched or self._timer.isActive():
                    self._search_now()
                elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous_requested.emit()
                else:
                    self.next_requested.emit()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
