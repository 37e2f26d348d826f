"""Two real windows with real Backends send each other files over loopback (issue 15)."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from chatgui import settings as settings_keys
from chatgui.net.backend import Backend
from chatgui.ui.file_rows import ICON, FileRowWidget
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_model import FileRow, Row, RowKind
from chatgui.ui.transfers import Stage
from chatgui.ui.transfers_like import TransfersLike
from tests.ui.conftest import MakeWindow
from tests.ui.files_fakes import picture_bytes
from tests.ui.page import page
from tests.ui.test_real_backend import WAIT_MS, _connect, _fill


def test_the_backend_is_what_the_window_sends_files_with() -> None:
    assert issubclass(Backend, TransfersLike)


def _room(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> tuple[MainWindow, MainWindow]:
    host, guest = make_window("ann"), make_window("bob")
    for window, name in ((host, "ann"), (guest, "bob")):
        assert window.files.commands is not None, "the window has no file commands"
        window.settings.setValue(settings_keys.DOWNLOADS, str(tmp_path / f"{name}-downloads"))
    _fill(host, "tcp", "host", "127.0.0.1", 0, "ann")
    _connect(qtbot, host)
    qtbot.waitUntil(lambda: page(host).listening_port > 0, timeout=WAIT_MS)
    _fill(guest, "tcp", "join", "127.0.0.1", page(host).listening_port, "bob")
    _connect(qtbot, guest)
    qtbot.waitUntil(lambda: set(page(host).roster_model.stringList()) == {"ann", "bob"}, timeout=WAIT_MS)
    return host, guest


def _file_row(window: MainWindow, name: str) -> tuple[str, FileRowWidget] | None:
    for entry in window.files.transfers.entries():
        widget = window.files.widgets.get(entry.offer_id)
        if entry.name == name and widget is not None:
            return entry.offer_id, widget
    return None


def _wait_file_row(qtbot: QtBot, window: MainWindow, name: str) -> tuple[str, FileRowWidget]:
    qtbot.waitUntil(lambda: _file_row(window, name) is not None, timeout=WAIT_MS)
    found = _file_row(window, name)
    assert found is not None
    return found


def test_a_file_and_a_picture_go_from_one_window_to_the_other(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    host, guest = _room(qtbot, make_window, tmp_path)
    opened: list[QUrl] = []
    host.files.open_url = lambda url: opened.append(url) or True
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    data = os.urandom(1024 * 1024 + 7)
    blob = outbox / "&amp; data.bin"  # markup-like (an entity): shown as typed
    blob.write_bytes(data)
    photo = outbox / "photo.png"
    photo.write_bytes(picture_bytes(640, 480, colour="#2266aa"))

    guest.files.attacher.offer_paths([str(blob), str(photo)])
    _, own = _wait_file_row(qtbot, guest, blob.name)
    qtbot.waitUntil(lambda: not own.withdraw_button.isHidden(), timeout=WAIT_MS)
    offer_id, row = _wait_file_row(qtbot, host, blob.name)
    assert row.name_label.text() == blob.name
    assert row.name_label.textFormat() == Qt.TextFormat.PlainText
    assert row.detail_label.text() == "1.0 MB · BIN file"
    rows = page(host).transcript_model.rows()
    assert any("travel unencrypted" in r.text for r in rows)
    assert any(type(r) is FileRow and r.sender == "bob" for r in rows)

    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    entry = host.files.transfers.entry(offer_id)
    assert entry is not None
    qtbot.waitUntil(lambda: entry.stage == Stage.SAVED, timeout=WAIT_MS)
    saved = Path(entry.path)
    assert saved.parent == tmp_path / "ann-downloads"
    assert saved.read_bytes() == data
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == entry.sha256
    assert not any(p.name.endswith(".chatgui-part") for p in saved.parent.iterdir())
    assert opened == []  # nothing opens by itself
    qtbot.waitUntil(lambda: "has it all" in own.status_label.text(), timeout=WAIT_MS)

    picture_id, picture = _wait_file_row(qtbot, host, "photo.png")
    qtbot.waitUntil(lambda: picture.picture_button.iconSize().width() > ICON.width(), timeout=WAIT_MS)
    qtbot.mouseClick(picture.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: picture.opens_picture, timeout=WAIT_MS)
    qtbot.mouseClick(picture.picture_button, Qt.MouseButton.LeftButton)
    saved_picture = host.files.transfers.entry(picture_id)
    assert saved_picture is not None
    assert opened == [QUrl.fromLocalFile(saved_picture.path)]


def test_a_withdrawn_offer_cannot_be_saved_any_more(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    host, guest = _room(qtbot, make_window, tmp_path)
    doc = tmp_path / "notes.txt"
    doc.write_text("notes")
    guest.files.attacher.offer_paths([str(doc)])
    _, own = _wait_file_row(qtbot, guest, "notes.txt")
    _, row = _wait_file_row(qtbot, host, "notes.txt")
    qtbot.waitUntil(lambda: not own.withdraw_button.isHidden(), timeout=WAIT_MS)
    qtbot.mouseClick(own.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.status_label.text() == "bob withdrew this offer.", timeout=WAIT_MS)
    assert row.save_button.isHidden()


def _members_room(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> tuple[MainWindow, ...]:
    """Ann hosts; Bob and Cy join her room (three windows, three real backends)."""
    ann, bob, cy = make_window("ann"), make_window("bob"), make_window("cy")
    for window, name in ((ann, "ann"), (bob, "bob"), (cy, "cy")):
        window.settings.setValue(settings_keys.DOWNLOADS, str(tmp_path / f"{name}-downloads"))
    _fill(ann, "tcp", "host", "127.0.0.1", 0, "ann")
    _connect(qtbot, ann)
    qtbot.waitUntil(lambda: page(ann).listening_port > 0, timeout=WAIT_MS)
    for window, name in ((bob, "bob"), (cy, "cy")):
        _fill(window, "tcp", "join", "127.0.0.1", page(ann).listening_port, name)
        _connect(qtbot, window)
    for window in (ann, bob, cy):
        qtbot.waitUntil(
            lambda w=window: set(page(w).roster_model.stringList()) == {"ann", "bob", "cy"}, timeout=WAIT_MS
        )
    return ann, bob, cy


def _chat_row(window: MainWindow, text: str) -> tuple[int, Row] | None:
    for position, row in enumerate(page(window).transcript_model.rows()):
        if row.kind in (RowKind.OTHER, RowKind.MUTED) and row.text == text:
            return position, row
    return None


def test_a_members_file_to_another_member_is_named_as_the_room_names_them(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    ann, bob, cy = _members_room(qtbot, make_window, tmp_path)
    bob.backend.send("plans below")
    qtbot.waitUntil(lambda: _chat_row(cy, "plans below") is not None, timeout=WAIT_MS)
    found = _chat_row(cy, "plans below")
    assert found is not None
    position, chat = found
    doc = tmp_path / "plan.txt"
    doc.write_text("the plan")
    bob.files.attacher.offer_paths([str(doc)])
    _, own = _wait_file_row(qtbot, bob, "plan.txt")
    offer_id, _ = _wait_file_row(qtbot, cy, "plan.txt")

    # Cy sees Bob's offer under the name his messages come under, as "host:port" underneath.
    file_rows = [r for r in page(cy).transcript_model.rows() if isinstance(r, FileRow)]
    assert [r.sender for r in file_rows] == [chat.sender] == ["bob"]
    entry = cy.files.transfers.entry(offer_id)
    assert entry is not None
    assert re.fullmatch(r"127\.0\.0\.1:\d+", entry.sender), entry.sender

    # Cy and Ann save it; Bob, a member, reads who has it by the names the room knows.
    for window in (cy, ann):
        saving_id, saving = _wait_file_row(qtbot, window, "plan.txt")
        qtbot.mouseClick(saving.save_button, Qt.MouseButton.LeftButton)
        saved = window.files.transfers.entry(saving_id)
        assert saved is not None
        qtbot.waitUntil(lambda s=saved: s.stage == Stage.SAVED, timeout=WAIT_MS)
        assert Path(saved.path).read_text() == "the plan"
    qtbot.waitUntil(lambda: own.status_label.text().count("has it all") == 2, timeout=WAIT_MS)
    lines = sorted(own.status_label.text().splitlines())
    assert [re.sub(r":\d+\)", ":PORT)", line) for line in lines] == [
        "ann (127.0.0.1:PORT): has it all",
        "cy (127.0.0.1:PORT): has it all",
    ], lines

    # Muting Bob from his message's menu refuses his next offer in Cy's window.
    view = page(cy).transcript_view
    menu = view.context_menu(view.visualRect(view.model().index(position, 0)).center())
    mute = next(a for a in menu.actions() if a.objectName() == "muteAction")
    assert mute.text() == "Mute bob"
    mute.trigger()
    qtbot.waitUntil(lambda: cy.mute.is_muted("bob"), timeout=WAIT_MS)
    second = tmp_path / "second.txt"
    second.write_text("more")
    bob.files.attacher.offer_paths([str(second)])
    qtbot.waitUntil(lambda: _file_row(ann, "second.txt") is not None, timeout=WAIT_MS)
    refused = "bob offered a file; it was refused because you muted them in this room."
    qtbot.waitUntil(lambda: any(r.text == refused for r in page(cy).transcript_model.rows()), timeout=WAIT_MS)
    assert "second.txt" not in [e.name for e in cy.files.transfers.entries()]  # nothing to save
