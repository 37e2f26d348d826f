"""The People panel of a UDP broadcast room: two real windows with real backends on loopback.

Both name the ``lo`` interface (this computer only): nothing leaves this computer.
"""

from __future__ import annotations

import socket

from pytestqt.qtbot import QtBot

from chatgui.events import SessionState
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_model import RowKind
from tests.ui.conftest import MakeWindow
from tests.ui.page import page

WAIT_MS = 10_000


def _broadcast(qtbot: QtBot, window: MainWindow, port: int, nick: str) -> None:
    p = page(window)
    p.show_socket_controls()
    p.mode_combo.setCurrentIndex(p.mode_combo.findData("udp"))
    p.role_combo.setCurrentIndex(p.role_combo.findData("broadcast"))
    assert p.interface_combo.findData("lo") >= 0, "no loopback broadcast interface listed"
    p.interface_combo.setCurrentIndex(p.interface_combo.findData("lo"))
    p.port_spin.setValue(port)
    p.nick_edit.setText(nick)
    p.raw_check.setChecked(False)
    p.connect_button.click()
    qtbot.waitUntil(lambda: window.backend.state == SessionState.ACTIVE, timeout=WAIT_MS)


def _system_rows(window: MainWindow) -> list[str]:
    return [row.text for row in page(window).transcript_model.rows() if row.kind == RowKind.SYSTEM]


def test_a_broadcast_room_lists_who_is_here(qtbot: QtBot, make_window: MakeWindow) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    ann, bob = make_window("ann"), make_window("bob")
    _broadcast(qtbot, ann, port, "ann")
    qtbot.waitUntil(lambda: page(ann).roster_model.stringList() == ["ann"], timeout=WAIT_MS)
    assert page(ann).roster_view.isVisible()
    assert "people" not in page(ann).status_label.text()
    _broadcast(qtbot, bob, port, "bob")
    qtbot.waitUntil(lambda: page(ann).roster_model.stringList() == ["ann", "bob"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page(bob).roster_model.stringList() == ["bob", "ann"], timeout=WAIT_MS)
    assert page(bob).roster_view.isVisible()
    qtbot.waitUntil(lambda: "2 people in the room" in page(ann).status_label.text(), timeout=WAIT_MS)
    assert page(ann).status_label.text().startswith(f"Broadcasting on port {port}")
    assert any(text.startswith("bob joined from 127.0.0.1:") for text in _system_rows(ann))
    # bob leaves: his goodbye takes him off ann's list at once, with a line like a TCP room's.
    page(bob).connect_button.click()
    qtbot.waitUntil(lambda: page(ann).roster_model.stringList() == ["ann"], timeout=WAIT_MS)
    assert any(text.startswith("bob (127.0.0.1:") and text.endswith(") left.") for text in _system_rows(ann))
    qtbot.waitUntil(lambda: "people" not in page(ann).status_label.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page(bob).roster_model.stringList() == [], timeout=WAIT_MS)
