"""Session control in the chat window: connect, host, join, check, send, with the checks first.

What the user asks for through the connection bar, the rooms panel and the message box, checked
where it can be checked here (an address typed, a port) and handed to the backend. Its
sentences were written in the window and keep its translation context ("MainWindow").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from chatgui.discovery.rooms import Room
from chatgui.events import SessionState
from chatgui.history.store import room_key
from chatgui.ui.address_entry import AddressEntry
from chatgui.ui.connection_bar import ConnectionBar
from chatgui.ui.interfaces import BackendLike
from chatgui.ui.passphrase import PassphraseDialog
from chatgui.ui.presenter import Presenter
from chatgui.ui.status import SessionFacts
from chatgui.ui.transcript_model import Receipt, TranscriptModel


def _tr(text: str) -> str:
    # These sentences were written in the window and are translated under its context.
    return QCoreApplication.translate("MainWindow", text)


class SessionControl(QObject):
    """Starts, stops and sends through the backend, after checking the fields.

    Args:
        backend: The session facade.
        presenter: The session as the user sees it (its state; errors go through it).
        bar: The connection bar (the fields).
        compose: The message box.
        model: The transcript (its receipt tooltips follow the mode).
        open_room: Shows a room's history before its session starts (the room key).
        save_settings: Keeps the fields for the next start.
        parent: The owner of this object.

    Signals:
        check_started: ``(target)``: a Check of "host:port" was handed to the backend (its
            answer comes as the presenter's ``check_reported``).
    """

    check_started = Signal(str)

    def __init__(
        self,
        backend: BackendLike,
        presenter: Presenter,
        bar: ConnectionBar,
        compose: QPlainTextEdit,
        model: TranscriptModel,
        open_room: Callable[[str], None],
        save_settings: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._presenter = presenter
        self._bar = bar
        self._compose = compose
        self._model = model
        self._open_room = open_room
        self._save_settings = save_settings
        self._last_sent = ""
        self.passphrase_dialog: PassphraseDialog | None = None
        """The dialog asking for a private room's passphrase, while it is open."""
        self.host_identity: Callable[[int], str] | None = None
        """The identity of the TCP room hosted on a port, told to members (None: none told)."""
        self.address_entry = AddressEntry(bar.host_edit, bar.port_spin, self)
        """Reads the Host field: "host:port", "[v6]:port", a pasted banner line."""
        self.address_entry.problem_found.connect(presenter.show_error)

    @Slot()
    def give_back_refused(self) -> None:
        """Put the message refused before sending back in the (empty) message box."""
        if not self._compose.toPlainText():
            self._compose.setPlainText(self._last_sent)

    @Slot()
    def on_raw_changed(self) -> None:
        """Raw sending or its line ending changed: the running session follows."""
        if self._presenter.state != SessionState.IDLE:
            self._backend.set_raw(self._bar.raw(), self._bar.line_ending())

    @Slot()
    def on_encoding_changed(self) -> None:
        """The raw-text encoding changed: the running session follows."""
        if self._presenter.state != SessionState.IDLE:
            self._backend.set_encoding(self._bar.encoding())

    @Slot()
    def toggle_connection(self) -> None:
        """Connect when idle; otherwise disconnect (or cancel a connection in progress)."""
        if self._presenter.state == SessionState.IDLE:
            self.start_session()
        elif self._presenter.state != SessionState.STOPPING:
            self._backend.stop()

    @Slot()
    def host_room(self) -> None:
        """Host a TCP room on the port set above (the newcomer's "Host a room")."""
        if self._presenter.state != SessionState.IDLE:
            return
        bar = self._bar
        if bar.mode() != "tcp" or bar.role() != "host":
            # The address field gives back what was typed to listen on (never someone else's).
            self._select(self._bar.mode_combo, "tcp")
            self._select(self._bar.role_combo, "host")
        self.start_session()

    @Slot(object)
    def on_join_requested(self, room: Room | None) -> None:
        """Join ``room``, or (``None``) the address typed in the connection bar."""
        if room is not None:
            self.join_room(room)
            return
        if self._presenter.state != SessionState.IDLE:
            return
        if self._bar.mode() == "udp":
            self._select(self._bar.role_combo, "peer")
        else:
            self._select(self._bar.role_combo, "join")
        if not self._bar.host_edit.text().strip():
            self._presenter.show_error(
                _tr("Double-click a room in the list, or type the host's address above and press Join.")
            )
            self._bar.host_edit.setFocus()
            return
        self.start_session()

    def join_room(self, room: Room) -> None:
        """Fill mode, role, host and port from ``room`` and connect (nothing happens outside IDLE).

        A private room (announced with a lock) first asks for its passphrase; Cancel cancels.
        """
        if self._presenter.state != SessionState.IDLE:
            return
        if not room.host:
            self._presenter.show_error(
                _tr("{nick}'s room announced no address this computer can use.").format(nick=room.nick)
            )
            return
        if not room.secure:
            self._bar.passphrase_field.set_text("")  # an open room refuses a passphrase
            self._join(room)
            return
        if self.passphrase_dialog is not None:
            return  # already asking
        udp = room.mode == "udp"
        config = replace(
            self._bar.session_config(),
            mode="udp" if udp else "tcp",
            role="peer" if udp else "join",
            host=room.host,
            port=room.port,
        )
        dialog = PassphraseDialog(
            room.name, room.nick, self._bar.remembered_passphrase(room_key(config)), self._bar.window()
        )
        self.passphrase_dialog = dialog
        dialog.accepted.connect(lambda: self._on_passphrase_given(room, dialog.passphrase()))
        dialog.finished.connect(self._on_passphrase_dialog_closed)
        dialog.open()

    def _on_passphrase_given(self, room: Room, passphrase: str) -> None:
        if self._presenter.state != SessionState.IDLE:
            return
        self._bar.passphrase_field.set_text(passphrase)
        self._join(room)

    @Slot()
    def _on_passphrase_dialog_closed(self) -> None:
        dialog, self.passphrase_dialog = self.passphrase_dialog, None
        if dialog is not None:
            dialog.field.set_text("")  # the passphrase does not linger in a hidden widget
            dialog.deleteLater()

    def _join(self, room: Room) -> None:
        udp = room.mode == "udp"
        self._select(self._bar.mode_combo, "udp" if udp else "tcp")
        self._select(self._bar.role_combo, "peer" if udp else "join")
        self._bar.host_edit.setText(room.host)
        self._bar.port_spin.setValue(room.port)
        self.start_session()

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    @Slot()
    def check_address(self) -> None:
        """Ask the backend whether something answers at the typed host and port."""
        if not self._address_settled():
            return
        host = self._bar.host_edit.text().strip()
        port = self._bar.port_spin.value()
        if not host:
            self._presenter.show_error(_tr("Type an address to check first."))
            self._bar.host_edit.setFocus()
            return
        if port == 0:
            self._presenter.show_error(_tr("Type the port to check (1–65535) first."))
            self._bar.port_spin.setFocus()
            return
        # The check's own sentence holds the status line until it is done.
        target = self._bar.target_text()
        self._presenter.hold_status(_tr("Checking {address}…").format(address=target))
        self.check_started.emit(target)
        self._backend.check(self._bar.mode(), host, port)

    def start_session(self) -> None:
        """Start the session the fields describe, after checking what can be checked here."""
        if not self._address_settled():
            return
        config = self._bar.session_config()
        if config.mode == "tcp" and config.role == "host" and self.host_identity is not None:
            # Members keep one history of this room however they reach it.
            config = replace(config, room_id=self.host_identity(config.port), room_name=self._bar.room_name())
        conflict = self._bar.conflict()
        if conflict:
            self._presenter.show_error(conflict)
            self._bar.raw_check.setFocus()
            return
        if config.role == "join" and not config.host:
            self._presenter.show_error(
                _tr("Type the address of the computer hosting the room, then press Connect.")
            )
            self._bar.host_edit.setFocus()
            return
        if config.port == 0 and (config.role == "join" or (config.mode == "udp" and config.host)):
            self._presenter.show_error(
                _tr("Type the port the other side listens on (1–65535), then press Connect.")
            )
            self._bar.port_spin.setFocus()
            return
        if not self._bar.nick_edit.text().strip():
            self._bar.nick_edit.setText(config.nick)
        udp_target = self._bar.target_text() if config.mode == "udp" and config.host else ""
        facts = SessionFacts(
            mode=config.mode,
            role=config.role,
            port=config.port,
            udp_target=udp_target,
            roster=(),
            group=config.group,
            interface=config.interface,
            private=bool(config.passphrase),
        )
        self._presenter.begin(facts, self._bar.room_name())
        self._model.receipt_tooltips[Receipt.MISSING] = (
            _tr("No receipt came back. UDP does not tell the sender whether anything arrived.")
            if config.mode == "udp"
            else _tr("No receipt came back — the other side may not be a chatgui app.")
        )
        self._model.receipt_tooltips[Receipt.RELAYED] = _tr(
            "In the room — you host it, so your message went straight to every member's connection, "
            "and TCP delivers it or that member is shown leaving. With nobody else in the room, "
            "nobody has read it."
        )
        self._save_settings()
        self._open_room(room_key(config))
        self._backend.start(config)

    def _address_settled(self) -> bool:
        """Read the Host field (a port written in it moves to the port box); False: said why not."""
        if self._bar.mode() == "udp" and self._bar.role() in ("broadcast", "multicast"):
            return True  # no address field
        problem = self.address_entry.settle()
        if problem:
            self._presenter.show_error(problem)
            if self.address_entry.chooser is None:
                self._bar.host_edit.setFocus()
        return not problem

    @Slot()
    def send_current(self) -> None:
        """Send what is in the message box."""
        self.send_message(self._compose.toPlainText())

    @Slot(str)
    def send_message(self, text: str) -> None:
        """Send ``text`` and clear the message box (nothing happens for blank text or while idle)."""
        if self._presenter.state != SessionState.ACTIVE or not text.strip():
            return
        self._last_sent = text
        self._backend.send(text)
        self._compose.clear()

    @Slot()
    def recall_last_sent(self) -> None:
        """Put the last message sent back in the (empty) message box."""
        if self._last_sent and not self._compose.toPlainText():
            self._compose.setPlainText(self._last_sent)
            self._compose.moveCursor(self._compose.textCursor().MoveOperation.End)
