"""Muting for real (issue 15): three windows with real Backends in a TCP room on loopback.

Ann hosts, Bob and Cy join; Ann mutes Bob from her People list. Bob's messages reach her
folded and his offer never shows; Cy's message and offer still do; the room goes on. An offer
of Bob's shown before he was muted folds (no thumbnail, no Save) and comes back on unmute.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from chatgui import settings as settings_keys
from chatgui.ui.file_rows import ICON
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_model import FileRow, RowKind
from tests.ui.conftest import MakeWindow
from tests.ui.files_fakes import picture_bytes
from tests.ui.page import page
from tests.ui.test_real_backend import WAIT_MS, _connect, _fill


def _kinds(window: MainWindow, sender: str) -> list[tuple[RowKind, str]]:
    return [(r.kind, r.text) for r in page(window).transcript_model.rows() if r.sender == sender]


def test_a_muted_person_is_folded_and_refused_while_the_others_go_on(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    ann, bob, cy = make_window("ann"), make_window("bob"), make_window("cy")
    _fill(ann, "tcp", "host", "127.0.0.1", 0, "ann")
    _connect(qtbot, ann)
    qtbot.waitUntil(lambda: page(ann).listening_port > 0, timeout=WAIT_MS)
    for window, nick in ((bob, "bob"), (cy, "cy")):
        _fill(window, "tcp", "join", "127.0.0.1", page(ann).listening_port, nick)
        _connect(qtbot, window)
    qtbot.waitUntil(lambda: page(ann).roster_model.stringList() == ["ann", "bob", "cy"], timeout=WAIT_MS)

    roster = page(ann).roster_view
    at = roster.visualRect(roster.model().index(1, 0)).center()
    menu = ann.mute.roster_menu(at)
    assert menu is not None
    action = next(a for a in menu.actions() if a.objectName() == "muteAction")
    assert action.text() == "Mute bob"
    action.trigger()
    qtbot.waitUntil(lambda: roster.model().index(1, 0).data() == "bob (muted)", timeout=WAIT_MS)

    bob.backend.send("from bob")
    cy.backend.send("from cy")
    qtbot.waitUntil(lambda: _kinds(ann, "cy") == [(RowKind.OTHER, "from cy")], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _kinds(ann, "bob") == [(RowKind.MUTED, "from bob")], timeout=WAIT_MS)
    # Only Ann muted Bob: Cy reads him as ever.
    qtbot.waitUntil(lambda: _kinds(cy, "bob") == [(RowKind.OTHER, "from bob")], timeout=WAIT_MS)

    for window, name in ((bob, "bob.txt"), (cy, "cy.txt")):
        path = tmp_path / name
        path.write_text(name)
        window.files.attacher.offer_paths([str(path)])
    offered = lambda window: sorted(e.name for e in window.files.transfers.entries())  # noqa: E731
    qtbot.waitUntil(lambda: offered(cy) == ["bob.txt", "cy.txt"], timeout=WAIT_MS)  # the room has both
    qtbot.waitUntil(
        lambda: any("refused because you muted them" in r.text for r in page(ann).transcript_model.rows()),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: offered(ann) == ["cy.txt"], timeout=WAIT_MS)
    rows = page(ann).transcript_model.rows()
    assert [r.sender for r in rows if isinstance(r, FileRow)] == ["cy"]  # Bob's: nothing to save
    # The room goes on: after all that, a message from Cy still arrives, and Bob's still folds.
    cy.backend.send("still here")
    bob.backend.send("me too")
    qtbot.waitUntil(lambda: (RowKind.OTHER, "still here") in _kinds(ann, "cy"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: (RowKind.MUTED, "me too") in _kinds(ann, "bob"), timeout=WAIT_MS)


def test_an_offer_shown_before_its_sender_is_muted_folds_and_comes_back(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    ann, bob = make_window("ann"), make_window("bob")
    ann.settings.setValue(settings_keys.DOWNLOADS, str(tmp_path / "ann-downloads"))
    _fill(ann, "tcp", "host", "127.0.0.1", 0, "ann")
    _connect(qtbot, ann)
    qtbot.waitUntil(lambda: page(ann).listening_port > 0, timeout=WAIT_MS)
    _fill(bob, "tcp", "join", "127.0.0.1", page(ann).listening_port, "bob")
    _connect(qtbot, bob)
    qtbot.waitUntil(lambda: page(ann).roster_model.stringList() == ["ann", "bob"], timeout=WAIT_MS)
    path = tmp_path / "photo.png"
    path.write_bytes(picture_bytes(320, 240))
    bob.files.attacher.offer_paths([str(path)])
    entries = ann.files.transfers.entries
    qtbot.waitUntil(lambda: [e.name for e in entries()] == ["photo.png"], timeout=WAIT_MS)
    offer_id = entries()[0].offer_id
    qtbot.waitUntil(lambda: offer_id in ann.files.widgets, timeout=WAIT_MS)
    widget = ann.files.widgets[offer_id]
    qtbot.waitUntil(lambda: widget.picture_button.iconSize().width() > ICON.width(), timeout=WAIT_MS)
    viewport = page(ann).transcript_view.viewport()

    def save_buttons() -> list[QPushButton]:
        return [b for b in viewport.findChildren(QPushButton, "fileSaveButton") if b.isVisible()]

    qtbot.waitUntil(lambda: len(save_buttons()) == 1, timeout=WAIT_MS)  # shown once laid out

    roster = page(ann).roster_view
    qtbot.waitUntil(lambda: roster.visualRect(roster.model().index(1, 0)).isValid(), timeout=WAIT_MS)
    menu = ann.mute.roster_menu(roster.visualRect(roster.model().index(1, 0)).center())
    assert menu is not None
    next(a for a in menu.actions() if a.objectName() == "muteAction").trigger()
    row = next(r for r in page(ann).transcript_model.rows() if isinstance(r, FileRow))
    assert row.kind == RowKind.MUTED
    assert offer_id not in ann.files.widgets
    qtbot.waitUntil(lambda: save_buttons() == [], timeout=WAIT_MS)  # nothing of Bob's to save
    # The room goes on while he is muted: his words fold, the offer stays folded.
    bob.backend.send("did you get it?")
    qtbot.waitUntil(lambda: (RowKind.MUTED, "did you get it?") in _kinds(ann, "bob"), timeout=WAIT_MS)

    menu = ann.mute.roster_menu(roster.visualRect(roster.model().index(1, 0)).center())
    assert menu is not None
    next(a for a in menu.actions() if a.objectName() == "unmuteAction").trigger()
    assert row.kind == RowKind.FILE
    qtbot.waitUntil(lambda: len(save_buttons()) == 1, timeout=WAIT_MS)
    shown = ann.files.widgets[offer_id]
    qtbot.waitUntil(lambda: shown.picture_button.iconSize().width() > ICON.width(), timeout=WAIT_MS)
    shown.save_button.click()  # still open: it is fetched for real
    saved = tmp_path / "ann-downloads" / "photo.png"
    qtbot.waitUntil(lambda: saved.exists(), timeout=WAIT_MS)
    assert saved.read_bytes() == path.read_bytes()
