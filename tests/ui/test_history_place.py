"""History is a place of its own: rooms listed by name, opened read-only offline, searched, exported.

A real history file (SQLite in a temporary folder) and the real window; the network is the
fake backend, which plays what a host says (its welcome's room identity, receipts).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from pytestqt.qtbot import QtBot

from chatgui.events import (
    ChatReceived,
    ChatSent,
    ReceiptReceived,
    RoomIdentified,
    SessionState,
    StateChanged,
)
from chatgui.history.bridge import History
from chatgui.history.export import parse_csv
from chatgui.history.rooms import identity_key
from chatgui.net.backend import Backend
from chatgui.ui.history_browser import HistoryWindow
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_model import Receipt
from tests.ui.conftest import FakeBackend, FakeNotifier
from tests.ui.page import page

ROOM_ID = "5eed5eed5eed5eed-50041"


class Opened:
    """One run of the window on the history folder: window, fake network, real history."""

    def __init__(self, qtbot: QtBot, settings: QSettings, folder: Path) -> None:
        self.backend = FakeBackend()
        self.history = History(folder)
        self.window = MainWindow(self.backend, settings, history=self.history, notifier=FakeNotifier())
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.qtbot = qtbot

    def join(self, host: str, port: int = 50041) -> None:
        p = page(self.window)
        p.mode_combo.setCurrentIndex(p.mode_combo.findData("tcp"))
        p.role_combo.setCurrentIndex(p.role_combo.findData("join"))
        p.host_edit.setText(host)
        p.port_spin.setValue(port)
        p.connect_button.click()
        self.backend.deliver([StateChanged(SessionState.ACTIVE)])

    def leave(self) -> None:
        self.backend.deliver([StateChanged(SessionState.IDLE)])

    def texts(self) -> list[str]:
        return [r.text for r in page(self.window).transcript_model.rows()]

    def close(self) -> None:
        self.window.close()
        self.history.shutdown()


@pytest.fixture
def run(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> Iterator[list[Opened]]:
    opened: list[Opened] = []
    yield opened
    for each in opened:
        each.close()


def _start(run: list[Opened], qtbot: QtBot, settings: QSettings, folder: Path) -> Opened:
    if run:
        run[-1].close()
        run.clear()
    opened = Opened(qtbot, settings, folder)
    run.append(opened)
    return opened


def _a_room_reached_three_ways(run: list[Opened], qtbot: QtBot, settings: QSettings, folder: Path) -> Opened:
    """Three sessions with Ann's room, by 127.0.0.1, [::1] and 192.0.2.2; the host tells its identity."""
    app = _start(run, qtbot, settings, folder)
    for n, host in enumerate(("127.0.0.1", "::1", "192.0.2.2")):
        app.join(host)
        app.backend.deliver(
            [
                RoomIdentified(ROOM_ID, "Ann's room"),
                ChatReceived("ann", f"hello {n} from ann", f"{host}:50041"),
                ChatSent(n + 1, "bob", f"reply {n}", expects_receipt=True),
            ]
        )
        app.backend.deliver([ReceiptReceived(n + 1, 0.003)])
        app.leave()
    return app


