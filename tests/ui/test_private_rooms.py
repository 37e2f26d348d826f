"""Private rooms in the window: field, Generate, raw refused, locks, dialog, room code, keychain.

The passphrase is kept only in a keychain (a fake here, and the real one without a backend),
never in the settings file.
"""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from chatgui import settings as settings_keys
from chatgui.discovery.rooms import SERVICE_TCP, Room
from chatgui.events import Connected, Listening, RoomCode, SessionState, StateChanged
from chatgui.ui.keychain import SystemKeychain
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_model import RowKind
from tests.ui.conftest import FakeBackend, FakeDiscovery
from tests.ui.page import page

SECRET = "maple-river-candle-orbit"


class FakeKeychain:
    """A keychain in memory (``usable`` chooses whether there is one)."""

    def __init__(self, usable: bool = True, refuse: str = "") -> None:
        self._usable = usable
        self.refuse = refuse
        self.kept: dict[str, str] = {}

    def usable(self) -> bool:
        return self._usable

    def get(self, key: str) -> str | None:
        return self.kept.get(key)

    def set(self, key: str, passphrase: str) -> str:
        if self.refuse:
            return self.refuse
        self.kept[key] = passphrase
        return ""

    def delete(self, key: str) -> None:
        self.kept.pop(key, None)


def _window(
    qtbot: QtBot,
    backend: FakeBackend,
    settings: QSettings,
    keychain: FakeKeychain | None = None,
    discovery: FakeDiscovery | None = None,
) -> MainWindow:
    win = MainWindow(backend, settings, discovery=discovery, keychain=keychain or FakeKeychain(usable=False))
    qtbot.addWidget(win)
    page(win).show_socket_controls()  # the passphrase row is part of the socket controls
    win.show()
    qtbot.waitExposed(win)
    return win


def _select(window: MainWindow, name: str, data: str) -> None:
    combo = getattr(page(window), name)
    index = combo.findData(data)
    assert index >= 0, (name, data)
    combo.setCurrentIndex(index)


def _room(secure: bool, name: str = "Lab 3") -> Room:
    return Room(
        key=f"{name} (a1b2).{SERVICE_TCP}",
        nick="ann",
        name=name,
        mode="tcp",
        addresses=("192.0.2.7",),
        port=50009,
        secure=secure,
    )


# ----------------------------------------------------------------- the field and Generate


@pytest.mark.parametrize(
    ("mode", "role"),
    [("tcp", "host"), ("tcp", "join"), ("udp", "peer"), ("udp", "broadcast"), ("udp", "multicast")],
)
def test_every_role_has_the_passphrase_field_and_it_reaches_the_session(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings, mode: str, role: str
) -> None:
    window = _window(qtbot, fake_backend, settings)
    _select(window, "mode_combo", mode)
    _select(window, "role_combo", role)
    p = page(window)
    assert p.passphrase_edit.isVisible()
    assert p.generate_button.isVisible()
    assert p.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    assert "encrypted" in p.passphrase_edit.toolTip()
    assert p.session_config().passphrase == ""
    p.passphrase_edit.setText(SECRET)
    assert p.session_config().passphrase == SECRET
    assert (p.session_config().mode, p.session_config().role) == (mode, role)


