"""The connection bar: your name, the socket controls behind their toggle, room and passphrase.

The simple face is one row: your name (with its rule), a "Socket controls" toggle and, while a
session runs, Disconnect. The socket controls (``chatgui.ui.socket_panel``: mode, role, address,
port, raw text, encoding) and the room name and passphrase row open under it when the toggle
is on; the choice is remembered. The bar persists its fields (the passphrase only in the system
keychain, when asked) and turns them into a ``SessionConfig`` (the roles, interfaces and
sessions each mode offers are in ``chatgui.ui.connection_form``). With the socket controls
hidden, a session is a plain chat: no raw text, and a host listens on every interface. It
never starts anything itself: the window connects its Connect button and signals.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatgui import settings
from chatgui.events import SessionConfig, SessionState
from chatgui.history.store import room_key
from chatgui.ui.connection_form import session_config
from chatgui.ui.connection_passphrase import PassphraseControls
from chatgui.ui.keychain import KeychainLike
from chatgui.ui.nick_field import NickField
from chatgui.ui.socket_panel import SocketPanel
from chatgui.ui.widgets import named, separator


class ConnectionBar(QWidget):
    """Your name and the toggle; under it (when on) the socket controls, room and passphrase.

    Args:
        keychain: Where "Remember passphrase" keeps passphrases (None: nowhere; the box is
            disabled and says why).
        parent: Optional parent widget.
    """

    raw_options_changed = Signal()
    """Raw sending or its line ending changed (or the socket controls were shown or hidden)."""
    encoding_changed = Signal()
    """The raw-text encoding changed."""
    socket_controls_toggled = Signal(bool)
    """The socket controls were shown (True) or hidden."""

    def __init__(self, keychain: KeychainLike | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBar")
        self.socket = SocketPanel()
        socket = self.socket
        self.mode_combo = socket.mode_combo
        self.role_combo = socket.role_combo
        self.host_label = socket.host_label
        self.host_edit = socket.host_edit
        self.port_spin = socket.port_spin
        self.port_label = socket.port_label
        self.group_label = socket.group_label
        self.group_edit = socket.group_edit
        self.ttl_label = socket.ttl_label
        self.ttl_spin = socket.ttl_spin
        self.interface_label = socket.interface_label
        self.interface_combo = socket.interface_combo
        self.check_button = socket.check_button
        self.local_port_label = socket.local_port_label
        self.local_port_spin = socket.local_port_spin
        self.raw_check = socket.raw_check
        self.line_ending_combo = socket.line_ending_combo
        self.encoding_combo = socket.encoding_combo

        self.connect_button = named(QPushButton(self.tr("Connect")), "connectButton", self.tr("Connect"))
        self.connect_button.setMinimumWidth(100)
        self.socket_button = named(
            QPushButton(self.tr("Socket controls")), "socketControlsButton", self.tr("Socket controls")
        )
        self.socket_button.setCheckable(True)
        self.socket_button.setToolTip(
            self.tr(
                "Show the socket controls: TCP or UDP, role, address, port, raw text and encoding "
                "(View › Socket controls)."
            )
        )
        self.room_edit = named(QLineEdit(), "roomEdit", self.tr("Room name"))
        self.room_edit.setMaxLength(60)
        self.room_edit.setToolTip(self.tr("The name others see in their list of rooms on this network."))
        self.room_label = QLabel(self.tr("Room name"))
        self.room_label.setBuddy(self.room_edit)

        self.private = PassphraseControls(keychain, self.keychain_key, self)
        self.passphrase_field = self.private.passphrase_field
        self.passphrase_edit = self.private.passphrase_edit
        self.passphrase_show_button = self.private.passphrase_show_button
        self.generate_button = self.private.generate_button
        self.remember_check = self.private.remember_check
        self.conflict_label = self.private.conflict_label

        self.nick = NickField(self)
        self.nick_edit = self.nick.edit

        # Your name and the two buttons always; the socket controls, with the room and
        # passphrase row between their two rows, under them when the toggle is on.
        bar = QVBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        first = QHBoxLayout()
        first.setSpacing(6)
        first.addWidget(self.nick.label)
        self.nick_edit.setMaximumWidth(220)
        first.addWidget(self.nick_edit, 1)
        first.addWidget(self.nick.hint)
        first.addStretch(1)
        first.addWidget(self.socket_button)
        first.addWidget(self.connect_button)
        bar.addLayout(first)
        bar.addWidget(self.nick.note)

        second = QHBoxLayout()
        second.setSpacing(6)
        self.room_separator = separator()
        second.addWidget(self.room_label)
        self.room_edit.setMaximumWidth(220)
        second.addWidget(self.room_edit, 1)
        second.addWidget(self.room_separator)
        second.addWidget(self.private.passphrase_label)
        second.addWidget(self.passphrase_field, 1)
        second.addWidget(self.generate_button)
        second.addWidget(self.remember_check)
        second.addStretch(0)
        socket.rows.insertLayout(1, second)
        socket.last_row.addWidget(self.conflict_label, 1)
        socket.last_row.addStretch(1)
        bar.addWidget(socket)
        socket.hide()

        # Tab follows the rows left to right (creation order does not: fields were added over time).
        chain: tuple[QWidget, ...] = (
            self.nick_edit,
            self.socket_button,
            self.connect_button,
            self.mode_combo,
            self.role_combo,
            self.host_edit,
            self.group_edit,
            self.port_spin,
            self.ttl_spin,
            self.interface_combo,
            self.check_button,
            self.room_edit,
            self.passphrase_edit,
            self.passphrase_show_button,
            self.generate_button,
            self.remember_check,
            self.local_port_spin,
            self.raw_check,
            self.line_ending_combo,
            self.encoding_combo,
        )
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

        self._state = SessionState.IDLE
        socket.fields_changed.connect(self.update_fields)
        self.socket_button.toggled.connect(self._on_socket_toggled)
        self.nick_edit.textChanged.connect(self._update_room_placeholder)
        self.host_edit.textChanged.connect(self._show_room_fields)
        self.raw_check.toggled.connect(self._on_raw_changed)
        self.raw_check.toggled.connect(self._update_conflict)
        self.passphrase_field.text_changed.connect(self._update_conflict)
        self.line_ending_combo.currentIndexChanged.connect(self._on_raw_changed)
        self.encoding_combo.currentIndexChanged.connect(self.encoding_changed)
        self._update_connect_button()

    # ----------------------------------------------------------------- the two faces

    def socket_controls_shown(self) -> bool:
        """Whether the socket controls are on (the learner's face)."""
        return self.socket_button.isChecked()

    def set_socket_controls_shown(self, shown: bool) -> None:
        """Show or hide the socket controls (the toggle button and View menu follow)."""
        self.socket_button.setChecked(shown)

    @Slot(bool)
    def _on_socket_toggled(self, shown: bool) -> None:
        self.socket.setVisible(shown)
        self._update_conflict()
        self.socket_controls_toggled.emit(shown)
        if self.raw_check.isChecked():
            self.raw_options_changed.emit()  # raw text applies only with the controls shown

    # ----------------------------------------------------------------- reading the fields

    def mode(self) -> str:
        """The selected protocol: "tcp" or "udp"."""
        return self.socket.mode()

    def role(self) -> str:
        """The selected role: "host", "join" (TCP); "peer", "broadcast" or "multicast" (UDP)."""
        return self.socket.role()

    def interface(self) -> str:
        """The chosen interface name for broadcast / multicast ("" = automatic)."""
        return self.socket.interface()

    def group(self) -> str:
        """The multicast group typed, or the default one."""
        return self.socket.group()

    def room_name(self) -> str:
        """The room name others see ("{nick}'s room" unless one was typed)."""
        return self.room_edit.text().strip() or self._default_room()

    def announced_nick(self) -> str:
        """The name a room hosted from these fields is announced under."""
        return self.nick.nick()

    def _default_room(self) -> str:
        return self.tr("{nick}'s room").format(nick=self.nick.nick())

    def raw(self) -> bool:
        """Whether raw sending is on (it is part of the socket controls: off while they are hidden)."""
        return self.raw_check.isChecked() and self.socket_controls_shown()

    def passphrase(self) -> str:
        """The passphrase typed ("" = an open room), exactly as typed."""
        return self.passphrase_field.text()

    def conflict(self) -> str:
        """Why these fields cannot start a session ("" = they can): raw text with a passphrase."""
        return self.private.conflict(self.raw())

    def line_ending(self) -> str:
        """The raw-mode line ending characters: empty, LF or CRLF."""
        return self.socket.line_ending()

    def encoding(self) -> str:
        """The selected text encoding for raw text."""
        return self.socket.encoding()

    def target_text(self) -> str:
        """The typed host and port as one address ("[::1]:50007" for IPv6)."""
        host = self.host_edit.text().strip()
        port = self.port_spin.value()
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    def session_config(self) -> SessionConfig:
        """The session the fields describe (a host listens everywhere while the controls are hidden)."""
        host = self.host_edit.text().strip()
        if (self.mode(), self.role()) == ("tcp", "host") and not self.socket_controls_shown():
            host = ""
        return session_config(
            self.mode(),
            self.role(),
            host=host,
            nick=self.nick.nick(),
            port=self.port_spin.value(),
            local_port=self.local_port_spin.value(),
            raw=self.raw(),
            line_ending=self.line_ending(),
            encoding=self.encoding(),
            group=self.group(),
            ttl=self.ttl_spin.value(),
            interface=self.interface(),
            passphrase=self.passphrase(),
        )

    # ----------------------------------------------------------------- following mode and state

    @Slot()
    def _update_room_placeholder(self) -> None:
        self.room_edit.setPlaceholderText(self._default_room())

    @Slot()
    def _update_conflict(self) -> None:
        reason = self.conflict()
        self.conflict_label.setText(reason)
        self.conflict_label.setVisible(bool(reason))
        self._update_connect_button()

    def _update_connect_button(self) -> None:
        idle = self._state == SessionState.IDLE
        reason = self.conflict() if idle else ""
        self.connect_button.setEnabled(self._state != SessionState.STOPPING and not reason)
        self.connect_button.setToolTip(reason)
        # The simple face starts sessions from the rooms panel; it needs the button only to stop one.
        self.connect_button.setVisible(self.socket_controls_shown() or not idle)

    @Slot()
    def _on_raw_changed(self) -> None:
        self.line_ending_combo.setEnabled(self.raw_check.isChecked())
        self.raw_options_changed.emit()

    @Slot()
    def update_fields(self) -> None:
        """Show, label and explain only the fields that make sense for the mode and role."""
        self.socket.update_fields()
        self._show_room_fields()

    @Slot()
    def _show_room_fields(self) -> None:
        mode, role = self.mode(), self.role()
        # Only a room is announced: a TCP host, or a UDP peer answering whoever writes to it
        # (one with a "Send to" address is writing to one person).
        answers_anyone = role == "peer" and not self.host_edit.text().strip()
        announces = (mode == "tcp" and role == "host") or (mode == "udp" and answers_anyone)
        for widget in (self.room_label, self.room_edit, self.room_separator):
            widget.setVisible(announces)
        self._update_room_placeholder()

    def follow_state(self, state: SessionState) -> None:
        """Lock the session fields outside IDLE and name the Connect button after the state."""
        idle = state == SessionState.IDLE
        self.socket.lock(idle)
        for widget in (self.nick_edit, self.room_edit, self.passphrase_edit, self.generate_button):
            widget.setEnabled(idle)
        # A private session stays private: raw text cannot be switched on while it runs.
        self.raw_check.setEnabled(idle or not self.passphrase())
        self._state = state
        labels = {
            SessionState.IDLE: self.tr("Connect"),
            SessionState.STARTING: self.tr("Cancel"),
            SessionState.ACTIVE: self.tr("Disconnect"),
            SessionState.STOPPING: self.tr("Disconnecting…"),
        }
        self.connect_button.setText(labels[state])
        self.connect_button.setAccessibleName(labels[state])
        self._update_connect_button()

    # ----------------------------------------------------------------- settings

    def load_settings(self, s: QSettings) -> None:
        """Fill the fields from ``s`` (defaults where a key is missing or unreadable)."""
        self.socket.load_settings(s)
        self.room_edit.setText(settings.read_text(s, settings.ROOM, ""))
        self.nick_edit.setText(settings.read_text(s, settings.NICK, "") or self.nick.nick())
        self.set_socket_controls_shown(settings.read_flag(s, settings.SOCKET_CONTROLS, False))
        self.update_fields()
        self._update_conflict()
        self.private.load_settings(s)

    def keychain_key(self) -> str:
        """The name a remembered passphrase is kept under: the room, e.g. "tcp:192.168.1.5:50007"."""
        return room_key(self.session_config())

    def save_settings(self, s: QSettings) -> None:
        """Write the fields to ``s`` (the caller syncs)."""
        self.socket.save_settings(s)
        s.setValue(settings.NICK, self.nick_edit.text().strip())
        s.setValue(settings.ROOM, self.room_edit.text().strip())
        s.setValue(settings.SOCKET_CONTROLS, self.socket_controls_shown())

    def remembered_passphrase(self, key: str) -> str:
        """The passphrase the keychain keeps for ``key`` ("" when none or no keychain)."""
        return self.private.remembered_passphrase(key)

    def save_passphrase(self, s: QSettings) -> str:
        """Remember (or forget) the passphrase in the keychain as the box says; never in ``s``."""
        return self.private.save_passphrase(s)
