"""The "On this network" panel: rooms found by discovery, and the two actions a newcomer needs.

Room names and nicknames come from the network: they are shown as plain text only (an
item view paints ``DisplayRole`` text literally; nothing here is a rich-text label).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from chatgui.discovery.rooms import Room
from chatgui.ui.widgets import named, section_title, set_primary

_Index = QModelIndex | QPersistentModelIndex


def lock_icon(colour: QColor, size: int = 16) -> QIcon:
    """A padlock, painted: many systems have no font with the lock emoji (it drew as a box)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    painter.setPen(QPen(colour, 1.6 * unit))
    painter.drawArc(round(4.5 * unit), round(1.5 * unit), round(7 * unit), round(9 * unit), 0, 180 * 16)
    painter.drawLine(round(4.5 * unit), round(6 * unit), round(4.5 * unit), round(7.5 * unit))
    painter.drawLine(round(11.5 * unit), round(6 * unit), round(11.5 * unit), round(7.5 * unit))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(round(2.5 * unit), round(7 * unit), round(11 * unit), round(8 * unit), unit, unit)
    painter.end()
    return QIcon(pixmap)


def room_address(room: Room) -> str:
    """Where to join ``room``, as ``host:port`` (``[v6]:port`` for IPv6)."""
    host = room.host
    return f"[{host}]:{room.port}" if ":" in host else f"{host}:{room.port}"


class RoomsModel(QAbstractListModel):
    """The rooms found, one row each, in the order they were found; a room is known by its key.

    Args:
        parent: Optional parent object.
    """

    RoomRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rooms: list[Room] = []
        self._lock: QIcon | None = None
        self._own = ""  # the instance name our own room is announced under ("" when none)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        """The number of rooms (Qt override)."""
        return 0 if parent.isValid() else len(self._rooms)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Two lines per room: its name, then ("private ·") nickname · mode · address; a lock icon if private.

        (Qt override.)
        """
        if not index.isValid() or not 0 <= index.row() < len(self._rooms):
            return None
        room = self._rooms[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            details = self.tr("hosted by {nick} · {mode} · {address}").format(
                nick=room.nick, mode=room.mode.upper(), address=room_address(room)
            )
            # Marks first, where eliding cannot cut them off (a lock is drawn beside a private one).
            # Not inside an f-string: the catalogue tool cannot see a tr() there.
            marks = [self.tr("your room")] if self.is_own(room) else []
            if room.secure:
                marks.append(self.tr("private"))
            return f"{room.name}\n" + " · ".join([*marks, details])
        if role == Qt.ItemDataRole.DecorationRole and room.secure:
            if self._lock is None:
                self._lock = lock_icon(QApplication.palette().color(QPalette.ColorRole.Text))
            return self._lock
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tr("Double-click to join. Addresses: {addresses}").format(
                addresses=", ".join(room.addresses) or self.tr("none announced")
            )
            if room.secure:
                tip = self.tr("A private room: joining asks for its passphrase.") + "\n" + tip
            return tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.tr("{room}, hosted by {nick}, {mode}, {address}").format(
                room=room.name, nick=room.nick, mode=room.mode.upper(), address=room_address(room)
            )
            return (
                self.tr("{room_description}, private").format(room_description=text) if room.secure else text
            )
        if role == self.RoomRole:
            return room
        return None

    def is_own(self, room: Room) -> bool:
        """Whether ``room`` is the one this window announces."""
        return bool(self._own) and room.key.startswith(self._own + ".")

    def set_own(self, instance: str) -> None:
        """Mark the room announced under ``instance`` as ours ("" : none is)."""
        if instance != self._own:
            self._own = instance
            if self._rooms:
                self.dataChanged.emit(self.index(0), self.index(len(self._rooms) - 1))

    def room_at(self, row: int) -> Room:
        """The room shown in ``row``."""
        return self._rooms[row]

    def rooms(self) -> list[Room]:
        """Every room shown, top to bottom."""
        return list(self._rooms)

    def upsert(self, room: Room) -> None:
        """Add ``room``, or update the row of the room with the same key."""
        for row, known in enumerate(self._rooms):
            if known.key == room.key:
                self._rooms[row] = room
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
                return
        row = len(self._rooms)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rooms.append(room)
        self.endInsertRows()

    def remove(self, room: Room) -> None:
        """Remove the room with ``room``'s key (nothing happens if it is not shown)."""
        for row, known in enumerate(self._rooms):
            if known.key == room.key:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rooms[row]
                self.endRemoveRows()
                return


