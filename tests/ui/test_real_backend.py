"""Two real windows with real Backends chatting over loopback, driven through their widgets."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chatgui.events import SessionState
from chatgui.net import backend as backend_module
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_model import Receipt, Row, RowKind
from tests.ui.conftest import MakeWindow
from tests.ui.page import page

WAIT_MS = 10_000


def _fill(window: MainWindow, mode: str, role: str, host: str, port: int, nick: str) -> None:
    page(window).show_socket_controls()
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData(mode))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData(role))
    page(window).host_edit.setText(host)
    page(window).port_spin.setValue(port)
    page(window).local_port_spin.setValue(0)
    page(window).nick_edit.setText(nick)
    page(window).raw_check.setChecked(False)


def _connect(qtbot: QtBot, window: MainWindow) -> None:
    page(window).connect_button.click()
    qtbot.waitUntil(lambda: window.backend.state == SessionState.ACTIVE, timeout=WAIT_MS)
    assert page(window).connect_button.text() == "Disconnect"
    assert page(window).compose_edit.isEnabled()


def _type_and_enter(qtbot: QtBot, window: MainWindow, text: str) -> None:
    page(window).compose_edit.setFocus()
    qtbot.keyClicks(page(window).compose_edit, text)
    qtbot.keyClick(page(window).compose_edit, Qt.Key.Key_Return)
    assert page(window).compose_edit.toPlainText() == ""


def _row(window: MainWindow, kind: RowKind, text: str) -> Row | None:
    for row in page(window).transcript_model.rows():
        if row.kind == kind and row.text == text:
            return row
    return None


def _wait_row(qtbot: QtBot, window: MainWindow, kind: RowKind, text: str) -> Row:
    qtbot.waitUntil(lambda: _row(window, kind, text) is not None, timeout=WAIT_MS)
    row = _row(window, kind, text)
    assert row is not None
    return row


def test_two_windows_chat_over_tcp(qtbot: QtBot, make_window: MakeWindow) -> None:
    host, guest = make_window("host"), make_window("guest")
    _fill(host, "tcp", "host", "127.0.0.1", 0, "ann")
    _connect(qtbot, host)
    qtbot.waitUntil(lambda: page(host).listening_port > 0, timeout=WAIT_MS)
    assert str(page(host).listening_port) in page(host).status_label.text()
    assert page(host).addresses_bar.addresses() == [f"127.0.0.1:{page(host).listening_port}"]

    _fill(guest, "tcp", "join", "127.0.0.1", page(host).listening_port, "bob")
    _connect(qtbot, guest)
    qtbot.waitUntil(lambda: set(page(host).roster_model.stringList()) == {"ann", "bob"}, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: set(page(guest).roster_model.stringList()) == {"ann", "bob"}, timeout=WAIT_MS)
    assert page(host).roster_view.isVisible()
    assert "2 people" in page(host).status_label.text()

    _type_and_enter(qtbot, guest, "hello from bob")
    received = _wait_row(qtbot, host, RowKind.OTHER, "hello from bob")
    assert received.sender == "bob"
    own = _wait_row(qtbot, guest, RowKind.OWN, "hello from bob")
    qtbot.waitUntil(lambda: own.receipt == Receipt.DELIVERED, timeout=WAIT_MS)

    _type_and_enter(qtbot, host, "<b>x</b> <img src=x>")
    literal = _wait_row(qtbot, guest, RowKind.OTHER, "<b>x</b> <img src=x>")
    assert literal.sender == "ann"

    page(guest).connect_button.click()
    qtbot.waitUntil(lambda: guest.backend.state == SessionState.IDLE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page(host).roster_model.stringList() == ["ann"], timeout=WAIT_MS)
    assert not page(guest).compose_edit.isEnabled()


def test_two_windows_chat_over_udp(qtbot: QtBot, make_window: MakeWindow) -> None:
    first, second = make_window("first"), make_window("second")
    _fill(first, "udp", "peer", "", 50007, "ann")  # no destination: answers whoever writes
    _connect(qtbot, first)
    qtbot.waitUntil(lambda: page(first).listening_port > 0, timeout=WAIT_MS)
    assert page(first).local_port_spin.isVisible()
    assert (
        page(first).status_label.text()
        == f"UDP port {page(first).listening_port} is open — answering whoever writes to it"
    )

    _fill(second, "udp", "peer", "127.0.0.1", page(first).listening_port, "bob")
    _connect(qtbot, second)
    qtbot.waitUntil(
        lambda: f"sending to 127.0.0.1:{page(first).listening_port}" in page(second).status_label.text()
    )

    _type_and_enter(qtbot, second, "ping over udp")
    received = _wait_row(qtbot, first, RowKind.OTHER, "ping over udp")
    assert received.sender == "bob"
    own = _wait_row(qtbot, second, RowKind.OWN, "ping over udp")
    qtbot.waitUntil(lambda: own.receipt == Receipt.DELIVERED, timeout=WAIT_MS)
    model = page(second).transcript_model
    tooltip = model.index(model.row_for_msg_id(own.msg_id), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Delivered")

    # QTest cannot synthesize keys for CJK characters (it aborts): they arrive by input method.
    page(first).compose_edit.insertPlainText("中文 ")
    _type_and_enter(qtbot, first, "pong")
    _wait_row(qtbot, second, RowKind.OTHER, "中文 pong")


def test_joining_a_closed_port_says_so_in_the_window(qtbot: QtBot, make_window: MakeWindow) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    window = make_window("lonely")
    _fill(window, "tcp", "join", "127.0.0.1", closed_port, "bob")
    page(window).connect_button.click()
    qtbot.waitUntil(
        lambda: any(row.kind == RowKind.ERROR for row in page(window).transcript_model.rows()),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: window.backend.state == SessionState.IDLE, timeout=WAIT_MS)
    error = next(row for row in page(window).transcript_model.rows() if row.kind == RowKind.ERROR)
    assert f"127.0.0.1:{closed_port}" in error.text
    assert "Nobody is listening" in error.text
    assert page(window).status_label.text() == error.text
    assert page(window).connect_button.text() == "Connect"


def test_closing_a_connected_window_stops_its_worker(qtbot: QtBot, make_window: MakeWindow) -> None:
    before = backend_module.live_worker_threads()
    window = make_window("closing")
    _fill(window, "tcp", "host", "127.0.0.1", 0, "ann")
    _connect(qtbot, window)
    assert backend_module.live_worker_threads() == before + 1
    window.close()
    assert backend_module.live_worker_threads() == before


def test_check_with_the_real_backend_works_then_is_refused(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window("checker")
    _fill(window, "tcp", "join", "127.0.0.1", 1, "ann")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        page(window).port_spin.setValue(port)
        rows_before = page(window).transcript_model.rowCount()
        popover = window.check_popover
        page(window).check_button.click()
        assert page(window).status_label.text() == f"Checking 127.0.0.1:{port}…"
        qtbot.waitUntil(lambda: popover.labels[0].text().startswith("✓"), timeout=WAIT_MS)
    works = popover.labels[0].text()
    assert page(window).status_label.text() == works.removeprefix("✓ ")
    assert window.backend.state == SessionState.IDLE  # a check is not a session

    # The listener is closed now: nothing accepts on that port any more.
    page(window).check_button.click()
    qtbot.waitUntil(lambda: popover.labels[0].text().startswith("✗"), timeout=WAIT_MS)
    refused = popover.labels[0].text()
    assert [label.text() for label in popover.labels] == [refused, works]  # each check listed
    assert page(window).status_label.text() == refused.removeprefix("✗ ")
    assert page(window).transcript_model.rowCount() == rows_before  # the conversation keeps none
