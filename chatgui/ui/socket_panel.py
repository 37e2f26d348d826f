"""The socket controls: mode, role, address, port, group, TTL, interface, Check, my port, raw text, encoding.

The learner's face of the connection bar, behind its "Socket controls" toggle. It shows only the
fields that make sense for the chosen mode and role, and it remembers what was typed per mode
and per meaning: switching UDP → TCP gives back the TCP role chosen before, and an address typed
as "Send to" never reappears as "Listen on". Its strings keep the bar's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Signal, Slot
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
from chatgui.events import DEFAULT_MULTICAST_GROUP
from chatgui.protocol.raw import ENCODINGS, LINE_ENDINGS
from chatgui.ui.connection_fields import field_texts
from chatgui.ui.connection_form import DEFAULT_PORT, fill_interfaces, fill_roles
from chatgui.ui.widgets import named, separator

_ENCODING_LABELS = {"utf-8": "UTF-8", "gbk": "GBK", "gb18030": "GB18030", "big5": "Big5"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectionBar", text)


def address_meaning(mode: str, role: str) -> str:
    """What the address field holds for ``mode`` and ``role``.

    Returns:
        "local" (an address of this computer to listen on: a TCP host), "remote" (the other
        computer: a TCP member or a UDP peer), or "" (broadcast and multicast have none).
    """
    if mode == "udp" and role in ("broadcast", "multicast"):
        return ""
    return "local" if (mode, role) == ("tcp", "host") else "remote"


class SocketPanel(QWidget):
    """The socket fields in two rows; the bar inserts its room and passphrase row between them.

    Args:
        parent: Optional parent widget.
    """

    fields_changed = Signal()
    """Mode or role changed: the bar follows (which fields announce a room)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("socketControls")
        self.mode_combo = named(QComboBox(), "modeCombo", _tr("Protocol"))
        self.mode_combo.addItem(_tr("TCP"), "tcp")
        self.mode_combo.addItem(_tr("UDP"), "udp")
        self.mode_combo.setToolTip(
            _tr("TCP: a room with delivery guaranteed in order. UDP: single datagrams, no guarantee.")
        )
        self.role_combo = named(QComboBox(), "roleCombo", _tr("Role"))
        self.host_label = QLabel(_tr("Host"))
        self.host_edit = named(QLineEdit(), "hostEdit", _tr("Address"))
        self.host_edit.setMinimumWidth(120)
        self.host_label.setBuddy(self.host_edit)
        self.port_spin = named(QSpinBox(), "portSpin", _tr("Port"))
        # 0 lets a host take any free port (the status line then says which one).
        self.port_spin.setRange(0, 65535)
        self.port_spin.setSpecialValueText(_tr("any"))
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_label = QLabel(_tr("Port"))
        self.port_label.setBuddy(self.port_spin)
        self.group_label = QLabel(_tr("Group"))
        self.group_edit = named(QLineEdit(), "groupEdit", _tr("Multicast group"))
        self.group_edit.setPlaceholderText(DEFAULT_MULTICAST_GROUP)
        self.group_edit.setToolTip(
            _tr(
                "The multicast group address (239.x.y.z or ff15::…). Everyone who joins the "
                "same group and port hears everyone else."
            )
        )
        self.group_edit.setMinimumWidth(100)
        self.group_label.setBuddy(self.group_edit)
        self.ttl_label = QLabel(_tr("TTL"))
        self.ttl_spin = named(QSpinBox(), "ttlSpin", _tr("Multicast TTL"))
        self.ttl_spin.setRange(1, 255)
        self.ttl_spin.setValue(1)
        self.ttl_spin.setToolTip(
            _tr("How many routers a message may cross: 1 keeps it on this network segment.")
        )
        self.ttl_label.setBuddy(self.ttl_spin)
        self.interface_label = QLabel(_tr("Interface"))
        self.interface_combo = named(QComboBox(), "interfaceCombo", _tr("Network interface"))
        self.interface_combo.setToolTip(_tr("Which network card to use; Automatic lets chatgui choose."))
        self.interface_label.setBuddy(self.interface_combo)
        self.check_button = named(QPushButton(_tr("Check")), "checkButton", _tr("Check the address"))
        self.check_button.setToolTip(
            _tr("Find out whether something answers at this address and port, without connecting.")
        )
        self.local_port_spin = named(QSpinBox(), "localPortSpin", _tr("My UDP port"))
        self.local_port_spin.setRange(0, 65535)
        self.local_port_spin.setSpecialValueText(_tr("any"))
        self.local_port_spin.setToolTip(
            _tr("The UDP port this computer receives on; 0 (any) lets the system pick a free one.")
        )
        self.local_port_label = QLabel(_tr("My port"))
        self.local_port_label.setBuddy(self.local_port_spin)
        self.local_port_separator = separator()
        self.raw_check = named(QCheckBox(_tr("Raw text")), "rawCheck", _tr("Raw text mode"))
        self.raw_check.setToolTip(
            _tr(
                "Send exactly what you type, with no chatgui framing — to talk to nc, socat "
                "or a plain socket script."
            )
        )
        self.line_ending_combo = named(QComboBox(), "lineEndingCombo", _tr("Line ending"))
        self.line_ending_combo.addItem(_tr("No line ending"), "none")
        self.line_ending_combo.addItem(_tr("LF (\\n)"), "lf")
        self.line_ending_combo.addItem(_tr("CRLF (\\r\\n)"), "crlf")
        self.line_ending_combo.setCurrentIndex(1)
        self.line_ending_combo.setToolTip(_tr("What raw mode puts after each message you send."))
        self.encoding_combo = named(QComboBox(), "encodingCombo", _tr("Text encoding"))
        for encoding in ENCODINGS:
            self.encoding_combo.addItem(_ENCODING_LABELS.get(encoding, encoding), encoding)
        self.encoding_combo.setToolTip(
            _tr("How raw text is turned into bytes and back — also for raw text received.")
        )
        self.encoding_label = QLabel(_tr("Encoding"))
        self.encoding_label.setBuddy(self.encoding_combo)

        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(8)
        first = QHBoxLayout()
        first.setSpacing(6)
        first.addWidget(self.mode_combo)
        first.addWidget(self.role_combo)
        first.addSpacing(8)
        first.addWidget(self.host_label)
        first.addWidget(self.host_edit, 1)
        first.addWidget(self.group_label)
        first.addWidget(self.group_edit, 1)
        first.addSpacing(4)
        tail: tuple[QWidget, ...] = (
            self.port_label,
            self.port_spin,
            self.ttl_label,
            self.ttl_spin,
            self.interface_label,
            self.interface_combo,
            self.check_button,
        )
        for widget in tail:
            first.addWidget(widget)
        self.rows.addLayout(first)
        self.last_row = QHBoxLayout()
        self.last_row.setSpacing(6)
        raw_row: tuple[QWidget, ...] = (
            self.local_port_label,
            self.local_port_spin,
            self.local_port_separator,
            self.raw_check,
            self.line_ending_combo,
            separator(),
            self.encoding_label,
            self.encoding_combo,
        )
        for widget in raw_row:
            self.last_row.addWidget(widget)
        self.last_row.addSpacing(12)
        self.rows.addLayout(self.last_row)

        self._interface = ""
        # The role last chosen in each mode, and the address typed for each meaning of the field.
        self._roles = {"tcp": "host", "udp": "peer"}
        self._addresses = {"local": "", "remote": ""}
        self._meaning = "local"
        fill_roles(self.role_combo, "tcp", "host")
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        self.role_combo.currentIndexChanged.connect(self._on_role_changed)
        self.interface_combo.currentIndexChanged.connect(self._on_interface_chosen)

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

    def address_meaning(self) -> str:
        """What the address field holds now: "local", "remote" or "" (see :func:`address_meaning`)."""
        return address_meaning(self.mode(), self.role())

    def local_address(self) -> str:
        """The address typed for a TCP host to listen on ("" = every interface)."""
        if self._meaning == "local":
            return self.host_edit.text().strip()
        return self._addresses["local"].strip()

    def line_ending(self) -> str:
        """The raw-mode line ending characters: empty, LF or CRLF."""
        return LINE_ENDINGS[str(self.line_ending_combo.currentData())]

    def encoding(self) -> str:
        """The selected text encoding for raw text."""
        return str(self.encoding_combo.currentData())

    # ----------------------------------------------------------------- following mode and role

    @Slot()
    def _on_mode_changed(self) -> None:
        fill_roles(self.role_combo, self.mode(), self._roles.get(self.mode()))
        self._follow_role()

    @Slot()
    def _on_role_changed(self) -> None:
        self._roles[self.mode()] = self.role()
        self._follow_role()

    def _follow_role(self) -> None:
        """Give the address field the text typed for its new meaning, then relabel the fields."""
        meaning = address_meaning(self.mode(), self.role())
        if meaning and meaning != self._meaning:
            if self._meaning:
                self._addresses[self._meaning] = self.host_edit.text()
            self.host_edit.setText(self._addresses[meaning])
        if meaning:
            self._meaning = meaning
        self.update_fields()
        self.fields_changed.emit()

    @Slot(int)
    def _on_interface_chosen(self, index: int) -> None:
        self._interface = str(self.interface_combo.itemData(index) or "")

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
            fill_interfaces(self.interface_combo, role, self._interface)
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
        self.line_ending_combo.setEnabled(self.raw_check.isChecked())

    def lock(self, idle: bool) -> None:
        """Let the session fields be edited only while no session runs."""
        fields: tuple[QWidget, ...] = (
            self.mode_combo,
            self.role_combo,
            self.host_edit,
            self.port_spin,
            self.local_port_spin,
            self.group_edit,
            self.ttl_spin,
            self.interface_combo,
        )
        for widget in fields:
            widget.setEnabled(idle)

    # ----------------------------------------------------------------- settings

    def load_settings(self, s: QSettings) -> None:
        """Fill the fields from ``s`` (defaults where a key is missing or unreadable)."""
        mode = settings.read_text(s, settings.MODE, "tcp")
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(mode), 0))
        self.mode_combo.blockSignals(False)
        fill_roles(self.role_combo, self.mode(), settings.read_text(s, settings.ROLE, "host"))
        self._roles[self.mode()] = self.role()
        self._meaning = address_meaning(self.mode(), self.role()) or "remote"
        self.host_edit.setText(settings.read_text(s, settings.HOST, ""))
        group = settings.read_text(s, settings.GROUP, DEFAULT_MULTICAST_GROUP)
        self.group_edit.setText("" if group == DEFAULT_MULTICAST_GROUP else group)
        self.ttl_spin.setValue(settings.read_number(s, settings.TTL, 1))
        self._interface = settings.read_text(s, settings.INTERFACE, "")
        self.port_spin.setValue(settings.read_number(s, settings.PORT, DEFAULT_PORT))
        self.local_port_spin.setValue(settings.read_number(s, settings.LOCAL_PORT, 0))
        self.raw_check.setChecked(settings.read_flag(s, settings.RAW_ENABLED, False))
        ending = settings.read_text(s, settings.RAW_LINE_ENDING, "lf")
        self.line_ending_combo.setCurrentIndex(max(self.line_ending_combo.findData(ending), 0))
        encoding = settings.read_text(s, settings.RAW_ENCODING, "utf-8")
        self.encoding_combo.setCurrentIndex(max(self.encoding_combo.findData(encoding), 0))
        self.update_fields()

    def save_settings(self, s: QSettings) -> None:
        """Write the fields to ``s`` (the caller syncs)."""
        s.setValue(settings.MODE, self.mode())
        s.setValue(settings.ROLE, self.role())
        s.setValue(settings.HOST, self.host_edit.text().strip())
        s.setValue(settings.PORT, self.port_spin.value())
        s.setValue(settings.LOCAL_PORT, self.local_port_spin.value())
        s.setValue(settings.GROUP, self.group())
        s.setValue(settings.TTL, self.ttl_spin.value())
        s.setValue(settings.INTERFACE, self.interface())
        s.setValue(settings.RAW_ENABLED, self.raw_check.isChecked())
        s.setValue(settings.RAW_LINE_ENDING, str(self.line_ending_combo.currentData()))
        s.setValue(settings.RAW_ENCODING, self.encoding())
