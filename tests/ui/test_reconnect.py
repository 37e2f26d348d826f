"""The window while its room is reached again: banner, countdown, Cancel, back in the room."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from chatgui.events import (
    ChatSent,
    Connected,
    Problem,
    ProblemOccurred,
    ReceiptMissing,
    Reconnected,
    Reconnecting,
    SessionEnded,
    SessionState,
    Severity,
    StateChanged,
)
from chatgui.ui.main_window import MainWindow
from chatgui.ui.reconnect_banner import ReconnectBanner
from chatgui.ui.transcript_model import Receipt, Row, RowKind
from tests.ui.conftest import FakeBackend
from tests.ui.page import page

WAIT_MS = 10_000
ADDRESS = "127.0.0.1:5000"


def _banner(window: MainWindow) -> QWidget:
    banner = window.findChild(QWidget, "reconnectBanner")
    assert banner is not None
    return banner


def _banner_text(window: MainWindow) -> str:
    label = window.findChild(QLabel, "reconnectLabel")
    assert label is not None
    return label.text()


def _cancel_button(window: MainWindow) -> QPushButton:
    button = window.findChild(QPushButton, "reconnectCancelButton")
    assert button is not None
    return button


def _rows(window: MainWindow, kind: RowKind) -> list[Row]:
    return [row for row in page(window).transcript_model.rows() if row.kind == kind]


def _joined(window: MainWindow, backend: FakeBackend) -> None:
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData("tcp"))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData("join"))
    page(window).host_edit.setText("127.0.0.1")
    page(window).port_spin.setValue(5000)
    page(window).nick_edit.setText("alice")
    page(window).connect_button.click()
    assert backend.started[-1].reconnect, "a window join always reconnects"
    backend.deliver([StateChanged(SessionState.ACTIVE), Connected(ADDRESS, "127.0.0.1:40000")])


def _lose_host(backend: FakeBackend, attempt: int = 3, delay: float = 4.0) -> None:
    backend.deliver(
        [
            ProblemOccurred(Problem.HOST_CLOSED, Severity.WARNING, address=ADDRESS),
            Reconnecting(ADDRESS, attempt, delay),
        ]
    )


def test_the_banner_counts_down_and_the_message_box_stays_open(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _joined(window, fake_backend)
    banner = _banner(window)
    assert not banner.isVisible()
    _lose_host(fake_backend)
    assert banner.isVisible()
    assert banner.accessibleName()
    assert _banner_text(window) == "Connection lost — reconnecting in 4 s (attempt 3)…"
    qtbot.waitUntil(lambda: _banner_text(window) == "Connection lost — reconnecting in 3 s (attempt 3)…")
    assert _cancel_button(window).isVisible()
    assert _cancel_button(window).accessibleName()
    # The session is still on: what is typed now goes to the backend, which keeps it.
    assert page(window).compose_edit.isEnabled()
    page(window).compose_edit.setFocus()
    qtbot.keyClicks(page(window).compose_edit, "typed while away")
    qtbot.keyClick(page(window).compose_edit, Qt.Key.Key_Return)
    assert fake_backend.sent == ["typed while away"]
    # Each attempt restarts the countdown from what the worker said.
    fake_backend.deliver([Reconnecting(ADDRESS, 4, 8.0)])
    assert _banner_text(window) == "Connection lost — reconnecting in 8 s (attempt 4)…"
    # The transcript says once that reconnecting began; the banner counts the attempts.
    fake_backend.deliver([Reconnecting(ADDRESS, 1, 1.0), Reconnecting(ADDRESS, 2, 2.0)])
    said = [r for r in _rows(window, RowKind.SYSTEM) if "reconnecting to" in r.text]
    assert [r.text for r in said] == ["Connection lost — reconnecting to 127.0.0.1:5000 in 1 s (attempt 1)…"]


def test_cancel_stops_the_session_and_queued_messages_are_marked_not_sent(
    window: MainWindow, fake_backend: FakeBackend
) -> None:
    _joined(window, fake_backend)
    _lose_host(fake_backend)
    fake_backend.deliver([ChatSent(7, "alice", "typed while away", True, False, (ADDRESS,))])
    own = _rows(window, RowKind.OWN)[-1]
    assert own.receipt == Receipt.PENDING
    _cancel_button(window).click()
    assert fake_backend.stops == 1
    assert not _banner(window).isVisible()
    fake_backend.deliver(
        [
            ReceiptMissing(7, not_sent=True),
            ProblemOccurred(Problem.RECONNECT_GAVE_UP, Severity.WARNING, size=1),
            SessionEnded(by_user=True),
            StateChanged(SessionState.IDLE),
        ]
    )
    row = page(window).transcript_model.row_for_msg_id(7)
    assert page(window).transcript_model.row_at(row).receipt == Receipt.NOT_SENT
    tip = page(window).transcript_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Not sent")
    assert not _banner(window).isVisible()
    assert page(window).connect_button.text() == "Connect"


def test_back_in_the_room_is_said_and_the_status_line_recovers(
    window: MainWindow, fake_backend: FakeBackend
) -> None:
    _joined(window, fake_backend)
    _lose_host(fake_backend, attempt=1, delay=1.0)
    assert page(window).status_label.font().bold(), "the reason the host was lost is on the status line"
    fake_backend.deliver([Connected(ADDRESS, "127.0.0.1:40001"), Reconnected(ADDRESS, 3)])
    assert _banner_text(window) == "Back in the room."
    assert _banner(window).isVisible()
    assert not _cancel_button(window).isVisible()
    assert page(window).status_label.text() == f"Connected to {ADDRESS}"
    assert not page(window).status_label.font().bold()
    system = [row.text for row in _rows(window, RowKind.SYSTEM)]
    assert any("reconnecting" in text for text in system), system
    assert any("Back in the room" in text for text in system), system


def test_the_banner_goes_when_the_session_ends(window: MainWindow, fake_backend: FakeBackend) -> None:
    _joined(window, fake_backend)
    _lose_host(fake_backend)
    fake_backend.deliver([SessionEnded(by_user=False), StateChanged(SessionState.IDLE)])
    assert not _banner(window).isVisible()


def test_the_countdown_reaches_now_and_stops_ticking(qtbot: QtBot) -> None:
    now = [100.0]
    cancelled: list[bool] = []
    banner = ReconnectBanner(lambda: cancelled.append(True), clock=lambda: now[0])
    qtbot.addWidget(banner)
    banner.on_event(Reconnecting(ADDRESS, 2, 2.0))
    assert banner.label.text() == "Connection lost — reconnecting in 2 s (attempt 2)…"
    now[0] += 0.5
    banner.on_tick()
    assert banner.label.text() == "Connection lost — reconnecting in 2 s (attempt 2)…"  # rounded up
    now[0] += 1.0
    banner.on_tick()
    assert banner.label.text() == "Connection lost — reconnecting in 1 s (attempt 2)…"
    now[0] += 0.5
    banner.on_tick()
    assert banner.label.text() == "Connection lost — reconnecting now (attempt 2)…"
    assert banner.reconnecting
    banner.cancel_button.click()
    assert cancelled == [True]
    assert not banner.reconnecting


# -- a real room: a host window stops and hosts again on the same port --------------


def _fill(window: MainWindow, role: str, port: int, nick: str) -> None:
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData("tcp"))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData(role))
    page(window).host_edit.setText("127.0.0.1")
    page(window).port_spin.setValue(port)
    page(window).nick_edit.setText(nick)
    page(window).raw_check.setChecked(False)


def _connect(qtbot: QtBot, window: MainWindow) -> None:
    page(window).connect_button.click()
    qtbot.waitUntil(lambda: window.backend.state == SessionState.ACTIVE, timeout=WAIT_MS)


def _find(window: MainWindow, kind: RowKind, text: str) -> Row | None:
    return next((r for r in page(window).transcript_model.rows() if r.kind == kind and r.text == text), None)


def test_a_real_member_window_rejoins_a_restarted_host_and_sends_what_was_typed(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    host = make_window("host")
    _fill(host, "host", 0, "hostess")
    _connect(qtbot, host)
    qtbot.waitUntil(lambda: page(host).listening_port != 0, timeout=WAIT_MS)
    port = page(host).listening_port
    member = make_window("member")
    _fill(member, "join", port, "alice")
    _connect(qtbot, member)
    qtbot.waitUntil(lambda: "alice" in page(host).roster_model.stringList(), timeout=WAIT_MS)

    page(host).connect_button.click()  # the host leaves ...
    qtbot.waitUntil(lambda: host.backend.state == SessionState.IDLE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _banner(member).isVisible(), timeout=WAIT_MS)
    assert "reconnecting" in _banner_text(member)
    page(member).compose_edit.setFocus()
    qtbot.keyClicks(page(member).compose_edit, "typed while away")
    qtbot.keyClick(page(member).compose_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _find(member, RowKind.OWN, "typed while away") is not None, timeout=WAIT_MS)

    _fill(host, "host", port, "hostess")  # ... and hosts again on the same port
    _connect(qtbot, host)
    qtbot.waitUntil(lambda: _banner_text(member) == "Back in the room.", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _find(host, RowKind.OTHER, "typed while away") is not None, timeout=WAIT_MS)
    assert _find(host, RowKind.OTHER, "typed while away").sender == "alice"  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: _find(member, RowKind.OWN, "typed while away").receipt == Receipt.DELIVERED,  # type: ignore[union-attr]
        timeout=WAIT_MS,
    )
    assert member.backend.state == SessionState.ACTIVE
