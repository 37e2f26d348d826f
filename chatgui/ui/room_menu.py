"""The Room menu: what each action does, and enabled only while it can act.

Connect, Disconnect, Host a room, Join, Check and Send do what the connection bar's, the
rooms panel's and the message box's buttons do; this keeps their enabled state true to the
session's state and to what is typed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QPlainTextEdit

from chatgui.events import SessionState
from chatgui.ui.connection_bar import ConnectionBar
from chatgui.ui.room_actions import RoomActions
from chatgui.ui.rooms_panel import RoomsPanel
from chatgui.ui.session_control import SessionControl
from chatgui.ui.window_menus import WindowActions


class RoomMenu(QObject):
    """Connects the Room menu to the session control and keeps each action's enabled state.

    Args:
        actions: The menu bar's actions.
        control: Starts, stops, checks and sends.
        bar: The connection bar (the address and port a Check needs).
        rooms: The rooms panel (the room Join joins).
        doors: Host a room and Join by address, the one way both faces share.
        compose: The message box (Send needs something in it).
        parent: The owner of this object.
    """

    def __init__(
        self,
        actions: WindowActions,
        control: SessionControl,
        bar: ConnectionBar,
        rooms: RoomsPanel,
        compose: QPlainTextEdit,
        doors: RoomActions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._control = control
        self._bar = bar
        self._rooms = rooms
        self._compose = compose
        self._doors = doors
        self._state = SessionState.IDLE
        actions.connect.triggered.connect(self.on_connect)
        actions.disconnect.triggered.connect(self.on_disconnect)
        actions.host_room.triggered.connect(doors.ask_host)
        actions.join.triggered.connect(self.on_join)
        actions.check.triggered.connect(control.check_address)
        actions.send.triggered.connect(control.send_current)
        bar.host_edit.textChanged.connect(self.refresh)
        bar.port_spin.valueChanged.connect(self.refresh)
        compose.textChanged.connect(self.refresh)
        self.refresh()

    @Slot(object)
    def on_state_applied(self, state: SessionState) -> None:
        """Follow the session's state."""
        self._state = state
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Enable each action only when it can act now."""
        idle = self._state == SessionState.IDLE
        actions = self._actions
        actions.connect.setEnabled(idle)
        actions.disconnect.setEnabled(self._state in (SessionState.STARTING, SessionState.ACTIVE))
        actions.host_room.setEnabled(idle)
        actions.join.setEnabled(idle)
        actions.check.setEnabled(bool(self._bar.host_edit.text().strip()) and self._bar.port_spin.value() > 0)
        actions.send.setEnabled(
            self._state == SessionState.ACTIVE and bool(self._compose.toPlainText().strip())
        )

    @Slot()
    def on_connect(self) -> None:
        """Start the session the fields describe (nothing happens outside IDLE)."""
        if self._state == SessionState.IDLE:
            self._control.toggle_connection()

    @Slot()
    def on_disconnect(self) -> None:
        """End the session, or give up connecting."""
        if self._state in (SessionState.STARTING, SessionState.ACTIVE):
            self._control.toggle_connection()

    @Slot()
    def on_join(self) -> None:
        """Join the room chosen in the list, or the address typed above."""
        self._doors.on_join_requested(self._rooms.selected_room())
