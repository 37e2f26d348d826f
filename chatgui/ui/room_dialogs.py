"""The two small dialogs of the simple face: "Host a room" and "Join by address".

Each asks only what its action needs and hands the answers back; ``chatgui.ui.room_actions``
puts them in the connection bar's fields and starts the session from there, so hosting and
joining have one path whichever face is shown. Opened with ``open()`` (window-modal, no
nested event loop). Room names are the user's own words, shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatgui.ui.address_entry import AddressEntry
from chatgui.ui.passphrase import PassphraseField, generate_passphrase
from chatgui.ui.widgets import named


def _port_spin(name: str, accessible: str, value: int, lowest: int) -> QSpinBox:
    spin = named(QSpinBox(), name, accessible)
    spin.setRange(lowest, 65535)
    spin.setValue(max(value, lowest))
    return spin


class HostRoomDialog(QDialog):
    """Asks a room's name, an optional passphrase and the port, then hosts.

    Args:
        room: The room name typed before ("" shows ``default_room`` as the placeholder).
        default_room: The name used when none is typed ("Ann's room").
        passphrase: The passphrase typed before ("" = an open room).
        remember: Whether "Remember passphrase" is ticked, and ``can_remember`` whether it can be.
        port: The port to listen on (0 = any free one).
        where: A sentence on what the socket controls add (address, protocol); "" in the simple face.
        parent: The window.
    """

    def __init__(
        self,
        room: str,
        default_room: str,
        passphrase: str,
        port: int,
        *,
        remember: bool = False,
        can_remember: bool = False,
        where: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hostRoomDialog")
        self.setWindowTitle(self.tr("Host a room"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.room_edit = named(QLineEdit(room), "hostDialogRoomEdit", self.tr("Room name"))
        self.room_edit.setMaxLength(60)
        self.room_edit.setPlaceholderText(default_room)
        self.room_edit.setToolTip(self.tr("The name others see in their list of rooms on this network."))
        self.field = PassphraseField("hostDialogPassphrase", self)
        self.field.set_text(passphrase)
        self.field.edit.setPlaceholderText(self.tr("none: an open room"))
        self.field.edit.setToolTip(
            self.tr(
                "With a passphrase the room is private: everything sent is encrypted, and only "
                "people who type the same passphrase can join. Leave it empty for an open room."
            )
        )
        self.generate_button = named(
            QPushButton(self.tr("Generate")), "hostDialogGenerate", self.tr("Generate a passphrase")
        )
        self.remember_check = named(
            QCheckBox(self.tr("Remember passphrase")), "hostDialogRemember", self.tr("Remember passphrase")
        )
        self.remember_check.setChecked(remember and can_remember)
        self.remember_check.setEnabled(can_remember)
        self.port_spin = _port_spin("hostDialogPort", self.tr("Port"), port, 0)
        self.port_spin.setSpecialValueText(self.tr("any"))
        self.port_spin.setToolTip(self.tr("The port your room listens on; others type it to join."))
        self.where_label = named(QLabel(where), "hostDialogWhere", self.tr("Where the room listens"))
        self.where_label.setTextFormat(Qt.TextFormat.PlainText)
        self.where_label.setWordWrap(True)
        self.where_label.setVisible(bool(where))

        passphrase_row = QHBoxLayout()
        passphrase_row.setSpacing(4)
        passphrase_row.addWidget(self.field, 1)
        passphrase_row.addWidget(self.generate_button)
        form = QFormLayout()
        form.addRow(self.tr("Room name"), self.room_edit)
        form.addRow(self.tr("Passphrase"), passphrase_row)
        form.addRow("", self.remember_check)
        form.addRow(self.tr("Port"), self.port_spin)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.host_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        named(self.host_button, "hostDialogHost", self.tr("Host the room"))
        self.host_button.setText(self.tr("Host the room"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.where_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.generate_button.clicked.connect(self._generate)
        self.room_edit.setFocus()

    @Slot()
    def _generate(self) -> None:
        self.field.set_text(generate_passphrase())
        self.field.show_button.setChecked(True)  # shown, to be read out to the others


class JoinAddressDialog(QDialog):
    """Asks the address and port of a room that is not in the list (and its passphrase, if private).

    Args:
        host: The address typed before.
        port: The port typed before.
        parent: The window.
    """

    def __init__(self, host: str, port: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("joinAddressDialog")
        self.setWindowTitle(self.tr("Join by address"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(
            self.tr("Type the address the host gave you. A private room also needs its passphrase.")
        )
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.host_edit = named(QLineEdit(host), "joinDialogHostEdit", self.tr("Address"))
        self.host_edit.setPlaceholderText(self.tr("the host's address, e.g. 192.168.1.5"))
        self.port_spin = _port_spin("joinDialogPort", self.tr("Port"), port, 1)
        self.field = PassphraseField("joinDialogPassphrase", self)
        self.field.edit.setPlaceholderText(self.tr("none: an open room"))
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_spin)
        form.addRow(self.tr("Passphrase"), self.field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.join_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        named(self.join_button, "joinDialogJoin", self.tr("Join"))
        self.join_button.setText(self.tr("Join"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.host_edit.textChanged.connect(self._on_host_changed)
        self._on_host_changed(host)
        # "host:port", "[v6]:port" or a pasted banner line: the port goes into the port box.
        self.address_entry = AddressEntry(self.host_edit, self.port_spin, self)
        self.host_edit.setFocus()

    @Slot(str)
    def _on_host_changed(self, text: str) -> None:
        self.join_button.setEnabled(bool(text.strip()))
