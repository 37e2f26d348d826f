"""The Room and Help menus, asking before a hosted room ends, Cancel as the default of what destroys."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from chatgui import settings as settings_keys
from chatgui.events import ChatSent, Listening, RosterChanged, SessionState, StateChanged
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_model import Receipt
from tests.ui.conftest import FakeBackend, FakeHistory
from tests.ui.page import page


def _host(window: MainWindow, backend: FakeBackend, roster: tuple[str, ...] = ("ann", "bob", "cy")) -> None:
    window.actions_.host_room.trigger()  # the one way to host: the menu opens "Host a room"
    dialog = page(window).room_dialog
    assert dialog is not None
    dialog.accept()
    assert backend.started[-1].role == "host"
    backend.deliver(
        [StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:5000",), 5000), RosterChanged(roster)]
    )


def test_every_room_action_is_in_the_room_menu_with_its_shortcut(window: MainWindow) -> None:
    actions = window.actions_
    room_menu = next(
        a.menu() for a in window.menuBar().actions() if a.menu() and actions.send in a.menu().actions()
    )
    listed = room_menu.actions()
    shortcuts = {}
    for action in (
        actions.connect,
        actions.disconnect,
        actions.host_room,
        actions.join,
        actions.check,
        actions.send,
    ):
        assert action in listed
        assert not action.shortcut().isEmpty()
        shortcuts[action.shortcut().toString()] = action.text()
    assert actions.send.shortcut() == QKeySequence("Ctrl+Return")
    # No two actions anywhere in the menus share a shortcut.
    every = [a.shortcut().toString() for a in actions.all() if not a.shortcut().isEmpty()]
    assert len(every) == len(set(every))


def test_room_actions_are_enabled_only_when_they_can_act(
    window: MainWindow, fake_backend: FakeBackend
) -> None:
    actions = window.actions_
    bar = page(window).connection_bar
    assert actions.connect.isEnabled()
    assert actions.host_room.isEnabled()
    assert actions.join.isEnabled()
    assert not actions.disconnect.isEnabled()
    assert not actions.send.isEnabled()
    bar.host_edit.clear()
    assert not actions.check.isEnabled()
    bar.host_edit.setText("127.0.0.1")
    bar.port_spin.setValue(4000)
    assert actions.check.isEnabled()
    actions.check.trigger()
    assert fake_backend.checks[-1][1:] == ("127.0.0.1", 4000)

    actions.connect.trigger()
    assert len(fake_backend.started) == 1
    assert not actions.connect.isEnabled()
    assert actions.disconnect.isEnabled()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE)])
    assert not actions.send.isEnabled()  # nothing to send yet
    page(window).compose_edit.setPlainText("hello")
    assert actions.send.isEnabled()
    actions.send.trigger()
    assert fake_backend.sent == ["hello"]
    assert not actions.host_room.isEnabled()
    assert not actions.join.isEnabled()
    actions.disconnect.trigger()
    assert fake_backend.stops == 1


def test_the_hosts_own_message_is_marked_relayed(window: MainWindow, fake_backend: FakeBackend) -> None:
    _host(window, fake_backend)
    fake_backend.deliver([ChatSent(1, "ann", "hello all", expects_receipt=False)])
    model = page(window).transcript_model
    row = model.rows()[-1]
    assert row.receipt == Receipt.RELAYED
    tooltip = model.index(model.rowCount() - 1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "every member" in tooltip
    # Raw text from the host has no mark (nothing says how it went).
    fake_backend.deliver([ChatSent(2, "ann", "raw", expects_receipt=False, raw=True)])
    assert model.rows()[-1].receipt == Receipt.NONE


def _answer(qtbot: QtBot, window: MainWindow, button: str, dont_ask: bool = False) -> None:
    box = window.quit_guard.box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    if dont_ask:
        box.checkBox().setChecked(True)
    if button == "quit":
        box.findChild(QPushButton, "quitButton").click()
    else:
        box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: window.quit_guard.box is None)


def test_quitting_while_hosting_asks_and_cancel_is_the_default(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend, settings: QSettings
) -> None:
    _host(window, fake_backend)
    window.actions_.quit.trigger()
    box = window.quit_guard.box
    assert box is not None
    assert box.text().endswith("quitting ends it for 2 people.")
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert window.isVisible()
    _answer(qtbot, window, "cancel")
    assert window.isVisible()
    assert fake_backend.shutdowns == 0

    # Closing from the title bar (a close the window system sends) asks too.
    class TitleBarClose(QCloseEvent):
        def spontaneous(self) -> bool:  # what the window system's close says
            return True

    event = TitleBarClose()
    window.closeEvent(event)
    assert not event.isAccepted()
    _answer(qtbot, window, "quit", dont_ask=True)
    assert not window.isVisible()
    assert fake_backend.shutdowns == 1
    assert settings_keys.read_flag(settings, settings_keys.ASK_BEFORE_ENDING_ROOM, True) is False
    assert not window.actions_.ask_before_ending_room.isChecked()


def test_dont_ask_again_is_kept_and_settings_turns_asking_back_on(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    settings.setValue(settings_keys.ASK_BEFORE_ENDING_ROOM, False)
    window = MainWindow(fake_backend, settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.actions_.ask_before_ending_room.isChecked()
    _host(window, fake_backend)
    window.actions_.ask_before_ending_room.trigger()
    assert settings_keys.read_flag(settings, settings_keys.ASK_BEFORE_ENDING_ROOM, False) is True
    window.actions_.quit.trigger()
    assert window.quit_guard.box is not None
    _answer(qtbot, window, "cancel")
    window.actions_.ask_before_ending_room.trigger()  # off again: Quit quits
    window.actions_.quit.trigger()
    assert window.quit_guard.box is None
    assert not window.isVisible()


def test_quitting_when_not_hosting_does_not_ask(window: MainWindow, fake_backend: FakeBackend) -> None:
    window.actions_.quit.trigger()
    assert window.quit_guard.box is None
    assert not window.isVisible()


def test_delete_history_defaults_to_cancel(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    window = MainWindow(fake_backend, settings, history=FakeHistory())
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []

    def press_enter() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "deleteHistoryBox"]
        box = boxes[0]
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text() if box.defaultButton() else "no default")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        if box.isVisible():  # Enter did nothing: close it, so the test fails instead of hanging
            seen.append("still open")
            box.done(0)

    QTimer.singleShot(0, press_enter)
    assert window.history_view.confirm_delete() == ""  # Enter did not delete
    assert seen == [QApplication.translate("QPlatformTheme", "Cancel")]


def test_help_has_how_to_chat_and_how_to_read_the_lab(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.how_to_chat.trigger()
    dialog = window.findChild(QLabel, "howToChatDialogText")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert "✓" in dialog.text()
    assert dialog.textFormat() == Qt.TextFormat.PlainText
    window.actions_.how_to_read_lab.trigger()
    lab = window.findChild(QLabel, "howToReadLabDialogText")
    assert lab is not None
    qtbot.waitUntil(lab.isVisible)
    assert "UDP" in lab.text()
