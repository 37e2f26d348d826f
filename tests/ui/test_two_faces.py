"""Two faces of one window: the simple face on first start, the socket controls behind a remembered toggle.

One way to host (the "Host a room" dialog and Connect start from the same fields), join by
address from the simple face, roles and addresses kept per mode, nickname rules said before
connecting.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from chatgui.events import SessionConfig, SessionState, StateChanged
from chatgui.protocol.names import MAX_NICK_CHARS
from chatgui.ui.main_window import MainWindow
from chatgui.ui.nick_field import fallback_nick
from chatgui.ui.room_dialogs import HostRoomDialog, JoinAddressDialog
from tests.ui.conftest import FakeBackend
from tests.ui.page import page


def _select(window: MainWindow, name: str, data: str) -> None:
    combo = getattr(page(window), name)
    index = combo.findData(data)
    assert index >= 0, (name, data)
    combo.setCurrentIndex(index)


def _window(qtbot: QtBot, settings: QSettings, backend: FakeBackend | None = None) -> MainWindow:
    window = MainWindow(backend or FakeBackend(), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# ----------------------------------------------------------------- the toggle


def test_the_socket_controls_toggle_from_the_button_and_the_view_menu_and_are_remembered(
    qtbot: QtBot, settings: QSettings
) -> None:
    first = _window(qtbot, settings)
    p = page(first)
    action = p.actions_.socket_controls
    assert action.shortcut().toString() == "Ctrl+Shift+S"
    assert not p.mode_combo.isVisible()
    p.socket_controls_button.click()
    assert p.mode_combo.isVisible()
    assert p.encoding_combo.isVisible()
    assert p.connect_button.isVisible()
    assert action.isChecked()
    action.trigger()
    assert not p.mode_combo.isVisible()
    assert not p.socket_controls_button.isChecked()
    action.trigger()
    first.close()

    second = _window(qtbot, QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert page(second).mode_combo.isVisible()
    assert page(second).actions_.socket_controls.isChecked()


def test_disconnect_is_at_hand_in_the_simple_face(qtbot: QtBot, settings: QSettings) -> None:
    backend = FakeBackend()
    p = page(_window(qtbot, settings, backend))
    assert not p.connect_button.isVisible()
    p.host_room()
    assert p.connect_button.isVisible()
    assert p.connect_button.text() == "Cancel"


# ----------------------------------------------------------------- one way to host


def test_host_a_room_asks_name_and_passphrase_and_hosts_a_plain_tcp_room(
    qtbot: QtBot, settings: QSettings
) -> None:
    backend = FakeBackend()
    window = _window(qtbot, settings, backend)
    p = page(window)
    # What the hidden socket controls hold does not turn a newcomer's room into a socket experiment.
    p.show_socket_controls()
    _select(window, "mode_combo", "udp")
    _select(window, "role_combo", "multicast")
    p.raw_check.setChecked(True)
    p.show_socket_controls(False)
    p.nick_edit.setText("ann")
    p.host_room_button.click()
    dialog = p.room_dialog
    assert isinstance(dialog, HostRoomDialog)
    assert dialog.room_edit.placeholderText() == "ann's room"
    assert dialog.where_label.isHidden()
    dialog.room_edit.setText("Lab 3")
    dialog.field.set_text("maple-river-candle-orbit")
    dialog.port_spin.setValue(50100)
    dialog.host_button.click()
    assert backend.started == [
        SessionConfig(mode="tcp", role="host", nick="ann", port=50100, passphrase="maple-river-candle-orbit")
    ]
    assert p.room_edit.text() == "Lab 3"
    assert p.room_dialog is None


def test_cancel_hosts_nothing(qtbot: QtBot, settings: QSettings) -> None:
    backend = FakeBackend()
    p = page(_window(qtbot, settings, backend))
    p.host_room_button.click()
    dialog = p.room_dialog
    assert isinstance(dialog, HostRoomDialog)
    dialog.field.set_text("secret words here")
    dialog.reject()
    assert backend.started == []
    assert p.room_dialog is None
    assert p.connection_bar.passphrase() == ""


def test_with_socket_controls_the_dialog_and_connect_host_the_same_room(
    qtbot: QtBot, settings: QSettings
) -> None:
    backend = FakeBackend()
    window = _window(qtbot, settings, backend)
    p = page(window)
    p.show_socket_controls()
    _select(window, "role_combo", "host")
    p.host_edit.setText("127.0.0.1")
    p.port_spin.setValue(50200)
    p.nick_edit.setText("ann")
    p.host_room_button.click()
    dialog = p.room_dialog
    assert isinstance(dialog, HostRoomDialog)
    assert "127.0.0.1" in dialog.where_label.text()
    assert dialog.port_spin.value() == 50200
    dialog.host_button.click()
    by_dialog = backend.started[-1]
    assert by_dialog == SessionConfig(mode="tcp", role="host", nick="ann", bind="127.0.0.1", port=50200)
    backend.deliver([StateChanged(SessionState.IDLE)])
    p.connect_button.click()  # the socket controls' way: the same fields, the same room
    assert backend.started[-1] == by_dialog


# ----------------------------------------------------------------- join by address


def test_join_by_address_from_the_simple_face(qtbot: QtBot, settings: QSettings) -> None:
    backend = FakeBackend()
    window = _window(qtbot, settings, backend)
    p = page(window)
    p.nick_edit.setText("bob")
    p.join_button.click()  # nothing selected: ask for the address
    dialog = p.room_dialog
    assert isinstance(dialog, JoinAddressDialog)
    assert not dialog.join_button.isEnabled()
    dialog.host_edit.setText("192.0.2.7")
    dialog.port_spin.setValue(50009)
    dialog.field.set_text("maple-river-candle-orbit")
    dialog.join_button.click()
    assert backend.started == [
        SessionConfig(
            mode="tcp",
            role="join",
            nick="bob",
            host="192.0.2.7",
            port=50009,
            reconnect=True,
            passphrase="maple-river-candle-orbit",
        )
    ]


def test_join_by_address_button_opens_the_dialog_in_either_face(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    p = page(window)
    p.show_socket_controls()
    p.join_by_address_button.click()
    assert isinstance(p.room_dialog, JoinAddressDialog)


# ----------------------------------------------------------------- roles and addresses per mode


def test_udp_and_back_keeps_the_tcp_role_and_no_address_moves_into_listen_on(
    qtbot: QtBot, settings: QSettings
) -> None:
    window = _window(qtbot, settings)
    p = page(window)
    p.show_socket_controls()
    _select(window, "role_combo", "host")
    p.host_edit.setText("10.0.0.2")  # one of this computer's addresses, to listen on
    _select(window, "role_combo", "join")
    assert p.host_edit.text() == ""
    p.host_edit.setText("192.0.2.5")
    p.port_spin.setValue(6000)
    _select(window, "mode_combo", "udp")
    assert p.role() == "peer"
    assert p.host_edit.text() == "192.0.2.5"  # "Send to": the other computer still
    p.host_edit.setText("192.0.2.9")
    _select(window, "mode_combo", "tcp")
    assert p.role() == "join"  # not reset to Host
    assert p.host_edit.text() == "192.0.2.9"
    assert p.port_spin.value() == 6000
    _select(window, "role_combo", "host")
    assert p.host_edit.text() == "10.0.0.2"  # "Listen on" never gets someone else's address
    _select(window, "mode_combo", "udp")
    _select(window, "role_combo", "multicast")
    _select(window, "mode_combo", "tcp")
    assert p.role() == "host"
    _select(window, "mode_combo", "udp")
    assert p.role() == "multicast"


# ----------------------------------------------------------------- nickname rules


def test_the_nickname_rule_is_said_and_what_others_will_see(qtbot: QtBot, settings: QSettings) -> None:
    backend = FakeBackend()
    p = page(_window(qtbot, settings, backend))
    hint = p.connection_bar.nick.hint
    assert hint.isVisible()
    assert hint.text() == f"1–{MAX_NICK_CHARS} characters"
    assert p.nick_edit.maxLength() == MAX_NICK_CHARS
    p.nick_edit.setText("ann")
    assert not p.nick_note.isVisible()
    p.nick_edit.setText("")
    assert p.nick_note.isVisible()
    assert p.nick_note.text() == f"No name typed: others will see you as “{fallback_nick()}”."
    p.nick_edit.setText("ali\u200bce   b")
    assert p.nick_note.isVisible()
    assert "“alice b”" in p.nick_note.text()
    assert p.session_config().nick == "alice b"
    p.nick_edit.setText("\u200b\u200b")
    assert "Nothing in this name can be shown" in p.nick_note.text()
    p.nick_edit.setText("x" * 200)
    assert p.nick_edit.text() == "x" * MAX_NICK_CHARS
    assert not p.nick_note.isVisible()
