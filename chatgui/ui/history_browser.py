"""History as a place of its own: the rooms you have been in (File ▸ History…), each opened read-only.

:class:`HistoryBrowser` lists the rooms with their name, last activity and message count and
says which one was chosen; the window shows it in its own transcript while no session runs, or
in a :class:`HistoryWindow` beside a live conversation, which it never disturbs. Both search
(Ctrl+F) and export what they show, without a connection.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatgui.history.rooms import RoomSummary
from chatgui.ui.history_view import HistoryView, room_label
from chatgui.ui.interfaces import HistoryLike
from chatgui.ui.search_bar import SearchBar
from chatgui.ui.status import StatusLabel
from chatgui.ui.transcript_model import TranscriptModel
from chatgui.ui.transcript_search import TranscriptSearch
from chatgui.ui.transcript_view import TranscriptView
from chatgui.ui.widgets import named

_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_NAME_ROLE = Qt.ItemDataRole.UserRole + 2


def summary_label(summary: RoomSummary) -> str:
    """How a room is listed: its name, else the address it was reached at (never an internal key)."""
    if summary.name:
        return summary.name
    if summary.addresses:
        return room_label(summary.addresses[0])
    return room_label(summary.key)


class HistoryBrowser(QDialog):
    """The rooms you have been in, the most recent first; Open (or a double-click) shows one.

    Args:
        parent: The window it belongs to.

    Signals:
        room_chosen: ``(key, name)`` of the room to show; ``name`` is what the list shows.
    """

    room_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyBrowser")
        self.setWindowTitle(self.tr("History"))
        self.setAccessibleName(self.tr("History"))
        layout = QVBoxLayout(self)
        self.note = named(QLabel(), "historyNote", self.tr("About the history"))
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setText(
            self.tr("Rooms you have been in. Open one to read, search or export it — no connection needed.")
        )
        layout.addWidget(self.note)
        self.rooms = named(QTreeWidget(), "historyRooms", self.tr("Rooms with history"))
        self.rooms.setHeaderLabels([self.tr("Room"), self.tr("Last activity"), self.tr("Messages")])
        self.rooms.setRootIsDecorated(False)
        self.rooms.setUniformRowHeights(True)
        self.rooms.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rooms.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rooms.itemActivated.connect(self._on_item_activated)
        self.rooms.itemSelectionChanged.connect(self._follow_selection)
        layout.addWidget(self.rooms, 1)
        self.empty_label = named(QLabel(), "historyEmpty", self.tr("No history"))
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = named(QPushButton(self.tr("&Open")), "historyOpenButton", self.tr("Open"))
        self.open_button.setDefault(True)
        self.open_button.setEnabled(False)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.open_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    @Slot(object)
    def show_rooms(self, summaries: Sequence[RoomSummary]) -> None:
        """List ``summaries`` (``History.rooms_listed``); the newest is selected."""
        self.rooms.clear()
        locale = QLocale()
        for summary in summaries:
            label = summary_label(summary)
            when = QDateTime.fromSecsSinceEpoch(int(summary.last_ts))
            item = QTreeWidgetItem(
                [label, locale.toString(when, QLocale.FormatType.ShortFormat), locale.toString(summary.count)]
            )
            item.setData(0, _KEY_ROLE, summary.key)
            item.setData(0, _NAME_ROLE, label)
            item.setToolTip(0, label)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.rooms.addTopLevelItem(item)
        self.rooms.resizeColumnToContents(1)
        self.rooms.resizeColumnToContents(2)
        self.rooms.setColumnWidth(0, max(200, self.rooms.viewport().width() - self.rooms.columnWidth(1) - 90))
        empty = not summaries
        self.empty_label.setText(
            self.tr("No history yet: the rooms you join or host are listed here.") if empty else ""
        )
        self.empty_label.setVisible(empty)
        newest = self.rooms.topLevelItem(0)
        if newest is not None:
            self.rooms.setCurrentItem(newest)
        self._follow_selection()

    @Slot()
    def open_selected(self) -> None:
        """Show the selected room and close the list."""
        item = self.rooms.currentItem()
        if item is None:
            return
        self.room_chosen.emit(str(item.data(0, _KEY_ROLE)), str(item.data(0, _NAME_ROLE)))
        self.accept()

    @Slot(QTreeWidgetItem, int)
    def _on_item_activated(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.open_selected()

    @Slot()
    def _follow_selection(self) -> None:
        self.open_button.setEnabled(self.rooms.currentItem() is not None)


class HistoryWindow(QDialog):
    """One room's history in a window of its own (read-only), beside a live conversation.

    Args:
        history: The history facade.
        room: The room key.
        name: The room's name as listed.
        parent: The main window.
    """

    def __init__(self, history: HistoryLike, room: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self.setWindowTitle(self.tr("History — {room}").format(room=name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.search_bar = SearchBar()
        self.search_bar.hide()
        layout.addWidget(self.search_bar)
        self.model = TranscriptModel(parent=self)
        self.view = named(TranscriptView(), "historyTranscript", self.tr("Saved conversation"))
        self.view.setModel(self.model)
        layout.addWidget(self.view, 1)
        self.note = named(QLabel(), "historyReadOnlyNote", self.tr("Read only"))
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setText(
            self.tr("Saved history of {room}: read only. Ctrl+F finds in it.").format(room=name)
        )
        layout.addWidget(self.note)
        row = QHBoxLayout()
        self.status = StatusLabel()
        row.addWidget(self.status, 1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, text in (
            ("txt", self.tr("Export text…")),
            ("csv", self.tr("Export CSV…")),
            ("json", self.tr("Export JSON…")),
        ):
            button = named(QPushButton(text), f"historyExport_{fmt}", text)
            button.setAutoDefault(False)
            row.addWidget(button)
            self.export_buttons[fmt] = button
        layout.addLayout(row)
        self.history_view = HistoryView(history, self.model, self.view, self.status, self)
        self.finder = TranscriptSearch(
            self.history_view, self.search_bar, self.model, self.view, self.view, self
        )
        self.history_view.connect_history()
        self.finder.connect_history()
        self.search_bar.search_requested.connect(self.finder.search)
        self.search_bar.next_requested.connect(self.finder.find_next)
        self.search_bar.previous_requested.connect(self.finder.find_previous)
        self.search_bar.closed.connect(self.finder.on_search_closed)
        self.view.top_reached.connect(self.history_view.load_older)
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _checked=False, f=fmt: self.history_view.export(f))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.finder.open_search)
        QShortcut(QKeySequence("F3"), self, self.finder.find_next)
        QShortcut(QKeySequence("Shift+F3"), self, self.finder.find_previous)
        self.history_view.open_room(room, name, read_only=True)
        self.resize(640, 520)
