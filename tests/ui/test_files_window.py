"""Files in the window: offer rows, their buttons, progress, thumbnails, sending (fake commands).

The backend's file commands are a ``FakeFilesBackend`` that records them; the tests play the
worker's part by delivering ``FileOffered``/``TransferProgress``/``TransferFinished`` batches.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QThread, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from chatgui import settings as settings_keys
from chatgui.events import (
    ChatReceived,
    FileWithdrawn,
    SessionState,
    StateChanged,
    TransferFinished,
    TransferProgress,
)
from chatgui.protocol.files import safe_name
from chatgui.ui.attach import THUMB_BYTES, default_downloads, downloads_folder, offer_thumbnail, pasted_name
from chatgui.ui.file_rows import ICON, FileRowWidget
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_model import FileRow, RowKind
from chatgui.ui.transfers import Stage
from tests.ui.conftest import FakeBackend
from tests.ui.files_fakes import FakeFilesBackend, offer, picture_bytes


@pytest.fixture
def backend() -> FakeFilesBackend:
    return FakeFilesBackend()


@pytest.fixture
def opened() -> list[QUrl]:
    return []


@pytest.fixture
def win(
    qtbot: QtBot, backend: FakeFilesBackend, settings: QSettings, tmp_path: Path, opened: list[QUrl]
) -> MainWindow:
    settings.setValue(settings_keys.DOWNLOADS, str(tmp_path / "downloads"))
    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.files.open_url = lambda url: opened.append(url) or True
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def go_active(backend: FakeBackend) -> None:
    backend.deliver([StateChanged(SessionState.ACTIVE)])


def widget(win: MainWindow, offer_id: str) -> FileRowWidget:
    found = win.files.widgets.get(offer_id)
    assert found is not None, f"no widget for {offer_id}"
    return found


def shown(button: QPushButton) -> bool:
    return not button.isHidden()


def test_without_file_commands_the_paperclip_is_hidden_and_offers_still_show(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    assert window.files.commands is None
    assert window.chat_page.attach_button.isHidden()
    go_active(fake_backend)
    fake_backend.deliver([offer("o1")])
    assert widget(window, "o1").name_label.text() == "report.pdf"


def test_an_offer_is_a_row_with_name_size_kind_and_save(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    assert win.files.commands is backend
    assert not win.chat_page.attach_button.isHidden()
    assert not win.chat_page.attach_button.isEnabled()
    go_active(backend)
    assert win.chat_page.attach_button.isEnabled()
    backend.deliver([ChatReceived("alice", "here it comes", "127.0.0.1:1"), offer("o1")])
    rows = win.transcript_model.rows()
    assert [r.kind for r in rows] == [RowKind.OTHER, RowKind.SYSTEM, RowKind.FILE]
    assert "travel unencrypted" in rows[1].text
    row = widget(win, "o1")
    assert row.name_label.text() == "report.pdf"
    assert row.detail_label.text() == "1.2 MB · PDF file"
    assert row.risky_label.isHidden()
    assert shown(row.save_button)
    assert shown(row.save_as_button)
    assert not shown(row.cancel_button)
    assert not shown(row.open_folder_button)
    assert not shown(row.withdraw_button)
    # The widget sits on its row, after the time and sender, and the row is as tall as it asks.
    view = win.chat_page.transcript_view
    rect = view.visualRect(win.transcript_model.index(2, 0))
    qtbot.waitUntil(lambda: row.geometry() == rect and rect.height() >= row.wanted_height(rect.width()))
    assert win.transcript_model.text_for_rows([2]).endswith("alice: offered report.pdf (1.2 MB)")


def test_the_public_room_sentence_comes_once_per_session_and_never_in_a_private_one(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    def warnings() -> int:
        return sum("travel unencrypted" in r.text for r in win.transcript_model.rows())

    go_active(backend)
    backend.deliver([offer("o1"), offer("o2")])
    backend.deliver([offer("o3")])
    assert warnings() == 1
    backend.deliver([StateChanged(SessionState.IDLE)])
    go_active(backend)
    backend.deliver([offer("o4")])
    assert warnings() == 2
    backend.deliver([StateChanged(SessionState.IDLE)])
    win.presenter.session.private = True
    go_active(backend)
    backend.deliver([offer("o5")])
    assert warnings() == 2


def test_save_fetches_into_the_downloads_folder_then_shows_progress_and_where_it_is(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path, opened: list[QUrl]
) -> None:
    go_active(backend)
    backend.deliver([offer("o1", size=200_000_000)])
    row = widget(win, "o1")
    folder = tmp_path / "downloads"
    assert not folder.exists()
    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    assert backend.file_calls == [("fetch_file", "o1", str(folder), "")]
    assert folder.is_dir()  # made on the first save
    assert shown(row.cancel_button)
    assert not shown(row.save_button)
    assert shown(row.progress)
    assert row.status_label.text() == "Waiting for other transfers to finish…"
    backend.deliver([TransferProgress("o1", "receive", "", 12_300_000, 200_000_000, 45e6)])
    assert row.status_label.text() == "12.3 MB of 200 MB · 45 MB/s · 4 s left"
    assert row.progress.value() == 61  # tenths of a percent
    saved = folder / "report.pdf"
    saved.write_bytes(b"x")
    backend.deliver([TransferFinished("o1", "receive", "", "ok", path=str(saved))])
    assert row.status_label.text() == f"Saved to {saved}"
    assert shown(row.open_folder_button)
    assert not shown(row.cancel_button)
    assert row.progress.isHidden()
    assert opened == []  # nothing is opened by itself
    qtbot.mouseClick(row.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(folder))]
    qtbot.mouseClick(row.picture_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(folder))]  # not a picture: the file never opens


def test_cancel_asks_the_backend_and_the_failure_offers_save_again(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path
) -> None:
    go_active(backend)
    backend.deliver([offer("o1")])
    row = widget(win, "o1")
    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    backend.deliver([TransferProgress("o1", "receive", "", 1000, 1_234_567, 1e5)])
    qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
    assert backend.file_calls[-1] == ("cancel_transfer", "o1", "")
    backend.deliver([TransferFinished("o1", "receive", "", "vanished")])
    assert row.status_label.text() == "The sender went away; Save again to resume."
    assert shown(row.save_button)
    assert row.save_button.text() == "Save again"
    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    assert backend.file_calls[-1] == ("fetch_file", "o1", str(tmp_path / "downloads"), "")


@pytest.mark.parametrize(
    ("outcome", "code", "reason", "words"),
    [
        ("hash", 0, "", "did not arrive intact; nothing was saved"),
        ("disk", errno.ENOSPC, "", "No room left on the disk of"),
        ("unreachable", 0, "", "(a firewall?)"),
        ("refused", 0, "busy", "Save again in a moment"),
        ("changed", 0, "", "changed the file after offering it"),
    ],
)
def test_each_failure_is_a_sentence_on_its_row(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, outcome: str, code: int, reason: str, words: str
) -> None:
    go_active(backend)
    backend.deliver([offer("o1")])
    row = widget(win, "o1")
    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    backend.deliver([TransferFinished("o1", "receive", "", outcome, reason=reason, code=code)])
    assert words in row.status_label.text()
    assert not row.status_label.isHidden()
    assert shown(row.save_button)


def test_several_transfers_run_at_once_each_on_its_row(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    go_active(backend)
    backend.deliver([offer("o1"), offer("o2", name="b.zip"), offer("o3", name="c.txt")])
    for offer_id in ("o1", "o2"):
        qtbot.mouseClick(widget(win, offer_id).save_button, Qt.MouseButton.LeftButton)
    backend.deliver(
        [
            TransferProgress("o1", "receive", "", 100_000, 1_234_567, 1e5),
            TransferProgress("o2", "receive", "", 900_000, 1_234_567, 1e6),
        ]
    )
    assert widget(win, "o1").status_label.text().startswith("100 KB of 1.2 MB")
    assert widget(win, "o2").status_label.text().startswith("900 KB of 1.2 MB")
    assert shown(widget(win, "o3").save_button)
    assert widget(win, "o3").progress.isHidden()


def test_a_risky_file_is_marked_and_saved_only_after_save_anyway(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    go_active(backend)
    backend.deliver([offer("o1", name="setup.exe", risky=True), offer("o2", name="run.sh", risky=True)])
    row = widget(win, "o1")
    assert not row.risky_label.isHidden()
    assert "program or a script" in row.risky_label.text()
    for offer_id, choice in (("o2", "cancel"), ("o1", "save")):
        qtbot.mouseClick(widget(win, offer_id).save_button, Qt.MouseButton.LeftButton)
        dialog = win.findChild(QMessageBox, "riskyDialog")
        assert dialog is not None
        assert dialog.isVisible()
        assert backend.file_calls == [] or backend.file_calls[-1][1] != offer_id
        if choice == "save":
            button = dialog.findChild(QPushButton, "riskySaveButton")
            assert button is not None
            assert button.text() == "Save anyway"
        else:
            button = dialog.button(QMessageBox.StandardButton.Cancel)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: win.findChild(QMessageBox, "riskyDialog") is None)
    assert [c[:2] for c in backend.file_calls] == [("fetch_file", "o1")]


def test_a_picture_offer_shows_its_thumbnail_then_the_saved_picture_opens_on_click(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path, opened: list[QUrl]
) -> None:
    go_active(backend)
    backend.deliver([offer("p1", name="photo.png", mime="image/png", thumb=picture_bytes(160, 120))])
    row = widget(win, "p1")
    assert row.detail_label.text().endswith("PNG picture")
    qtbot.waitUntil(lambda: row.picture_button.iconSize().width() > ICON.width())
    assert not row.opens_picture
    qtbot.mouseClick(row.picture_button, Qt.MouseButton.LeftButton)
    assert opened == []  # not saved yet: nothing to open
    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "downloads" / "photo.png"
    saved.write_bytes(picture_bytes(640, 480, colour="#cc3333"))
    backend.deliver([TransferFinished("p1", "receive", "", "ok", path=str(saved))])
    qtbot.waitUntil(lambda: row.opens_picture)
    # The received file's own thumbnail: 640 × 480 shown within the row's box.
    assert row.picture_button.iconSize().width() > ICON.width()
    qtbot.mouseClick(row.picture_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(saved))]


def test_a_risky_picture_never_opens(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path, opened: list[QUrl]
) -> None:
    go_active(backend)
    backend.deliver([offer("p1", name="photo.png", mime="image/png", risky=True)])
    saved = tmp_path / "photo.png"
    saved.write_bytes(picture_bytes())
    win.files.transfers.mark_fetching("p1", str(tmp_path))
    backend.deliver([TransferFinished("p1", "receive", "", "ok", path=str(saved))])
    row = widget(win, "p1")
    qtbot.waitUntil(lambda: row.picture_button.iconSize() != ICON)
    win.files.open_picture("p1")
    qtbot.mouseClick(row.picture_button, Qt.MouseButton.LeftButton)
    assert opened == []
    assert not row.opens_picture


def test_a_bad_thumbnail_leaves_the_type_icon(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    go_active(backend)
    with qtbot.waitSignal(win.files._decoder.failed, timeout=5000):
        backend.deliver(
            [offer("p1", name="photo.png", mime="image/png", thumb=b"\x89PNG\r\n\x1a\n" + b"\0" * 100)]
        )
    backend.deliver([ChatReceived("bob", "still here", "127.0.0.1:2")])
    assert widget(win, "p1").picture_button.iconSize() == ICON
    assert win.transcript_model.rows()[-1].text == "still here"


def test_hostile_names_show_as_plain_text(qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend) -> None:
    go_active(backend)
    html = "<b>bold</b><img src=x>.txt"
    bidi = safe_name("invoice\u202etxt.exe")
    assert "\u202e" not in bidi
    assert bidi.endswith(".exe")
    backend.deliver([offer("h1", name=html, nick="<i>eve</i>"), offer("h2", name=bidi, risky=True)])
    row = widget(win, "h1")
    assert row.name_label.text() == html
    assert row.name_label.textFormat() == Qt.TextFormat.PlainText
    assert row.status_label.textFormat() == Qt.TextFormat.PlainText
    assert widget(win, "h2").name_label.text() == bidi
    assert win.transcript_model.rows()[-2].sender == "<i>eve</i>"  # painted as text by the delegate


def test_save_as_cleans_the_chosen_name(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path
) -> None:
    go_active(backend)
    backend.deliver([offer("o1")])
    qtbot.mouseClick(widget(win, "o1").save_as_button, Qt.MouseButton.LeftButton)
    dialog = win.files.dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.objectName() == "saveAsDialog"
    assert dialog.isVisible()
    elsewhere = tmp_path / "elsewhere"
    dialog.fileSelected.emit(str(elsewhere / "CON.txt"))
    dialog.reject()
    assert backend.file_calls == [("fetch_file", "o1", str(elsewhere), "_CON.txt")]
    assert elsewhere.is_dir()


def test_a_folder_that_cannot_be_made_is_said(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    win.settings.setValue(settings_keys.DOWNLOADS, str(blocker / "sub"))
    go_active(backend)
    backend.deliver([offer("o1")])
    qtbot.mouseClick(widget(win, "o1").save_button, Qt.MouseButton.LeftButton)
    assert backend.file_calls == []
    last = win.transcript_model.rows()[-1]
    assert last.kind == RowKind.ERROR
    assert "could not be made" in last.text
    assert shown(widget(win, "o1").save_button)


def test_our_own_offer_shows_each_receiver_and_can_be_withdrawn(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    go_active(backend)
    backend.deliver([TransferProgress("m1", "prepare", "", 500, 1000, 100.0)])
    row = widget(win, "m1")
    assert win.transcript_model.rows()[-1].text == "Preparing a file to offer…"
    assert row.status_label.text().startswith("Reading the file before offering it…")
    assert shown(row.cancel_button)
    assert not shown(row.save_button)
    backend.deliver([offer("m1", name="slides.pdf", own=True, nick="me", sender="")])
    last = len(win.transcript_model.rows()) - 1
    assert win.transcript_model.text_for_rows([last]).endswith("me: You offered slides.pdf (1.2 MB)")
    assert row.name_label.text() == "slides.pdf"
    assert shown(row.withdraw_button)
    assert not shown(row.save_button)
    backend.deliver(
        [
            TransferProgress("m1", "send", "bob", 600_000, 1_234_567, 1e6),
            TransferFinished("m1", "send", "carol", "sent"),
        ]
    )
    assert row.status_label.text().splitlines() == [
        "bob: 600 KB of 1.2 MB · 1.0 MB/s · 1 s left",
        "carol: has it all",
    ]
    # Only bob is still receiving: he alone can be stopped, and the offer stays.
    assert shown(row.stop_button)
    assert [action.text() for action in row.stop_menu.actions()] == ["bob"]
    row.stop_menu.actions()[0].trigger()
    assert backend.file_calls == [("cancel_transfer", "m1", "bob")]
    backend.deliver([TransferFinished("m1", "send", "bob", "cancelled")])
    assert not shown(row.stop_button)
    assert shown(row.withdraw_button)
    backend.file_calls.clear()
    qtbot.mouseClick(row.withdraw_button, Qt.MouseButton.LeftButton)
    assert backend.file_calls == [("withdraw_offer", "m1")]
    assert row.status_label.text() == "You withdrew this offer."
    assert not shown(row.withdraw_button)


def test_cancel_while_preparing_withdraws(qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend) -> None:
    go_active(backend)
    backend.deliver([TransferProgress("m1", "prepare", "", 0, 1000)])
    qtbot.mouseClick(widget(win, "m1").cancel_button, Qt.MouseButton.LeftButton)
    assert backend.file_calls == [("withdraw_offer", "m1")]


def test_a_withdrawn_offer_and_an_ended_session_leave_nothing_to_save(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    go_active(backend)
    backend.deliver([offer("o1"), offer("o2")])
    backend.deliver([FileWithdrawn("o1")])
    assert widget(win, "o1").status_label.text() == "alice withdrew this offer."
    backend.deliver([StateChanged(SessionState.STOPPING)])
    assert not win.chat_page.attach_button.isEnabled()
    backend.deliver([StateChanged(SessionState.IDLE)])
    for offer_id in ("o1", "o2"):
        row = widget(win, offer_id)
        assert not shown(row.save_button)
        assert not shown(row.save_as_button)
    assert widget(win, "o2").status_label.text().startswith("The session ended")
    win.files.save("o2")
    assert backend.file_calls == []


def test_the_conversation_goes_on_around_offers_and_clear_drops_their_widgets(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    go_active(backend)
    backend.deliver([offer("o1"), *[ChatReceived("bob", f"m{n}", "127.0.0.1:2") for n in range(50)]])
    assert win.transcript_model.rows()[-1].text == "m49"
    win.clear_transcript()
    qtbot.waitUntil(lambda: "o1" not in win.files.widgets)
    backend.deliver([TransferProgress("o1", "receive", "", 1, 2)])  # no row: nothing breaks
    backend.deliver([offer("o2")])
    assert "o2" in win.files.widgets


def test_the_paperclip_offers_chosen_files(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path
) -> None:
    go_active(backend)
    doc = tmp_path / "notes.txt"
    doc.write_text("hello")
    qtbot.mouseClick(win.chat_page.attach_button, Qt.MouseButton.LeftButton)
    dialog = win.files.attacher.dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.isVisible()
    dialog.filesSelected.emit([str(doc)])
    dialog.reject()
    assert backend.file_calls == [("offer_file", str(doc), b"")]


def test_a_picture_is_offered_with_a_small_thumbnail(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path
) -> None:
    go_active(backend)
    photo = tmp_path / "big.jpg"
    photo.write_bytes(picture_bytes(3000, 2000, "JPEG"))
    win.files.attacher.offer_paths([str(photo)])
    qtbot.waitUntil(lambda: len(backend.file_calls) == 1)
    name, path, thumb = backend.file_calls[0]
    assert (name, path) == ("offer_file", str(photo))
    assert isinstance(thumb, bytes)
    assert 0 < len(thumb) <= THUMB_BYTES
    image = QImage.fromData(thumb)
    assert not image.isNull()
    assert image.width() <= 200
    assert image.height() <= 150


def test_a_thumbnail_of_a_noisy_picture_still_fits(qtbot: QtBot) -> None:
    image = QImage(1200, 900, QImage.Format.Format_RGB32)
    import random

    rng = random.Random(0)
    for y in range(0, 900, 3):
        for x in range(0, 1200, 3):
            image.setPixelColor(x, y, QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    thumb = offer_thumbnail(image)
    assert 0 < len(thumb) <= THUMB_BYTES
    assert not QImage.fromData(thumb).isNull()
    assert offer_thumbnail(QImage()) == b""


def test_dropped_files_are_offered(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path
) -> None:
    go_active(backend)
    doc = tmp_path / "a.txt"
    doc.write_text("a")
    mime = QMimeData()
    mime.setUrls(
        [QUrl.fromLocalFile(str(doc)), QUrl.fromLocalFile(str(tmp_path)), QUrl("https://example.invalid/x")]
    )
    page = win.chat_page
    assert page.acceptDrops()
    # Qt delivers a drop only during a real drag (a synthetic one sent to the page never
    # arrives), so the page's filter is handed the events as Qt would hand them.
    attacher = win.files.attacher
    modifiers, button = Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, button, modifiers)
    assert attacher.eventFilter(page, enter)
    assert enter.isAccepted()
    words = QMimeData()
    words.setText("words")
    refused = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, words, button, modifiers)
    assert not attacher.eventFilter(page, refused)
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, button, modifiers)
    assert attacher.eventFilter(page, drop)
    # The folder and the web address are left out.
    assert backend.file_calls == [("offer_file", str(doc), b"")]


def test_a_pasted_picture_is_offered_as_a_png_file(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    go_active(backend)
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#22aa55"))
    mime = QMimeData()
    mime.setImageData(image)
    compose = win.chat_page.compose_edit
    assert compose.canInsertFromMimeData(mime)
    compose.insertFromMimeData(mime)
    assert compose.toPlainText() == ""
    # The PNG is written off the GUI thread; the offer follows once the file is there.
    qtbot.waitUntil(lambda: len(backend.file_calls) == 1, timeout=10_000)
    _, path, thumb = backend.file_calls[0]
    assert isinstance(path, str)
    assert re.fullmatch(r"Pasted picture \d{4}-\d\d-\d\d \d\d\.\d\d\.png", os.path.basename(path))
    assert QImage(path).size() == image.size()
    assert isinstance(thumb, bytes)
    assert 0 < len(thumb) <= THUMB_BYTES
    compose.insertFromMimeData(mime)  # a second paste the same minute gets its own name
    qtbot.waitUntil(lambda: len(backend.file_calls) == 2, timeout=10_000)
    assert backend.file_calls[1][1] != path
    assert os.path.basename(str(backend.file_calls[1][1])).endswith("(2).png")
    text = QMimeData()
    text.setText("just words")
    compose.insertFromMimeData(text)
    assert compose.toPlainText() == "just words"
    assert len(backend.file_calls) == 2


def test_pasted_pictures_are_written_off_the_gui_thread_each_under_its_own_name(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    go_active(backend)
    threads: list[object] = []
    original = QImage.save

    def spying_save(self: QImage, *args: object) -> bool:
        threads.append(QThread.currentThread())
        return bool(original(self, *args))  # type: ignore[call-overload]

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    QImage.save = spying_save  # type: ignore[method-assign]
    try:
        for _ in range(3):  # three pastes at once: none waits for the one before to be written
            win.files.attacher.offer_image(image)
        qtbot.waitUntil(lambda: len(backend.file_calls) == 3, timeout=10_000)
    finally:
        QImage.save = original  # type: ignore[method-assign]
    paths = [str(call[1]) for call in backend.file_calls]
    assert len(set(paths)) == 3
    assert all(os.path.getsize(path) > 0 for path in paths)
    assert threads
    assert all(thread is not QThread.currentThread() for thread in threads)


def test_nothing_is_offered_outside_a_session(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend, tmp_path: Path
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("a")
    win.files.attacher.offer_paths([str(doc)])
    assert backend.file_calls == []
    assert "Join or host a room first" in win.transcript_model.rows()[-1].text


def test_the_downloads_folder_is_settable(qtbot: QtBot, win: MainWindow, tmp_path: Path) -> None:
    assert downloads_folder(win.settings) == str(tmp_path / "downloads")
    win.settings.remove(settings_keys.DOWNLOADS)
    assert downloads_folder(win.settings) == default_downloads()
    assert default_downloads().endswith("chatgui")
    win.actions_.downloads_folder.trigger()
    dialog = win.files.dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.objectName() == "downloadsDialog"
    dialog.fileSelected.emit(str(tmp_path / "mine"))
    dialog.reject()
    assert downloads_folder(win.settings) == str(tmp_path / "mine")


def test_pasted_names_follow_the_pattern() -> None:
    import datetime

    assert pasted_name(datetime.datetime(2026, 11, 29, 21, 50)) == "Pasted picture 2026-11-29 21.50.png"


def test_file_rows_are_never_recorded_in_history(
    qtbot: QtBot, win: MainWindow, backend: FakeFilesBackend
) -> None:
    go_active(backend)
    backend.deliver([offer("o1")])
    assert isinstance(win.transcript_model.rows()[-1], FileRow)
    entry = win.files.transfers.entry("o1")
    assert entry is not None
    assert entry.stage == Stage.OFFERED
