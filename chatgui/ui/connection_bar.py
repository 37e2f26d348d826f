"""The connection bar: mode, role, address, port, nickname and raw-text options.

It shows only the fields that make sense for the chosen mode and role, explains them,
persists them, and turns them into a ``SessionConfig``. It never starts anything itself:
the window connects its Connect button and signals.
"""

from __future__ import annotations

import getpass

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

from chatgui.net.events import SessionConfig, SessionState
from chatgui.protocol.raw import ENCODINGS, LINE_ENDINGS
from chatgui.ui.widgets import named, separator

DEFAULT_PORT = 50007
_ENCODING_LABELS = {"utf-8": "UTF-8", "gbk": "GBK", "gb18030": "GB18030", "big5": "Big5"}


def default_nick() -> str:
    """The OS user name, or "guest" when the OS will not say."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError, ImportError):
        # getuser() raises when no login name is set (containers, some services).
        return "guest"
    return name.strip() or "guest"


class ConnectionBar(QWidget):
    """Two rows: what to connect to and the Connect button; who you are and raw-text options.

    Args:
        parent: Optional parent widget.
    """

    raw_options_changed = Signal()
    """Raw sending or its line ending changed."""
    encoding_changed = Signal()
    """The raw-text encoding changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
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
        self.connect_button = named(QPushButton(self.tr("Connect")), "connectButton", self.tr("Connect"))
        self.connect_button.setMinimumWidth(110)

        self.nick_edit = named(QLineEdit(), "nickEdit", self.tr("Nickname"))
        self.nick_edit.setMaxLength(40)
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
        first.addSpacing(6)
        first.addWidget(self.port_label)
        first.addWidget(self.port_spin)
        first.addSpacing(12)
        first.addWidget(self.connect_button)
        bar.addLayout(first)

        second = QHBoxLayout()
        second.setSpacing(6)
        second.addWidget(nick_label)
        self.nick_edit.setMaximumWidth(200)
        second.addWidget(self.nick_edit, 1)
        self.local_port_separator = separator()
        second.addWidget(self.local_port_separator)
        second.addWidget(self.local_port_label)
        second.addWidget(self.local_port_spin)
        second.addWidget(separator())
        second.addWidget(self.raw_check)
        second.addWidget(self.line_ending_combo)
        second.addWidget(separator())
        second.addWidget(encoding_label)
        second.addWidget(self.encoding_combo)
        second.addStretch(1)
        bar.addLayout(second)

        self._fill_roles("tcp")
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        self.role_combo.currentIndexChanged.connect(self.update_fields)
        self.raw_check.toggled.connect(self._on_raw_changed)
        self.line_ending_combo.currentIndexChanged.connect(self._on_raw_changed)
        self.encoding_combo.currentIndexChanged.connect(self.encoding_changed)

    # ----------------------------------------------------------------- reading the fields

    def mode(self) -> str:
        """The selected protocol: "tcp" or "udp"."""
        return str(self.mode_combo.currentData())

    def role(self) -> str:
        """The selected role: "host", "join" or "peer"."""
        return str(self.role_combo.currentData())

    def raw(self) -> bool:
        """Whether raw sending is on."""
        return self.raw_check.isChecked()

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
        mode, role = self.mode(), self.role()
        host = self.host_edit.text().strip()
        nick = self.nick_edit.text().strip() or default_nick()
        port = self.port_spin.value()
        raw = self.raw_check.isChecked()
        ending, encoding = self.line_ending(), self.encoding()
        if mode == "udp":
            return SessionConfig(
                mode="udp",
                role="peer",
                nick=nick,
                host=host,
                port=port,
                local_port=self.local_port_spin.value(),
                raw=raw,
                line_ending=ending,
                encoding=encoding,
            )
        if role == "host":
            return SessionConfig(
                mode="tcp",
                role="host",
                nick=nick,
                bind=host,
                port=port,
                raw=raw,
                line_ending=ending,
                encoding=encoding,
            )
        return SessionConfig(
            mode="tcp",
            role="join",
            nick=nick,
            host=host,
            port=port,
            raw=raw,
            line_ending=ending,
            encoding=encoding,
        )

    # ----------------------------------------------------------------- following mode and state

    def _fill_roles(self, mode: str, keep: str | None = None) -> None:
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        if mode == "udp":
            self.role_combo.addItem(self.tr("Peer"), "peer")
        else:
            self.role_combo.addItem(self.tr("Host a room"), "host")
            self.role_combo.addItem(self.tr("Join"), "join")
        index = self.role_combo.findData(keep) if keep else -1
        self.role_combo.setCurrentIndex(max(index, 0))
        self.role_combo.blockSignals(False)

    @Slot()
    def _on_mode_changed(self) -> None:
        self._fill_roles(self.mode(), self.role())
        self.update_fields()

    @Slot()
    def _on_raw_changed(self) -> None:
        self.line_ending_combo.setEnabled(self.raw_check.isChecked())
        self.raw_options_changed.emit()

    @Slot()
    def update_fields(self) -> None:
        """Show, label and explain only the fields that make sense for the mode and role."""
        mode, role = self.mode(), self.role()
        self.role_combo.setToolTip(
            self.tr("UDP has no rooms: every peer sends datagrams to the others.")
            if mode == "udp"
            else self.tr("Host a room others join, or join someone's room.")
        )
        if mode == "udp":
            self.host_label.setText(self.tr("Send to"))
            self.host_edit.setPlaceholderText(self.tr("anyone who writes to me"))
            self.host_edit.setToolTip(
                self.tr(
                    "The other computer's address. Leave it empty to answer whoever sends "
                    "to this computer's UDP port."
                )
            )
            self.port_label.setText(self.tr("Their port"))
            self.port_spin.setToolTip(self.tr("The UDP port the other side receives on."))
        elif role == "host":
            self.host_label.setText(self.tr("Listen on"))
            self.host_edit.setPlaceholderText(self.tr("all interfaces"))
            self.host_edit.setToolTip(
                self.tr(
                    "Leave empty to accept people on every network of this computer, "
                    "or type one of its own addresses."
                )
            )
            self.port_label.setText(self.tr("Port"))
            self.port_spin.setToolTip(self.tr("The port your room listens on; others type it to join."))
        else:
            self.host_label.setText(self.tr("Host"))
            self.host_edit.setPlaceholderText(self.tr("the host's address, e.g. 192.168.1.5"))
            self.host_edit.setToolTip(
                self.tr("The address of the computer hosting the room (a name, IPv4 or IPv6).")
            )
            self.port_label.setText(self.tr("Port"))
            self.port_spin.setToolTip(self.tr("The port the host's room listens on."))
        udp = mode == "udp"
        self.local_port_label.setVisible(udp)
        self.local_port_spin.setVisible(udp)
        self.local_port_separator.setVisible(udp)
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
        ):
            widget.setEnabled(idle)
        labels = {
            SessionState.IDLE: self.tr("Connect"),
            SessionState.STARTING: self.tr("Cancel"),
            SessionState.ACTIVE: self.tr("Disconnect"),
            SessionState.STOPPING: self.tr("Disconnecting…"),
        }
        self.connect_button.setText(labels[state])
        self.connect_button.setAccessibleName(labels[state])
        self.connect_button.setEnabled(state != SessionState.STOPPING)

    # ----------------------------------------------------------------- settings

    def load_settings(self, s: QSettings) -> None:
        """Fill the fields from ``s`` (defaults where a key is missing or unreadable)."""
        mode = str(s.value("connection/mode", "tcp"))
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(mode), 0))
        self.mode_combo.blockSignals(False)
        self._fill_roles(self.mode(), str(s.value("connection/role", "host")))
        self.host_edit.setText(str(s.value("connection/host", "")))
        self.port_spin.setValue(_int(s.value("connection/port", DEFAULT_PORT), DEFAULT_PORT))
        self.local_port_spin.setValue(_int(s.value("connection/local_port", 0), 0))
        self.nick_edit.setText(str(s.value("connection/nick", "")) or default_nick())
        self.raw_check.setChecked(_bool(s.value("raw/enabled", False)))
        ending = str(s.value("raw/line_ending", "lf"))
        self.line_ending_combo.setCurrentIndex(max(self.line_ending_combo.findData(ending), 0))
        encoding = str(s.value("raw/encoding", "utf-8"))
        self.encoding_combo.setCurrentIndex(max(self.encoding_combo.findData(encoding), 0))
        self.update_fields()

    def save_settings(self, s: QSettings) -> None:
        """Write the fields to ``s`` (the caller syncs)."""
        s.setValue("connection/mode", self.mode())
        s.setValue("connection/role", self.role())
        s.setValue("connection/host", self.host_edit.text().strip())
        s.setValue("connection/port", self.port_spin.value())
        s.setValue("connection/local_port", self.local_port_spin.value())
        s.setValue("connection/nick", self.nick_edit.text().strip())
        s.setValue("raw/enabled", self.raw_check.isChecked())
        s.setValue("raw/line_ending", str(self.line_ending_combo.currentData()))
        s.setValue("raw/encoding", self.encoding())


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def _bool(value: object) -> bool:
    # Ini files give strings back ("true"/"false"); native backends give bools.
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)