class RoomsPanel(QWidget):
    """The rooms list with "Join" and "Host a room" under it.

    Signals:
        join_requested(object): the user asked to join a room (a ``Room``), or to join by
            address (``None``: nothing was selected).
        address_join_requested(): the user asked to join a room by its address.
        host_requested(): the user asked to host a room.
        addresses_requested(): the user asked to see this computer's addresses.

    Args:
        parent: Optional parent widget.
    """

    join_requested = Signal(object)
    address_join_requested = Signal()
    host_requested = Signal()
    addresses_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomsPanel")
        self._idle = True
        self.model = RoomsModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.title = section_title(self.tr("On this network"))
        self.title.setObjectName("roomsTitle")
        layout.addWidget(self.title)

        self.view = named(QListView(), "roomsView", self.tr("Rooms on this network"))
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setWordWrap(False)
        self.view.setSpacing(3)
        # Rows elide on the right instead: a sideways scroll hides which room is which.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setToolTip(self.tr("Rooms hosted by chatgui on this network. Double-click one to join."))
        self.view.activated.connect(self._on_activated)
        self.view.setMinimumHeight(44)
        layout.addWidget(self.view, 1)

        self.hint_label = named(QLabel(), "roomsHint", self.tr("About the rooms list"))
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)

        self.unavailable_label = named(QLabel(), "discoveryUnavailableLabel", self.tr("Discovery"))
        self.unavailable_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unavailable_label.setWordWrap(True)
        self.unavailable_label.hide()
        layout.addWidget(self.unavailable_label)

        self.join_button = named(QPushButton(self.tr("Join")), "joinButton", self.tr("Join"))
        self.address_button = named(
            QPushButton(self.tr("Join by address…")), "joinByAddressButton", self.tr("Join by address")
        )
        self.address_button.setToolTip(self.tr("Join a room that is not in the list: type its address."))
        self.host_button = named(
            QPushButton(self.tr("Host a room…")), "hostRoomButton", self.tr("Host a room")
        )
        self.host_button.setToolTip(
            self.tr("Open a room on this computer: name it, and give it a passphrase to make it private.")
        )
        join_row = QHBoxLayout()
        join_row.setSpacing(6)
        for button in (self.join_button, self.address_button, self.host_button):
            button.setMinimumHeight(30)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        join_row.addWidget(self.join_button, 2)
        join_row.addWidget(self.address_button, 3)
        layout.addLayout(join_row)
        layout.addWidget(self.host_button)
        self.join_button.clicked.connect(self._on_join_clicked)
        self.address_button.clicked.connect(self.address_join_requested)
        self.host_button.clicked.connect(self.host_requested)

        self.addresses_button = named(
            QPushButton(self.tr("This computer's addresses…")),
            "showAddressesButton",
            self.tr("This computer's addresses"),
        )
        self.addresses_button.setFlat(True)
        self.addresses_button.setToolTip(self.tr("Every address of this computer, with who can use it."))
        self.addresses_button.clicked.connect(self.addresses_requested)
        layout.addWidget(self.addresses_button)

        self.model.rowsInserted.connect(self._refresh)
        self.model.rowsRemoved.connect(self._refresh)
        self.view.selectionModel().selectionChanged.connect(self._refresh)
        self._refresh()

    # ----------------------------------------------------------------- discovery → panel

    @Slot(object)
    def on_room_found(self, room: Room) -> None:
        """Show ``room``, or update it if it is already shown."""
        self.model.upsert(room)

    @Slot(object)
    def on_room_lost(self, room: Room) -> None:
        """Remove ``room`` from the list."""
        self.model.remove(room)

    @Slot(str)
    def on_unavailable(self, sentence: str) -> None:
        """Say, once, that rooms cannot be found (``sentence`` is already translated)."""
        if not self.unavailable_label.isHidden():
            return
        self.unavailable_label.setText(sentence)
        self.unavailable_label.show()
        self._refresh()

    # ----------------------------------------------------------------- reading

    def selected_room(self) -> Room | None:
        """The room selected in the list, if any."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.room_at(rows[0].row()) if rows else None

    def set_idle(self, idle: bool) -> None:
        """Enable the actions only while no session runs (idle: no room of ours is announced)."""
        self._idle = idle
        if idle:
            self.model.set_own("")
        self._refresh()

    @Slot(str)
    def set_own_room(self, instance: str) -> None:
        """Our room is announced under ``instance``: mark it "your room" in the list."""
        self.model.set_own(instance)

    def sizeHint(self) -> QSize:
        """Wide enough for a room name and an IPv4 address (Qt override)."""
        return QSize(270, super().sizeHint().height())

    # ----------------------------------------------------------------- inside

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if self._idle and index.isValid():
            self.join_requested.emit(self.model.room_at(index.row()))

    @Slot()
    def _on_join_clicked(self) -> None:
        self.join_requested.emit(self.selected_room())

    @Slot()
    def _refresh(self) -> None:
        empty = self.model.rowCount() == 0
        unavailable = not self.unavailable_label.isHidden()
        if empty and not unavailable:
            self.hint_label.setText(
                self.tr("No rooms found yet — ask someone to host one, or host your own.")
            )
        elif empty:
            self.hint_label.setText(self.tr("Join by the host's address, or host your own room."))
        else:
            self.hint_label.setText(self.tr("Double-click a room to join it."))
        # Without discovery and rooms, its sentence says what the hint would (one text, less height).
        self.hint_label.setVisible(not (empty and unavailable))
        selected = self.selected_room() is not None
        self.join_button.setToolTip(
            self.tr("Join the selected room.")
            if selected
            else self.tr("Select a room in the list first, or join by its address.")
        )
        self.join_button.setEnabled(self._idle)
        self.address_button.setEnabled(self._idle)
        # In a room they cannot be used: hidden, the list keeps its height in a short window.
        for button in (self.join_button, self.address_button, self.host_button):
            button.setVisible(self._idle)
        self.host_button.setEnabled(self._idle)
        # One primary action: join what is selected, otherwise host.
        set_primary(self.join_button, self._idle and selected)
        set_primary(self.host_button, self._idle and not selected)