def test_rooms_are_listed_by_name_and_open_read_only_without_a_connection(
    run: list[Opened], qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    _a_room_reached_three_ways(run, qtbot, settings, tmp_path)
    app = _start(run, qtbot, settings, tmp_path)  # reopened, not connected
    assert app.texts() == []
    app.window.actions_.open_history.trigger()
    browser = app.window.history_browser
    assert browser is not None
    qtbot.waitUntil(lambda: browser.rooms.topLevelItemCount() == 1, timeout=5000)
    item = browser.rooms.topLevelItem(0)
    assert item is not None
    assert item.text(0) == "Ann's room"  # the name, not an address: one room however it was reached
    assert item.text(2) == "6"  # three sessions of a message each way
    browser.open_selected()
    expected = [f"{kind} {n}" for n in range(3) for kind in ("hello", "reply")]
    qtbot.waitUntil(lambda: [t for t in app.texts() if t.startswith(("hello", "reply"))] != [], timeout=5000)
    shown = [t.replace(" from ann", "") for t in app.texts() if t.startswith(("hello", "reply"))]
    assert shown == expected
    p = page(app.window)
    assert not p.send_button.isEnabled()
    assert not p.compose_edit.isEnabled()
    assert "Ann's room" in p.compose_edit.placeholderText()
    assert "read only" in p.compose_edit.placeholderText()
    # Reloaded rows keep their ticks.
    own = [r for r in p.transcript_model.rows() if r.text.startswith("reply")]
    assert [r.receipt for r in own] == [Receipt.DELIVERED] * 3


def test_search_and_export_work_offline_on_the_history_shown(
    run: list[Opened], qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    _a_room_reached_three_ways(run, qtbot, settings, tmp_path)
    app = _start(run, qtbot, settings, tmp_path)
    app.window.open_history(identity_key(ROOM_ID), "Ann's room")
    qtbot.waitUntil(lambda: "reply 2" in app.texts(), timeout=5000)
    finder = app.window.transcript_search
    app.window.actions_.find.trigger()
    qtbot.keyClicks(page(app.window).search_bar.edit, "REPLY")
    qtbot.keyClick(page(app.window).search_bar.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: finder.match_position == (3, 3), timeout=5000)

    view = app.window.history_view
    default = view.default_export_path("csv")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert default.parent == Path(documents)
    assert default.name.startswith("Ann's room ")
    assert default.suffix == ".csv"
    target = tmp_path / default.name
    view.ask_export_path = lambda fmt: target  # type: ignore[method-assign]
    with qtbot.waitSignal(app.history.export_finished, timeout=5000):
        app.window.actions_.export_csv.trigger()
    from chatgui.history.bridge import csv_labels

    rows = parse_csv(target, labels=csv_labels())
    assert [r.text for r in rows if r.kind == "own"] == ["reply 0", "reply 1", "reply 2"]
    assert "Join or host a room first" not in page(app.window).status_label.text()


def test_while_connected_a_history_opens_in_its_own_window(
    run: list[Opened], qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    _a_room_reached_three_ways(run, qtbot, settings, tmp_path)
    app = _start(run, qtbot, settings, tmp_path)
    app.join("198.51.100.9", 6000)
    app.backend.deliver([ChatReceived("cy", "live line", "198.51.100.9:6000")])
    live = app.texts()
    app.window.open_history(identity_key(ROOM_ID), "Ann's room")
    windows = app.window.findChildren(HistoryWindow)
    assert len(windows) == 1
    other = windows[0]
    qtbot.waitUntil(lambda: "reply 2" in [r.text for r in other.model.rows()], timeout=5000)
    assert app.texts() == live  # the live conversation is not disturbed
    assert page(app.window).compose_edit.isEnabled()
    other.close()


def test_rows_recorded_before_the_host_told_its_room_join_the_room(
    run: list[Opened], qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    app = _start(run, qtbot, settings, tmp_path)
    app.join("127.0.0.1")
    app.backend.deliver([ChatReceived("ann", "before the welcome", "127.0.0.1:50041")])
    app.backend.deliver([RoomIdentified(ROOM_ID, "Ann's room")])
    app.leave()
    app.join("::1")  # another address: the history shows before the host says anything
    app.backend.deliver([RoomIdentified(ROOM_ID, "Ann's room")])
    qtbot.waitUntil(lambda: "before the welcome" in app.texts(), timeout=5000)
    assert app.window.history_view.room == identity_key(ROOM_ID)
    assert app.texts().count("before the welcome") == 1


def test_the_history_window_searches_with_ctrl_f(
    run: list[Opened], qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    _a_room_reached_three_ways(run, qtbot, settings, tmp_path)
    app = _start(run, qtbot, settings, tmp_path)
    other = HistoryWindow(app.history, identity_key(ROOM_ID), "Ann's room", app.window)
    other.show()
    qtbot.waitExposed(other)
    qtbot.waitUntil(lambda: "hello 1 from ann" in [r.text for r in other.model.rows()], timeout=5000)
    qtbot.keyClick(other, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert other.search_bar.isVisible()
    qtbot.keyClicks(other.search_bar.edit, "hello 1")
    qtbot.keyClick(other.search_bar.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: other.finder.match_position == (1, 1), timeout=5000)
    other.close()


@pytest.mark.skipif(not socket.has_ipv6, reason="no IPv6 on this computer")
def test_real_sockets_one_room_reached_by_ipv4_and_ipv6_is_one_history(qtbot: QtBot, tmp_path: Path) -> None:
    backends: list[Backend] = []
    histories: list[History] = []

    def make(name: str) -> MainWindow:
        backend, history = Backend(), History(tmp_path / name)
        backends.append(backend)
        histories.append(history)
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(backend, settings, history=history, notifier=FakeNotifier())
        qtbot.addWidget(window)
        window.show()
        return window

    def fill(window: MainWindow, role: str, host: str, port: int, nick: str) -> None:
        p = page(window)
        p.mode_combo.setCurrentIndex(p.mode_combo.findData("tcp"))
        p.role_combo.setCurrentIndex(p.role_combo.findData(role))
        p.host_edit.setText(host)
        p.port_spin.setValue(port)
        p.nick_edit.setText(nick)

    try:
        host = make("ann")
        fill(host, "host", "", 0, "ann")
        page(host).room_edit.setText("Ann's lab room")
        page(host).connect_button.click()
        qtbot.waitUntil(lambda: host.presenter.session.listening_port > 0, timeout=10_000)
        port = host.presenter.session.listening_port
        member = make("bob")
        for address in ("127.0.0.1", "::1"):
            fill(member, "join", address, port, "bob")
            page(member).connect_button.click()
            qtbot.waitUntil(lambda: member.backend.state == SessionState.ACTIVE, timeout=10_000)
            qtbot.waitUntil(lambda: member.history_view.room.startswith("room:"), timeout=10_000)
            member.session_control.send_message(f"via {address}")
            qtbot.waitUntil(
                lambda a=address: any(
                    r.text == f"via {a}" and r.receipt == Receipt.DELIVERED
                    for r in member.transcript_model.rows()
                ),
                timeout=10_000,
            )
            page(member).connect_button.click()  # disconnect
            qtbot.waitUntil(lambda: member.backend.state == SessionState.IDLE, timeout=10_000)
        with qtbot.waitSignal(histories[1].rooms_listed, timeout=10_000) as listed:
            histories[1].list_rooms()
        (room,) = listed.args[0]
        assert room.name == "Ann's lab room"
        assert room.key == host.history_view.room  # the host keeps it under the same identity
        with qtbot.waitSignal(histories[1].loaded, timeout=10_000) as loaded:
            histories[1].load_recent(room.key)
        own = [(r.text, r.receipt) for r in loaded.args[0][1] if r.kind == "own"]
        assert own == [("via 127.0.0.1", int(Receipt.DELIVERED)), ("via ::1", int(Receipt.DELIVERED))]
    finally:
        for backend in backends:
            assert backend.shutdown()
        for history in histories:
            history.shutdown()
