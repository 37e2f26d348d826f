"""The window against a fake backend: keys, fields per mode, settings, events to rows, plain text."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from chatgui.events import (
    ChatReceived,
    ChatSent,
    Listening,
    PeerJoined,
    Problem,
    ProblemOccurred,
    RawReceived,
    ReceiptMissing,
    ReceiptReceived,
    RosterChanged,
    SessionConfig,
    SessionState,
    StateChanged,
)
from chatgui.sentences import describe
from chatgui.ui.addresses import lan_addresses
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_delegate import TranscriptDelegate
from chatgui.ui.transcript_model import Receipt, RowKind, TranscriptModel
from tests.ui.conftest import FakeBackend
from tests.ui.page import page

NAMES = [
    "modeCombo",
    "roleCombo",
    "hostEdit",
    "portSpin",
    "localPortSpin",
    "nickEdit",
    "connectButton",
    "rawCheck",
    "lineEndingCombo",
    "encodingCombo",
    "statusLabel",
    "addressesLabel",
    "rosterView",
    "transcriptView",
    "composeEdit",
    "sendButton",
    "clearButton",
]


def _activate(window: MainWindow, backend: FakeBackend) -> None:
    page(window).connect_button.click()
    backend.deliver([StateChanged(SessionState.ACTIVE)])


def _texts(window: MainWindow) -> list[str]:
    return [row.text for row in page(window).transcript_model.rows()]


def test_every_widget_is_named_and_accessible(window: MainWindow) -> None:
    from PySide6.QtWidgets import QWidget

    for name in NAMES:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    assert window.windowTitle() == "chatgui"


def test_idle_window_cannot_send(window: MainWindow) -> None:
    assert not page(window).compose_edit.isEnabled()
    assert not page(window).send_button.isEnabled()
    assert "join or host a room" in page(window).compose_edit.placeholderText()
    assert page(window).connect_button.text() == "Connect"


def test_connect_button_follows_state(window: MainWindow, fake_backend: FakeBackend) -> None:
    page(window).connect_button.click()
    assert len(fake_backend.started) == 1
    assert page(window).connect_button.text() == "Cancel"
    assert not page(window).host_edit.isEnabled()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE)])
    assert page(window).connect_button.text() == "Disconnect"
    assert page(window).compose_edit.isEnabled()
    page(window).connect_button.click()
    assert fake_backend.stops == 1
    fake_backend.deliver([StateChanged(SessionState.IDLE)])
    assert page(window).connect_button.text() == "Connect"
    assert page(window).host_edit.isEnabled()
    assert not page(window).compose_edit.isEnabled()


def test_one_primary_button_in_the_palette_own_readable_colours(
    window: MainWindow, fake_backend: FakeBackend
) -> None:
    def primary() -> list[str]:
        buttons = (
            page(window).connect_button,
            page(window).send_button,
            page(window).host_room_button,
            page(window).join_button,
        )
        return [b.objectName() for b in buttons if b.isDefault() and b.font().bold()]

    # Idle with no room selected: hosting is the obvious thing to do.
    assert primary() == ["hostRoomButton"]
    _activate(window, fake_backend)
    assert primary() == ["sendButton"]
    palette = window.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in (QPalette.ColorRole.Button, QPalette.ColorRole.ButtonText):
            assert page(window).send_button.palette().color(group, role) == palette.color(group, role)


def test_enter_sends_and_shift_enter_makes_a_new_line(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _activate(window, fake_backend)
    edit = page(window).compose_edit
    qtbot.keyClicks(edit, "first")
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(edit, "second")
    assert fake_backend.sent == []
    assert edit.toPlainText() == "first\nsecond"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert fake_backend.sent == ["first\nsecond"]
    assert edit.toPlainText() == ""
    qtbot.keyClick(edit, Qt.Key.Key_Enter)  # blank: nothing is sent
    qtbot.keyClicks(edit, "by button")
    page(window).send_button.click()
    assert fake_backend.sent == ["first\nsecond", "by button"]


def test_fields_follow_mode_and_role(window: MainWindow, fake_backend: FakeBackend) -> None:
    page(window).show_socket_controls()
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData("tcp"))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData("host"))
    assert page(window).host_edit.placeholderText() == "all interfaces"
    assert not page(window).local_port_spin.isVisible()
    assert [page(window).role_combo.itemData(i) for i in range(page(window).role_combo.count())] == [
        "host",
        "join",
    ]

    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData("join"))
    assert page(window).host_edit.placeholderText() != "all interfaces"

    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData("udp"))
    roles = [page(window).role_combo.itemData(i) for i in range(page(window).role_combo.count())]
    assert roles == ["peer", "broadcast", "multicast"]
    assert page(window).local_port_spin.isVisible()
    assert "whoever" in page(window).host_edit.toolTip()
    assert not page(window).line_ending_combo.isEnabled()
    page(window).raw_check.setChecked(True)
    assert page(window).line_ending_combo.isEnabled()

    page(window).host_edit.setText("127.0.0.1")
    page(window).port_spin.setValue(4000)
    page(window).local_port_spin.setValue(4001)
    page(window).line_ending_combo.setCurrentIndex(page(window).line_ending_combo.findData("crlf"))
    page(window).encoding_combo.setCurrentIndex(page(window).encoding_combo.findData("gbk"))
    page(window).nick_edit.setText("ann")
    page(window).connect_button.click()
    assert fake_backend.started == [
        SessionConfig(
            mode="udp",
            role="peer",
            nick="ann",
            host="127.0.0.1",
            port=4000,
            local_port=4001,
            raw=True,
            line_ending="\r\n",
            encoding="gbk",
        )
    ]


def test_join_without_a_host_says_what_to_do(window: MainWindow, fake_backend: FakeBackend) -> None:
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData("tcp"))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData("join"))
    page(window).host_edit.clear()
    page(window).connect_button.click()
    assert fake_backend.started == []
    assert "address" in page(window).status_label.text()
    assert page(window).transcript_model.row_at(0).kind == RowKind.ERROR


def test_raw_and_encoding_apply_live(window: MainWindow, fake_backend: FakeBackend) -> None:
    _activate(window, fake_backend)
    page(window).raw_check.setChecked(not page(window).raw_check.isChecked())
    page(window).encoding_combo.setCurrentIndex(page(window).encoding_combo.findData("big5"))
    assert fake_backend.raw_changes
    assert fake_backend.encodings == ["big5"]


def test_settings_round_trip(qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend) -> None:
    first = MainWindow(fake_backend, settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    page(first).mode_combo.setCurrentIndex(page(first).mode_combo.findData("udp"))
    page(first).host_edit.setText("192.0.2.7")
    page(first).port_spin.setValue(6000)
    page(first).local_port_spin.setValue(6001)
    page(first).nick_edit.setText("zoë")
    page(first).raw_check.setChecked(True)
    page(first).line_ending_combo.setCurrentIndex(page(first).line_ending_combo.findData("none"))
    page(first).encoding_combo.setCurrentIndex(page(first).encoding_combo.findData("gb18030"))
    first.resize(810, 520)
    first.close()
    assert fake_backend.shutdowns == 1

    second = MainWindow(FakeBackend(), QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert page(second).mode() == "udp"
    assert page(second).role() == "peer"
    assert page(second).host_edit.text() == "192.0.2.7"
    assert page(second).port_spin.value() == 6000
    assert page(second).local_port_spin.value() == 6001
    assert page(second).nick_edit.text() == "zoë"
    assert page(second).raw_check.isChecked()
    assert page(second).line_ending() == ""
    assert page(second).encoding() == "gb18030"
    # The offscreen platform's made-up frame shifts the width by a few pixels on restore.
    assert second.size().height() == 520
    assert abs(second.size().width() - 810) <= 16


def test_nickname_defaults_to_the_user(window: MainWindow) -> None:
    assert page(window).nick_edit.text()


def test_events_become_rows_in_one_batch(qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend) -> None:
    _activate(window, fake_backend)
    model = page(window).transcript_model
    with qtbot.waitSignal(model.rowsInserted, timeout=1000) as blocker:
        fake_backend.deliver(
            [
                Listening(addresses=("0.0.0.0:50007",), port=50007),
                PeerJoined("bob", "127.0.0.1:40000"),
                ChatReceived("bob", "hi", "127.0.0.1:40000"),
                RawReceived("127.0.0.1:40001", "plain line"),
                ChatSent(1, "me", "hello", expects_receipt=True),
                ReceiptReceived(1, 0.004),
                ChatSent(2, "me", "again", expects_receipt=True),
            ]
        )
    assert blocker.args[1:] == [0, 5]
    kinds = [row.kind for row in model.rows()]
    assert kinds == [RowKind.SYSTEM, RowKind.SYSTEM, RowKind.OTHER, RowKind.RAW, RowKind.OWN, RowKind.OWN]
    assert model.row_at(3).sender == "127.0.0.1:40001"
    assert model.row_at(4).receipt == Receipt.DELIVERED
    assert "4.0 ms" in model.index(4, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.row_at(5).receipt == Receipt.PENDING
    fake_backend.deliver([ReceiptMissing(2)])
    assert model.row_at(5).receipt == Receipt.MISSING


def test_udp_missing_receipt_says_udp_does_not_tell(window: MainWindow, fake_backend: FakeBackend) -> None:
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData("udp"))
    _activate(window, fake_backend)
    fake_backend.deliver([ChatSent(9, "me", "anyone?", expects_receipt=True), ReceiptMissing(9)])
    tip = page(window).transcript_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "UDP does not tell the sender whether anything arrived" in tip


def test_hosting_shows_addresses_and_roster(window: MainWindow, fake_backend: FakeBackend) -> None:
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData("tcp"))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData("host"))
    page(window).host_edit.clear()
    _activate(window, fake_backend)
    fake_backend.deliver(
        [Listening(("[::]:50123",), 50123), RosterChanged(("me", "bob")), PeerJoined("bob", "127.0.0.1:1")]
    )
    assert page(window).addresses_bar.isVisible()
    assert page(window).addresses_caption.text() == "Others can join at"
    shown = page(window).addresses_bar.addresses()
    assert shown if lan_addresses() else page(window).addresses_label.text()
    assert not any("127.0.0.1" in address for address in shown)
    assert page(window).roster_view.isVisible()
    assert page(window).roster_model.stringList() == ["me", "bob"]
    assert page(window).status_label.text() == "Hosting on port 50123 — 2 people in the room"
    fake_backend.deliver([StateChanged(SessionState.IDLE)])
    assert not page(window).addresses_bar.isVisible()
    assert not page(window).roster_view.isVisible()


def test_problem_is_a_sentence_in_status_and_transcript(
    window: MainWindow, fake_backend: FakeBackend
) -> None:
    problem = ProblemOccurred(Problem.CONNECTION_REFUSED, host="127.0.0.1", port=9, fatal=True)
    fake_backend.deliver([problem, StateChanged(SessionState.IDLE)])
    sentence = describe(problem)
    assert page(window).status_label.text() == sentence
    assert _texts(window) == [sentence]
    assert page(window).transcript_model.row_at(0).kind == RowKind.ERROR


def test_text_refused_before_sending_is_given_back(window: MainWindow, fake_backend: FakeBackend) -> None:
    _activate(window, fake_backend)
    page(window).compose_edit.setPlainText("x" * 20000)
    page(window).send_button.click()
    assert page(window).compose_edit.toPlainText() == ""
    fake_backend.deliver([ProblemOccurred(Problem.TEXT_TOO_LONG, size=20000, limit=16384)])
    assert page(window).compose_edit.toPlainText() == "x" * 20000


def test_labels_are_plain_text(window: MainWindow) -> None:
    labels = window.findChildren(QLabel)
    assert page(window).status_label in labels
    assert page(window).addresses_label in labels
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName() or label.text()
    assert isinstance(page(window).transcript_view.itemDelegate(), TranscriptDelegate)


def _ink_width(image: QImage, top: int, bottom: int, left: int) -> int:
    """Rightmost column (from ``left``) in rows top..bottom whose pixels differ from the background."""
    background = image.pixel(image.width() - 40, top + 1)
    right = 0
    for y in range(top, bottom):
        for x in range(left, image.width() - 40):
            if image.pixel(x, y) != background:
                right = max(right, x)
    return right


def test_html_from_a_peer_is_painted_literally(window: MainWindow, fake_backend: FakeBackend) -> None:
    fake_backend.deliver(
        [ChatReceived("eve", "x", "h:1"), ChatReceived("eve", "<b>x</b> <img src=x>", "h:1")]
    )
    model = page(window).transcript_model
    assert model.index(1, 0).data() == "<b>x</b> <img src=x>"
    view = page(window).transcript_view
    image = view.viewport().grab().toImage()
    plain = view.visualRect(model.index(0, 0))
    markup = view.visualRect(model.index(1, 0))
    # Rendered as markup, "<b>x</b>" would be one bold "x" (and the <img> nothing): as wide as "x".
    wide = view.fontMetrics().horizontalAdvance("<b>x</b> <img")
    assert _ink_width(image, markup.top(), markup.bottom(), 0) - _ink_width(
        image, plain.top(), plain.bottom(), 0
    ) >= wide - view.fontMetrics().horizontalAdvance("x")


def test_copy_and_clear(qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend) -> None:
    fake_backend.deliver([ChatReceived("bob", "one", "h:1"), ChatReceived("bob", "two", "h:1")])
    view = page(window).transcript_view
    view.selectAll()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = page(window).transcript_model.rows()
    assert QGuiApplication.clipboard().text() == f"{rows[0].time} bob: one\n{rows[1].time} bob: two"
    page(window).clear_button.click()
    assert page(window).transcript_model.rowCount() == 0


def test_follows_newest_row_until_scrolled_up(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    view = page(window).transcript_view
    bar = view.verticalScrollBar()

    def batch(start: int) -> None:
        fake_backend.deliver([ChatReceived("bob", f"line {start + i}", "h:1") for i in range(100)])

    batch(0)
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=3000)
    bar.setValue(0)  # the user scrolls up
    batch(100)
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=3000)
    assert bar.value() == 0
    assert not view.is_following()
    bar.setValue(bar.maximum())  # back at the bottom: following resumes
    batch(200)
    last = page(window).transcript_model.index(page(window).transcript_model.rowCount() - 1, 0)
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(last)), timeout=3000)
    assert view.is_following()


def test_rows_are_kind_role_ints(window: MainWindow, fake_backend: FakeBackend) -> None:
    fake_backend.deliver([ChatReceived("bob", "one", "h:1")])
    assert page(window).transcript_model.index(0, 0).data(TranscriptModel.KindRole) == int(RowKind.OTHER)


def test_a_flood_batch_keeps_only_the_newest_rows(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    model = page(window).transcript_model
    events: list[object] = [ChatSent(1, "me", "old", expects_receipt=True)]
    events += [ChatReceived("bob", f"m{i}", "h:1") for i in range(12_000)]
    events += [ReceiptReceived(1, 0.001), RosterChanged(("me", "bob"))]
    with qtbot.waitSignal(model.rowsInserted, timeout=1000) as blocker:
        fake_backend.deliver(events)
    assert blocker.args[1:] == [0, model.max_rows - 1]
    assert model.rowCount() == model.max_rows
    assert model.appended_count == 12_001
    assert model.row_at(0).text == f"m{12_000 - model.max_rows}"
    assert model.row_at(model.max_rows - 1).text == "m11999"
    assert page(window).roster_model.stringList() == ["me", "bob"]


def test_a_batch_of_messages_only_keeps_kinds_senders_and_order(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    model = page(window).transcript_model
    before = model.appended_count
    events: list[object] = []
    for i in range(model.max_rows + 300):
        events.append(
            RawReceived("10.0.0.9:4000", f"r{i}") if i % 3 == 0 else ChatReceived("bob", f"c{i}", "h:1")
        )
    with qtbot.waitSignal(model.rowsInserted, timeout=1000) as blocker:
        fake_backend.deliver(events)
    assert blocker.args[1:] == [0, model.max_rows - 1]
    assert model.appended_count - before == len(events)
    first = model.row_at(0)
    assert (first.kind, first.sender, first.text) == (RowKind.RAW, "10.0.0.9:4000", "r300")
    second = model.row_at(1)
    assert (second.kind, second.sender, second.text) == (RowKind.OTHER, "bob", "c301")
    assert model.row_at(model.max_rows - 1).text == f"c{len(events) - 1}"
    assert first.time
    assert first.time == model.row_at(model.max_rows - 1).time
