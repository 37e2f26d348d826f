"""Issue 6 in the window: menus and keys, history in the view, search, notifications, looks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chatgui.events import ChatReceived, ChatSent, SessionState, StateChanged
from chatgui.history.store import HistoryRow, room_key
from chatgui.ui.history_view import HISTORY_PAGE, row_from_history
from chatgui.ui.main_window import MainWindow
from chatgui.ui.notify import NotificationPolicy, first_line
from chatgui.ui.themes import Theme, contrast_ratio, dark_palette, light_palette
from chatgui.ui.transcript_delegate import TranscriptDelegate, row_colours
from chatgui.ui.transcript_model import Row, RowKind
from tests.ui.conftest import FakeBackend, FakeHistory, FakeNotifier
from tests.ui.page import page


def _window(
    qtbot: QtBot,
    settings: QSettings,
    backend: FakeBackend,
    history: FakeHistory | None = None,
    notifier: FakeNotifier | None = None,
) -> MainWindow:
    win = MainWindow(backend, settings, history=history, notifier=notifier or FakeNotifier())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _host(window: MainWindow, backend: FakeBackend) -> str:
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData("tcp"))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData("host"))
    page(window).port_spin.setValue(50123)
    page(window).connect_button.click()
    backend.deliver([StateChanged(SessionState.ACTIVE)])
    return room_key(backend.started[-1])


def _texts(window: MainWindow) -> list[str]:
    return [row.text for row in page(window).transcript_model.rows()]


def test_menu_actions_exist_with_their_shortcuts(window: MainWindow) -> None:
    a = page(window).actions_
    expected = {
        a.quit: "Ctrl+Q",
        a.copy: QKeySequence(QKeySequence.StandardKey.Copy).toString(),
        a.find: "Ctrl+F",
        a.find_next: "F3",
        a.find_previous: "Shift+F3",
        a.clear_view: "Ctrl+L",
    }
    for action, shortcut in expected.items():
        assert action.shortcut().toString() == shortcut, action.text()
        assert action.isShortcutVisibleInContextMenu()
    menus = [m.title() for m in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))]
    for title in ("&File", "&Edit", "&View", "&Settings", "&Help"):
        assert title in menus
    assert set(a.themes) == {Theme.SYSTEM, Theme.LIGHT, Theme.DARK}
    assert set(a.languages) == {"system", "en", "zh_CN", "zh_TW"}
    assert all(action.text() for action in a.all())


def test_ctrl_f_opens_search_and_esc_closes_it(qtbot: QtBot, window: MainWindow) -> None:
    assert page(window).search_bar.isHidden()
    window.activateWindow()
    qtbot.keyClick(page(window).compose_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page(window).search_bar.isVisible)
    qtbot.keyClick(page(window).search_bar.edit, Qt.Key.Key_Escape)
    assert page(window).search_bar.isHidden()


def test_up_recalls_the_last_message_and_ctrl_enter_setting(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    page(window).connect_button.click()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE)])
    edit = page(window).compose_edit
    qtbot.keyClicks(edit, "hello there")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert fake_backend.sent == ["hello there"]
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.toPlainText() == "hello there"
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # not empty: Up moves the cursor, recalls nothing more
    assert edit.toPlainText() == "hello there"
    edit.clear()

    page(window).actions_.send_with_ctrl_enter.trigger()
    assert window.settings.value("ui/send_with_ctrl_enter") in (True, "true")
    qtbot.keyClicks(edit, "one")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "two")
    assert fake_backend.sent == ["hello there"]
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert fake_backend.sent == ["hello there", "one\ntwo"]
    assert "Ctrl+Enter" in edit.placeholderText()


def test_clear_view_keeps_the_history(qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend) -> None:
    history = FakeHistory()
    window = _window(qtbot, settings, fake_backend, history)
    room = _host(window, fake_backend)
    fake_backend.deliver([ChatReceived(nick="bob", text=f"m{i}", sender="h:1") for i in range(3)])
    assert [r.text for r in history.rows if r.room == room][-3:] == ["m0", "m1", "m2"]
    page(window).actions_.clear_view.trigger()
    assert page(window).transcript_model.rowCount() == 0
    assert len([r for r in history.rows if r.room == room]) >= 3


def test_history_survives_a_restart_and_more_loads_at_the_top(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    stored: list[HistoryRow] = []
    first_backend = FakeBackend()
    first = _window(qtbot, settings, first_backend, FakeHistory(stored))
    room = _host(first, first_backend)
    first_backend.deliver(
        [ChatReceived(nick="bob", text=f"old {i}", sender="h:1") for i in range(HISTORY_PAGE + 200)]
    )
    first_backend.deliver([ChatSent(msg_id=1, nick="me", text="mine", expects_receipt=False)])
    first.close()

    backend = FakeBackend()
    history = FakeHistory(stored)
    window = _window(qtbot, settings, backend, history)
    assert _host(window, backend) == room
    qtbot.waitUntil(lambda: "mine" in _texts(window))
    texts = _texts(window)
    assert texts[-1] == "earlier messages above"  # the divider, then this session's rows
    assert page(window).transcript_model.row_at(len(texts) - 1).kind == RowKind.DIVIDER
    assert texts[-2] == "mine"
    assert texts[0] == "old 201"  # the last 500 rows of the room: 499 old ones and "mine"
    own = page(window).transcript_model.row_at(len(texts) - 2)
    assert own.kind == RowKind.OWN
    assert own.history_id

    page(window).transcript_view.scrollToTop()
    page(window).load_older_history()
    qtbot.waitUntil(lambda: _texts(window)[0] == "old 0")
    assert _texts(window)[201] == "old 201"
    assert page(window).transcript_model.rowCount() <= 2 * page(window).transcript_model.max_rows


def test_keep_history_off_records_nothing(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    history = FakeHistory()
    window = _window(qtbot, settings, fake_backend, history)
    page(window).actions_.keep_history.setChecked(False)
    assert not history.enabled
    assert page(window).actions_.history_off_note.isVisible()
    _host(window, fake_backend)
    fake_backend.deliver([ChatReceived(nick="bob", text="secret", sender="h:1")])
    assert not [c for c in history.calls if c[0] == "record"]
    assert settings.value("history/keep") in (False, "false")


def test_delete_and_export_go_to_the_history(
    qtbot: QtBot,
    settings: QSettings,
    fake_backend: FakeBackend,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    history = FakeHistory()
    window = _window(qtbot, settings, fake_backend, history)
    room = _host(window, fake_backend)
    target = tmp_path / "out.csv"
    monkeypatch.setattr(page(window).history_view, "ask_export_path", lambda fmt: target)
    with qtbot.waitSignal(history.export_finished):
        page(window).actions_.export_csv.trigger()
    assert ("export", room, target, "csv") in history.calls
    assert "Exported" in page(window).status_label.text()
    monkeypatch.setattr(page(window).history_view, "confirm_delete", lambda: "")
    page(window).actions_.delete_history.trigger()
    assert not [c for c in history.calls if c[0] == "delete"]
    monkeypatch.setattr(page(window).history_view, "confirm_delete", lambda: "room")
    page(window).actions_.delete_history.trigger()
    assert ("delete", room) in history.calls


def test_search_finds_highlights_and_moves(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    history = FakeHistory()
    window = _window(qtbot, settings, fake_backend, history)
    _host(window, fake_backend)
    texts = ["apple pie", "banana", "Green APPLE", "cherry", "an apple a day"]
    fake_backend.deliver([ChatReceived(nick="bob", text=t, sender="h:1") for t in texts])
    page(window).actions_.find.trigger()
    qtbot.keyClicks(page(window).search_bar.edit, "apple")
    with qtbot.waitSignal(history.search_finished):
        qtbot.keyClick(page(window).search_bar.edit, Qt.Key.Key_Return)
    assert page(window).match_position == (3, 3)
    assert page(window).search_bar.count_label.text() == "3 of 3"

    def current_text() -> str:
        return page(window).transcript_model.row_at(page(window).transcript_view.currentIndex().row()).text

    assert current_text() == "an apple a day"
    qtbot.keyClick(page(window).search_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert current_text() == "Green APPLE"
    assert page(window).search_bar.count_label.text() == "2 of 3"
    page(window).actions_.find_previous.trigger()
    assert current_text() == "apple pie"
    page(window).actions_.find_next.trigger()
    assert current_text() == "Green APPLE"
    green = page(window).transcript_model.row_at(page(window).transcript_view.currentIndex().row())
    assert page(window).transcript_view.highlight_ranges(green) == [(6, 5)]

    page(window).search_bar.close_bar()
    assert page(window).transcript_view.highlight_ranges(green) == []


def test_search_highlight_is_painted_behind_the_match(qtbot: QtBot, window: MainWindow) -> None:
    page(window).transcript_model.append_rows([Row(RowKind.OTHER, "bob", "xx needle xx")])
    before = page(window).transcript_view.viewport().grab().toImage()
    page(window).transcript_view.set_highlight("needle")
    after = page(window).transcript_view.viewport().grab().toImage()
    match = row_colours(page(window).transcript_view.palette()).match_background
    found = any(
        after.pixelColor(x, y) == match
        for x in range(after.width())
        for y in range(0, min(after.height(), 40))
    )
    assert found
    assert before != after


def test_notification_policy_throttles_and_summarises() -> None:
    policy = NotificationPolicy(interval=1.0)
    first = policy.add([("bob", "hi\nsecond line")], now=10.0)
    assert first is not None
    assert (first.count, first.sender, first.first_line) == (1, "bob", "hi")
    assert policy.add([("ann", "a")], now=10.2) is None  # within a second: held
    assert policy.add([("bob", "b"), ("cy", "c")], now=10.5) is None
    assert policy.unread == 4
    assert policy.next_due() == 11.0
    assert policy.flush(10.9) is None
    summary = policy.flush(11.0)
    assert summary is not None
    assert summary.is_summary
    assert (summary.count, summary.people) == (3, 3)
    assert policy.flush(12.5) is None  # nothing held
    flood = policy.add([("bob", str(i)) for i in range(12)], now=12.5)
    assert flood is not None
    assert (flood.count, flood.people) == (12, 1)
    assert policy.unread == 16
    policy.reset()
    assert policy.unread == 0
    assert policy.next_due() is None
    assert first_line("\n\n  third  \nx") == "third"


def test_background_messages_notify_and_activation_resets(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    notifier = FakeNotifier()
    window = _window(qtbot, settings, fake_backend, notifier=notifier)
    _host(window, fake_backend)
    # Let the window's own activation land first, so it cannot arrive after the other one's.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    fake_backend.deliver([ChatReceived(nick="bob", text="hello\nmore", sender="h:1")])
    fake_backend.deliver(
        [ChatReceived(nick="ann", text="x", sender="h:1"), ChatReceived(nick="cy", text="y", sender="h:1")]
    )
    assert notifier.messages == [("bob", "hello")]
    assert notifier.alerts == 1
    assert notifier.unread[-1] == 3
    qtbot.waitUntil(lambda: len(notifier.messages) == 2, timeout=3000)
    assert notifier.messages[1][1] == "2 new messages from 2 people"

    page(window).actions_.mute.setChecked(True)
    fake_backend.deliver([ChatReceived(nick="bob", text="quiet", sender="h:1")])
    assert len(notifier.messages) == 2
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert notifier.unread[-1] == 0
    assert page(window).notification_policy.unread == 0


def test_theme_toggle_changes_the_palette(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        page(window).actions_.themes[Theme.DARK].trigger()
        assert app.palette().color(QPalette.ColorRole.Base) == dark_palette().color(QPalette.ColorRole.Base)
        assert window.settings.value("ui/theme") == "dark"
        page(window).actions_.themes[Theme.LIGHT].trigger()
        assert app.palette().color(QPalette.ColorRole.Base) == light_palette().color(QPalette.ColorRole.Base)
    finally:
        page(window).set_theme(Theme.SYSTEM)


@pytest.mark.parametrize("palette_factory", [light_palette, dark_palette])
def test_transcript_colours_have_readable_contrast(palette_factory: object) -> None:
    palette = palette_factory()  # type: ignore[operator]
    c = row_colours(palette)
    pairs = {
        "text": (c.text, c.base),
        "time and system rows": (c.dim, c.base),
        "own text": (c.text, c.own_background),
        "own time": (c.dim, c.own_background),
        "own sender": (c.own_sender, c.own_background),
        "error": (c.warning, c.base),
        "delivered": (c.delivered, c.own_background),
        "missing": (c.warning, c.own_background),
        "match": (c.match_text, c.match_background),
        "selected": (
            palette.color(QPalette.ColorRole.HighlightedText),
            palette.color(QPalette.ColorRole.Highlight),
        ),
    }
    for name, (fg, bg) in pairs.items():
        assert contrast_ratio(fg, bg) >= 4.5, name


def test_usable_at_800_by_500(qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend) -> None:
    window.resize(800, 500)
    page(window).show_socket_controls()
    page(window).connect_button.click()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE)])
    page(window).open_search()
    qtbot.waitUntil(lambda: window.width() == 800 and window.height() == 500)
    controls = [
        window.menuBar(),
        page(window).connect_button,
        page(window).host_edit,
        page(window).port_spin,
        page(window).transcript_view,
        page(window).compose_edit,
        page(window).send_button,
        page(window).search_bar.edit,
        page(window).status_label,
    ]
    rects = []
    for widget in controls:
        assert widget.isVisible(), widget.objectName()
        top_left = widget.mapTo(window, widget.rect().topLeft())
        rect = widget.rect().translated(top_left)
        assert window.rect().contains(rect), widget.objectName()
        assert rect.width() >= 20, widget.objectName()
        assert rect.height() >= 10, widget.objectName()
        rects.append((widget.objectName(), rect))
    for i, (name, rect) in enumerate(rects):
        for other_name, other in rects[i + 1 :]:
            assert not rect.intersects(other), (name, other_name)


def test_right_to_left_text_is_laid_out_right_aligned(qtbot: QtBot, window: MainWindow) -> None:
    delegate = page(window).transcript_view.itemDelegate()
    assert isinstance(delegate, TranscriptDelegate)
    font = page(window).transcript_view.font()
    m = delegate._m(font)
    width = 400
    rtl = delegate._layout(m, font, "مرحبا بالعالم", width)
    ltr = delegate._layout(m, font, "hello world", width)
    assert rtl.textOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert rtl.lineAt(0).naturalTextRect().right() == pytest.approx(width, abs=2)
    assert ltr.lineAt(0).naturalTextRect().left() == pytest.approx(0, abs=1)
    hebrew = delegate._layout(m, font, "שלום 123", width)
    assert hebrew.lineAt(0).naturalTextRect().right() == pytest.approx(width, abs=2)


def test_any_script_in_the_entry_and_transcript(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    page(window).connect_button.click()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE)])
    text = "中文 繁體 😀 مرحبا שלום"
    page(window).compose_edit.setPlainText(text)
    page(window).send_button.click()
    assert fake_backend.sent == [text]
    fake_backend.deliver([ChatReceived(nick="李雷", text=text, sender="h:1")])
    assert page(window).transcript_model.rows()[-1].text == text


def test_timestamps_of_history_rows(window: MainWindow) -> None:
    row = row_from_history(HistoryRow(7, "r", time.time(), "other", "bob", "hi"))
    assert (row.kind, row.history_id, len(row.time)) == (RowKind.OTHER, 7, 8)
