"""The lab's picture tab reads the user's picture off the GUI thread: the window goes on meanwhile.

Where a test must know that a reading is under way, the reading waits at a gate the test
opens (``Gate``): whatever the machine's speed, the window is seen working while a picture
is still being read, and a superseded picture is seen finishing last.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from pytestqt.logging import Record
from pytestqt.qtbot import QtBot

from chatgui.lab.picture_wire import Picture
from chatgui.ui.lab import LabWidget, picture_reader
from chatgui.ui.lab.picture_tab import PictureView

from .conftest import FakeLabController

GATE_S = 10.0  # an upper bound: a gate the test forgets to open lets the reading go on after this


class Gate:
    """Stands in for ``load_picture`` in the reader's threads: notes each file, holds the named ones.

    Attributes:
        held: names of the files whose reading waits until ``open`` (the rest go straight on).
        started: names in the order their reading began.
        threads: the thread each reading ran in.
    """

    def __init__(self, held: set[str]) -> None:
        self.held = held
        self.started: list[str] = []
        self.threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._open = threading.Event()
        self._real = picture_reader.load_picture

    def __call__(self, path: str, name: str) -> Picture | None:
        with self._lock:
            self.started.append(name)
            self.threads.append(threading.current_thread())
        if name in self.held:
            self._open.wait(GATE_S)
        return self._real(path, name)

    def began(self, *names: str) -> Callable[[], bool]:
        """A condition: the reading of every one of ``names`` has begun."""
        return lambda: all(name in self.started for name in names)

    def open(self) -> None:
        """Let the held readings go on."""
        self._open.set()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate({"big.png", "first.png", "second.png"})
    monkeypatch.setattr(picture_reader, "load_picture", gate)
    yield gate
    gate.open()  # never leave a reader thread waiting


def _png(path: Path, width: int, height: int, colour: QColor) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(colour)
    assert image.save(str(path))
    return path


@pytest.fixture
def big(tmp_path: Path) -> Path:
    """A 6000 × 4000 picture (24 megapixels, under the cap): long to decode, quick to write."""
    image = QImage(6000, 4000, QImage.Format.Format_Grayscale8)
    image.fill(QColor(90, 90, 90))
    path = tmp_path / "big.png"
    assert image.save(str(path))
    return path


def _view(lab: LabWidget) -> PictureView:
    lab.tabs.setCurrentWidget(lab.picture_scroll)
    return lab.picture_view


def _settle(view: PictureView) -> None:
    """Every reading finished and its answer delivered (or dropped) on the GUI thread."""
    assert view.reader.wait(int(GATE_S * 2000))
    QCoreApplication.sendPostedEvents()


def test_a_big_picture_is_read_while_the_window_goes_on(
    lab: LabWidget, qtbot: QtBot, gate: Gate, big: Path
) -> None:
    view = _view(lab)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(0)
    assert view.use_file(str(big)) is None  # returns at once; the answer is a signal
    # Still reading (the gate holds it): the tab says so and nothing can be sent yet.
    assert view.status.text() == "Reading big.png…"
    assert not view.run_button.isEnabled()
    assert view.choose_button.isEnabled()  # another choice may supersede this one
    assert view.picture is view.builtin
    qtbot.waitUntil(gate.began("big.png"), timeout=10_000)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=10_000)  # the GUI thread runs meanwhile
    assert view.status.text() == "Reading big.png…"
    with qtbot.waitSignal(view.picture_ready, timeout=20_000) as ready:
        gate.open()
    timer.stop()
    assert ready.args == [True]
    assert gate.threads
    assert threading.main_thread() not in gate.threads
    picture = view.picture
    assert picture is not None
    assert (picture.name, picture.width, picture.height) == ("big.png", 192, 128)
    assert picture.pixels[:3] == bytes((90, 90, 90))
    assert view.status.text() == ""
    assert view.run_button.isEnabled()
    assert "big.png" in view.source_combo.currentText()


def test_the_newer_choice_wins_even_when_the_older_finishes_last(
    lab: LabWidget, qtbot: QtBot, gate: Gate, tmp_path: Path
) -> None:
    view = _view(lab)
    first = _png(tmp_path / "first.png", 300, 200, QColor(200, 0, 0))
    later = _png(tmp_path / "later.png", 300, 200, QColor(0, 0, 200))
    answers: list[bool] = []
    view.picture_ready.connect(answers.append)
    view.use_file(str(first))
    qtbot.waitUntil(gate.began("first.png"), timeout=10_000)
    with qtbot.waitSignal(view.picture_ready, timeout=10_000):
        view.use_file(str(later))  # not held: read while the first still waits
    gate.open()
    _settle(view)  # the first has finished now, last, and its answer has come
    assert answers == [True]
    picture = view.picture
    assert picture is not None
    assert picture.name == "later.png"
    assert picture.pixels[:3] == bytes((0, 0, 200))
    assert "later.png" in view.source_combo.currentText()
    assert view.status.text() == ""
    assert view.run_button.isEnabled()


def test_choices_waiting_for_a_thread_are_dropped_unread(
    lab: LabWidget, qtbot: QtBot, gate: Gate, tmp_path: Path
) -> None:
    view = _view(lab)
    paths = {
        name: _png(tmp_path / f"{name}.png", 40, 30, QColor(10 * i, 0, 0))
        for i, name in enumerate(("first", "second", "third", "fourth"))
    }
    answers: list[bool] = []
    view.picture_ready.connect(answers.append)
    view.use_file(str(paths["first"]))
    view.use_file(str(paths["second"]))
    qtbot.waitUntil(gate.began("first.png", "second.png"), timeout=10_000)  # both threads held
    view.use_file(str(paths["third"]))  # waits for a thread ...
    view.use_file(str(paths["fourth"]))  # ... and is dropped for this one
    assert view.status.text() == "Reading fourth.png…"
    with qtbot.waitSignal(view.picture_ready, timeout=20_000) as ready:
        gate.open()
    assert ready.args == [True]
    _settle(view)
    assert "third.png" not in gate.started
    assert answers == [True]
    assert view.picture is not None
    assert view.picture.name == "fourth.png"


@pytest.mark.parametrize(
    "content",
    [b"", b"not a picture at all", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, None],
    ids=["empty", "text", "truncated-png", "missing"],
)
def test_a_file_that_is_no_picture_is_a_sentence_and_the_last_good_choice_stays(
    lab: LabWidget, qtbot: QtBot, tmp_path: Path, content: bytes | None
) -> None:
    view = _view(lab)
    good = _png(tmp_path / "good.png", 64, 48, QColor(0, 150, 0))
    with qtbot.waitSignal(view.picture_ready, timeout=10_000):
        view.use_file(str(good))
    chosen = view.picture
    junk = tmp_path / "holiday.jpg"
    if content is not None:
        junk.write_bytes(content)
    with qtbot.waitSignal(view.picture_ready, timeout=10_000) as ready:
        view.use_file(str(junk))
    assert ready.args == [False]
    assert view.status.text() == (
        "holiday.jpg is not a picture chatgui can read (or it is over 40 megapixels): choose another."
    )
    assert view.picture is chosen
    assert view.run_button.isEnabled()


def test_picking_from_the_list_while_reading_drops_the_reading(
    lab: LabWidget, qtbot: QtBot, gate: Gate, tmp_path: Path, big: Path
) -> None:
    view = _view(lab)
    small = _png(tmp_path / "small.png", 64, 48, QColor(0, 0, 150))
    with qtbot.waitSignal(view.picture_ready, timeout=10_000):
        view.use_file(str(small))
    answers: list[bool] = []
    view.picture_ready.connect(answers.append)
    view.use_file(str(big))
    qtbot.waitUntil(gate.began("big.png"), timeout=10_000)
    view.source_combo.setFocus()
    qtbot.keyClick(view.source_combo, Qt.Key.Key_Up)  # the user picks the built-in drawing
    assert view.picture is view.builtin
    assert view.status.text() == ""
    assert view.run_button.isEnabled()
    gate.open()
    _settle(view)
    assert answers == []
    assert view.picture is view.builtin


_MIME: list[QMimeData] = []  # the events do not own their data: it must outlive them


def _drag(view: PictureView, *paths: Path) -> tuple[QDragEnterEvent, QDropEvent]:
    mime = QMimeData()
    _MIME.append(mime)
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    where = QPoint(view.width() // 2, view.height() // 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, buttons, keys)
    drop = QDropEvent(where.toPointF(), Qt.DropAction.CopyAction, mime, buttons, keys)
    return enter, drop


def test_a_picture_dropped_on_the_tab_is_read_the_same_way(
    lab: LabWidget, fake_controller: FakeLabController, qtbot: QtBot, tmp_path: Path
) -> None:
    view = _view(lab)
    dropped = _png(tmp_path / "dropped.png", 120, 90, QColor(250, 200, 0))
    enter, drop = _drag(view, dropped)
    QCoreApplication.sendEvent(view, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(view.picture_ready, timeout=10_000) as ready:
        QCoreApplication.sendEvent(view, drop)
        assert view.status.text() == "Reading dropped.png…"
    assert ready.args == [True]
    assert view.picture is not None
    assert view.picture.name == "dropped.png"

    two, _ = _drag(view, dropped, dropped)
    QCoreApplication.sendEvent(view, two)
    assert not two.isAccepted()  # one picture at a time
    view.run_button.click()  # a run is going on: nothing is taken until it ends
    busy, busy_drop = _drag(view, dropped)
    QCoreApplication.sendEvent(view, busy)
    assert not busy.isAccepted()
    QCoreApplication.sendEvent(view, busy_drop)
    assert not view.reader.busy
    assert fake_controller.pictures[-1][0] is view.picture


def test_closing_the_window_while_a_picture_is_read_is_quiet(
    qtbot: QtBot, qtlog: object, capfd: pytest.CaptureFixture[str], gate: Gate, big: Path
) -> None:
    lab = LabWidget(FakeLabController())
    lab.show()
    view = _view(lab)
    reader = view.reader
    answers: list[tuple[str, object]] = []
    reader.picture_read.connect(lambda path, picture: answers.append((path, picture)))
    view.use_file(str(big))
    qtbot.waitUntil(gate.began("big.png"), timeout=10_000)
    records: list[Record] = qtlog.records  # type: ignore[attr-defined]
    shown = len(records)  # the offscreen platform's words on showing a window are not ours
    gate.open()  # decoding 24 megapixels now, as the window goes
    with qtbot.waitSignal(lab.destroyed, timeout=30_000):
        lab.close()
        lab.deleteLater()
    QCoreApplication.sendPostedEvents()
    assert answers == []  # the reader went with the window; its answer went nowhere
    assert [r.message for r in qtlog.records[shown:]] == []  # type: ignore[attr-defined]
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert "Error" not in err