def test_show_toggles_the_passphrase_in_clear_and_back(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    p.passphrase_edit.setText(SECRET)
    p.passphrase_show_button.click()
    assert p.passphrase_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert p.passphrase_show_button.text() == "Hide"
    p.passphrase_show_button.click()
    assert p.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    assert p.passphrase_show_button.text() == "Show"


def test_generate_proposes_four_words_and_shows_them(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    proposals = set()
    for _ in range(5):
        p.generate_button.click()
        words = p.passphrase_edit.text().split("-")
        assert len(words) == 4
        assert all(word.isalpha() and word.islower() for word in words)
        proposals.add(p.passphrase_edit.text())
    assert len(proposals) > 1
    assert p.passphrase_edit.echoMode() == QLineEdit.EchoMode.Normal  # to be read out to the others
    assert p.session_config().passphrase in proposals


def test_a_generated_passphrase_is_seen_whole_in_the_smallest_window(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    window = _window(qtbot, fake_backend, settings)
    window.resize(800, 500)
    window.show()
    qtbot.waitExposed(window)
    p = page(window)
    p.passphrase_edit.setText("maple-river-candle-orbit")
    p.passphrase_show_button.setChecked(True)
    shown = p.passphrase_edit.fontMetrics().horizontalAdvance(p.passphrase_edit.text())
    assert p.passphrase_edit.width() > shown, "four words must be read whole, to say them aloud"


# ----------------------------------------------------------------- raw text and a passphrase


def test_raw_text_with_a_passphrase_disables_connect_and_says_why(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    p.raw_check.setChecked(True)
    assert p.connect_button.isEnabled()
    assert p.conflict_label.isHidden()
    p.passphrase_edit.setText(SECRET)
    assert not p.connect_button.isEnabled()
    assert p.conflict_label.isVisible()
    assert "Raw text and a passphrase cannot go together" in p.conflict_label.text()
    assert p.connect_button.toolTip() == p.conflict_label.text()
    p.raw_check.setChecked(False)
    assert p.connect_button.isEnabled()
    assert p.conflict_label.isHidden()
    assert p.connect_button.toolTip() == ""


def test_host_a_room_with_raw_and_a_passphrase_is_refused_with_the_sentence(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    p.raw_check.setChecked(True)
    p.passphrase_edit.setText(SECRET)
    p.host_room()  # the rooms panel's way to host is not the disabled Connect
    assert fake_backend.started == []
    assert "cannot go together" in p.status_label.text()
    assert p.transcript_model.row_at(p.transcript_model.rowCount() - 1).kind == RowKind.ERROR


def test_raw_text_cannot_be_switched_on_in_a_private_session(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    p.passphrase_edit.setText(SECRET)
    p.connect_button.click()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE)])
    assert not p.raw_check.isEnabled()
    assert not p.passphrase_edit.isEnabled()
    assert p.connect_button.isEnabled()  # Disconnect
    fake_backend.deliver([StateChanged(SessionState.IDLE)])
    assert p.raw_check.isEnabled()


# ----------------------------------------------------------------- the rooms list


def test_a_private_room_shows_a_lock_and_an_open_one_none(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings, fake_discovery: FakeDiscovery
) -> None:
    window = _window(qtbot, fake_backend, settings, discovery=fake_discovery)
    fake_discovery.room_found.emit(_room(secure=True))
    fake_discovery.room_found.emit(_room(secure=False, name="Open"))
    model = page(window).rooms_panel.model
    locked, open_ = model.index(0, 0), model.index(1, 0)
    assert str(model.data(locked)).startswith("Lab 3\nprivate · hosted by")
    icon = model.data(locked, Qt.ItemDataRole.DecorationRole)
    assert icon is not None
    assert not icon.isNull()
    assert "private" in str(model.data(locked, Qt.ItemDataRole.ToolTipRole))
    assert str(model.data(locked, Qt.ItemDataRole.AccessibleTextRole)).endswith(", private")
    assert "private" not in str(model.data(open_))
    assert model.data(open_, Qt.ItemDataRole.DecorationRole) is None
    assert "private" not in str(model.data(open_, Qt.ItemDataRole.AccessibleTextRole))


def test_joining_a_locked_room_asks_its_passphrase_then_joins_with_it(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    p.join_room(_room(secure=True))
    dialog = p.passphrase_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert "“Lab 3”, hosted by ann, is private" in dialog.label.text()
    assert dialog.label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.field.edit.echoMode() == QLineEdit.EchoMode.Password
    assert fake_backend.started == []
    assert not dialog.join_button.isEnabled()  # nothing typed yet
    dialog.field.set_text(SECRET)
    assert dialog.join_button.isEnabled()
    dialog.join_button.click()
    assert p.passphrase_dialog is None
    (config,) = fake_backend.started
    assert (config.mode, config.role, config.host, config.port) == ("tcp", "join", "192.0.2.7", 50009)
    assert config.passphrase == SECRET


def test_cancel_in_the_passphrase_dialog_cancels_the_join(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    p.join_room(_room(secure=True))
    dialog = p.passphrase_dialog
    assert dialog is not None
    dialog.field.set_text("typed then cancelled")
    dialog.cancel_button.click()
    assert p.passphrase_dialog is None
    assert fake_backend.started == []
    assert p.passphrase_edit.text() == ""
    p.join_room(_room(secure=True))  # asking again works
    assert p.passphrase_dialog is not None
    p.passphrase_dialog.reject()


def test_joining_an_open_room_clears_a_passphrase_typed_before(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    p.passphrase_edit.setText(SECRET)
    p.join_room(_room(secure=False))
    assert p.passphrase_dialog is None
    (config,) = fake_backend.started
    assert config.passphrase == ""


# ----------------------------------------------------------------- announcing and the room code


def test_a_private_host_is_announced_with_its_lock(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings, fake_discovery: FakeDiscovery
) -> None:
    window = _window(qtbot, fake_backend, settings, discovery=fake_discovery)
    p = page(window)
    p.nick_edit.setText("ann")
    p.passphrase_edit.setText(SECRET)
    p.host_room()  # the dialog shows the passphrase typed in the socket controls
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:50007",), 50007)])
    assert fake_discovery.calls == [("announce", "ann", "ann's room", "tcp", 50007, "secure")]
    assert all(SECRET not in str(call) for call in fake_discovery.calls)


def test_the_room_code_is_shown_beside_the_status_and_as_a_row(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    _select(p.window, "role_combo", "join")
    p.host_edit.setText("192.0.2.7")
    p.passphrase_edit.setText(SECRET)
    p.connect_button.click()
    assert p.room_code_label.isHidden()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Connected("192.0.2.7:50007", "192.0.2.1:40000")])
    assert p.room_code_label.isVisible()
    assert p.room_code_label.text() == "Private room"
    fake_backend.deliver([RoomCode("192.0.2.7:50007", "4821 0937")])
    assert p.room_code_label.text() == "Room code 4821 0937"
    assert "same code on both sides" in p.room_code_label.toolTip()
    assert p.room_code_label.textFormat() == Qt.TextFormat.PlainText
    last = p.transcript_model.row_at(p.transcript_model.rowCount() - 1)
    assert last.kind == RowKind.SYSTEM
    assert "Room code 4821 0937" in last.text
    fake_backend.deliver([StateChanged(SessionState.IDLE)])
    assert p.room_code_label.isHidden()


def test_a_host_shows_the_latest_members_code_and_lists_them_all(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    p.passphrase_edit.setText(SECRET)
    p.connect_button.click()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:50007",), 50007)])
    fake_backend.deliver([RoomCode("10.0.0.5:4000", "1111 2222"), RoomCode("10.0.0.6:4001", "3333 4444")])
    assert p.room_code_label.text() == "Room code with 10.0.0.6:4001: 3333 4444"
    assert "10.0.0.5:4000: 1111 2222" in p.room_code_label.toolTip()


def test_an_open_room_shows_no_room_label(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings))
    p.connect_button.click()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:50007",), 50007)])
    assert p.room_code_label.isHidden()


# ----------------------------------------------------------------- remembering: keychain only


def test_the_passphrase_is_never_in_the_settings_file(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    keychain = FakeKeychain()
    window = _window(qtbot, fake_backend, settings, keychain)
    p = page(window)
    qtbot.waitUntil(lambda: p.remember_check.isEnabled())
    p.remember_check.setChecked(True)
    p.passphrase_edit.setText(SECRET)
    p.connect_button.click()
    window.close()
    text = Path(settings.fileName()).read_text(encoding="utf-8")
    assert "remember_passphrase=true" in text  # the file was written, the box with it
    assert SECRET not in text
    for word in SECRET.split("-"):
        assert word not in text


def test_remember_keeps_it_in_the_keychain_for_the_room_and_fills_it_next_time(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    keychain = FakeKeychain()
    p = page(_window(qtbot, fake_backend, settings, keychain))
    qtbot.waitUntil(lambda: p.remember_check.isEnabled())
    assert "keychain" in p.remember_check.toolTip()
    _select(p.window, "role_combo", "join")
    p.host_edit.setText("192.168.1.5")
    p.passphrase_edit.setText(SECRET)
    p.remember_check.setChecked(True)
    p.connect_button.click()
    assert keychain.kept == {"tcp:192.168.1.5:50007": SECRET}
    p.window.close()

    again = page(
        _window(qtbot, FakeBackend(), QSettings(settings.fileName(), QSettings.Format.IniFormat), keychain)
    )
    assert again.remember_check.isChecked()
    assert again.passphrase_edit.text() == SECRET
    again.remember_check.setChecked(False)  # forget it
    again.connect_button.click()
    assert keychain.kept == {}


def test_without_remember_nothing_is_kept(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    keychain = FakeKeychain()
    p = page(_window(qtbot, fake_backend, settings, keychain))
    qtbot.waitUntil(lambda: p.remember_check.isEnabled())
    p.passphrase_edit.setText(SECRET)
    p.connect_button.click()
    assert keychain.kept == {}
    assert settings.value(settings_keys.REMEMBER_PASSPHRASE) in (False, "false")


def test_a_keychain_that_refuses_is_reported_as_a_row(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings, FakeKeychain(refuse="locked")))
    qtbot.waitUntil(lambda: p.remember_check.isEnabled())
    p.remember_check.setChecked(True)
    p.passphrase_edit.setText(SECRET)
    p.connect_button.click()
    rows = [p.transcript_model.row_at(i) for i in range(p.transcript_model.rowCount())]
    assert any(row.kind == RowKind.ERROR and "(locked)" in row.text for row in rows)
    assert fake_backend.started  # the session starts all the same


def test_a_locked_room_offers_the_remembered_passphrase(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    keychain = FakeKeychain()
    keychain.kept["tcp:192.0.2.7:50009"] = SECRET
    p = page(_window(qtbot, fake_backend, settings, keychain))
    p.join_room(_room(secure=True))
    dialog = p.passphrase_dialog
    assert dialog is not None
    assert dialog.passphrase() == SECRET
    dialog.reject()


def test_no_keychain_disables_remember_and_says_why(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    p = page(_window(qtbot, fake_backend, settings, FakeKeychain(usable=False)))
    qtbot.waitUntil(lambda: "No system keychain was found" in p.remember_check.toolTip())
    assert not p.remember_check.isEnabled()
    assert not p.remember_check.isChecked()


def test_the_real_keychain_here_has_no_backend_and_the_window_says_so(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    if getattr(keyring.get_keyring(), "priority", 0) > 0:
        pytest.skip("this computer has a system keychain; the no-keychain path cannot be seen here")
    keychain = SystemKeychain()
    assert not keychain.usable()
    assert keychain.get("tcp:192.0.2.7:50009") is None
    assert keychain.set("tcp:192.0.2.7:50009", SECRET) == "no keychain"
    keychain.delete("tcp:192.0.2.7:50009")  # nothing to forget: harmless
    window = MainWindow(fake_backend, settings)  # the default: the system keychain
    qtbot.addWidget(window)
    window.show()
    p = page(window)
    qtbot.waitUntil(lambda: "No system keychain was found" in p.remember_check.toolTip())
    assert not p.remember_check.isEnabled()
