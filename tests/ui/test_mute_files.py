"""Muting reaches what is already on screen (issue 15): offers fold, search skips folded rows.

A muted person's offers shown before they were muted fold into one line (thumbnail and Save
gone) and come back when shown or unmuted; a fetch the user started goes on, says so, and
folds when it ends. Search finds only what the user can read and says how much it skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from chatgui import settings as settings_keys
from chatgui.events import ChatReceived, TransferFinished, TransferProgress
from chatgui.history.store import HistoryRow
from chatgui.ui.file_rows import ICON
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_model import FileRow, Row, RowKind
from chatgui.ui.transfers import Stage
from tests.ui.conftest import FakeBackend, FakeHistory
from tests.ui.files_fakes import FakeFilesBackend, offer, picture_bytes
from tests.ui.page import page
from tests.ui.test_mute import _actions, _mute_from_roster, _row_menu, _start, _trigger, _window

FOLDED_FILE = "A file from a muted person — click to show"


@pytest.fixture
def backend() -> FakeFilesBackend:
    return FakeFilesBackend()


@pytest.fixture
def win(qtbot: QtBot, settings: QSettings, backend: FakeFilesBackend, tmp_path: Path) -> MainWindow:
    settings.setValue(settings_keys.DOWNLOADS, str(tmp_path / "downloads"))
    window = _window(qtbot, settings, backend)
    _start(window, backend)
    return window


def _file_row(window: MainWindow, offer_id: str) -> tuple[int, FileRow]:
    rows = page(window).transcript_model.rows()
    position, row = next(
        (i, r) for i, r in enumerate(rows) if isinstance(r, FileRow) and r.offer_id == offer_id
    )
    assert isinstance(row, FileRow)
    return position, row


def _save_buttons(window: MainWindow) -> list[QPushButton]:
    """Save buttons a user could reach in the conversation now."""
    viewport = page(window).transcript_view.viewport()
    return [b for b in viewport.findChildren(QPushButton, "fileSaveButton") if b.isVisible()]


def _click_row(qtbot: QtBot, window: MainWindow, position: int) -> None:
    view = page(window).transcript_view
    index = page(window).transcript_model.index(position, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_an_offer_shown_before_muting_folds_and_comes_back(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    picture = offer("p1", nick="bob", name="photo.png", mime="image/png", thumb=picture_bytes(160, 120))
    backend.deliver([picture, offer("c1", nick="cy", name="cy.txt")])
    widget = win.files.widgets["p1"]
    qtbot.waitUntil(lambda: widget.picture_button.iconSize().width() > ICON.width())  # the thumbnail
    qtbot.waitUntil(lambda: len(_save_buttons(win)) == 2)  # shown once laid out

    _mute_from_roster(win, "bob")
    position, row = _file_row(win, "p1")
    assert row.kind == RowKind.MUTED
    assert "p1" not in win.files.widgets
    assert page(win).transcript_view.indexWidget(page(win).transcript_model.index(position, 0)) is None
    qtbot.waitUntil(lambda: len(_save_buttons(win)) == 1)  # only Cy's
    entry = win.files.transfers.entry("p1")
    assert entry is not None
    assert not entry.can_save
    win.files.save("p1")  # even asked directly, nothing is fetched
    assert backend.file_calls == []
    model = page(win).transcript_model
    assert model.index(position, 0).data(Qt.ItemDataRole.AccessibleTextRole) == f"{row.time} {FOLDED_FILE}"
    one_line = page(win).transcript_view.sizeHintForIndex(model.index(position, 0)).height()
    assert one_line < widget.wanted_height(600)
    assert _file_row(win, "c1")[1].kind == RowKind.FILE  # Cy's offer is untouched

    # A click shows that one offer again, thumbnail and all; Save works.
    _click_row(qtbot, win, position)
    assert row.kind == RowKind.FILE
    shown = win.files.widgets["p1"]
    qtbot.waitUntil(lambda: shown.picture_button.iconSize().width() > ICON.width())
    qtbot.waitUntil(lambda: len(_save_buttons(win)) == 2)

    # Unmuted and muted again from the People list: it folds again.
    win.mute.set_muted("bob", False)
    assert row.kind == RowKind.FILE
    _mute_from_roster(win, "bob")
    assert row.kind == RowKind.MUTED
    qtbot.waitUntil(lambda: len(_save_buttons(win)) == 1)
    # Its menu once folded: show this offer, unmute its sender; unmuted, it is back as it is now.
    assert _actions(_row_menu(win, row)) == {
        "showMutedAction": "Show this offer",
        "unmuteAction": "Unmute bob",
    }
    _trigger(_row_menu(win, row), "unmuteAction")
    assert row.kind == RowKind.FILE
    assert entry.can_save
    qtbot.waitUntil(lambda: len(_save_buttons(win)) == 2)
    win.files.widgets["p1"].save_button.click()
    assert backend.file_calls[0][:2] == ("fetch_file", "p1")


def test_a_fetch_running_when_its_sender_is_muted_goes_on_and_folds_when_it_ends(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path
) -> None:
    backend.deliver([offer("o1", nick="bob", size=1000)])
    win.files.widgets["o1"].save_button.click()
    backend.deliver([TransferProgress("o1", "receive", "", 100, 1000)])
    _mute_from_roster(win, "bob")
    _, row = _file_row(win, "o1")
    assert row.kind == RowKind.FILE  # still open: the user asked for this file
    widget = win.files.widgets["o1"]
    assert "You muted bob; this transfer goes on because you started it" in widget.status_label.text()
    assert not widget.cancel_button.isHidden()
    assert ("cancel_transfer", "o1", "") not in backend.file_calls  # muting is not a cancel
    backend.deliver([TransferProgress("o1", "receive", "", 500, 1000)])
    assert "You muted bob" in widget.status_label.text()
    saved = str(tmp_path / "downloads" / "report.pdf")
    backend.deliver([TransferFinished("o1", "receive", "", "ok", path=saved)])
    assert row.kind == RowKind.MUTED  # ended: folded like the rest of theirs
    assert "o1" not in win.files.widgets
    _trigger(_row_menu(win, row), "unmuteAction")
    again = win.files.widgets["o1"]
    assert again.status_label.text() == f"Saved to {saved}"  # no word of muting any more
    entry = win.files.transfers.entry("o1")
    assert entry is not None
    assert (entry.stage, entry.muted, entry.folded) == (Stage.SAVED, False, False)


def test_unmuting_during_a_fetch_takes_the_sentence_back(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    backend.deliver([offer("o1", nick="bob", size=1000)])
    win.files.widgets["o1"].save_button.click()
    _mute_from_roster(win, "bob")
    widget = win.files.widgets["o1"]
    assert "Waiting for other transfers" in widget.status_label.text()
    assert "You muted bob" in widget.status_label.text()
    _, row = _file_row(win, "o1")
    win.mute.set_muted("bob", False)
    assert "You muted bob" not in widget.status_label.text()
    backend.deliver([TransferFinished("o1", "receive", "", "cancelled")])
    assert row.kind == RowKind.FILE  # nobody muted: it stays


# ----------------------------------------------------------------- search


def _search(qtbot: QtBot, window: MainWindow, text: str, history: FakeHistory | None = None) -> str:
    bar = page(window).search_bar
    page(window).actions_.find.trigger()
    bar.edit.clear()
    qtbot.keyClicks(bar.edit, text)  # typed: searched on Enter even when it is the same query
    if history is None:
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    else:
        with qtbot.waitSignal(history.search_finished):
            qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    return bar.count_label.text()


def _current(window: MainWindow) -> Row:
    return page(window).transcript_model.row_at(page(window).transcript_view.currentIndex().row())


def test_search_skips_folded_messages_and_says_how_many(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    window = _window(qtbot, settings, fake_backend)
    _start(window, fake_backend)
    fake_backend.deliver([ChatReceived("bob", "apple pie", "h:1"), ChatReceived("cy", "an apple", "h:1")])
    assert _search(qtbot, window, "apple") == "2 of 2"
    _mute_from_roster(window, "bob")
    fake_backend.deliver([ChatReceived("bob", "apple juice", "h:1"), ChatReceived("bob", "no match", "h:1")])
    assert _search(qtbot, window, "apple") == "1 of 1 · 2 more in muted messages"
    assert _current(window).text == "an apple"
    tip = page(window).search_bar.count_label.toolTip()
    assert "not searched" in tip
    page(window).actions_.find_next.trigger()
    assert _current(window).text == "an apple"  # next and previous stay on what can be read
    assert _search(qtbot, window, "juice") == "No matches · 1 more in muted messages"
    # A message shown with a click is searched like any other.
    pie = next(r for r in page(window).transcript_model.rows() if r.text == "apple pie")
    window.mute.reveal(pie)
    assert _search(qtbot, window, "apple") == "2 of 2 · 1 more in muted messages"
    window.mute.set_muted("bob", False)
    assert _search(qtbot, window, "apple") == "3 of 3"
    assert page(window).search_bar.count_label.toolTip() == ""


def test_search_in_the_history_skips_a_muted_persons_messages_shown_or_not(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    room = "tcp:127.0.0.1:50123"
    old = [
        HistoryRow(1, room, 1.0, "other", "bob", "old apple"),
        HistoryRow(2, room, 2.0, "other", "cy", "cy's apple"),
        HistoryRow(3, room, 3.0, "own", "ann", "my apple"),
    ]
    history = FakeHistory(old)
    window = _window(qtbot, settings, fake_backend, history=history)
    _start(window, fake_backend, role="join", roster=("host", "ann", "bob", "cy"))
    qtbot.waitUntil(lambda: any(r.text == "old apple" for r in page(window).transcript_model.rows()))
    _mute_from_roster(window, "bob")
    fake_backend.deliver([ChatReceived("bob", "new apple", "h:1")])  # recorded, folded when shown
    assert any(
        r.text == "new apple" and r.kind == RowKind.MUTED for r in page(window).transcript_model.rows()
    )
    assert _search(qtbot, window, "apple", history) == "2 of 2 · 2 more in muted messages"
    assert _current(window).text == "my apple"
    # Rows no longer shown (older than the page): a muted person's are still skipped.
    page(window).transcript_model.clear()
    assert _search(qtbot, window, "apple", history) == "2 of 2 · 2 more in muted messages"
    window.mute.set_muted("bob", False)
    assert _search(qtbot, window, "apple", history) == "4 of 4"
