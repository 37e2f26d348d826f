"""The connection bar: mode, role, address (or group), port, nickname, room, passphrase and raw options.

It shows only the fields that make sense for the chosen mode and role, explains them,
persists them (the passphrase only in the system keychain, when asked), and turns them into
a ``SessionConfig`` (the roles, interfaces and sessions
each mode offers are in ``chatgui.ui.connection_form``). It never starts anything itself:
the window connects its Connect button and signals.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatgui import settings
from chatgui.events import DEFAULT_MULTICAST_GROUP, SessionConfig, SessionState
from chatgui.history.store import room_key
from chatgui.protocol.names import MAX_NICK_CHARS
from chatgui.protocol.raw import ENCODINGS, LINE_ENDINGS
from chatgui.ui.connection_fields import field_texts
from chatgui.ui.connection_form import (
    DEFAULT_PORT,
    default_nick,
    fill_interfaces,
    fill_roles,
    session_config,
)
from chatgui.ui.connection_passphrase import PassphraseControls
from chatgui.ui.keychain import KeychainLike
from chatgui.ui.widgets import named, separator

_ENCODING_LABELS = {"utf-8": "UTF-8", "gbk": "GBK", "gb18030": "GB18030", "big5": "Big5"}


class ConnectionBar(QWidget):
    """Three rows: where to connect and Connect; who you are, room, passphrase; raw text.

    Args:
        keychain: Where "Remember passphrase" keeps passphrases (None: nowhere; the box is
            disabled and says why).
        parent: Optional parent widget.
    """

    raw_options_changed = Signal()
    """Raw sending or its line ending changed."""
    encoding_changed = Signal()
    """The raw-text encoding changed."""

    def __init__(self, keychain: KeychainLike | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBar")
        self.mode_combo = named(QComboBox(), "modeCombo", self.tr("Protocol"))
        self.mode_combo.addItem(self.tr("TCP"), "tcp")
        self.mode_combo.addItem(self.tr("UDP"), "udp")
        self.mode_combo.setToolTip(
            self.tr("TCP: a room with delivery guaranteed in order. UDP: single datagrams, no guarantee.")
        )
        self.role_combo = named(QComboBox(), "roleCombo", self.tr("Role"))
        self.host_label = QLabel(self.tr("Host"))
        self.host_edit = named(QLineEdit(), "hostEdit", self.tr("Address"))
        self.host_edit.setMinimumWidth(150)
        self.host_label.setBuddy(self.host_edit)
        self.port_spin = named(QSpinBox(), "portSpin", self.tr("Port"))
        # 0 lets a host take any free port (the status line then says which one).
        self.port_spin.setRange(0, 65535)
        self.port_spin.setSpecialValueText(self.tr("any"))
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_label = QLabel(self.tr("Port"))
        self.port_label.setBuddy(self.port_spin)
        self.group_label = QLabel(self.tr("Group"))
        self.group_edit = named(QLineEdit(), "groupEdit", self.tr("Multicast group"))
        self.group_edit.setPlaceholderText(DEFAULT_MULTICAST_GROUP)
        self.group_edit.setToolTip(
            self.tr(
                "The multicast group address (239.x.y.z or ff15::…). Everyone who joins the "
                "same group and port hears everyone else."
            )
        )
        self.group_edit.setMinimumWidth(120)
        self.group_label.setBuddy(self.group_edit)
        self.ttl_label = QLabel(self.tr("TTL"))
        self.ttl_spin = named(QSpinBox(), "ttlSpin", self.tr("Multicast TTL"))
        self.ttl_spin.setRange(1, 255)
        self.ttl_spin.setValue(1)
        self.ttl_spin.setToolTip(
            self.tr("How many routers a message may cross: 1 keeps it on this network segment.")
        )
        self.ttl_label.setBuddy(self.ttl_spin)
        self.interface_label = QLabel(self.tr("Interface"))
        self.interface_combo = named(QComboBox(), "interfaceCombo", self.tr("Network interface"))
        self.interface_combo.setToolTip(self.tr("Which network card to use; Automatic lets chatgui choose."))
        self.interface_label.setBuddy(self.interface_combo)
        self.check_button = named(QPushButton(self.tr("Check")), "checkButton", self.tr("Check the address"))
        self.check_button.setToolTip(
            self.tr("Find out whether something answers at this address and port, without connecting.")
        )
        self.connect_button = named(QPushButton(self.tr("Connect")), "connectButton", self.tr("Connect"))
        self.connect_button.setMinimumWidth(110)
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

        self.nick_edit = named(QLineEdit(), "nickEdit", self.tr("Nickname"))
        self.nick_edit.setMaxLength(MAX_NICK_CHARS)  # what the host keeps of a nickname
        self.nick_edit.setPlaceholderText(self.tr("your name in the room"))
        self.nick_edit.setToolTip(self.tr("The name others see next to your messages."))
        nick_label = QLabel(self.tr("Nickname"))
        nick_label.setBuddy(self.nick_edit)
        self.local_port_spin = named(QSpinBox(), "localPortSpin", self.tr("My UDP port"))
        self.local_port_spin.setRange(0, 65535)
        self.local_port_spin.setSpecialValueText(self.tr("any"))
        self.local_port_spin.setToolTip(
            self.tr("The UDP port this computer receives on; 0 (any) lets the system pick a free one.")
        )
        self.local_port_label = QLabel(self.tr("My port"))
        self.local_port_label.setBuddy(self.local_port_spin)
        self.raw_check = named(QCheckBox(self.tr("Raw text")), "rawCheck", self.tr("Raw text mode"))
        self.raw_check.setToolTip(
            self.tr(
                "Send exactly what you type, with no chatgui framing — to talk to nc, socat "
                "or a plain socket script."
            )
        )
        self.line_ending_combo = named(QComboBox(), "lineEndingCombo", self.tr("Line ending"))
        self.line_ending_combo.addItem(self.tr("No line ending"), "none")
        self.line_ending_combo.addItem(self.tr("LF (\\n)"), "lf")
        self.line_ending_combo.addItem(self.tr("CRLF (\\r\\n)"), "crlf")
        self.line_ending_combo.setCurrentIndex(1)
        self.line_ending_combo.setToolTip(self.tr("What raw mode puts after each message you send."))
        self.encoding_combo = named(QComboBox(), "encodingCombo", self.tr("Text encoding"))
        for encoding in ENCODINGS:
            self.encoding_combo.addItem(_ENCODING_LABELS.get(encoding, encoding), encoding)
        self.encoding_combo.setToolTip(
            self.tr("How raw text is turned into bytes and back — also for raw text received.")
        )
        encoding_label = QLabel(self.tr("Encoding"))
        encoding_label.setBuddy(self.encoding_combo)

        # What to connect to and the primary action on the first row,
        # who you are and the raw-text options (secondary) on the second.
        bar = QVBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        first = QHBoxLayout()
        first.setSpacing(6)
        first.addWidget(self.mode_combo)
        first.addWidget(self.role_combo)
        first.addSpacing(12)
        first.addWidget(self.host_label)
        first.addWidget(self.host_edit, 1)
        first.addWidget(self.group_label)
        first.addWidget(self.group_edit, 1)
        first.addSpacing(6)
        first.addWidget(self.port_label)
        first.addWidget(self.port_spin)
        first.addWidget(self.ttl_label)
        first.addWidget(self.ttl_spin)
        first.addWidget(self.interface_label)
        first.addWidget(self.interface_combo)
        first.addWidget(self.check_button)
        first.addSpacing(12)
        first.addWidget(self.connect_button)
        bar.addLayout(first)

        second = QHBoxLayout()
        second.setSpacing(6)
        second.addWidget(nick_label)
        self.nick_edit.setMaximumWidth(200)
        second.addWidget(self.nick_edit, 1)
        self.room_separator = separator()
        second.addWidget(self.room_separator)
        second.addWidget(self.room_label)
        self.room_edit.setMaximumWidth(220)
        second.addWidget(self.room_edit, 1)
        self.local_port_separator = separator()
        second.addWidget(separator())
        second.addWidget(self.private.passphrase_label)
        second.addWidget(self.passphrase_field, 1)
        second.addWidget(self.generate_button)
        second.addWidget(self.remember_check)
        bar.addLayout(second)

        third = QHBoxLayout()
        third.setSpacing(6)
        third.addWidget(self.local_port_label)
        third.addWidget(self.local_port_spin)
        third.addWidget(self.local_port_separator)
        third.addWidget(self.raw_check)
        third.addWidget(self.line_ending_combo)
        third.addWidget(separator())
        third.addWidget(encoding_label)
        third.addWidget(self.encoding_combo)
        third.addSpacing(12)
        third.addWidget(self.conflict_label, 1)
        third.addStretch(1)
        bar.addLayout(third)

        # Tab follows the rows left to right (creation order does not: fields were added over time).
        chain: tuple[QWidget, ...] = (
            self.mode_combo,
            self.role_combo,
            self.host_edit,
            self.group_edit,
            self.port_spin,
            self.ttl_spin,
            self.interface_combo,
            self.check_button,
            self.connect_button,
            self.nick_edit,
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

        self._fill_roles("tcp")
        self._interface = ""
        self._state = SessionState.IDLE
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        self.interface_combo.currentIndexChanged.connect(self._on_interface_chosen)
        self.nick_edit.textChanged.connect(self._update_room_placeholder)
        self.role_combo.currentIndexChanged.connect(self.update_fields)
        self.raw_check.toggled.connect(self._on_raw_changed)
        self.raw_check.toggled.connect(self._update_conflict)
        self.passphrase_field.text_changed.connect(self._update_conflict)
        self.line_ending_combo.currentIndexChanged.connect(self._on_raw_changed)
        self.encoding_combo.currentIndexChanged.connect(self.encoding_changed)

    # ----------------------------------------------------------------- reading the fields

    def mode(self) -> str:
        """The selected protocol: "tcp" or "udp"."""
        return str(self.mode_combo.currentData())

    def role(self) -> str:
        """The selected role: "host", "join" (TCP); "peer", "broadcast" or "multicast" (UDP)."""
        return str(self.role_combo.currentData())

    def interface(self) -> str:
        """The chosen interface name for broadcast / multicast ("" = automatic)."""
        data = self.interface_combo.currentData()
        return str(data) if data is not None else self._interface

    def group(self) -> str:
        """The multicast group typed, or the default one."""
        return self.group_edit.text().strip() or DEFAULT_MULTICAST_GROUP

    def room_name(self) -> str:
        """The room name others see ("{nick}'s room" unless one was typed)."""
        return self.room_edit.text().strip() or self._default_room()

    def announced_nick(self) -> str:
        """The name a room hosted from these fields is announced under."""
        return self.nick_edit.text().strip() or self.session_config().nick

    def _default_room(self) -> str:
        nick = self.nick_edit.text().strip() or default_nick()
        return self.tr("{nick}'s room").format(nick=nick)

    def raw(self) -> bool:
        """Whether raw sending is on."""
        return self.raw_check.isChecked()

    def passphrase(self) -> str:
        """The passphrase typed ("" = an open room), exactly as typed."""
        return self.passphrase_field.text()

    def conflict(self) -> str:
        """Why these fields cannot start a session ("" = they can): raw text with a passphrase."""
        return self.private.conflict(self.raw_check.isChecked())

    def line_ending(self) -> str:
        """The raw-mode line ending characters: empty, LF or CRLF."""
        return LINE_ENDINGS[str(self.line_ending_combo.currentData())]

    def encoding(self) -> str:
        """The selected text encoding for raw text."""
        return str(self.encoding_combo.currentData())

    def target_text(self) -> str:
        """The typed host and port as one address ("[::1]:50007" for IPv6)."""
        host = self.host_edit.text().strip()
        port = self.port_spin.value()
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    def session_config(self) -> SessionConfig:
        """The session the fields describe."""
        return session_config(
            self.mode(),
            self.role(),
            host=self.host_edit.text().strip(),
            nick=self.nick_edit.text().strip() or default_nick(),
            port=self.port_spin.value(),
            local_port=self.local_port_spin.value(),
            raw=self.raw_check.isChecked(),
            line_ending=self.line_ending(),
            encoding=self.encoding(),
            group=self.group(),
            ttl=self.ttl_spin.value(),
            interface=self.interface(),
            passphrase=self.passphrase(),
        )

    # ----------------------------------------------------------------- following mode and state

    def _fill_roles(self, mode: str, keep: str | None = None) -> None:
        fill_roles(self.role_combo, mode, keep)

    @Slot()
    def _on_mode_changed(self) -> None:
        self._fill_roles(self.mode(), self.role())
        self.update_fields()

    @Slot(int)
    def _on_interface_chosen(self, index: int) -> None:
        self._interface = str(self.interface_combo.itemData(index) or "")

    @Slot()
    def _update_room_placeholder(self) -> None:
        self.room_edit.setPlaceholderText(self._default_room())

    def _fill_interfaces(self, role: str) -> None:
        """List the interfaces that make sense for ``role``, keeping the chosen one."""
        fill_interfaces(self.interface_combo, role, self._interface)

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

    @Slot()
    def _on_raw_changed(self) -> None:
        self.line_ending_combo.setEnabled(self.raw_check.isChecked())
        self.raw_options_changed.emit()

    @Slot()
    def update_fields(self) -> None:
        """Show, label and explain only the fields that make sense for the mode and role."""
        mode, role = self.mode(), self.role()
        texts = field_texts(mode, role)
        self.role_combo.setToolTip(texts.role_tip)
        group_role = mode == "udp" and role in ("broadcast", "multicast")
        if not group_role:
            self.host_label.setText(texts.host_label)
            self.host_edit.setPlaceholderText(texts.host_placeholder)
            self.host_edit.setToolTip(texts.host_tip)
        self.port_label.setText(texts.port_label)
        self.port_spin.setToolTip(texts.port_tip)
        if group_role:
            self._fill_interfaces(role)
        peer = mode == "udp" and role == "peer"
        multicast = mode == "udp" and role == "multicast"
        peer_only: tuple[QWidget, ...] = (
            self.local_port_label,
            self.local_port_spin,
            self.local_port_separator,
        )
        for widget in peer_only:
            widget.setVisible(peer)
        self.host_label.setVisible(not group_role)
        self.host_edit.setVisible(not group_role)
        multicast_only: tuple[QWidget, ...] = (
            self.group_label,
            self.group_edit,
            self.ttl_label,
            self.ttl_spin,
        )
        for widget in multicast_only:
            widget.setVisible(multicast)
        self.interface_label.setVisible(group_role)
        self.interface_combo.setVisible(group_role)
        self.check_button.setVisible(peer or (mode == "tcp" and role == "join"))
        announces = peer or (mode == "tcp" and role == "host")
        announcing: tuple[QWidget, ...] = (self.room_label, self.room_edit, self.room_separator)
        for widget in announcing:
            widget.setVisible(announces)
        self._update_room_placeholder()
        self.line_ending_combo.setEnabled(self.raw_check.isChecked())

    def follow_state(self, state: SessionState) -> None:
        """Lock the session fields outside IDLE and name the Connect button after the state."""
        idle = state == SessionState.IDLE
        for widget in (
            self.mode_combo,
            self.role_combo,
            self.host_edit,
            self.port_spin,
            self.local_port_spin,
            self.nick_edit,
            self.group_edit,
            self.ttl_spin,
            self.interface_combo,
            self.room_edit,
            self.passphrase_edit,
            self.generate_button,
        ):
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
        mode = settings.read_text(s, settings.MODE, "tcp")
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(mode), 0))
        self.mode_combo.blockSignals(False)
        self._fill_roles(self.mode(), settings.read_text(s, settings.ROLE, "host"))
        self.host_edit.setText(settings.read_text(s, settings.HOST, ""))
        group = settings.read_text(s, settings.GROUP, DEFAULT_MULTICAST_GROUP)
        self.group_edit.setText("" if group == DEFAULT_MULTICAST_GROUP else group)
        self.ttl_spin.setValue(settings.read_number(s, settings.TTL, 1))
        self._interface = settings.read_text(s, settings.INTERFACE, "")
        self.room_edit.setText(settings.read_text(s, settings.ROOM, ""))
        self.port_spin.setValue(settings.read_number(s, settings.PORT, DEFAULT_PORT))
        self.local_port_spin.setValue(settings.read_number(s, settings.LOCAL_PORT, 0))
        self.nick_edit.setText(settings.read_text(s, settings.NICK, "") or default_nick())
        self.raw_check.setChecked(settings.read_flag(s, settings.RAW_ENABLED, False))
        ending = settings.read_text(s, settings.RAW_LINE_ENDING, "lf")
        self.line_ending_combo.setCurrentIndex(max(self.line_ending_combo.findData(ending), 0))
        encoding = settings.read_text(s, settings.RAW_ENCODING, "utf-8")
        self.encoding_combo.setCurrentIndex(max(self.encoding_combo.findData(encoding), 0))
        self.update_fields()
        self.private.load_settings(s)

    def keychain_key(self) -> str:
        """The name a remembered passphrase is kept under: the room, e.g. "tcp:192.168.1.5:50007"."""
        return room_key(self.session_config())

    def save_settings(self, s: QSettings) -> None:
        """Write the fields to ``s`` (the caller syncs)."""
        s.setValue(settings.MODE, self.mode())
        s.setValue(settings.ROLE, self.role())
        s.setValue(settings.HOST, self.host_edit.text().strip())
        s.setValue(settings.PORT, self.port_spin.value())
        s.setValue(settings.LOCAL_PORT, self.local_port_spin.value())
        s.setValue(settings.NICK, self.nick_edit.text().strip())
        s.setValue(settings.GROUP, self.group())
        s.setValue(settings.TTL, self.ttl_spin.value())
        s.setValue(settings.INTERFACE, self.interface())
        s.setValue(settings.ROOM, self.room_edit.text().strip())
        s.setValue(settings.RAW_ENABLED, self.raw_check.isChecked())
        s.setValue(settings.RAW_LINE_ENDING, str(self.line_ending_combo.currentData()))
        s.setValue(settings.RAW_ENCODING, self.encoding())

    def remembered_passphrase(self, key: str) -> str:
        """The passphrase the keychain keeps for ``key`` ("" when none or no keychain)."""
        return self.private.remembered_passphrase(key)

    def save_passphrase(self, s: QSettings) -> str:
        """Remember (or forget) the passphrase in the keychain as the box says; never in ``s``."""
        return self.private.save_passphrase(s)
