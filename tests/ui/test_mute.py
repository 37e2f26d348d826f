"""Muting a person in a room (issue 15): folded messages, refused offers, no notices, remembered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from chatgui import settings as settings_keys
from chatgui.events import (
    ChatReceived,
    FileOffered,
    Listening,
    RoomIdentified,
    RosterChanged,
    SessionState,
    StateChanged,
)
from chatgui.history.rooms import identity_key
from chatgui.history.store import HistoryRow
from chatgui.ui import mute_list
from chatgui.ui.main_window import MainWindow
from chatgui.ui.mute_list import MuteList
from chatgui.ui.transcript_model import FileRow, Row, RowKind
from tests.ui.conftest import FakeBackend, FakeHistory, FakeNotifier
from tests.ui.page import page


def _window(
    qtbot: QtBot,
    settings: QSettings,
    backend: FakeBackend,
    *,
    history: FakeHistory | None = None,
    notifier: FakeNotifier | None = None,
) -> MainWindow:
    win = MainWindow(backend, settings, history=history, notifier=notifier or FakeNotifier())
    qtbot.addWidget(win)
    win.resize(1200, 700)  # the People list beside the conversation
    win.show()
    qtbot.waitExposed(win)
    return win


def _start(
    window: MainWindow,
    backend: FakeBackend,
    mode: str = "tcp",
    role: str = "host",
    port: int = 50123,
    roster: tuple[str, ...] = ("ann", "bob", "cy"),
) -> None:
    p = page(window)
    p.show_socket_controls()
    p.mode_combo.setCurrentIndex(p.mode_combo.findData(mode))
    p.role_combo.setCurrentIndex(p.role_combo.findData(role))
    p.host_edit.setText("" if role == "host" else "127.0.0.1")
    p.port_spin.setValue(port)
    p.nick_edit.setText("ann")
    p.connect_button.click()
    assert backend.started, "the session did not start"
    backend.deliver(
        [StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:1",), port), RosterChanged(roster)]
    )


def _roster_pos(window: MainWindow, name: str) -> QPoint:
    view = page(window).roster_view
    row = window.presenter.session.roster.index(name)
    return view.visualRect(view.model().index(row, 0)).center()


def _actions(menu: QMenu | None) -> dict[str, str]:
    assert menu is not None
    return {a.objectName(): a.text() for a in menu.actions() if a.objectName()}


def _trigger(menu: QMenu | None, name: str) -> None:
    assert menu is not None
    action = next(a for a in menu.actions() if a.objectName() == name)
    action.trigger()


def _mute_from_roster(window: MainWindow, name: str) -> None:
    _trigger(window.mute.roster_menu(_roster_pos(window, name)), "muteAction")


def _rows(window: MainWindow, sender: str) -> list[Row]:
    return [r for r in page(window).transcript_model.rows() if r.sender == sender]


def _row_menu(window: MainWindow, row: Row) -> QMenu:
    model, view = page(window).transcript_model, page(window).transcript_view
    index = model.index(list(model.rows()).index(row), 0)
    view.scrollTo(index)
    return view.context_menu(view.visualRect(index).center())


def test_mute_from_the_people_list_folds_their_messages_and_not_the_others(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    window = _window(qtbot, settings, fake_backend)
    _start(window, fake_backend)
    assert window.mute.roster_menu(_roster_pos(window, "ann")) is None  # not ourselves
    menu = window.mute.roster_menu(_roster_pos(window, "bob"))
    assert _actions(menu) == {"muteAction": "Mute bob"}
    assert menu is not None
    assert menu.toolTipsVisible()
    assert "no passphrase" not in menu.actions()[0].toolTip()  # TCP: the host stamps names
    _mute_from_roster(window, "bob")
    roster = page(window).roster_view.model()
    assert [roster.index(i, 0).data() for i in range(3)] == ["ann", "bob (muted)", "cy"]
    assert page(window).roster_model.stringList() == ["ann", "bob", "cy"]  # the names themselves
    # A flood batch (messages only) and a mixed one: both fold bob's, and only bob's.
    fake_backend.deliver([ChatReceived("bob", "first\nof two lines", "h:1"), ChatReceived("cy", "hi", "h:1")])
    fake_backend.deliver([ChatReceived("BOB", "shouting", "h:1"), RosterChanged(("ann", "bob", "cy"))])
    assert [r.kind for r in _rows(window, "bob")] == [RowKind.MUTED]
    assert [r.kind for r in _rows(window, "BOB")] == [RowKind.MUTED]  # one name, any case
    assert [r.kind for r in _rows(window, "cy")] == [RowKind.OTHER]
    # Folded: one line, whatever the message.
    view = page(window).transcript_view
    folded, spoken = _rows(window, "bob")[0], _rows(window, "cy")[0]
    model = page(window).transcript_model
    height = view.sizeHintForIndex(model.index(list(model.rows()).index(folded), 0)).height()
    assert height == view.sizeHintForIndex(model.index(list(model.rows()).index(spoken), 0)).height()
    assert folded.text == "first\nof two lines"  # never lost: only folded
    # What a screen reader reads and Copy gives is the folded line too.
    at = list(model.rows()).index(folded)
    shown = f"{folded.time} Message from a muted person — click to show"
    assert model.index(at, 0).data(Qt.ItemDataRole.AccessibleTextRole) == shown
    assert model.text_for_rows([at]) == shown


def test_a_click_shows_one_folded_message_and_unmute_shows_them_all(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    window = _window(qtbot, settings, fake_backend)
    _start(window, fake_backend)
    _mute_from_roster(window, "bob")
    fake_backend.deliver([ChatReceived("bob", f"m{i}", "h:1") for i in range(3)])
    first, second, third = _rows(window, "bob")
    model, view = page(window).transcript_model, page(window).transcript_view
    index = model.index(list(model.rows()).index(first), 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert [r.kind for r in (first, second, third)] == [RowKind.OTHER, RowKind.MUTED, RowKind.MUTED]
    menu = _row_menu(window, second)
    assert _actions(menu) == {"showMutedAction": "Show this message", "unmuteAction": "Unmute bob"}
    _trigger(menu, "showMutedAction")
    assert second.kind == RowKind.OTHER
    assert third.kind == RowKind.MUTED
    _trigger(_row_menu(window, first), "unmuteAction")
    assert all(r.kind == RowKind.OTHER for r in (first, second, third))
    roster = page(window).roster_view.model()
    assert roster.index(1, 0).data() == "bob"
    # Muting from a message's menu folds everything of theirs at once.
    _trigger(_row_menu(window, third), "muteAction")
    assert all(r.kind == RowKind.MUTED for r in (first, second, third))


def test_a_system_row_or_our_own_has_no_mute(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    window = _window(qtbot, settings, fake_backend)
    _start(window, fake_backend)
    window.presenter.note_problem("something happened")
    row = next(r for r in page(window).transcript_model.rows() if r.kind == RowKind.ERROR)
    assert _actions(_row_menu(window, row)) == {}


def test_a_muted_persons_offer_is_refused_once_and_the_others_still_show(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    window = _window(qtbot, settings, fake_backend)
    _start(window, fake_backend)
    _mute_from_roster(window, "bob")
    offers = [FileOffered(f"o{i}", "bob", "h:1", f"b{i}.txt", 10, "0" * 64) for i in range(3)]
    fake_backend.deliver([*offers, FileOffered("c1", "cy", "h:1", "c.txt", 10, "1" * 64)])
    rows = page(window).transcript_model.rows()
    refused = [r.text for r in rows if "refused" in r.text]
    assert refused == ["bob offered a file; it was refused because you muted them in this room."]
    assert [r.offer_id for r in rows if isinstance(r, FileRow)] == ["c1"]
    assert all(window.files.transfers.entry(f"o{i}") is None for i in range(3))  # nothing to save
    # A new session may say it once more.
    fake_backend.deliver([StateChanged(SessionState.IDLE)])
    _start(window, fake_backend)
    fake_backend.deliver([FileOffered("o9", "bob", "h:1", "b9.txt", 10, "0" * 64)])
    assert sum("refused" in r.text for r in page(window).transcript_model.rows()) == 2


def test_notices_ignore_a_muted_person_and_history_keeps_their_words(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    notifier, history = FakeNotifier(), FakeHistory()
    window = _window(qtbot, settings, fake_backend, history=history, notifier=notifier)
    _start(window, fake_backend)
    _mute_from_roster(window, "bob")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    fake_backend.deliver([ChatReceived("bob", "psst", "h:1")])
    assert notifier.messages == []
    assert notifier.alerts == 0
    fake_backend.deliver([ChatReceived("cy", "hello", "h:1")])
    assert notifier.messages == [("cy", "hello")]
    kept = [(r.kind, r.sender, r.text) for r in history.rows if r.sender in ("bob", "cy")]
    assert kept == [("other", "bob", "psst"), ("other", "cy", "hello")]


def test_mute_is_remembered_per_room_and_folds_history_too(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend, tmp_path: Path
) -> None:
    history = FakeHistory()
    window = _window(qtbot, settings, fake_backend, history=history)
    _start(window, fake_backend, role="join", roster=("host", "ann", "bob"))
    fake_backend.deliver([ChatReceived("bob", "before", "h:1")])
    room = window.mute.room
    assert room.startswith("tcp:")
    assert window.mute.roster_menu(_roster_pos(window, "ann")) is None  # us, listed by the host
    # The host tells its room's identity: the room is that from now on.
    fake_backend.deliver([RoomIdentified("r1", "")])
    assert window.mute.room == identity_key("r1")
    _mute_from_roster(window, "bob")
    assert _rows(window, "bob")[0].kind == RowKind.MUTED
    window.close()

    backend = FakeBackend()
    reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    again = _window(qtbot, reread, backend, history=FakeHistory(history.rows))
    _start(again, backend, role="join", roster=("host", "ann", "bob"))
    qtbot.waitUntil(lambda: any(r.text == "before" for r in page(again).transcript_model.rows()))
    assert _rows(again, "bob")[0].kind == RowKind.OTHER  # still the address's room: not muted there
    backend.deliver([RoomIdentified("r1", "")])
    qtbot.waitUntil(lambda: any(r.text == "before" for r in page(again).transcript_model.rows()))
    assert all(r.kind == RowKind.MUTED for r in _rows(again, "bob"))  # history rows fold too
    backend.deliver([ChatReceived("bob", "after", "h:1")])
    assert _rows(again, "bob")[-1].kind == RowKind.MUTED
    stored = json.loads(str(QSettings(settings.fileName(), QSettings.Format.IniFormat).value("people/muted")))
    assert stored == {identity_key("r1"): ["bob"]}


def test_an_open_udp_room_says_a_name_can_be_forged(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    window = _window(qtbot, settings, fake_backend)
    _start(window, fake_backend, mode="udp", role="broadcast", roster=("ann", "bob"))
    menu = window.mute.roster_menu(_roster_pos(window, "bob"))
    assert menu is not None
    assert "anyone on the network can send under this name" in menu.actions()[0].toolTip()


def test_a_hostile_name_is_shown_as_marks_and_its_ampersand_is_no_shortcut(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    window = _window(qtbot, settings, fake_backend)
    name = "a&b\u202ecod.exe"
    _start(window, fake_backend, roster=("ann", name))
    menu = window.mute.roster_menu(_roster_pos(window, name))
    assert _actions(menu) == {"muteAction": "Mute a&&b⟨U+202E⟩cod.exe"}
    _trigger(menu, "muteAction")
    fake_backend.deliver([ChatReceived(name, "x", "h:1"), ChatReceived("a&b\u202ecod.exe\u200b", "y", "h:1")])
    assert all(r.kind == RowKind.MUTED for r in page(window).transcript_model.rows() if r.text in "xy")


def test_history_opened_read_only_folds_nobody_and_offers_no_mute(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    history = FakeHistory([HistoryRow(1, "tcp-host:1", 1.0, "other", "bob", "old")])
    window = _window(qtbot, settings, fake_backend, history=history)
    assert window.mute.room == ""
    window.open_history("tcp-host:1", "")
    qtbot.waitUntil(lambda: bool(_rows(window, "bob")))
    assert _actions(_row_menu(window, _rows(window, "bob")[0])) == {}


# ----------------------------------------------------------------- the list in the settings


def test_the_list_survives_a_garbled_settings_file(settings: QSettings) -> None:
    for garbage in ("not json", "[1, 2]", json.dumps({"r": "bob", "": ["x"], "s": [1, "", "cy", "cy"]})):
        settings.setValue(settings_keys.MUTED_PEOPLE, garbage)
        people = MuteList(settings)
        assert people.muted("r") == frozenset()
    assert people.muted("s") == {"cy"}


def test_the_list_is_bounded(settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mute_list, "MAX_PER_ROOM", 3)
    monkeypatch.setattr(mute_list, "MAX_ROOMS", 2)
    people = MuteList(settings)
    for name in ("a", "b", "c", "d"):  # one over: the earliest muted is forgotten
        assert people.set_muted("r1", name, True)
    assert people.muted("r1") == {"b", "c", "d"}
    assert not people.set_muted("r1", "d", True)  # already: nothing written
    people.set_muted("r2", "x", True)
    people.set_muted("r3", "y", True)  # one room over: the least recently changed goes
    assert people.muted("r1") == frozenset()
    assert people.muted("r3") == {"y"}
    over = "k" * (mute_list.MAX_KEY_CHARS + 1)
    assert not people.set_muted(over, "x", True)
    assert people.set_muted("k" * mute_list.MAX_KEY_CHARS, "x", True)
    assert not people.set_muted("", "x", True)
    assert MuteList(settings).muted("r3") == {"y"}  # read back as written
    assert people.set_muted("r3", "Y", False)
    assert MuteList(settings).muted("r3") == frozenset()


def test_history_pages_of_a_muted_person_arrive_folded(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    room = "tcp:127.0.0.1:50123"
    settings.setValue(settings_keys.MUTED_PEOPLE, json.dumps({room: ["bob"]}))
    old = [HistoryRow(1, room, 1.0, "other", "bob", "old"), HistoryRow(2, room, 2.0, "other", "cy", "older")]
    window = _window(qtbot, settings, fake_backend, history=FakeHistory(old))
    _start(window, fake_backend, role="join", roster=("host", "ann", "bob"))
    assert window.mute.room == room
    qtbot.waitUntil(lambda: bool(_rows(window, "bob")))
    assert [r.kind for r in _rows(window, "bob")] == [RowKind.MUTED]
    assert [r.kind for r in _rows(window, "cy")] == [RowKind.OTHER]
