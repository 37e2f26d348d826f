"""Muting for real (issue 15): three windows with real Backends in a TCP room on loopback.

Ann hosts, Bob and Cy join; Ann mutes Bob from her People list. Bob's messages reach her
folded and his offer never shows; Cy's message and offer still do; the room goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from chatgui.net.backend import Backend
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_model import FileRow, RowKind
from tests.ui.page import page
from tests.ui.test_real_backend import WAIT_MS, MakeWindow, _connect, _fill


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeWindow]:
    """Windows with their own real Backend and settings file; every backend shut down at the end."""
    backends: list[Backend] = []

    def make(name: str) -> MainWindow:
        backend = Backend()
        backends.append(backend)
        window = MainWindow(backend, QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.resize(1200, 700)  # the People list beside the conversation
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for backend in backends:
        assert backend.shutdown()


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
