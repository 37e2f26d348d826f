"""Host a room and join by address, the one way in both faces: a dialog, the bar's fields, one start.

"Host a room…" and "Join by address…" open their dialog; the answers go into the connection
bar's fields (room name, passphrase, port, address) and the session starts from those fields
through ``SessionControl``, exactly as Connect does with the socket controls shown. With the
socket controls shown the dialog says what they add (the address a host listens on; UDP).
Its sentences were written in the window and keep its translation context ("MainWindow").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QComboBox, QDialog

from chatgui.discovery.rooms import Room
from chatgui.events import SessionState
from chatgui.ui.connection_bar import ConnectionBar
from chatgui.ui.presenter import Presenter
from chatgui.ui.room_dialogs import HostRoomDialog, JoinAddressDialog
from chatgui.ui.session_control import SessionControl


def _tr(text: str) -> str:
    # These sentences were written in the window and are translated under its context.
    return QCoreApplication.translate("MainWindow", text)


def _select(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


class RoomActions(QObject):
    """Opens the "Host a room" and "Join by address" dialogs and acts on their answers.

    Args:
        bar: The connection bar (the fields every session starts from).
        control: Starts sessions after its checks.
        presenter: The session as the user sees it (nothing opens outside IDLE).
        parent: The window (the dialogs' parent).
    """

    def __init__(
        self, bar: ConnectionBar, control: SessionControl, presenter: Presenter, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._bar = bar
        self._control = control
        self._presenter = presenter
        self.dialog: QDialog | None = None
        """The dialog open now, if any (tests answer it)."""

    def _idle(self) -> bool:
        return self._presenter.state == SessionState.IDLE and self.dialog is None

    def _where(self) -> str:
        if not self._bar.socket_controls_shown():
            return ""
        address = self._bar.socket.local_address() or _tr("all interfaces")
        return _tr(
            "A TCP room listening on {address}, as set in the socket controls (UDP peers "
            "connect with the socket controls' Connect)."
        ).format(address=address)

    @Slot()
    def ask_host(self) -> None:
        """Open "Host a room" with the bar's room name, passphrase and port."""
        if not self._idle():
            return
        bar = self._bar
        dialog = HostRoomDialog(
            bar.room_edit.text(),
            bar.room_name() if not bar.room_edit.text().strip() else "",
            bar.passphrase(),
            bar.port_spin.value(),
            remember=bar.remember_check.isChecked(),
            can_remember=bar.remember_check.isEnabled(),
            where=self._where(),
            parent=bar.window(),
        )
        self._open(dialog)

    @Slot(object)
    def on_join_requested(self, room: Room | None) -> None:
        """Join ``room``; with none selected, the typed address (socket controls) or ask for one."""
        if room is None and not self._bar.socket_controls_shown():
            self.ask_address()
        else:
            self._control.on_join_requested(room)

    @Slot()
    def ask_address(self) -> None:
        """Open "Join by address" with the address and port typed last."""
        if not self._idle():
            return
        bar = self._bar
        host = bar.host_edit.text().strip() if bar.socket.address_meaning() == "remote" else ""
        self._open(JoinAddressDialog(host, bar.port_spin.value(), bar.window()))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self._on_accepted)
        dialog.finished.connect(self._on_finished)
        dialog.open()

    @Slot()
    def _on_accepted(self) -> None:
        dialog, bar = self.dialog, self._bar
        if self._presenter.state != SessionState.IDLE:
            return
        if isinstance(dialog, HostRoomDialog):
            bar.room_edit.setText(dialog.room_edit.text().strip())
            bar.passphrase_field.set_text(dialog.field.text())
            if bar.remember_check.isEnabled():
                bar.remember_check.setChecked(dialog.remember_check.isChecked())
            bar.port_spin.setValue(dialog.port_spin.value())
            self._control.host_room()
        elif isinstance(dialog, JoinAddressDialog):
            if not bar.socket_controls_shown() or bar.mode() != "udp":
                _select(bar.mode_combo, "tcp")
                _select(bar.role_combo, "join")
            bar.host_edit.setText(dialog.host_edit.text().strip())
            bar.port_spin.setValue(dialog.port_spin.value())
            bar.passphrase_field.set_text(dialog.field.text())
            self._control.on_join_requested(None)

    @Slot()
    def _on_finished(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            for field in dialog.findChildren(type(self._bar.passphrase_field)):
                field.set_text("")  # the passphrase does not linger in a hidden widget
            dialog.deleteLater()
